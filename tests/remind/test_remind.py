"""`accord remind` against a real SMTP server: the right people, the right items, once."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from accord.auth import users
from accord.domain.kinds import Role
from accord.domain.status import CLOSED
from accord.remind.mailer import Mailer, MailError, SmtpConfig
from accord.remind.run import remind
from accord.store.db import Database
from accord.store.models import Assignment, Decision, Direction, Measure, ReminderSent
from tests.conftest import TODAY
from tests.remind.conftest import Inbox

BASE = "https://accord.example.org"
PASSWORD = "correct horse battery"


def add_people(db: Database) -> None:
    with db.transaction(actor="setup", reason="test accounts") as s:
        users.add_user(
            s, "carol", Role.COORDINATOR, PASSWORD, email="carol@example.org", display_name="Карина"
        )
        users.add_user(s, "ed", Role.EDITOR, PASSWORD, "BY", "industry", email="ed@example.org", lang="en")
        users.add_user(s, "kg", Role.EDITOR, PASSWORD, "KG")  # no e-mail: nothing to send to
        users.add_user(s, "vic", Role.VIEWER, PASSWORD, email="vic@example.org")
        users.add_user(s, "alice", Role.ADMIN, PASSWORD, email="alice@example.org")


def open_measures_due(
    db: Database, until: date, sector: str | None = None, party: str | None = None
) -> set[str]:
    """Numbers of open measures due by `until`, read straight from the tables."""
    with db.reading() as s:
        q = (
            select(Measure.number)
            .join(Direction)
            .where(Measure.due_on <= until, Measure.status.not_in([c.value for c in CLOSED]))
        )
        if sector:
            q = q.where(Direction.sector == sector)
        if party:
            q = q.where(Measure.id.in_(select(Assignment.measure_id).where(Assignment.country_code == party)))
        return set(s.scalars(q))


def numbers_in(body: str, word: str) -> set[str]:
    return set(re.findall(rf"^- {word} ([\d.]+) ", body, flags=re.M))


def send_all(db: Database, smtp: Inbox, today: date = TODAY):  # type: ignore[no-untyped-def]
    with Mailer(SmtpConfig.parse(smtp.url), "accord@example.org") as mailer:
        return remind(db, today, BASE, send=mailer.send)


def test_each_responsible_person_gets_one_digest_of_their_deadlines_once(
    example_db: Database, smtp: Inbox
) -> None:
    add_people(example_db)
    outcomes = send_all(example_db, smtp)
    assert sorted(o.user for o in outcomes) == ["carol", "ed"] and all(o.sent for o in outcomes)
    assert sorted(m["To"] for m in smtp.messages) == ["carol@example.org", "ed@example.org"]

    window = TODAY + timedelta(days=30)
    (carol,) = smtp.to("carol@example.org")
    body = carol.get_content()
    assert body.startswith("Здравствуйте, Карина!") and "просрочено" in carol["Subject"]
    assert numbers_in(body, "Мероприятие") == open_measures_due(example_db, window)
    assert f"{BASE}/measures/" in body

    (ed,) = smtp.to("ed@example.org")
    ed_body = ed.get_content()
    assert ed_body.startswith("Hello ed,") and "Overdue" in ed_body
    mine = open_measures_due(example_db, window, "industry", "BY")
    assert mine and numbers_in(ed_body, "Measure") == mine
    assert numbers_in(ed_body, "Measure") < numbers_in(body, "Мероприятие")

    # once: a second run the same day sends nothing and records nothing more
    with example_db.reading() as s:
        recorded = s.scalar(select(func.count()).select_from(ReminderSent))
    assert send_all(example_db, smtp) == [] and len(smtp.messages) == 2
    with example_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ReminderSent)) == recorded


def reminded(messages) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(recipient, section, record number) of every line of every digest."""
    out = set()
    for m in messages:
        section = ""
        for line in m.get_content().splitlines():
            header = re.match(r"^(\S.*) \(\d+\)$", line)
            if header:
                section = header.group(1)
            elif line.startswith("- "):
                out.add((m["To"], section, line.split()[2]))
    return out


def test_a_deadline_reaching_its_next_step_is_reminded_again_never_twice_at_one_step(
    example_db: Database, smtp: Inbox
) -> None:
    add_people(example_db)
    send_all(example_db, smtp)
    first = reminded(smtp.messages)
    assert {section for _, section, _ in first} >= {"Просрочено", "Overdue"}
    smtp.messages.clear()
    send_all(example_db, smtp, TODAY + timedelta(days=25))
    later = reminded(smtp.messages)
    assert later, "deadlines that moved from 30 days to 7 days (or to overdue) are reminded again"
    assert not later & first, "no deadline is reminded twice at the same step"
    moved = {(to, n) for to, _, n in later} & {(to, n) for to, _, n in first}
    assert moved, "some deadline of the first digest reached its next step"


def test_decisions_reach_the_owner_partys_editors(example_db: Database, smtp: Inbox) -> None:
    add_people(example_db)
    with example_db.transaction(actor="setup", reason="a decision due soon") as s:
        decision = s.scalars(select(Decision).where(Decision.owner.has(country_code="KG"))).first()
        assert decision is not None
        decision.due_on, decision.status = TODAY + timedelta(days=3), "planned"
        number = decision.number
    with example_db.transaction(actor="setup", reason="test contact") as s:
        users.set_contact(s, users.find(s, "kg"), "kg@example.org", "ru")
    send_all(example_db, smtp)
    (kg,) = smtp.to("kg@example.org")
    assert f"- Поручение {number} " in kg.get_content()
    (ed,) = smtp.to("ed@example.org")
    assert f"- Decision {number} " not in ed.get_content()


def test_a_mail_server_refusing_records_nothing(example_db: Database, smtp: Inbox) -> None:
    add_people(example_db)

    def refuse(_digest):  # type: ignore[no-untyped-def]
        raise MailError("mail to x was not sent: 451 try later")

    outcomes = remind(example_db, TODAY, BASE, send=refuse)
    assert outcomes and all(not o.sent and "451" in (o.error or "") for o in outcomes)
    with example_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ReminderSent)) == 0
    assert len(send_all(example_db, smtp)) == 2  # retried on the next run


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(MailError, match="cannot reach the mail server 127.0.0.1:9"):
        Mailer(SmtpConfig.parse("smtp://127.0.0.1:9"), "a@example.org").__enter__()
    with pytest.raises(MailError, match="not an smtp"):
        SmtpConfig.parse("http://mail.example.org")


def test_the_cli_dry_run_prints_and_records_nothing_then_sends(
    cli, smtp: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--load", "--no-news")
    cli(
        "user",
        "add",
        "carol",
        "--role",
        "coordinator",
        "--password",
        PASSWORD,
        "--email",
        "carol@example.org",
        "--as",
        "root",
    )
    today = date.today().isoformat()
    dry = cli("remind", "--dry-run", "--today", today)
    assert "carol <carol@example.org>" in dry.output and "Мероприятие" in dry.output and smtp.messages == []
    monkeypatch.delenv("ACCORD_SMTP_URL", raising=False)
    refused = cli("remind", ok=False)
    assert refused.exit_code == 2 and "ACCORD_SMTP_URL" in refused.output
    monkeypatch.setenv("ACCORD_SMTP_URL", smtp.url)
    sent = cli("remind", "--today", today, "--json")
    assert '"sent": true' in sent.output and len(smtp.messages) == 1
    assert "nothing to remind" in cli("remind", "--today", today).output
    bad = cli("user", "contact", "carol", "--email", "not-an-address", "--as", "root", ok=False)
    assert "not an e-mail address" in bad.output
