"""Statuses and the moves between them, for measures, decisions and agreements."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class TransitionError(ValueError):
    """A status change the rules do not allow; the message names both ends."""


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


#: Where a measure (or a commission decision) may go from each status.
#: A done item can be reopened; a cancelled one restored to planned.
MEASURE_MOVES: dict[MeasureStatus, frozenset[MeasureStatus]] = {
    MeasureStatus.PLANNED: frozenset({MeasureStatus.IN_PROGRESS, MeasureStatus.DONE, MeasureStatus.CANCELLED}),
    MeasureStatus.IN_PROGRESS: frozenset({MeasureStatus.PLANNED, MeasureStatus.DONE, MeasureStatus.CANCELLED}),
    MeasureStatus.DONE: frozenset({MeasureStatus.IN_PROGRESS}),
    MeasureStatus.CANCELLED: frozenset({MeasureStatus.PLANNED}),
}

CLOSED = frozenset({MeasureStatus.DONE, MeasureStatus.CANCELLED})

MEASURE_STATUS_WORDS: dict[str, MeasureStatus] = {
    "planned": MeasureStatus.PLANNED,
    "запланировано": MeasureStatus.PLANNED,
    "запланирован": MeasureStatus.PLANNED,
    "планируется": MeasureStatus.PLANNED,
    "in_progress": MeasureStatus.IN_PROGRESS,
    "in progress": MeasureStatus.IN_PROGRESS,
    "в работе": MeasureStatus.IN_PROGRESS,
    "в процессе": MeasureStatus.IN_PROGRESS,
    "выполняется": MeasureStatus.IN_PROGRESS,
    "done": MeasureStatus.DONE,
    "выполнено": MeasureStatus.DONE,
    "выполнен": MeasureStatus.DONE,
    "исполнено": MeasureStatus.DONE,
    "cancelled": MeasureStatus.CANCELLED,
    "canceled": MeasureStatus.CANCELLED,
    "отменено": MeasureStatus.CANCELLED,
    "отменен": MeasureStatus.CANCELLED,
}

def parse_measure_status(text: str) -> MeasureStatus:
    key = " ".join(str(text).lower().replace("ё", "е").split())
    if key in MEASURE_STATUS_WORDS:
        return MEASURE_STATUS_WORDS[key]
    from accord.domain.labels import label  # the words module reads this one's vocabularies

    raise ValueError(f"{text!r} is not a status: use one of {', '.join(label(s, 'ru') for s in MeasureStatus)}")


def check_measure_move(current: MeasureStatus, to: MeasureStatus) -> None:
    if current != to and to not in MEASURE_MOVES[current]:
        raise TransitionError(f"a measure cannot go from {current.value} to {to.value}")


def is_overdue(due_on: date | None, status: MeasureStatus | str, today: date) -> bool:
    """Overdue is derived: the deadline has passed and the item is neither done nor cancelled."""
    return due_on is not None and due_on < today and MeasureStatus(status) not in CLOSED


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


#: The lifecycle runs forward only. Steps may be skipped (many intergovernmental
#: agreements enter into force on signing, with no ratification).
AGREEMENT_ORDER = [
    AgreementStatus.DRAFT,
    AgreementStatus.NEGOTIATING,
    AgreementStatus.SIGNED,
    AgreementStatus.RATIFIED,
    AgreementStatus.IN_FORCE,
]
AGREEMENT_ENDS = frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED})


def check_agreement_move(current: AgreementStatus, to: AgreementStatus) -> None:
    if current in AGREEMENT_ENDS:
        raise TransitionError(f"an agreement that is {current.value} cannot become {to.value}")
    if to is AgreementStatus.EXPIRED:
        if current is not AgreementStatus.IN_FORCE:
            raise TransitionError(f"only an agreement in force can expire, this one is {current.value}")
        return
    if to is AgreementStatus.TERMINATED:
        if AGREEMENT_ORDER.index(current) < AGREEMENT_ORDER.index(AgreementStatus.SIGNED):
            raise TransitionError(f"an agreement that is {current.value} was never signed and cannot be terminated")
        return
    if AGREEMENT_ORDER.index(to) <= AGREEMENT_ORDER.index(current):
        raise TransitionError(f"an agreement cannot go back from {current.value} to {to.value}")


def agreement_moves(current: AgreementStatus) -> list[AgreementStatus]:
    """Every status the rules let an agreement go to from `current`, in lifecycle order."""
    moves = []
    for to in AgreementStatus:
        try:
            check_agreement_move(current, to)
        except TransitionError:
            continue
        moves.append(to)
    return moves


def check_transition_date(last_on: date | None, on: date) -> None:
    if last_on is not None and on < last_on:
        raise TransitionError(f"a transition on {on.isoformat()} cannot precede the previous one on {last_on.isoformat()}")
