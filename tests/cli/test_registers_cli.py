"""`accord agreement` and `accord project`: the forms' writes from the terminal, audited, refused alike."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from accord.store.db import Database
from accord.store.models import Agreement, AuditEntry, Project


def example(cli: Any) -> Database:
    cli("demo", "--load")
    return Database(cli.url)


def draft(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        a = Agreement(title="Соглашение о сотрудничестве в области туризма", kind="agreement", level="intergovernmental")
        s.add(a)
        s.flush()
        return a.id


def test_it_moves_an_agreement_and_refuses_what_the_rules_forbid(cli: Any) -> None:
    db = example(cli)
    agreement_id = draft(db)
    cli("agreement", "move", str(agreement_id), "--to", "signed", "--on", "14.04.2026", "--as", "carol")
    refused = cli("agreement", "move", str(agreement_id), "--to", "negotiating", "--on", "2026-05-01", ok=False)
    assert refused.exit_code == 1 and "cannot go back from signed to negotiating" in refused.output
    stale = cli("agreement", "move", str(agreement_id), "--to", "in_force", "--on", "2026-05-01", "--version", "1",
                ok=False)
    assert stale.exit_code == 1 and "by carol" in stale.output
    bad_day = cli("agreement", "move", str(agreement_id), "--to", "in_force", "--on", "31.02.2026", ok=False)
    assert "--on: '31.02.2026' is not a real day" in bad_day.output
    with db.reading() as s:
        a = s.get(Agreement, agreement_id)
        assert (a.status, a.signed_on, a.version) == ("signed", date(2026, 4, 14), 2)
    db.dispose()


def test_it_sets_a_stage_and_archives_a_project(cli: Any) -> None:
    db = example(cli)
    cli("project", "stage", "1", "suspended", "--as", "carol")
    assert "is not a stage" in cli("project", "stage", "1", "paused", ok=False).output
    cli("project", "archive", "1", "--as", "alice")
    again = cli("project", "archive", "1", ok=False)
    assert "archived already (by alice)" in again.output
    with db.reading() as s:
        p = s.get(Project, 1)
        assert (p.stage, p.archived_by) == ("suspended", "alice")
        actions = [(e.action, e.actor) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "project", AuditEntry.entity_id == 1, AuditEntry.field.in_(["stage", "archived_at"])))]
        assert actions == [("update", "carol"), ("archive", "alice")]
    cli("project", "restore", "1", "--as", "carol")
    with db.reading() as s:
        assert s.get(Project, 1).archived_at is None
    db.dispose()
