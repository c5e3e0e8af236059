"""`accord remind`: one digest per responsible person, each deadline and step sent once.

The reminders a digest carries are recorded in the same transaction that is committed only
after the mail server took the message, so a failed send is retried next run and two runs at
once cannot both send the same reminder (the second meets the first's unique rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from accord.auth.users import principal
from accord.remind.deadlines import Deadline, Step, due_for, receives_reminders
from accord.remind.digest import Digest, compose
from accord.remind.load import open_deadlines
from accord.remind.mailer import MailError
from accord.store.db import Database
from accord.store.models import ReminderSent, User

ACTOR = "accord-remind"


@dataclass
class Outcome:
    """What happened for one person: the digest, and whether it went out."""

    user: str
    digest: Digest
    items: list[tuple[Deadline, Step]]
    sent: bool = False
    error: str | None = None


def remind(
    db: Database, today: date, base_url: str, send: Callable[[Digest], None] | None = None
) -> list[Outcome]:
    """Compose every due digest; with `send`, send each and record it (without, a dry run)."""
    with db.reading() as session:
        deadlines = open_deadlines(session, until=today + timedelta(days=30))
        users = [
            (u.id, principal(u), u.email, u.lang)
            for u in session.scalars(
                select(User).where(User.active.is_(True), User.email.is_not(None)).order_by(User.name)
            )
        ]
        sent = _sent(session, [uid for uid, *_ in users])
    out: list[Outcome] = []
    for user_id, who, address, lang in users:
        if not receives_reminders(who) or not address:
            continue
        items = due_for(who, deadlines, today, sent.get(user_id, frozenset()))
        if not items:
            continue
        outcome = Outcome(who.name, compose(who.label, address, lang, items, today, base_url), items)
        out.append(outcome)
        if send is not None:
            _send_and_record(db, user_id, outcome, send)
    return out


def _sent(session, user_ids: list[int]) -> dict[int, frozenset[tuple[str, int, date, Step]]]:  # type: ignore[no-untyped-def]
    keys: dict[int, set[tuple[str, int, date, Step]]] = {}
    if user_ids:
        for r in session.scalars(select(ReminderSent).where(ReminderSent.user_id.in_(user_ids))):
            keys.setdefault(r.user_id, set()).add((r.entity, r.entity_id, r.due_on, Step(r.step)))
    return {k: frozenset(v) for k, v in keys.items()}


def _send_and_record(db: Database, user_id: int, outcome: Outcome, send: Callable[[Digest], None]) -> None:
    try:
        with db.transaction(actor=ACTOR, reason="accord remind") as session:
            for d, step in outcome.items:
                session.add(
                    ReminderSent(
                        user_id=user_id,
                        entity=d.entity,
                        entity_id=d.entity_id,
                        due_on=d.due_on,
                        step=step.value,
                    )
                )
            session.flush()
            send(outcome.digest)
        outcome.sent = True
    except IntegrityError:
        outcome.error = "already sent by another run"
    except MailError as exc:
        outcome.error = str(exc)
