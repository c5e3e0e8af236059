"""Recording commission sessions and their decisions: the same from the CLI, the web forms and the API.

Each function takes a plain dataclass (no web types), checks everything first and
then changes the record in one flush, so the audit listener files one version
per edit. A decision is a tracked task: it has an owner (an organisation), a
deadline and a status, and from then on it is in the owner's tasks and in the
reminders' deadlines until it is done, cancelled or archived.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.numbering import normalise_number, sort_key
from accord.domain.status import MeasureStatus, check_measure_move
from accord.store.audit import check_version
from accord.store.checks import Invalid
from accord.store.models import Body, Decision, DecisionBody, Measure, Organization
from accord.store.models import Session as Meeting


@dataclass(frozen=True)
class SessionDraft:
    """A session to record: of which body, its number, when and where."""

    body_id: int
    number: int
    held_on: date | None = None
    place: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class SessionEdit:
    """Only the fields given are changed; None means "leave as it is", "" clears a text."""

    number: int | None = None
    held_on: date | None = None
    place: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class DecisionDraft:
    """A decision as a protocol states it: a task with an owner and a deadline."""

    number: str
    text: str
    owner_id: int
    due_on: date
    co_responsible: tuple[int, ...] = ()
    measure_id: int | None = None


@dataclass(frozen=True)
class DecisionEdit:
    """Only the fields given are changed; None means "leave as it is"."""

    text: str | None = None
    owner_id: int | None = None
    due_on: date | None = None
    status: MeasureStatus | None = None
    co_responsible: tuple[int, ...] | None = None

    #: the fields that change what the decision says or who answers for it (the commission's, not the owner's)
    RECORD_FIELDS = ("text", "owner_id", "co_responsible")

    def touches_record(self) -> bool:
        return any(getattr(self, name) is not None for name in self.RECORD_FIELDS)


def create_session(session: Session, draft: SessionDraft) -> Meeting:
    if session.get(Body, draft.body_id) is None:
        raise Invalid(f"there is no commission body {draft.body_id}")
    if draft.number < 1:
        raise Invalid("a session's number is 1 or more")
    _number_free(session, draft.body_id, draft.number)
    meeting = Meeting(body_id=draft.body_id, number=draft.number, held_on=draft.held_on,
                      place=_text(draft.place), summary=_text(draft.summary))
    session.add(meeting)
    session.flush()
    return meeting


def edit_session(session: Session, meeting: Meeting, edit: SessionEdit, based_on: int | None) -> list[str]:
    """Apply an edit prepared against version `based_on`; returns the fields that changed."""
    check_version(session, meeting, based_on)
    _not_archived(meeting, "session")
    changed = []
    if edit.number is not None and edit.number != meeting.number:
        if edit.number < 1:
            raise Invalid("a session's number is 1 or more")
        _number_free(session, meeting.body_id, edit.number)
        meeting.number = edit.number
        changed.append("number")
    if edit.held_on is not None and edit.held_on != meeting.held_on:
        meeting.held_on = edit.held_on
        changed.append("held_on")
    for name in ("place", "summary"):
        value = getattr(edit, name)
        if value is not None and _text(value) != getattr(meeting, name):
            setattr(meeting, name, _text(value))
            changed.append(name)
    session.flush()
    return changed


def add_decision(session: Session, meeting: Meeting, draft: DecisionDraft) -> Decision:
    """Record a decision of the session as a task: planned, owned by an organisation, due on a day."""
    _not_archived(meeting, "session")
    try:
        number = normalise_number(draft.number)
    except ValueError as exc:
        raise Invalid(f"decision number: {exc}") from exc
    if any(d.number == number for d in meeting.decisions):
        raise Invalid(f"session {meeting.number} already has a decision {number}")
    text = draft.text.strip()
    if not text:
        raise Invalid("a decision needs its text")
    owner = _organisation(session, draft.owner_id, "owner")
    if draft.measure_id is not None and session.get(Measure, draft.measure_id) is None:
        raise Invalid(f"there is no measure {draft.measure_id}")
    decision = Decision(number=number, sort_key=sort_key(number), text=text, owner=owner, due_on=draft.due_on,
                        status=MeasureStatus.PLANNED.value, measure_id=draft.measure_id)
    decision.co_responsible = _further_bodies(session, owner, draft.co_responsible, [])
    meeting.decisions.append(decision)
    session.flush()
    return decision


def edit_decision(session: Session, decision: Decision, edit: DecisionEdit, based_on: int | None) -> list[str]:
    """Apply an edit prepared against version `based_on`; a stale one raises ConflictError naming who changed it."""
    check_version(session, decision, based_on)
    _not_archived(decision, "decision")
    changed = []
    with session.no_autoflush:
        if edit.status is not None and edit.status.value != decision.status:
            check_measure_move(MeasureStatus(decision.status), edit.status)
            decision.status = edit.status.value
            changed.append("status")
        if edit.due_on is not None and edit.due_on != decision.due_on:
            decision.due_on = edit.due_on
            changed.append("due_on")
        if edit.text is not None and edit.text.strip() != decision.text:
            if not edit.text.strip():
                raise Invalid("a decision needs its text")
            decision.text = edit.text.strip()
            changed.append("text")
        owner = decision.owner
        if edit.owner_id is not None and edit.owner_id != decision.owner_id:
            owner = _organisation(session, edit.owner_id, "owner")
            decision.owner = owner
            changed.append("owner_id")
        if edit.co_responsible is not None or "owner_id" in changed:
            wanted = edit.co_responsible if edit.co_responsible is not None else tuple(
                b.organization_id for b in decision.co_responsible)
            bodies = _further_bodies(session, owner, wanted, decision.co_responsible)
            if [b.organization_id for b in bodies] != [b.organization_id for b in decision.co_responsible]:
                decision.co_responsible = bodies
                changed.append("co_responsible")
    session.flush()
    return changed


def _further_bodies(session: Session, owner: Organization | None, ids: tuple[int, ...],
                    kept: list[DecisionBody]) -> list[DecisionBody]:
    """The further responsible bodies in the order given, the owner and repeats left out."""
    existing = {b.organization_id: b for b in kept}
    out: list[DecisionBody] = []
    seen = {owner.id} if owner is not None else set()
    for org_id in ids:
        if org_id in seen:
            continue
        seen.add(org_id)
        org = _organisation(session, org_id, "co-responsible body")
        body = existing.get(org_id) or DecisionBody(organization=org)
        body.ordinal = len(out)
        out.append(body)
    return out


def _organisation(session: Session, org_id: int, role: str) -> Organization:
    org = session.get(Organization, org_id)
    if org is None:
        raise Invalid(f"{role}: there is no organisation {org_id}")
    if org.archived_at is not None:
        raise Invalid(f"{role}: the organisation {org.label} is archived")
    return org


def _number_free(session: Session, body_id: int, number: int) -> None:
    taken = session.scalars(select(Meeting.id).where(Meeting.body_id == body_id, Meeting.number == number)).first()
    if taken is not None:
        raise Invalid(f"session {number} of this body already exists")


def _not_archived(record: Meeting | Decision, what: str) -> None:
    if record.archived_at is not None:
        raise Invalid(f"the {what} is archived; it can no longer be changed")


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None

