"""A person's decision on a proposal: accept (it becomes evidence and may move the record) or reject.

These are the only functions that turn a proposal into a change of the record; the
CLI, the web review page and the API all call them. Every change they make is
audited with the source item as its reason. A measure may move to in progress
here, never to done: closing a measure stays a person's explicit edit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from accord.domain.kinds import AgreementKind, AgreementLevel, EvidenceState
from accord.domain.status import AgreementStatus, MeasureStatus, TransitionError, check_agreement_move
from accord.store import audit
from accord.store.base import utcnow
from accord.store.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Country,
    Evidence,
    Measure,
    ProgressNote,
    Project,
)

KIND_TITLES = {
    "roadmap": "Дорожная карта",
    "memorandum": "Меморандум",
    "agreement": "Соглашение",
    "protocol": "Протокол",
    "program": "Программа",
    "declaration": "Декларация",
    "contract": "Контракт",
}


class ReviewError(ValueError):
    """The proposal cannot be decided (unknown, or decided already); the message says which."""


def pending(session: Session, limit: int | None = None) -> list[Evidence]:
    """Proposals waiting for a person, the most confident first."""
    query = (
        select(Evidence)
        .where(Evidence.state == EvidenceState.PROPOSED.value)
        .options(selectinload(Evidence.source_item))
        .order_by(Evidence.score.desc(), Evidence.id)
    )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def waiting(session: Session) -> int:
    """How many proposals wait for a person."""
    return (
        session.scalar(
            select(func.count()).select_from(Evidence).where(Evidence.state == EvidenceState.PROPOSED.value)
        )
        or 0
    )


def listing(session: Session, limit: int | None = None) -> dict[str, Any]:
    """The review queue as `accord review --json` prints it: each proposal with its target and its item."""
    rows = pending(session, limit)
    return {"items": [describe(session, e) for e in rows], "total": waiting(session)}


def describe(session: Session, evidence: Evidence) -> dict[str, Any]:
    item = evidence.source_item
    return {
        "id": evidence.id,
        "kind": evidence.proposal,
        "score": evidence.score,
        "reason": evidence.reason,
        "target": target_of(session, evidence),
        "item": {
            "title": item.title if item else None,
            "date": item.published_on.isoformat() if item and item.published_on else None,
            "date_basis": item.date_basis if item else None,
            "url": item.url if item else None,
        },
    }


def target_of(session: Session, evidence: Evidence) -> dict[str, Any]:
    """What accepting would change: a measure, an agreement (and its next step), a project, or a new entry."""
    fact = evidence.fact or {}
    if evidence.measure_id is not None:
        measure = session.get_one(Measure, evidence.measure_id)
        return {
            "type": "measure",
            "id": measure.id,
            "number": measure.number,
            "title": measure.title,
            "status": measure.status,
        }
    if evidence.agreement_id is not None:
        agreement = session.get_one(Agreement, evidence.agreement_id)
        out: dict[str, Any] = {
            "type": "agreement",
            "id": agreement.id,
            "title": agreement.title,
            "status": agreement.status,
        }
        if fact.get("to"):
            out.update(to=fact["to"], on=fact.get("on"))
        return out
    if evidence.project_id is not None:
        project = session.get_one(Project, evidence.project_id)
        return {"type": "project", "id": project.id, "title": project.title, "stage": project.stage}
    doc = fact.get("document") or {}
    return {
        "type": "agreement",
        "id": None,
        "new": True,
        "kind": doc.get("type"),
        "status": doc.get("status"),
        "parties": fact.get("parties") or doc.get("countries") or [],
        "signed_on": fact.get("on"),
        "title": fact.get("title"),
        "sectors": fact.get("sectors") or [],
        "location": fact.get("location"),
    }


def _proposal(session: Session, evidence_id: int) -> Evidence:
    evidence = session.get(Evidence, evidence_id, options=[selectinload(Evidence.source_item)])
    if evidence is None:
        raise ReviewError(f"no proposal {evidence_id}")
    if evidence.state != EvidenceState.PROPOSED.value:
        raise ReviewError(
            f"proposal {evidence_id} was already {evidence.state} by {evidence.decided_by or 'someone'}"
        )
    return evidence


def _source_label(evidence: Evidence) -> str:
    item = evidence.source_item
    if item is None:
        return "no source"
    return item.url or f"item {item.id}"


def accept(session: Session, evidence_id: int, actor: str, note: str | None = None) -> Evidence:
    """Accept a proposal: it becomes evidence, and the step it proposes is applied and audited.

    A planned measure moves to in progress; an agreement moves along its lifecycle; a
    signed document missing from the register becomes a new agreement. A step the
    lifecycle no longer allows (someone moved the agreement meanwhile) is skipped and
    said so in the note; the evidence is still recorded.
    """
    evidence = _proposal(session, evidence_id)
    audit.bind(session, actor, f"evidence {evidence.id}: {_source_label(evidence)}")
    reported = evidence.on or (evidence.source_item.published_on if evidence.source_item else None)
    if evidence.proposal == "new_agreement" and reported is None and not (evidence.fact or {}).get("on"):
        raise ReviewError(
            f"proposal {evidence_id} has no signing date (its item is undated): add the entry by hand"
        )
    # a progress note from an undated item is dated the day a person confirmed it, never as the item's date
    day = reported or date.today()
    notes = [note] if note else []
    if evidence.measure_id is not None:
        _measure(session, evidence, actor, day)
    elif evidence.agreement_id is not None:
        skipped = _agreement(session, evidence, day)
        if skipped:
            notes.append(skipped)
    elif evidence.proposal == "new_agreement":
        evidence.agreement_id = _new_agreement(session, evidence, day).id
    evidence.state = EvidenceState.ACCEPTED.value
    evidence.decided_by = actor
    evidence.decided_at = utcnow()
    evidence.note = "; ".join(notes) or None
    session.flush()
    return evidence


def reject(session: Session, evidence_id: int, actor: str, why: str | None = None) -> Evidence:
    """Reject a proposal: only the proposal records the decision; the record is left as it is."""
    evidence = _proposal(session, evidence_id)
    audit.bind(session, actor, f"evidence {evidence.id} rejected: {_source_label(evidence)}")
    evidence.state = EvidenceState.REJECTED.value
    evidence.decided_by = actor
    evidence.decided_at = utcnow()
    evidence.note = why or None
    session.flush()
    return evidence


def _measure(session: Session, evidence: Evidence, actor: str, day: date) -> None:
    measure = session.get_one(Measure, evidence.measure_id, options=[selectinload(Measure.notes)])
    if measure.status == MeasureStatus.PLANNED.value:
        measure.move_to(MeasureStatus.IN_PROGRESS)
    item = evidence.source_item
    title = (item.title if item else None) or "сообщение"
    where = f" ({item.url})" if item is not None and item.url else ""
    measure.notes.append(
        ProgressNote(
            on=day,
            text=f"Подтверждено новостью: {title}{where}"[:2000],
            author=actor,
            source_item_id=item.id if item is not None else None,
        )
    )


def _agreement(session: Session, evidence: Evidence, day: date) -> str | None:
    """Apply the lifecycle step the proposal names; returns why it was skipped, if it was."""
    fact = evidence.fact or {}
    target = fact.get("to")
    if not target:
        return None
    agreement = session.get_one(
        Agreement, evidence.agreement_id, options=[selectinload(Agreement.transitions)]
    )
    to = AgreementStatus(target)
    on = date.fromisoformat(fact["on"]) if fact.get("on") else day
    try:
        check_agreement_move(AgreementStatus(agreement.status), to)
        step = agreement.transition(to, on, note=_source_label(evidence))
    except TransitionError as exc:
        return f"lifecycle step not applied: {exc}"
    step.source_item_id = evidence.source_item_id
    return None


def _new_agreement(session: Session, evidence: Evidence, day: date) -> Agreement:
    """A register entry for a signed document the register did not have."""
    fact = evidence.fact or {}
    doc = fact.get("document") or {}
    kind = AgreementKind(doc.get("type", "agreement"))
    known = set(session.scalars(select(Country.code)))
    parties = [c for c in fact.get("parties") or doc.get("countries") or [] if c in known]
    title = fact.get("title") or KIND_TITLES.get(kind.value, "Документ")
    level = AgreementLevel.COMMERCIAL if kind is AgreementKind.CONTRACT else AgreementLevel.INTERGOVERNMENTAL
    agreement = Agreement(
        title=f"{KIND_TITLES.get(kind.value, 'Документ')}: {title}" if fact.get("title") else title,
        kind=kind.value,
        level=level.value,
        status=AgreementStatus.DRAFT.value,
        signed_at=fact.get("location"),
        horizon_year=doc.get("until"),
        source=_source_label(evidence),
    )
    agreement.parties = [AgreementParty(country_code=c) for c in parties]
    agreement.sectors = [AgreementSector(sector=s) for s in fact.get("sectors") or []]
    on = date.fromisoformat(fact["on"]) if fact.get("on") else day
    step = agreement.transition(AgreementStatus.SIGNED, on, note=_source_label(evidence))
    step.source_item_id = evidence.source_item_id
    session.add(agreement)
    session.flush()
    return agreement
