"""The registers: agreements, projects, commission sessions and decisions, events, people, organisations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from accord.search.index import search
from accord.store.archive import listed
from accord.store.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Body,
    Decision,
    Event,
    EventCountry,
    Organization,
    Person,
    Position,
    Project,
    ProjectCompany,
    SourceItem,
    TradeFlow,
)
from accord.store.models import Session as CommissionSession
from accord.web.data.listing import Listing, paginate


def _text_ids(session: Session, q: str | None, kind: str) -> list[int] | None:
    if not q or not q.strip():
        return None
    hits, _ = search(session, q, kinds=[kind], limit=5000)
    return [h.ref_id for h in hits]


@dataclass
class AgreementFilter:
    status: str | None = None
    kind: str | None = None
    level: str | None = None
    party: str | None = None
    sector: str | None = None
    q: str | None = None
    #: archived agreements are left out unless asked for
    archived: bool = False


def list_agreements(session: Session, f: AgreementFilter, limit: int, offset: int) -> Listing[Agreement]:
    query = listed(select(Agreement), Agreement, f.archived).options(
        selectinload(Agreement.parties), selectinload(Agreement.sectors))
    for name in ("status", "kind", "level"):
        if getattr(f, name):
            query = query.where(getattr(Agreement, name) == getattr(f, name))
    if f.party:
        query = query.where(exists().where(AgreementParty.agreement_id == Agreement.id, AgreementParty.country_code == f.party.upper()))
    if f.sector:
        query = query.where(exists().where(AgreementSector.agreement_id == Agreement.id, AgreementSector.sector == f.sector))
    if (ids := _text_ids(session, f.q, "agreement")) is not None:
        query = query.where(Agreement.id.in_(ids))
    return paginate(session, query.order_by(Agreement.signed_on.desc().nulls_last(), Agreement.id.desc()), limit, offset)


def load_agreement(session: Session, agreement_id: int) -> Agreement | None:
    return session.scalars(select(Agreement).where(Agreement.id == agreement_id).options(
        selectinload(Agreement.parties), selectinload(Agreement.sectors), selectinload(Agreement.transitions))).first()


@dataclass
class ProjectFilter:
    stage: str | None = None
    country: str | None = None
    q: str | None = None
    #: archived projects are left out unless asked for
    archived: bool = False


def list_projects(session: Session, f: ProjectFilter, limit: int, offset: int) -> Listing[Project]:
    query = listed(select(Project), Project, f.archived)
    if f.stage:
        query = query.where(Project.stage == f.stage)
    if f.country:
        query = query.where(Project.country_code == f.country.upper())
    if (ids := _text_ids(session, f.q, "project")) is not None:
        query = query.where(Project.id.in_(ids))
    return paginate(session, query.order_by(Project.started_on.desc().nulls_last(), Project.id.desc()), limit, offset)


def load_project(session: Session, project_id: int) -> Project | None:
    return session.scalars(select(Project).where(Project.id == project_id).options(
        selectinload(Project.companies).selectinload(ProjectCompany.organization), selectinload(Project.milestones))).first()


def bodies(session: Session) -> list[Body]:
    return list(session.scalars(select(Body).options(
        selectinload(Body.sessions), selectinload(Body.members)).order_by(Body.parent_id.is_not(None), Body.id)))


def list_sessions(session: Session, limit: int, offset: int, archived: bool = False) -> Listing[CommissionSession]:
    query = listed(select(CommissionSession), CommissionSession, archived).options(
        selectinload(CommissionSession.body)).order_by(
        CommissionSession.held_on.desc().nulls_last(), CommissionSession.id.desc())
    return paginate(session, query, limit, offset)


@dataclass
class DecisionFilter:
    status: str | None = None
    overdue: bool = False
    session_id: int | None = None
    #: archived decisions (and those of archived sessions) are left out unless asked for
    archived: bool = False


def list_decisions(session: Session, f: DecisionFilter, today: date, limit: int, offset: int) -> Listing[Decision]:
    query = select(Decision).options(selectinload(Decision.owner))
    if not f.archived:
        query = query.join(CommissionSession, Decision.session_id == CommissionSession.id).where(
            Decision.archived_at.is_(None), CommissionSession.archived_at.is_(None))
    if f.status:
        query = query.where(Decision.status == f.status)
    if f.session_id:
        query = query.where(Decision.session_id == f.session_id)
    if f.overdue:
        query = query.where(Decision.due_on < today, Decision.status.not_in(["done", "cancelled"]))
    return paginate(session, query.order_by(Decision.due_on.is_(None), Decision.due_on, Decision.id), limit, offset)


@dataclass
class EventFilter:
    kind: str | None = None
    country: str | None = None
    held_from: date | None = None
    held_to: date | None = None
    q: str | None = None


def list_events(session: Session, f: EventFilter, limit: int, offset: int) -> Listing[Event]:
    query = select(Event).options(selectinload(Event.countries))
    if f.kind:
        query = query.where(Event.kind == f.kind)
    if f.country:
        query = query.where(exists().where(EventCountry.event_id == Event.id, EventCountry.country_code == f.country.upper()))
    if f.held_from:
        query = query.where(Event.held_on >= f.held_from)
    if f.held_to:
        query = query.where(Event.held_on <= f.held_to)
    if (ids := _text_ids(session, f.q, "event")) is not None:
        query = query.where(Event.id.in_(ids))
    return paginate(session, query.order_by(Event.held_on.desc().nulls_last(), Event.id.desc()), limit, offset)


@dataclass
class EventView:
    event: Event
    people: dict[int, Person]


def event_view(session: Session, event_id: int) -> EventView | None:
    event = session.scalars(select(Event).where(Event.id == event_id).options(
        selectinload(Event.countries), selectinload(Event.participants), selectinload(Event.sources))).first()
    if event is None:
        return None
    ids = [p.person_id for p in event.participants]
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))} if ids else {}
    return EventView(event, people)


@dataclass
class PersonFilter:
    country: str | None = None
    q: str | None = None
    #: archived people are left out unless asked for
    archived: bool = False


def list_people(session: Session, f: PersonFilter, limit: int, offset: int) -> Listing[Person]:
    query = listed(select(Person), Person, f.archived).options(
        selectinload(Person.positions).selectinload(Position.organization))
    if f.country:
        query = query.where(Person.country_code == f.country.upper())
    if (ids := _text_ids(session, f.q, "person")) is not None:
        query = query.where(Person.id.in_(ids))
    return paginate(session, query.order_by(Person.last_name, Person.first_name, Person.id), limit, offset)


@dataclass
class OrganizationFilter:
    country: str | None = None
    kind: str | None = None
    q: str | None = None
    #: archived organisations are left out unless asked for
    archived: bool = False


def list_organizations(session: Session, f: OrganizationFilter, limit: int, offset: int) -> Listing[Organization]:
    query = listed(select(Organization), Organization, f.archived)
    if f.country:
        query = query.where(Organization.country_code == f.country.upper())
    if f.kind:
        query = query.where(Organization.kind == f.kind)
    if (ids := _text_ids(session, f.q, "organization")) is not None:
        query = query.where(or_(Organization.id.in_(ids)))
    return paginate(session, query.order_by(Organization.country_code, Organization.name), limit, offset)


def list_news(session: Session, q: str | None, limit: int, offset: int) -> Listing[SourceItem]:
    query = select(SourceItem)
    if (ids := _text_ids(session, q, "news")) is not None:
        query = query.where(SourceItem.id.in_(ids))
    # the order they were read in (newest first): the primary key keeps this fast over hundreds of thousands
    return paginate(session, query.order_by(SourceItem.id.desc()), limit, offset)


def list_flows(session: Session, reporter: str | None, flow: str | None, limit: int, offset: int) -> Listing[TradeFlow]:
    query = select(TradeFlow)
    if reporter:
        query = query.where(TradeFlow.reporter == reporter.upper())
    if flow:
        query = query.where(TradeFlow.flow == flow)
    return paginate(session, query.order_by(TradeFlow.period_start.desc(), TradeFlow.reporter, TradeFlow.flow), limit, offset)
