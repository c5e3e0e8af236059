"""The example's trade figures: the stated ones exact and real, the rest flagged illustrative."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from accord.demo.trade import load_trade
from accord.store.models import Roadmap, TradeFlow, TradeTarget

M = Decimal(1_000_000)


def load(db, times=1):
    for _ in range(times):
        with db.transaction(actor="demo") as session:
            load_trade(session, session.scalars(select(Roadmap)).one())


def test_the_stated_figures(roadmap_db):
    load(roadmap_db)
    with roadmap_db.reading() as session:
        kg = {(f.period, f.flow): f for f in session.scalars(select(TradeFlow).where(TradeFlow.reporter == "KG"))}
        target = session.scalars(select(TradeTarget)).one()
    assert kg[("2024", "export")].value + kg[("2024", "import")].value == 133 * M
    assert kg[("2024", "export")].value + kg[("2024", "import")].value > Decimal("1.15") * (
        kg[("2023", "export")].value + kg[("2023", "import")].value
    )
    assert (kg[("2025-H1", "export")].value, kg[("2025-H1", "import")].value) == (22 * M, 46 * M)
    assert not kg[("2025-H1", "export")].illustrative
    assert (target.value, target.currency, target.year, target.kind) == (500 * M, "USD", 2030, "turnover")
    assert "2030" in target.note and "without naming a year" in target.note


def test_every_other_figure_is_flagged_and_labelled_illustrative(roadmap_db):
    load(roadmap_db)
    with roadmap_db.reading() as session:
        flows = list(session.scalars(select(TradeFlow)))
    assert {f.reporter for f in flows} == {"BY", "KG"}
    for flow in flows:
        if (flow.reporter, flow.period) == ("KG", "2025-H1"):
            continue
        assert flow.illustrative and "illustrative" in flow.source, flow.audit_key()


def test_mirror_figures_differ(roadmap_db):
    load(roadmap_db)
    with roadmap_db.reading() as session:
        flows = {(f.reporter, f.period, f.flow): f.value for f in session.scalars(select(TradeFlow))}
    for period in ("2020", "2021", "2022", "2023", "2024", "2024-H1", "2025-H1"):
        by_export, kg_import = flows[("BY", period, "export")], flows[("KG", period, "import")]
        assert by_export != kg_import and abs(by_export - kg_import) / kg_import < Decimal("0.1")


def test_loading_twice_changes_nothing(roadmap_db):
    load(roadmap_db, times=2)
    with roadmap_db.reading() as session:
        assert len(list(session.scalars(select(TradeFlow)))) == 28
        assert len(list(session.scalars(select(TradeTarget)))) == 1


def test_the_example_loads_its_trade(db):
    from datetime import date

    from accord.demo.example import load_example
    from accord.trade.summary import trade_summary

    load_example(db, date(2026, 11, 27))
    with db.reading() as session:
        summary = trade_summary(session, session.scalars(select(Roadmap)).one(), None, date(2026, 11, 27))
    assert summary.target is not None and summary.target.value == 500 * M
    h1 = next(r for r in summary.rows if r.period.text == "2025-H1")
    assert h1.reporters["KG"].turnover == 68 * M and h1.reporters["KG"].export.original == 22 * M
