"""A protocol's decisions applied to a commission session: the decision number is the key.

All or nothing in the caller's transaction, every field audited by the flush
listener. The first body a decision names is its owner; the others are kept as
its further responsible bodies. A body not in the directory is added, with the
party its name states («… Республики Беларусь») when it states one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from accord.domain.kinds import BodyKind
from accord.domain.numbering import sort_key
from accord.domain.status import MeasureStatus
from accord.io.problems import ImportRefused, TableProblem
from accord.io.protocol import Protocol, ProtocolDecision
from accord.io.roadmap_lookup import party_code
from accord.store.directory import create_organization, find_organization, name_key
from accord.store.models import Body, Decision, DecisionBody, Organization, Roadmap
from accord.store.models import Session as Meeting

NUMBER_LENGTH = Decision.__table__.c.number.type.length
NAME_LENGTH = Organization.__table__.c.name.type.length


@dataclass
class DecisionsResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def find_meeting(session: Session, roadmap: Roadmap, number: int) -> Meeting | None:
    """Session `number` of the roadmap's commission (or, failing one, of another of its bodies)."""
    query = (
        select(Meeting)
        .join(Body, Meeting.body_id == Body.id)
        .where(Body.roadmap_id == roadmap.id, Meeting.number == number)
        .order_by(case((Body.kind == BodyKind.COMMISSION.value, 0), else_=1), Body.id)
    )
    return session.scalars(query).first()


class Bodies:
    """Organisations by the names a protocol writes, found once each, created when new."""

    def __init__(self, session: Session, roadmap: Roadmap) -> None:
        self.session = session
        self.countries = [p.country for p in roadmap.parties]
        self.found: dict[str, Organization] = {}

    def get(self, name: str) -> Organization:
        key = name_key(name)
        if key not in self.found:
            org = find_organization(self.session, name, None)
            if org is None:
                org = create_organization(self.session, name, party_code(name, self.countries))
            self.found[key] = org
        return self.found[key]


def check(protocol: Protocol) -> list[TableProblem]:
    problems = list(protocol.problems)
    for d in protocol.decisions:
        if NUMBER_LENGTH and len(d.number) > NUMBER_LENGTH:
            problems.append(TableProblem(None, None, f"{d.where}: the number {d.number} is too long"))
        for name in d.bodies:
            if NAME_LENGTH and len(name) > NAME_LENGTH:
                problems.append(
                    TableProblem(None, None, f"{d.where}: a body's name is longer than {NAME_LENGTH}")
                )
    return problems


def _apply(decision: Decision, wanted: ProtocolDecision, orgs: list[Organization]) -> bool:
    changed = False
    owner = orgs[0] if orgs else None
    for name, value in (("text", wanted.text), ("due_on", wanted.due_on)):
        if getattr(decision, name) != value:
            setattr(decision, name, value)
            changed = True
    if decision.owner_id != (owner.id if owner else None):
        decision.owner = owner
        changed = True
    further = orgs[1:]
    if [b.organization_id for b in decision.co_responsible] != [o.id for o in further]:
        kept = {b.organization_id: b for b in decision.co_responsible}
        bodies = []
        for position, org in enumerate(further):
            body = kept.pop(org.id, None) or DecisionBody(organization=org)
            body.ordinal = position
            bodies.append(body)
        decision.co_responsible = bodies  # the ones no longer named are deleted with the change
        changed = True
    return changed


def import_decisions(
    session: Session, protocol: Protocol, meeting: Meeting, roadmap: Roadmap
) -> DecisionsResult:
    """Create and update the session's decisions from the protocol; raises ImportRefused before writing."""
    problems = check(protocol)
    if problems:
        raise ImportRefused(problems)
    bodies = Bodies(session, roadmap)
    existing = {d.number: d for d in meeting.decisions}
    result = DecisionsResult()
    for wanted in protocol.decisions:
        orgs: list[Organization] = []
        for name in wanted.bodies:
            org = bodies.get(name)
            if org not in orgs:
                orgs.append(org)
        decision = existing.get(wanted.number)
        if decision is None:
            decision = Decision(
                number=wanted.number,
                sort_key=sort_key(wanted.number),
                text=wanted.text,
                status=MeasureStatus.PLANNED.value,
            )
            meeting.decisions.append(decision)
            _apply(decision, wanted, orgs)
            result.created.append(wanted.number)
        elif _apply(decision, wanted, orgs):
            result.updated.append(wanted.number)
        else:
            result.unchanged.append(wanted.number)
    session.flush()
    return result
