"""Progress counted by the database agrees with the rules applied measure by measure."""

from __future__ import annotations

from collections import Counter

from accord.store.db import Database
from accord.store.progress import default_roadmap, measures_of, overdue, progress, upcoming
from tests.conftest import TODAY


def test_counts_per_direction_agree_with_each_measure(example_db: Database) -> None:
    with example_db.reading() as session:
        roadmap = default_roadmap(session)
        expected: dict[str, Counter[str]] = {d.sector: Counter() for d in roadmap.directions}
        for m in measures_of(session, roadmap):
            counts = expected[m.direction.sector]
            counts["total"] += 1
            counts[m.status] += 1
            counts["overdue"] += m.is_overdue(TODAY)
        state = progress(session, roadmap, TODAY)
        for row in state.directions:
            got = {k: getattr(row, k) for k in ("total", "done", "in_progress", "planned", "cancelled", "overdue")}
            assert got == {k: expected[row.direction.sector][k] for k in got}
        totals = state.totals
        assert (totals.total, totals.done, totals.overdue) == (45, 7, 11)
        assert round(totals.share_done, 3) == round(7 / 43, 3)


def test_overdue_and_upcoming_lists(example_db: Database) -> None:
    with example_db.reading() as session:
        roadmap = default_roadmap(session)
        late = overdue(session, roadmap, TODAY)
        soon = upcoming(session, roadmap, TODAY, days=90)
    assert len(late) == 11 and all(m.is_overdue(TODAY) for m in late)
    assert [m.due_on for m in late] == sorted(m.due_on for m in late)
    assert soon and all(m.due_on >= TODAY and m.status not in ("done", "cancelled") for m in soon)
    assert not {m.number for m in late} & {m.number for m in soon}
