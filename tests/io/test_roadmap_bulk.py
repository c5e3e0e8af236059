"""Measures created in batches are recorded exactly as the ORM records one it creates.

The import inserts new measures and bodies with Core statements and writes their
audit and search entries itself; here the same measure is also made through the
ORM (whose flush listeners write those entries), and the two records are compared.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select

from accord.domain.due import parse_due
from accord.domain.numbering import sort_key
from accord.io.roadmap_sync import import_table
from accord.io.table_files import iter_table
from accord.search.index import search
from accord.store.db import Database
from accord.store.directory import guess_kind
from accord.store.models import (
    Assignment,
    AuditEntry,
    Direction,
    Measure,
    Organization,
    ProgressNote,
    SearchEntry,
)
from accord.store.roadmaps import create_roadmap
from tests.conftest import TODAY

BY_BODIES = ["Министерство спорта и туризма Республики Беларусь", "Национальное агентство по туризму"]
KG_BODY = "Департамент туризма при Министерстве экономики и коммерции Кыргызской Республики"
TITLE = "Провести совместный туристический форум «Великий шёлковый путь»"
NOTE = "Согласована программа форума"
RESULT = "Рост турпотока на 15 %"


def bulk(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(
            [
                [
                    "№",
                    "Направление",
                    "Мероприятие",
                    "Ответственные (BY)",
                    "Ответственные (KG)",
                    "Срок",
                    "Ожидаемый результат",
                    "Примечание",
                ],
                ["3.1", "Туризм", TITLE, "\n".join(BY_BODIES), KG_BODY, "IV квартал 2027", RESULT, NOTE],
            ]
        )
    with db.transaction(actor="dana", reason="import one.csv") as session:
        roadmap = create_roadmap(session, "bulk", "Дорожная карта А", ["BY", "KG"])
        import_table(session, iter_table(path), roadmap, "dana", TODAY)


def through_the_orm(db: Database) -> None:
    with db.transaction(actor="dana", reason="import one.csv") as session:
        roadmap = create_roadmap(session, "orm", "Дорожная карта Б", ["BY", "KG"])
        direction = Direction(sector="tourism", title="Туризм", title_en="Tourism", ordinal=1)
        roadmap.directions.append(direction)
        session.flush()
        bodies = [(name, "BY") for name in BY_BODIES] + [(KG_BODY, "KG")]
        orgs = [Organization(name=name, kind=guess_kind(name).value, country_code=c) for name, c in bodies]
        session.add_all(orgs)
        session.flush()
        measure = Measure(
            roadmap_id=roadmap.id,
            number="3.1",
            sort_key=sort_key("3.1"),
            direction_id=direction.id,
            title=TITLE,
            status="planned",
            illustrative=False,
            expected_result=RESULT,
            note=NOTE,
        )
        measure.due = parse_due("IV квартал 2027")
        measure.assignments = [
            Assignment(organization=org, country_code=country, role="responsible", ordinal=position)
            for (org, (_name, country), position) in zip(orgs, bodies, (0, 1, 0), strict=True)
        ]
        measure.notes.append(ProgressNote(on=TODAY, text=NOTE, author="dana"))
        session.add(measure)


def record(db: Database, code: str) -> dict[str, object]:
    """Everything written about roadmap `code`'s measure and bodies, without ids and times."""
    with db.reading() as session:
        measure = session.scalars(select(Measure).where(Measure.roadmap.has(code=code))).one()
        org_ids = [a.organization_id for a in measure.assignments]
        audit = session.scalars(
            select(AuditEntry).where(
                ((AuditEntry.entity == "measure") & (AuditEntry.entity_id == measure.id))
                | ((AuditEntry.entity == "organization") & AuditEntry.entity_id.in_(org_ids))
            )
        )
        entries = session.scalars(
            select(SearchEntry).where(
                ((SearchEntry.kind == "measure") & (SearchEntry.ref_id == measure.id))
                | ((SearchEntry.kind == "organization") & SearchEntry.ref_id.in_(org_ids))
            )
        )
        return {
            "measure": (
                measure.number,
                measure.title,
                measure.status,
                measure.due_kind,
                measure.due_on,
                measure.expected_result,
                measure.note,
                measure.version,
                measure.direction.sector,
            ),
            "bodies": [
                (a.organization.name, a.organization.kind, a.country_code, a.role, a.ordinal)
                for a in measure.assignments
            ],
            "notes": [(n.on, n.text, n.author) for n in measure.notes],
            "audit": sorted(
                (
                    e.entity,
                    e.entity_key,
                    e.action,
                    e.field or "",
                    e.old or "",
                    e.new or "",
                    e.version,
                    e.actor,
                    e.reason,
                )
                for e in audit
            ),
            "search": sorted((e.kind, e.title, e.on or date.min, e.lemmas) for e in entries),
        }


def test_a_measure_created_in_a_batch_is_recorded_as_the_orm_records_it(db: Database, tmp_path: Path) -> None:
    bulk(db, tmp_path)
    through_the_orm(db)
    made_in_bulk, made_by_orm = record(db, "bulk"), record(db, "orm")
    assert made_in_bulk == made_by_orm
    assert len(made_in_bulk["audit"]) == 1 + 3 + 1 + 3  # the measure, its bodies, its note; the three bodies
    assert len(made_in_bulk["search"]) == 4


def test_a_measure_created_in_a_batch_is_found_by_search(db: Database, tmp_path: Path) -> None:
    bulk(db, tmp_path)
    with db.reading() as session:
        hits, total = search(session, "туристического форума", kinds=["measure"])
    assert total == 1 and hits[0].title == f"3.1. {TITLE}"
