from datetime import date

import pytest

from accord.domain.numbering import normalise_number, sort_key
from accord.domain.status import (
    AgreementStatus as A,
)
from accord.domain.status import (
    MeasureStatus as M,
)
from accord.domain.status import (
    TransitionError,
    check_agreement_move,
    check_measure_move,
    check_transition_date,
    is_overdue,
    parse_measure_status,
)

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (date(2026, 11, 26), M.PLANNED, True),
        (date(2026, 11, 26), M.IN_PROGRESS, True),
        (date(2026, 11, 26), M.DONE, False),
        (date(2026, 11, 26), M.CANCELLED, False),
        (date(2026, 11, 27), M.PLANNED, False),
        (date(2027, 1, 1), M.PLANNED, False),
        (None, M.PLANNED, False),
    ],
)
def test_overdue_is_derived_from_deadline_and_status(due: date | None, status: M, overdue: bool) -> None:
    assert is_overdue(due, status, TODAY) is overdue


@pytest.mark.parametrize(
    ("current", "to"),
    [(M.PLANNED, M.IN_PROGRESS), (M.PLANNED, M.DONE), (M.IN_PROGRESS, M.DONE), (M.DONE, M.IN_PROGRESS), (M.CANCELLED, M.PLANNED), (M.PLANNED, M.PLANNED)],
)
def test_allowed_measure_moves(current: M, to: M) -> None:
    check_measure_move(current, to)


@pytest.mark.parametrize(("current", "to"), [(M.DONE, M.PLANNED), (M.DONE, M.CANCELLED), (M.CANCELLED, M.DONE), (M.CANCELLED, M.IN_PROGRESS)])
def test_refused_measure_moves(current: M, to: M) -> None:
    with pytest.raises(TransitionError, match=f"from {current.value} to {to.value}"):
        check_measure_move(current, to)


@pytest.mark.parametrize(("text", "status"), [("выполнено", M.DONE), ("В работе", M.IN_PROGRESS), ("in_progress", M.IN_PROGRESS), ("отменено", M.CANCELLED)])
def test_status_words(text: str, status: M) -> None:
    assert parse_measure_status(text) is status


def test_unknown_status_word_is_named() -> None:
    with pytest.raises(ValueError, match="'почти' is not a status"):
        parse_measure_status("почти")


@pytest.mark.parametrize(
    ("current", "to"),
    [
        (A.DRAFT, A.NEGOTIATING),
        (A.DRAFT, A.SIGNED),
        (A.NEGOTIATING, A.SIGNED),
        (A.SIGNED, A.RATIFIED),
        (A.SIGNED, A.IN_FORCE),
        (A.RATIFIED, A.IN_FORCE),
        (A.IN_FORCE, A.EXPIRED),
        (A.IN_FORCE, A.TERMINATED),
        (A.SIGNED, A.TERMINATED),
    ],
)
def test_agreement_lifecycle_runs_forward(current: A, to: A) -> None:
    check_agreement_move(current, to)


@pytest.mark.parametrize(
    ("current", "to", "says"),
    [
        (A.IN_FORCE, A.SIGNED, "cannot go back"),
        (A.SIGNED, A.SIGNED, "cannot go back"),
        (A.SIGNED, A.EXPIRED, "only an agreement in force can expire"),
        (A.DRAFT, A.TERMINATED, "never signed"),
        (A.EXPIRED, A.IN_FORCE, "cannot become"),
        (A.TERMINATED, A.SIGNED, "cannot become"),
    ],
)
def test_agreement_lifecycle_refuses(current: A, to: A, says: str) -> None:
    with pytest.raises(TransitionError, match=says):
        check_agreement_move(current, to)


def test_a_transition_cannot_precede_the_last_one() -> None:
    check_transition_date(date(2025, 9, 29), date(2025, 9, 29))
    with pytest.raises(TransitionError, match="cannot precede"):
        check_transition_date(date(2025, 9, 29), date(2025, 9, 28))


@pytest.mark.parametrize(("raw", "number"), [("2.3", "2.3"), (" 2.3. ", "2.3"), ("02.10", "2.10"), ("7", "7")])
def test_measure_numbers(raw: str, number: str) -> None:
    assert normalise_number(raw) == number


def test_measure_numbers_sort_naturally() -> None:
    assert sorted(["2.10", "2.9", "10.1", "1.1"], key=sort_key) == ["1.1", "2.9", "2.10", "10.1"]
    with pytest.raises(ValueError, match="not a measure number"):
        normalise_number("2.a")
