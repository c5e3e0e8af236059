"""Small records built in tests (the example data is loaded where a whole roadmap is needed)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from accord.domain.due import Due
from accord.domain.numbering import sort_key
from accord.store.models import Assignment, Direction, Measure, Organization, Roadmap, RoadmapParty


def roadmap(session: Session, code: str = "rm", parties: tuple[str, ...] = ("BY", "KG")) -> Roadmap:
    made = Roadmap(code=code, title=f"Roadmap {code}", horizon_year=2030)
    made.parties = [RoadmapParty(country_code=c, ordinal=i) for i, c in enumerate(parties)]
    made.directions = [
        Direction(sector="industry", title="Промышленность", title_en="Industry", ordinal=1),
        Direction(sector="agriculture", title="Сельское хозяйство", title_en="Agriculture", ordinal=2),
    ]
    session.add(made)
    session.flush()
    return made


def measure(session: Session, rm: Roadmap, number: str = "1.1", due: date | None = date(2026, 12, 31), status: str = "planned") -> Measure:
    made = Measure(
        roadmap=rm,
        direction_id=rm.directions[0].id,
        number=number,
        sort_key=sort_key(number),
        title=f"Measure {number}",
        status=status,
    )
    made.due = Due.of_date(due) if due else Due.ongoing()
    org = Organization(name=f"Министерство промышленности {number}", kind="ministry", country_code="BY")
    made.assignments.append(Assignment(organization=org, country_code="BY"))
    session.add(made)
    session.flush()
    return made
