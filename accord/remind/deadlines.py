"""Deadlines of open measures and decisions, and which of them each person answers for.

Pure functions over plain data: the loader (``load.py``) reads the record once, these decide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from accord.auth.access import MeasureScope, Principal, can_edit_measure
from accord.domain.kinds import Role


class Step(StrEnum):
    """How close a deadline is; each step is reminded once per deadline."""

    DAYS_30 = "30d"
    DAYS_7 = "7d"
    OVERDUE = "overdue"


#: the order a digest lists its sections in: the most urgent first
STEPS = (Step.OVERDUE, Step.DAYS_7, Step.DAYS_30)


@dataclass(frozen=True, slots=True)
class Deadline:
    """An open measure or commission decision with a deadline."""

    entity: str  # "measure" or "decision"
    entity_id: int
    number: str
    title: str
    due_on: date
    status: str
    scope: MeasureScope
    where: str  # the roadmap's code, or the session the decision was taken at
    path: str  # the page of the record, relative to the site
    responsible: tuple[str, ...] = ()


def step_of(due_on: date, today: date) -> Step | None:
    """Overdue once the deadline has passed; 7 days and 30 days before it; nothing earlier."""
    days = (due_on - today).days
    if days < 0:
        return Step.OVERDUE
    if days <= 7:
        return Step.DAYS_7
    if days <= 30:
        return Step.DAYS_30
    return None


def answers_for(user: Principal, deadline: Deadline) -> bool:
    """Coordinators answer for every deadline; an editor for those in their party and/or direction."""
    if user.role is Role.COORDINATOR:
        return True
    return user.role is Role.EDITOR and can_edit_measure(user, deadline.scope)


def receives_reminders(user: Principal) -> bool:
    return user.role in (Role.COORDINATOR, Role.EDITOR)


def due_for(
    user: Principal,
    deadlines: Iterable[Deadline],
    today: date,
    sent: frozenset[tuple[str, int, date, Step]] = frozenset(),
) -> list[tuple[Deadline, Step]]:
    """The deadlines a user is to be reminded of today, skipping (entity, id, due, step) already sent."""
    out = []
    for d in deadlines:
        step = step_of(d.due_on, today)
        if step is None or not answers_for(user, d) or (d.entity, d.entity_id, d.due_on, step) in sent:
            continue
        out.append((d, step))
    out.sort(key=lambda pair: (STEPS.index(pair[1]), pair[0].due_on, pair[0].entity, pair[0].number))
    return out


def calendar_for(user: Principal, deadlines: Iterable[Deadline]) -> list[Deadline]:
    """An editor's calendar holds the deadlines they answer for; everyone else's, every open deadline."""
    chosen = (d for d in deadlines if user.role is not Role.EDITOR or answers_for(user, d))
    return sorted(chosen, key=lambda d: (d.due_on, d.entity, d.number))
