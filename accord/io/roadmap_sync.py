"""Applying a roadmap table to the record: the measure number is the key.

The whole file is one transaction (the caller's), so it is all or nothing: every
row is checked, and as soon as one problem is found nothing more is written and
`ImportRefused` lists every problem of the file, which rolls back whatever
earlier rows had written. The audit listener records each edited field.

The cost is linear in the rows: measures are read and written in chunks, the
directory of organisations is read once, and each chunk is flushed and let go,
so a file of 200,000 measures holds no more than one chunk of them in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from accord.domain.numbering import sort_key
from accord.domain.sectors import SECTORS, sector_code
from accord.domain.status import MeasureStatus, TransitionError, check_measure_move
from accord.io.problems import TableProblem
from accord.io.roadmap_table import (
    EXPORT_HEADERS,
    Layout,
    MeasureRow,
    measure_rows,
    open_table,
    responsible_header,
)
from accord.io.table_files import SheetRow
from accord.store.directory import guess_kind, name_key
from accord.store.models import (
    Assignment,
    Country,
    Direction,
    Measure,
    Organization,
    OrganizationAlias,
    ProgressNote,
    Roadmap,
)

CHUNK = 500
#: words in an official country name that say nothing about which country it is
GENERIC_WORDS = frozenset(
    {
        "республика",
        "республики",
        "республикой",
        "федерация",
        "федерации",
        "королевство",
        "государство",
        "republic",
        "federation",
        "kingdom",
        "state",
        "the",
        "of",
    }
)


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


def _limit(model: type, column: str) -> int | None:
    return getattr(model.__table__.c[column].type, "length", None)


NUMBER_LENGTH = _limit(Measure, "number")
DIRECTION_LENGTH = _limit(Direction, "title")
ORGANIZATION_LENGTH = _limit(Organization, "name")


def _stems(name: str) -> set[str]:
    words = name_key(name).replace("-", " ").replace("(", " ").replace(")", " ").split()
    return {w[:5] for w in words if len(w) >= 5 and w not in GENERIC_WORDS}


def party_code(label: str, countries: list[Country]) -> str | None:
    """The party a responsible column names: a code (BY) or a country's name in any usual form.

    «Республика Беларусь», «Кыргызская Республика», «Kyrgyz Republic» are matched to the
    roadmap's countries by the first letters of the words that are not generic.
    """
    if label.upper() in {c.code for c in countries}:
        return label.upper()
    wanted = _stems(label)
    found = {c.code for c in countries if wanted & (_stems(c.name_ru) | _stems(c.name_en))}
    return found.pop() if len(found) == 1 else None


class Directions:
    """The roadmap's directions by every name they go by; a sector named for the first time is added."""

    def __init__(self, session: Session, roadmap: Roadmap) -> None:
        self.session, self.roadmap = session, roadmap
        self.index: dict[str, Direction] = {}
        for d in roadmap.directions:
            self._remember(d)

    def _remember(self, d: Direction) -> None:
        for name in (d.title, d.title_en, d.sector):
            if name:
                self.index.setdefault(name_key(name), d)

    def known(self, text: str) -> bool:
        return name_key(text) in self.index or sector_code(text) is not None

    def get(self, text: str) -> Direction:
        if (found := self.index.get(name_key(text))) is not None:
            return found
        code = sector_code(text)
        assert code is not None  # checked before
        for d in self.roadmap.directions:
            if d.sector == code:
                self.index[name_key(text)] = d
                return d
        ru, en = SECTORS[code]
        direction = Direction(
            sector=code,
            title=text if name_key(text) != code else ru,
            title_en=en,
            ordinal=len(self.roadmap.directions) + 1,
        )
        self.roadmap.directions.append(direction)
        self.session.flush()
        self._remember(direction)
        self.index[name_key(text)] = direction
        return direction


