"""Which deadlines reach whom, and at which step: pure rules, as tables."""

from __future__ import annotations

from datetime import date

import pytest

from accord.auth.access import Principal, measure_scope
from accord.domain.kinds import Role
from accord.remind.deadlines import Deadline, Step, calendar_for, due_for, step_of

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("due", "step"),
    [
        (date(2026, 11, 26), Step.OVERDUE),
        (date(2025, 1, 1), Step.OVERDUE),
        (date(2026, 11, 27), Step.DAYS_7),
        (date(2026, 12, 4), Step.DAYS_7),
        (date(2026, 12, 5), Step.DAYS_30),
        (date(2026, 12, 27), Step.DAYS_30),
        (date(2026, 12, 28), None),
    ],
)
def test_the_step_of_a_deadline(due: date, step: Step | None) -> None:
    assert step_of(due, TODAY) is step


def deadline(
    n: int, due: date, sector: str = "industry", parties: tuple[str, ...] = ("BY", "KG")
) -> Deadline:
    return Deadline(
        "measure",
        n,
        f"1.{n}",
        f"Measure {n}",
        due,
        "planned",
        measure_scope(sector, parties),
        "bk",
        f"/measures/{n}",
    )


DEADLINES = [
    deadline(1, date(2026, 11, 1)),  # overdue, industry, both parties
    deadline(2, date(2026, 12, 1), "agriculture", ("KG",)),  # 7 days, agriculture, Kyrgyz side only
    deadline(3, date(2026, 12, 20), "industry", ("BY",)),  # 30 days, industry, Belarusian side only
    deadline(4, date(2027, 6, 1)),  # far away
]

COORDINATOR = Principal("carol", Role.COORDINATOR)
EDITOR_BY_INDUSTRY = Principal("ed", Role.EDITOR, "BY", "industry")
EDITOR_KG = Principal("kg", Role.EDITOR, "KG")


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (COORDINATOR, [1, 2, 3]),
        (EDITOR_BY_INDUSTRY, [1, 3]),
        (EDITOR_KG, [1, 2]),
        (Principal("vic", Role.VIEWER), []),
        (Principal("alice", Role.ADMIN), []),
    ],
)
def test_who_is_reminded_of_what(user: Principal, expected: list[int]) -> None:
    assert [d.entity_id for d, _ in due_for(user, DEADLINES, TODAY)] == expected


def test_the_most_urgent_come_first_and_a_sent_step_is_not_repeated() -> None:
    due = due_for(COORDINATOR, DEADLINES, TODAY)
    assert [step for _, step in due] == [Step.OVERDUE, Step.DAYS_7, Step.DAYS_30]
    sent = frozenset({("measure", 1, date(2026, 11, 1), Step.OVERDUE)})
    assert [d.entity_id for d, _ in due_for(COORDINATOR, DEADLINES, TODAY, sent)] == [2, 3]
    # the same deadline at a later step is a new reminder; a moved deadline is a new deadline
    later = date(2026, 12, 14)
    assert [(d.entity_id, s) for d, s in due_for(EDITOR_BY_INDUSTRY, DEADLINES, later)] == [
        (1, Step.OVERDUE),
        (3, Step.DAYS_7),
    ]


def test_an_editors_calendar_holds_their_deadlines_and_everyone_elses_all() -> None:
    assert [d.entity_id for d in calendar_for(EDITOR_KG, DEADLINES)] == [1, 2, 4]
    assert [d.entity_id for d in calendar_for(Principal("vic", Role.VIEWER), DEADLINES)] == [1, 2, 3, 4]
