"""What of each record is searchable: one (title, date, text) per measure, agreement, project, person, news item…"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from accord.domain.kinds import RecordKind
from accord.store.models import Agreement, Event, Measure, Organization, Person, Project, SourceItem


@dataclass(frozen=True)
class Document:
    kind: RecordKind
    ref_id: int
    title: str
    on: date | None
    text: str


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def measure(m: Measure) -> Document:
    orgs = [a.organization.name for a in m.assignments if a.organization is not None]
    body = _join(m.number, m.title, m.description, m.expected_result, m.note, *orgs)
    return Document(RecordKind.MEASURE, m.id, f"{m.number}. {m.title}", m.due_on, body)


def agreement(a: Agreement) -> Document:
    return Document(RecordKind.AGREEMENT, a.id, a.title, a.signed_on, _join(a.title, a.title_en, a.signed_at, a.source))


def project(p: Project) -> Document:
    return Document(RecordKind.PROJECT, p.id, p.title, p.started_on, _join(p.title, p.title_en, p.region, p.description))


def person(p: Person) -> Document:
    offices = [pos.title for pos in p.positions]
    body = _join(p.first_name, p.patronymic, p.last_name, p.name_en, *offices, *(a.alias for a in p.aliases))
    return Document(RecordKind.PERSON, p.id, _join(p.first_name, p.patronymic, p.last_name), None, body)


def organization(o: Organization) -> Document:
    body = _join(o.name, o.short_name, o.name_en, *(a.alias for a in o.aliases))
    return Document(RecordKind.ORGANIZATION, o.id, o.name, None, body)


def event(e: Event) -> Document:
    return Document(RecordKind.EVENT, e.id, e.title, e.held_on, _join(e.title, e.location, e.summary))


def news(item: SourceItem) -> Document:
    title = item.title or (item.text[:120] + "…" if len(item.text) > 120 else item.text)
    return Document(RecordKind.NEWS, item.id, title, item.published_on, _join(item.title, item.outlet, item.text))


#: model -> how to describe a row of it; the keys are the searchable kinds
BUILDERS: dict[type, Callable[[Any], Document]] = {
    Measure: measure,
    Agreement: agreement,
    Project: project,
    Person: person,
    Organization: organization,
    Event: event,
    SourceItem: news,
}

KINDS: dict[RecordKind, type] = {
    RecordKind.MEASURE: Measure,
    RecordKind.AGREEMENT: Agreement,
    RecordKind.PROJECT: Project,
    RecordKind.PERSON: Person,
    RecordKind.ORGANIZATION: Organization,
    RecordKind.EVENT: Event,
    RecordKind.NEWS: SourceItem,
}
