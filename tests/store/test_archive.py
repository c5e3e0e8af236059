"""Archiving: audited as such under the actor, version-checked, reversible, and only once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from accord.store.archive import ArchiveError, archive, listed, restore
from accord.store.audit import ConflictError
from accord.store.db import Database
from accord.store.models import Agreement, AuditEntry, Organization, Person, Project


def add_rows(db: Database) -> dict[type, int]:
    with db.transaction(actor="setup") as s:
        rows = [Agreement(title="Соглашение", kind="agreement", level="intergovernmental"),
                Project(title="Завод", stage="idea"),
                Organization(name="Министерство", kind="ministry"),
                Person(last_name="Иванов")]
        s.add_all(rows)
        s.flush()
        return {type(r): r.id for r in rows}


@pytest.mark.parametrize("model", [Agreement, Project, Organization, Person])
def test_it_archives_audited_and_restores(db: Database, model: type) -> None:
    ids = add_rows(db)
    with db.transaction(actor="carol", reason="duplicate") as s:
        archive(s, s.get(model, ids[model]), "carol", based_on=1)
    with db.reading() as s:
        row = s.get(model, ids[model])
        assert row.archived_at is not None and row.archived_by == "carol" and row.version == 2
        assert s.scalars(listed(select(model), model)).all() == []
        assert [r.id for r in s.scalars(listed(select(model), model, archived=True))] == [ids[model]]
        trail = s.scalars(select(AuditEntry).where(AuditEntry.entity == model.audit_entity,
                                                   AuditEntry.action == "archive")).all()
        assert {e.field for e in trail} == {"archived_at", "archived_by"}
        assert all(e.actor == "carol" and e.reason == "duplicate" for e in trail)
    with db.transaction(actor="alice") as s:
        with pytest.raises(ArchiveError, match="archived already"):
            archive(s, s.get(model, ids[model]), "alice")
        restore(s, s.get(model, ids[model]), based_on=2)
    with db.reading() as s:
        assert s.get(model, ids[model]).archived_at is None
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == model.audit_entity,
                                                  AuditEntry.action == "restore")).first().actor == "alice"


def test_it_refuses_a_stale_archive_naming_who_changed_it(db: Database) -> None:
    ids = add_rows(db)
    with db.transaction(actor="carol") as s:
        s.get(Agreement, ids[Agreement]).source = "протокол"
    with db.transaction(actor="alice") as s, pytest.raises(ConflictError, match="by carol") as caught:
        archive(s, s.get(Agreement, ids[Agreement]), "alice", based_on=1)
    assert caught.value.by == "carol"
    with db.reading() as s:
        assert s.get(Agreement, ids[Agreement]).archived_at is None


def test_it_restores_only_what_is_archived(db: Database) -> None:
    ids = add_rows(db)
    with db.transaction(actor="alice") as s, pytest.raises(ArchiveError, match="not archived"):
        restore(s, s.get(Project, ids[Project]))
