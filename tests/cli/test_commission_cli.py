"""`accord decision` and `accord office`: the terminal makes the same audited, version-checked writes as the pages."""

from __future__ import annotations

from sqlalchemy import select

from accord.store.db import Database
from accord.store.models import AuditEntry, Decision, Organization, Person


def test_it_adds_a_decision_changes_it_and_archives_it(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--load")
    db = Database(cli.url)
    with db.reading() as s:
        owner = s.scalars(select(Organization.id).where(Organization.country_code == "KG")).first()
    added = cli("decision", "add", "1", "5", "Подготовить план поставок", "--owner", str(owner), "--due", "20.12.2026",
                "--as", "carol").output
    assert "due 20.12.2026" in added
    with db.reading() as s:
        decision = s.scalars(select(Decision).where(Decision.number == "5")).one()
        assert (decision.owner_id, decision.status, decision.version) == (owner, "planned", 1)
    changed = cli("decision", "set", str(decision.id), "--status", "в работе", "--version", "1", "--as", "ed_kg").output
    assert "status changed" in changed
    stale = cli("decision", "set", str(decision.id), "--due", "2027-01-31", "--version", "1", "--as", "alice", ok=False)
    assert stale.exit_code == 1 and "by ed_kg" in stale.output
    bad_day = cli("decision", "set", str(decision.id), "--due", "31.02.2027", "--as", "alice", ok=False)
    assert bad_day.exit_code == 1 and "--due" in bad_day.output and "31.02.2027" in bad_day.output
    assert "archived" in cli("decision", "archive", str(decision.id), "--version", "2", "--as", "carol").output
    with db.reading() as s:
        trail = [(e.action, e.actor) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "decision", AuditEntry.entity_id == decision.id).order_by(AuditEntry.id))]
    assert trail[0] == ("create", "carol") and ("update", "ed_kg") in trail and ("archive", "carol") in trail
    db.dispose()


def test_it_opens_and_closes_an_office(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--load")
    db = Database(cli.url)
    with db.reading() as s:
        person = s.scalars(select(Person).order_by(Person.id)).first()
        person_id, version = person.id, person.version
    opened = cli("office", "open", str(person_id), "--title", "советник", "--from", "01.03.2025",
                 "--version", str(version), "--as", "carol").output
    office_id = opened.split()[1]
    early = cli("office", "close", str(person_id), office_id, "--on", "01.01.2025", "--as", "carol", ok=False)
    assert early.exit_code == 1 and "cannot end" in early.output
    assert "closed" in cli("office", "close", str(person_id), office_id, "--on", "30.11.2026", "--as", "carol").output
    with db.reading() as s:
        office = next(p for p in s.get(Person, person_id).positions if p.id == int(office_id))
        assert (office.start_on.isoformat(), office.end_on.isoformat()) == ("2025-03-01", "2026-11-30")
    db.dispose()
