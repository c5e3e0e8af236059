"""`accord agreement …` and `accord project …`: the same writes the forms and the API make, from the terminal."""

from __future__ import annotations

import typer

from accord.cli.common import AS_OPTION, actor, console, fail, open_database
from accord.domain.days import DayError, parse_day
from accord.domain.kinds import ProjectStage
from accord.domain.status import AgreementStatus, TransitionError
from accord.store.agreements import AgreementMove, move_agreement
from accord.store.archive import ArchiveError, archive, restore
from accord.store.audit import ConflictError
from accord.store.base import Archivable
from accord.store.checks import Invalid
from accord.store.models import Agreement, Project
from accord.store.projects import ProjectEdit, edit_project

agreement_app = typer.Typer(help="Move agreements along their lifecycle, archive them.", no_args_is_help=True)
project_app = typer.Typer(help="Change a project's stage, archive projects.", no_args_is_help=True)

VERSION = typer.Option(None, "--version", help="refuse the change if the record is no longer at this version")
REFUSED = (ConflictError, TransitionError, Invalid, ArchiveError, DayError)


@agreement_app.command("move")
def agreement_move(
    agreement_id: int,
    to: str = typer.Option(..., "--to", help="signed, ratified, in_force, expired, terminated …"),
    on: str = typer.Option(..., "--on", help="the day of the step: 31.12.2026 or 2026-12-31"),
    note: str | None = typer.Option(None, help="a note kept with the step"),
    version: int | None = VERSION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Record a dated lifecycle step the rules allow (audited)."""
    try:
        step = AgreementMove(AgreementStatus(to), parse_day(on, "--on") or fail("--on is empty"), note)
    except ValueError as exc:
        fail(str(exc) if isinstance(exc, DayError) else f"--to {to!r} is not one of {', '.join(AgreementStatus)}")
    who = actor(as_user)
    try:
        with open_database().transaction(actor=who, reason=f"agreement {agreement_id} → {to} (CLI)") as session:
            agreement = session.get(Agreement, agreement_id) or fail(f"there is no agreement {agreement_id}")
            move_agreement(session, agreement, step, based_on=version)
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"agreement {agreement_id}: {to} on {step.on.isoformat()}")


@project_app.command("stage")
def project_stage(
    project_id: int,
    stage: str,
    version: int | None = VERSION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Set a project's stage (idea, preparation, implementation, operating, suspended, closed)."""
    try:
        edit = ProjectEdit(stage=ProjectStage(stage))
    except ValueError:
        fail(f"{stage!r} is not a stage: use one of {', '.join(ProjectStage)}")
    who = actor(as_user)
    try:
        with open_database().transaction(actor=who, reason=f"project {project_id} stage (CLI)") as session:
            project = session.get(Project, project_id) or fail(f"there is no project {project_id}")
            changed = edit_project(session, project, edit, based_on=version)
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"project {project_id}: " + ("stage is now " + stage if changed else "no change"))


def _archiving(model: type[Archivable], kind: str, verb: str, record_id: int, version: int | None, as_user: str | None) -> None:
    who = actor(as_user)
    try:
        with open_database().transaction(actor=who, reason=f"{kind} {record_id} {verb}d (CLI)") as session:
            record = session.get(model, record_id) or fail(f"there is no {kind} {record_id}")
            archive(session, record, who, based_on=version) if verb == "archive" else restore(session, record, version)
    except REFUSED as exc:
        fail(str(exc))
    console.print(f"{kind} {record_id}: {verb}d")


def _archive_commands(app: typer.Typer, model: type[Archivable], kind: str) -> None:
    @app.command("archive", help=f"Archive a {kind}: it leaves the lists, stays readable, and the audit shows it.")
    def archive_command(record_id: int, version: int | None = VERSION, as_user: str | None = AS_OPTION) -> None:
        _archiving(model, kind, "archive", record_id, version, as_user)

    @app.command("restore", help=f"Bring an archived {kind} back into the lists.")
    def restore_command(record_id: int, version: int | None = VERSION, as_user: str | None = AS_OPTION) -> None:
        _archiving(model, kind, "restore", record_id, version, as_user)


_archive_commands(agreement_app, Agreement, "agreement")
_archive_commands(project_app, Project, "project")


def register(app: typer.Typer) -> None:
    app.add_typer(agreement_app, name="agreement")
    app.add_typer(project_app, name="project")
