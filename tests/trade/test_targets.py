"""A roadmap's turnover target: set, replaced, refused when it cannot be meant."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from accord.store.models import AuditEntry, Roadmap, TradeTarget
from accord.trade.targets import TargetError, set_target


def test_set_then_replace_audited(roadmap_db):
    with roadmap_db.transaction(actor="alice") as session:
        set_target(session, session.scalars(select(Roadmap)).one(), Decimal(300), "usd", 2028, note="first")
    with roadmap_db.transaction(actor="bob") as session:
        set_target(session, session.scalars(select(Roadmap)).one(), Decimal(500), "USD", 2030, 2024)
    with roadmap_db.reading() as session:
        target = session.scalars(select(TradeTarget)).one()
        changed = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "trade_target", AuditEntry.field == "value")
        ).all()
    assert (target.value, target.currency, target.year, target.base_year, target.note) == (
        Decimal(500), "USD", 2030, 2024, "first")
    assert [(e.actor, e.old, e.new) for e in changed][-1] == ("bob", "300", "500")


@pytest.mark.parametrize(
    ("value", "currency", "year", "base_year", "message"),
    [
        ("0", "USD", 2030, None, "must be positive"),
        ("-5", "USD", 2030, None, "must be positive"),
        ("5", "ABC", 2030, None, "unknown currency code 'ABC'"),
        ("5", "USD", 2030, 2030, "must come before"),
        ("5", "USD", 3030, None, "out of range"),
    ],
)
def test_refused(roadmap_db, value, currency, year, base_year, message):
    with roadmap_db.transaction(actor="alice") as session, pytest.raises(TargetError, match=message):
        set_target(session, session.scalars(select(Roadmap)).one(), Decimal(value), currency, year, base_year)
