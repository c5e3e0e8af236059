"""Applying a roadmap table to the record: the measure number is the key.

Everything is checked before anything is written; the caller's transaction makes
the whole file one change (all or nothing), and the audit listener records each
edited field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from accord.domain.numbering import sort_key
from accord.domain.sectors import SECTORS, sector_code
from accord.domain.status import MeasureStatus, TransitionError, check_measure_move
from accord.io.roadmap_table import EXPORT_HEADERS, MeasureRow, ParsedTable, TableProblem, responsible_header
from accord.store.directory import find_or_create_organization, name_key
from accord.store.models import Assignment, Country, Direction, Measure, ProgressNote, Roadmap
from accord.store.progress import measures_of


class ImportRefused(ValueError):
    """The file has problems; nothing was imported."""

    def __init__(self, problems: list[TableProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _direction_index(roadmap: Roadmap) -> dict[str, Direction]:
    index: dict[str, Direction] = {}
    for d in roadmap.directions:
        for name in (d.title, d.title_en, d.sector):
            if name:
                index[name_key(name)] = d
    return index


def check(session: Session, table: ParsedTable, roadmap: Roadmap) -> list[TableProblem]:
    """Problems that need the record to see: unknown parties, directions, impossible status moves."""
    problems = list(table.problems)
    known = set(roadmap.party_codes)
    for party in table.parties:
        if party not in known:
            exists = session.get(Country, party) is not None
            reason = "is not a party to this roadmap" if exists else "is not a known country code"
            problems.append(TableProblem(None, responsible_header(party), f"{party} {reason} ({', '.join(sorted(known))})"))
    directions = _direction_index(roadmap)
    existing = {m.number: m for m in roadmap.measures}
    for row in table.rows:
        if name_key(row.direction) not in directions and sector_code(row.direction) is None:
            problems.append(
                TableProblem(
                    row.row,
                    EXPORT_HEADERS["direction"],
                    f"{row.direction!r} is neither a direction of this roadmap nor a sector "
                    f"({', '.join(SECTORS)})",
                )
            )
        measure = existing.get(row.number)
        if measure is not None and row.status is not None:
            try:
                check_measure_move(MeasureStatus(measure.status), row.status)
            except TransitionError as exc:
                problems.append(TableProblem(row.row, EXPORT_HEADERS["status"], f"measure {row.number}: {exc}"))
    return problems


def _direction_for(session: Session, roadmap: Roadmap, text: str) -> Direction:
    index = _direction_index(roadmap)
    if (found := index.get(name_key(text))) is not None:
        return found
    code = sector_code(text)
    assert code is not None  # checked before
    for d in roadmap.directions:
        if d.sector == code:
            return d
    ru, en = SECTORS[code]
    direction = Direction(
        sector=code, title=text if name_key(text) != code else ru, title_en=en, ordinal=len(roadmap.directions) + 1
    )
    roadmap.directions.append(direction)
    session.flush()
    return direction


def _set_responsible(session: Session, measure: Measure, party: str, names: list[str]) -> bool:
    current = [a for a in measure.assignments if a.country_code == party and a.role == "responsible"]
    if [name_key(a.organization.name) for a in current] == [name_key(n) for n in names] or [
        name_key(a.organization.label) for a in current
    ] == [name_key(n) for n in names]:
        return False
    wanted = [find_or_create_organization(session, name, party) for name in names]
    wanted_ids = [o.id for o in wanted]
    for a in current:
        if a.organization_id not in wanted_ids:
            measure.assignments.remove(a)
    have = {a.organization_id for a in measure.assignments if a.role == "responsible"}
    for position, org in enumerate(wanted):
        if org.id not in have:
            measure.assignments.append(
                Assignment(organization=org, organization_id=org.id, country_code=party, role="responsible", ordinal=position)
            )
    return True


def _apply_row(session: Session, roadmap: Roadmap, measure: Measure, row: MeasureRow, actor: str, today: date) -> bool:
    changed = False
    direction = _direction_for(session, roadmap, row.direction)
    values = {
        "direction_id": direction.id,
        "title": row.title,
        "due_kind": row.due.kind.value,
        "due_on": row.due.on,
        "expected_result": row.expected_result,
    }
    if row.status is not None:
        values["status"] = row.status.value
    for name, value in values.items():
        if getattr(measure, name) != value:
            setattr(measure, name, value)
            changed = True
    if (row.note or None) != (measure.note or None):
        measure.note = row.note
        if row.note:
            measure.notes.append(ProgressNote(on=today, text=row.note, author=actor))
        changed = True
    for party, names in row.responsible.items():
        changed |= _set_responsible(session, measure, party, names)
    return changed


def apply(session: Session, table: ParsedTable, roadmap: Roadmap, actor: str, today: date) -> ImportResult:
    """Create and update measures from the table; raises ImportRefused before writing anything."""
    problems = check(session, table, roadmap)
    if problems:
        raise ImportRefused(problems)
    existing = {m.number: m for m in measures_of(session, roadmap)}
    result = ImportResult()
    for row in table.rows:
        measure = existing.get(row.number)
        if measure is None:
            direction = _direction_for(session, roadmap, row.direction)
            measure = Measure(
                roadmap=roadmap,
                number=row.number,
                sort_key=sort_key(row.number),
                direction_id=direction.id,
                title=row.title,
                status=(row.status or MeasureStatus.PLANNED).value,
                illustrative=roadmap.illustrative,
            )
            measure.due = row.due
            session.add(measure)
            session.flush()
            _apply_row(session, roadmap, measure, row, actor, today)
            result.created.append(row.number)
        elif _apply_row(session, roadmap, measure, row, actor, today):
            result.updated.append(row.number)
        else:
            result.unchanged.append(row.number)
    session.flush()
    return result
