"""`accord decision add | set | archive` and `accord office open | close`: the same writes the pages and the API make.

Every change goes through `accord.store.commission_edits` or `accord.store.directory_edits`,
audited under `--as`; `--version` refuses a change prepared against an older version.
"""

from __future__ import annotations

from datetime import date

import typer

from accord.cli.common import AS_OPTION, actor, console, fail, open_database
from accord.domain.days import DayError, parse_day
from accord.domain.status import TransitionError, parse_measure_status
from accord.store.archive import ArchiveError, archive
from accord.store.audit import ConflictError
from accord.store.checks import Invalid
from accord.store.commission_edits import DecisionDraft, DecisionEdit, add_decision, edit_decision
from accord.store.directory_edits import OfficeDraft, OfficeEdit, edit_office, open_office
from accord.store.models import Decision, Person
from accord.store.models import Session as Meeting

decision_app = typer.Typer(help="Record commission decisions: tasks with an owner and a deadline.", no_args_is_help=True)
office_app = typer.Typer(help="Record the offices people hold over time.", no_args_is_help=True)

VERSION_OPTION = typer.Option(None, "--version", help="refuse the change if the record is no longer at this version")
REFUSED = (Invalid, DayError, TransitionError, ConflictError, ArchiveError, ValueError)


def _day(text: str | None, option: str) -> date | None:
    try:
        return parse_day(text, option)
    except DayError as exc:
        fail(str(exc))


@decision_app.command("add")
def decision_add(
    session_id: int = typer.Argument(..., help="the session's id (see /api/v1/sessions)"),
    number: str = typer.Argument(..., help="the decision's number in the protocol, e.g. 3.1"),
    text: str = typer.Argument(..., help="what was decided"),
    owner: int = typer.Option(..., "--owner", help="id of the organisation that owns the task"),
    due: str = typer.Option(..., "--due", help="the deadline: 31.12.2026 or 2026-12-31"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Add a decision to a session; from then on it is its owner's task and in the reminders."""
    due_on = _day(due, "--due")
    assert due_on is not None
    who = actor(as_user)
    db = open_database()
    try:
        with db.transaction(actor=who, reason="decision added from the terminal") as session:
            meeting = session.get(Meeting, session_id)
            if meeting is None:
                fail(f"there is no session {session_id}")
            decision = add_decision(session, meeting, DecisionDraft(number=number, text=text, owner_id=owner,
                                                                    due_on=due_on))
            decision_id = decision.id
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"decision {decision_id} added to session {session_id}, due {due_on:%d.%m.%Y}")


@decision_app.command("set")
def decision_set(
    decision_id: int = typer.Argument(..., help="the decision's id"),
    status: str | None = typer.Option(None, help="planned, in_progress, done or cancelled"),
    due: str | None = typer.Option(None, help="a new deadline: 31.12.2026 or 2026-12-31"),
    version: int | None = VERSION_OPTION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Change a decision's status or deadline (audited)."""
    try:
        edit = DecisionEdit(status=parse_measure_status(status) if status else None, due_on=_day(due, "--due"))
    except ValueError as exc:
        fail(str(exc))
    if edit == DecisionEdit():
        fail("nothing to change: give --status or --due")
    who = actor(as_user)
    db = open_database()
    try:
        with db.transaction(actor=who, reason="decision changed from the terminal") as session:
            decision = session.get(Decision, decision_id)
            if decision is None:
                fail(f"there is no decision {decision_id}")
            changed = edit_decision(session, decision, edit, based_on=version)
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"decision {decision_id}: " + (", ".join(changed) + " changed" if changed else "no change"))


@decision_app.command("archive")
def decision_archive(
    decision_id: int = typer.Argument(..., help="the decision's id"),
    version: int | None = VERSION_OPTION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Archive a decision: it leaves the lists, the tasks and the reminders; the audit shows who."""
    who = actor(as_user)
    db = open_database()
    try:
        with db.transaction(actor=who, reason="decision archived from the terminal") as session:
            decision = session.get(Decision, decision_id)
            if decision is None:
                fail(f"there is no decision {decision_id}")
            archive(session, decision, who, based_on=version)
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"decision {decision_id} archived")


@office_app.command("open")
def office_open(
    person_id: int = typer.Argument(..., help="the person's id"),
    title: str = typer.Option(..., "--title", help="the office, e.g. министр экономики"),
    organization: int | None = typer.Option(None, "--org", help="id of the organisation"),
    start: str | None = typer.Option(None, "--from", help="since when: 01.12.2026 or 2026-12-01"),
    end: str | None = typer.Option(None, "--to", help="until when, if it has ended"),
    version: int | None = VERSION_OPTION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Record an office a person holds (or held)."""
    draft = OfficeDraft(title=title, organization_id=organization, start_on=_day(start, "--from"), end_on=_day(end, "--to"))
    who = actor(as_user)
    db = open_database()
    try:
        with db.transaction(actor=who, reason="office recorded from the terminal") as session:
            person = session.get(Person, person_id)
            if person is None:
                fail(f"there is no person {person_id}")
            position_id = open_office(session, person, draft, based_on=version).id
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"office {position_id} of person {person_id} recorded")


@office_app.command("close")
def office_close(
    person_id: int = typer.Argument(..., help="the person's id"),
    office_id: int = typer.Argument(..., help="the office's id (see /api/v1/people/ID)"),
    end: str = typer.Option(..., "--on", help="the last day in office: 30.11.2026 or 2026-11-30"),
    version: int | None = VERSION_OPTION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Close an office on its last day."""
    end_on = _day(end, "--on")
    who = actor(as_user)
    db = open_database()
    try:
        with db.transaction(actor=who, reason="office closed from the terminal") as session:
            person = session.get(Person, person_id)
            if person is None:
                fail(f"there is no person {person_id}")
            changed = edit_office(session, person, office_id, OfficeEdit(end_on=end_on), based_on=version)
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"office {office_id} of person {person_id}: " + ("closed" if changed else "no change"))


def register(app: typer.Typer) -> None:
    app.add_typer(decision_app, name="decision")
    app.add_typer(office_app, name="office")