class Organizations:
    """The directory read once: names, short names and aliases, within a country or of no country."""

    def __init__(self, session: Session, countries: Iterable[str]) -> None:
        self.session = session
        self.by_key: dict[tuple[str, str | None], int] = {}
        self.loaded: dict[int, Organization] = {}
        codes = list(countries)
        query = (
            select(Organization.id, Organization.name, Organization.short_name, Organization.country_code)
            .where(or_(Organization.country_code.in_(codes), Organization.country_code.is_(None)))
            .order_by(Organization.id)
        )
        for org_id, name, short, country in session.execute(query):
            for text in (name, short):
                if text:
                    self.by_key.setdefault((name_key(text), country), org_id)
        aliases = (
            select(OrganizationAlias.alias, Organization.id, Organization.country_code)
            .join(Organization, OrganizationAlias.organization_id == Organization.id)
            .where(or_(Organization.country_code.in_(codes), Organization.country_code.is_(None)))
            .order_by(Organization.id)
        )
        for alias, org_id, country in session.execute(aliases):
            self.by_key.setdefault((name_key(alias), country), org_id)

    def get(self, org_id: int) -> Organization:
        """The organisation itself, kept for the whole import (the session only holds it weakly)."""
        if org_id not in self.loaded:
            org = self.session.get(Organization, org_id)
            assert org is not None
            self.loaded[org_id] = org
        return self.loaded[org_id]

    def find(self, name: str, country: str) -> int | None:
        key = name_key(name)
        found = [i for i in (self.by_key.get((key, country)), self.by_key.get((key, None))) if i is not None]
        return min(found) if found else None

    def find_or_create(self, name: str, country: str) -> int:
        found = self.find(name, country)
        if found is not None:
            return found
        org = Organization(name=name, kind=guess_kind(name).value, country_code=country)
        self.session.add(org)
        self.session.flush()
        self.by_key[(name_key(name), country)] = org.id
        self.loaded[org.id] = org
        return org.id


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
        self.organizations: Organizations | None = None

    def parties(self, layout: Layout) -> dict[str, str]:
        """Each responsible column's label -> the party's code; unknown ones are problems."""
        known = self.roadmap.party_codes
        countries = [p.country for p in self.roadmap.parties]
        codes: dict[str, str] = {}
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
                codes[label] = code
        self.organizations = Organizations(self.session, codes.values())
        return codes

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

    def run(self, rows: Iterator[MeasureRow], codes: dict[str, str]) -> None:
        """Check every row; write chunk by chunk while the file is clean so far."""
        while chunk := list(islice(rows, CHUNK)):
            for row in chunk:
                self.check(row)
            if not self.problems:
                self.write(chunk, codes)

    def write(self, chunk: list[MeasureRow], codes: dict[str, str]) -> None:
        numbers = [row.number for row in chunk]
        existing = {
            m.number: m
            for m in self.session.scalars(
                select(Measure)
                .where(Measure.roadmap_id == self.roadmap.id, Measure.number.in_(numbers))
                .options(selectinload(Measure.assignments).selectinload(Assignment.organization))
            )
        }
        touched: list[Measure] = []
        for row in chunk:
            measure = existing.get(row.number)
            if measure is None:
                measure = self.create(row)
                self.apply_row(measure, row, codes)
                self.result.created.append(row.number)
            elif self.apply_row(measure, row, codes):
                self.result.updated.append(row.number)
            else:
                self.result.unchanged.append(row.number)
            touched.append(measure)
            self.statuses[row.number] = measure.status
        self.session.flush()
        for measure in touched:
            self.session.expunge(measure)

    def create(self, row: MeasureRow) -> Measure:
        measure = Measure(
            roadmap_id=self.roadmap.id,
            number=row.number,
            sort_key=sort_key(row.number),
            direction_id=self.directions.get(row.direction).id,
            title=row.title,
            status=(row.status or MeasureStatus.PLANNED).value,
            illustrative=self.roadmap.illustrative,
        )
        measure.due = row.due
        self.session.add(measure)
        return measure

    def apply_row(self, measure: Measure, row: MeasureRow, codes: dict[str, str]) -> bool:
        changed = False
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
                changed = True
        if not _same(measure.note or None, row.note or None):
            measure.note = row.note
            if row.note:
                measure.notes.append(ProgressNote(on=self.today, text=row.note, author=self.actor))
            changed = True
        for label, names in row.responsible.items():
            changed |= self.set_responsible(measure, codes[label], names)
        return changed

    def set_responsible(self, measure: Measure, party: str, names: list[str]) -> bool:
        current = [a for a in measure.assignments if a.country_code == party and a.role == "responsible"]
        keys = [name_key(n) for n in names]
        if [name_key(a.organization.name) for a in current] == keys or [
            name_key(a.organization.label) for a in current
        ] == keys:
            return False
        assert self.organizations is not None
        wanted = [self.organizations.find_or_create(name, party) for name in names]
        for a in current:
            if a.organization_id not in wanted:
                measure.assignments.remove(a)
        have = {a.organization_id for a in measure.assignments if a.role == "responsible"}
        for position, org_id in enumerate(wanted):
            if org_id not in have:
                have.add(org_id)
                measure.assignments.append(
                    Assignment(
                        organization=self.organizations.get(org_id),
                        country_code=party,
                        role="responsible",
                        ordinal=position,
                    )
                )
        return True


def _same(stored: object, incoming: object) -> bool:
    """Equal, counting text that differs only by surrounding whitespace (which a table cell loses) as equal."""
    if isinstance(stored, str) and isinstance(incoming, str):
        return stored.strip() == incoming
    return stored == incoming


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
    codes = importer.parties(layout)
    importer.run(measure_rows(layout, below, importer.problems), codes)
    if importer.problems:
        raise ImportRefused(importer.problems)
    session.flush()
    return importer.result
