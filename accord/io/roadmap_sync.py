"""Applying a roadmap table to the record: the measure number is the key.

The whole file is one transaction (the caller's), so it is all or nothing: every
row is checked, and as soon as one problem is found nothing more is written and
`ImportRefused` lists every problem of the file, which rolls back whatever
earlier rows had written. The audit listener records each edited field.

The cost is linear in the rows: measures are read and written in chunks, the
directory of organisations is read once, an unchanged row is told from what the
record holds without loading ORM objects, and new measures are inserted in
batches (`accord.io.roadmap_bulk`); a file of 200,000 measures holds no more than
one chunk of them in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.domain.sectors import SECTORS
from accord.domain.status import MeasureStatus, TransitionError, check_measure_move
from accord.io.problems import ImportRefused, TableProblem
from accord.io.roadmap_bulk import NewMeasure, create_measures
from accord.io.roadmap_lookup import Directions, Organizations, party_code
from accord.io.roadmap_table import (
    EXPORT_HEADERS,
    Layout,
    MeasureRow,
    measure_rows,
    open_table,
    responsible_header,
)
from accord.io.table_files import SheetRow
from accord.store.directory import name_key
from accord.store.models import (
    Assignment,
    Country,
    Direction,
    Measure,
    Organization,
    ProgressNote,
    Roadmap,
)

__all__ = ["ImportRefused", "ImportResult", "import_table"]

CHUNK = 500


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _limit(model: type, column: str) -> int | None:
    return getattr(model.__table__.c[column].type, "length", None)


NUMBER_LENGTH = _limit(Measure, "number")
DIRECTION_LENGTH = _limit(Direction, "title")
ORGANIZATION_LENGTH = _limit(Organization, "name")


@dataclass(frozen=True, slots=True)
class Stored:
    """What the record holds for a measure, read without ORM objects, to tell an unchanged row cheaply."""

    id: int
    direction_id: int
    title: str
    due_kind: str
    due_on: date | None
    expected_result: str | None
    status: str
    note: str | None
    #: party -> (name, label) of each responsible body, in order
    responsible: dict[str, list[tuple[str, str]]]


def _same(stored: object, incoming: object) -> bool:
    """Equal, counting text that differs only by surrounding whitespace (which a table cell loses) as equal."""
    if isinstance(stored, str) and isinstance(incoming, str):
        return stored.strip() == incoming
    return stored == incoming


def _same_bodies(current: list[tuple[str, str]], names: list[str]) -> bool:
    keys = [name_key(n) for n in names]
    return [name_key(name) for name, _ in current] == keys or [
        name_key(label) for _, label in current
    ] == keys


@dataclass
class Importer:
    """One file's rows applied to one roadmap, chunk by chunk, in the caller's transaction."""

    session: Session
    roadmap: Roadmap
    actor: str
    today: date
    problems: list[TableProblem] = field(default_factory=list)
    result: ImportResult = field(default_factory=ImportResult)

    def __post_init__(self) -> None:
        self.directions = Directions(self.session, self.roadmap)
        #: number -> status of every measure the roadmap has, to check moves without loading them
        query = select(Measure.number, Measure.status).where(Measure.roadmap_id == self.roadmap.id)
        self.statuses: dict[str, str] = {number: status for number, status in self.session.execute(query)}
        self.codes: dict[str, str] = {}
        self.organizations: Organizations | None = None

    def parties(self, layout: Layout) -> None:
        """Each responsible column's label -> the party's code; unknown ones are problems."""
        known = self.roadmap.party_codes
        countries = [p.country for p in self.roadmap.parties]
        for label in layout.parties:
            code = party_code(label, countries)
            if code is None:
                if len(label) == 2:
                    exists = self.session.get(Country, label.upper()) is not None
                    reason = "is not a party to this roadmap" if exists else "is not a known country code"
                else:
                    reason = "names no party of this roadmap"
                self.problems.append(
                    TableProblem(
                        None, responsible_header(label), f"{label} {reason} ({', '.join(sorted(known))})"
                    )
                )
            else:
                self.codes[label] = code
        self.organizations = Organizations(self.session, self.codes.values(), self.roadmap.illustrative)

    def check(self, row: MeasureRow) -> None:
        """Problems that need the record to see: unknown directions, impossible moves, overlong cells."""
        if NUMBER_LENGTH and len(row.number) > NUMBER_LENGTH:
            self.problems.append(
                TableProblem(row.row, EXPORT_HEADERS["number"], f"longer than {NUMBER_LENGTH} characters")
            )
        if not self.directions.known(row.direction):
            self.problems.append(
                TableProblem(
                    row.row,
                    EXPORT_HEADERS["direction"],
                    f"{row.direction!r} is neither a direction of this roadmap nor a sector ({', '.join(SECTORS)})",
                )
            )
        elif DIRECTION_LENGTH and len(row.direction) > DIRECTION_LENGTH:
            self.problems.append(
                TableProblem(
                    row.row, EXPORT_HEADERS["direction"], f"longer than {DIRECTION_LENGTH} characters"
                )
            )
        for label, names in row.responsible.items():
            for name in names:
                if ORGANIZATION_LENGTH and len(name) > ORGANIZATION_LENGTH:
                    self.problems.append(
                        TableProblem(
                            row.row,
                            responsible_header(label),
                            f"a body's name is longer than {ORGANIZATION_LENGTH} characters: {name[:40]}…",
                        )
                    )
        current = self.statuses.get(row.number)
        if current is not None and row.status is not None:
            try:
                check_measure_move(MeasureStatus(current), row.status)
            except TransitionError as exc:
                self.problems.append(
                    TableProblem(row.row, EXPORT_HEADERS["status"], f"measure {row.number}: {exc}")
                )

    def run(self, rows: Iterator[MeasureRow]) -> None:
        """Check every row; write chunk by chunk while the file is clean so far."""
        while chunk := list(islice(rows, CHUNK)):
            for row in chunk:
                self.check(row)
            if not self.problems:
                self.write(chunk)

    def stored(self, numbers: list[str]) -> dict[str, Stored]:
        measures = select(
            Measure.number,
            Measure.id,
            Measure.direction_id,
            Measure.title,
            Measure.due_kind,
            Measure.due_on,
            Measure.expected_result,
            Measure.status,
            Measure.note,
        ).where(Measure.roadmap_id == self.roadmap.id, Measure.number.in_(numbers))
        rows = {r.id: r for r in self.session.execute(measures)}
        bodies: dict[int, dict[str, list[tuple[str, str]]]] = {measure_id: {} for measure_id in rows}
        if rows:
            query = (
                select(
                    Assignment.measure_id, Assignment.country_code, Organization.name, Organization.short_name
                )
                .join(Organization, Assignment.organization_id == Organization.id)
                .where(Assignment.measure_id.in_(list(rows)), Assignment.role == "responsible")
                .order_by(Assignment.measure_id, Assignment.ordinal, Assignment.id)
            )
            for measure_id, country, name, short in self.session.execute(query):
                bodies[measure_id].setdefault(country, []).append((name, short or name))
        return {
            r.number: Stored(
                r.id,
                r.direction_id,
                r.title,
                r.due_kind,
                r.due_on,
                r.expected_result,
                r.status,
                r.note,
                bodies[r.id],
            )
            for r in rows.values()
        }

    def differs(self, stored: Stored, row: MeasureRow) -> bool:
        """Whether applying `row` would change anything (the same comparisons `apply_row` makes)."""
        values = (
            (stored.direction_id, self.directions.get(row.direction).id),
            (stored.title, row.title),
            (stored.due_kind, row.due.kind.value),
            (stored.due_on, row.due.on),
            (stored.expected_result, row.expected_result),
            (stored.note or None, row.note or None),
        )
        if any(not _same(old, new) for old, new in values):
            return True
        if row.status is not None and stored.status != row.status.value:
            return True
        return any(
            not _same_bodies(stored.responsible.get(self.codes[label], []), names)
            for label, names in row.responsible.items()
        )

    def write(self, chunk: list[MeasureRow]) -> None:
        assert self.organizations is not None
        self.organizations.ensure(
            (name, self.codes[label])
            for row in chunk
            for label, names in row.responsible.items()
            for name in names
        )
        stored = self.stored([row.number for row in chunk])
        new: list[NewMeasure] = []
        changed: list[MeasureRow] = []
        for row in chunk:
            current = stored.get(row.number)
            if current is None:
                new.append(self.new_measure(row))
                self.result.created.append(row.number)
                self.statuses[row.number] = (row.status or MeasureStatus.PLANNED).value
            elif self.differs(current, row):
                changed.append(row)
            else:
                self.result.unchanged.append(row.number)
        create_measures(self.session, self.roadmap.id, self.roadmap.illustrative, new, self.actor, self.today)
        if changed:
            self.update(changed)

    def new_measure(self, row: MeasureRow) -> NewMeasure:
        assert self.organizations is not None
        return NewMeasure(
            number=row.number,
            direction_id=self.directions.get(row.direction).id,
            title=row.title,
            due_kind=row.due.kind.value,
            due_on=row.due.on,
            expected_result=row.expected_result,
            status=row.status or MeasureStatus.PLANNED,
            note=row.note,
            responsible=[
                (self.codes[label], self.organizations.get(name, self.codes[label]))
                for label, names in row.responsible.items()
                for name in names
            ],
        )

    def update(self, rows: list[MeasureRow]) -> None:
        """Changed measures through the ORM, so each edited field is audited by the listener."""
        measures = {
            m.number: m
            for m in self.session.scalars(
                select(Measure)
                .where(Measure.roadmap_id == self.roadmap.id, Measure.number.in_([r.number for r in rows]))
                .options(
                    selectinload(Measure.assignments).selectinload(Assignment.organization),
                    selectinload(Measure.notes),
                )
            )
        }
        for row in rows:
            measure = measures[row.number]
            self.apply_row(measure, row)
            self.result.updated.append(row.number)
            self.statuses[row.number] = measure.status
        self.session.flush()
        for measure in measures.values():
            self.session.expunge(measure)

    def apply_row(self, measure: Measure, row: MeasureRow) -> None:
        values = {
            "direction_id": self.directions.get(row.direction).id,
            "title": row.title,
            "due_kind": row.due.kind.value,
            "due_on": row.due.on,
            "expected_result": row.expected_result,
        }
        if row.status is not None:
            values["status"] = row.status.value
        for name, value in values.items():
            if not _same(getattr(measure, name), value):
                setattr(measure, name, value)
        if not _same(measure.note or None, row.note or None):
            measure.note = row.note
            if row.note:
                measure.notes.append(ProgressNote(on=self.today, text=row.note, author=self.actor))
        for label, names in row.responsible.items():
            self.set_responsible(measure, self.codes[label], names)

    def set_responsible(self, measure: Measure, party: str, names: list[str]) -> None:
        current = [a for a in measure.assignments if a.country_code == party and a.role == "responsible"]
        if _same_bodies([(a.organization.name, a.organization.label) for a in current], names):
            return
        assert self.organizations is not None
        wanted = [self.organizations.get(name, party).id for name in names]
        for a in current:
            if a.organization_id not in wanted:
                measure.assignments.remove(a)
        have = {a.organization_id for a in measure.assignments if a.role == "responsible"}
        for position, org_id in enumerate(wanted):
            if org_id not in have:
                have.add(org_id)
                organization = self.session.get(Organization, org_id)
                measure.assignments.append(
                    Assignment(
                        organization=organization, country_code=party, role="responsible", ordinal=position
                    )
                )


def import_table(
    session: Session, rows: Iterable[SheetRow], roadmap: Roadmap, actor: str, today: date
) -> ImportResult:
    """Create and update measures from a table's rows; raises ImportRefused listing every problem.

    Run it in a transaction that a raised error rolls back: rows written before a
    problem was found are then undone with everything else.
    """
    importer = Importer(session, roadmap, actor, today)
    layout, below = open_table(rows, importer.problems)
    if layout is None or importer.problems:
        raise ImportRefused(importer.problems)
    importer.parties(layout)
    importer.run(measure_rows(layout, below, importer.problems))
    if importer.problems:
        raise ImportRefused(importer.problems)
    session.flush()
    return importer.result
