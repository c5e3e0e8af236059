"""The trade summary: mirror figures side by side, growth, target, conversions that show their working."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from accord.demo.trade import load_trade
from accord.fx.rates import Rate
from accord.fx.store import save_rates
from accord.store.models import Roadmap, TradeFlow
from accord.trade.indicators import TargetStatus
from accord.trade.summary import trade_summary

TODAY = date(2026, 11, 27)
M = Decimal(1_000_000)


def loaded(db):
    with db.transaction(actor="tester") as session:
        load_trade(session, session.scalars(select(Roadmap)).one())
    return db


def summary_of(db, currency=None):
    with db.reading() as session:
        return trade_summary(session, session.scalars(select(Roadmap)).one(), currency, TODAY)


def test_mirror_figures_are_side_by_side_never_summed(roadmap_db):
    summary = summary_of(loaded(roadmap_db))
    assert summary.parties == ["BY", "KG"] and summary.currency == "USD"
    row = next(r for r in summary.rows if r.period.text == "2024")
    assert row.reporters["KG"].turnover == 133 * M
    assert row.reporters["BY"].turnover == Decimal("134.4") * M
    assert set(row.reporters) == {"BY", "KG"}
    assert all(r.reporters[c].turnover < 200 * M for r in summary.rows for c in r.reporters)


def test_growth_year_on_year_and_half_on_half(roadmap_db):
    summary = summary_of(loaded(roadmap_db))
    by_period = {r.period.text: r for r in summary.rows}
    assert by_period["2024"].reporters["KG"].growth == 133 / Decimal("114.6") - 1
    assert by_period["2024"].reporters["KG"].growth > Decimal("0.15")  # the stated fact: over 15 % in 2024
    assert by_period["2025-H1"].reporters["KG"].growth == 68 / Decimal("59.2") - 1
    assert by_period["2020"].reporters["KG"].growth is None
    assert [r.period.text for r in summary.rows][-2:] == ["2024-H1", "2025-H1"]


def test_the_real_figures_are_not_marked_illustrative(roadmap_db):
    summary = summary_of(loaded(roadmap_db))
    h1 = next(r for r in summary.rows if r.period.text == "2025-H1").reporters["KG"]
    assert (h1.export.original, h1.import_.original, h1.turnover) == (22 * M, 46 * M, 68 * M)
    assert not h1.illustrative
    assert next(r for r in summary.rows if r.period.text == "2023").reporters["KG"].illustrative


def test_the_target_is_assessed_on_each_sides_figures(roadmap_db):
    target = summary_of(loaded(roadmap_db)).target
    assert (target.value, target.currency, target.year) == (500 * M, "USD", 2030)
    assert "2030" in target.note
    assert target.status is TargetStatus.AT_RISK
    kg = target.by_reporter["KG"]
    assert (kg.latest_year, kg.latest) == (2024, 133 * M)
    assert kg.required.quantize(Decimal("0.0001")) == Decimal("0.2470")


def test_json_has_periods_and_target(roadmap_db):
    data = summary_of(loaded(roadmap_db)).as_dict()
    assert data["target"]["status"] == "at risk" and data["target"]["value"] == "500000000"
    period = next(p for p in data["periods"] if p["period"] == "2025-H1")
    assert period["label"] == "Jan–Jun 2025"
    assert period["reporters"]["KG"]["turnover"] == "68000000"
    assert period["reporters"]["KG"]["export"]["original"] == {"amount": "22000000", "currency": "USD"}
    assert period["reporters"]["KG"]["export"]["conversion"] is None


def test_figures_in_another_currency_carry_their_conversion(roadmap_db):
    db = loaded(roadmap_db)
    with db.transaction(actor="tester") as session:
        save_rates(session, [
            Rate("nbrb", date(2024, 12, 27), "USD", "BYN", Decimal("3.4"), 1),  # a Friday; 31 Dec had none stored
            Rate("nbrb", date(2025, 6, 30), "USD", "BYN", Decimal("3.1"), 1),
        ])
    summary = summary_of(db, "BYN")
    assert summary.currency == "BYN"
    kg = next(r for r in summary.rows if r.period.text == "2024").reporters["KG"]
    assert kg.turnover == Decimal("452.2") * M  # 133 million USD × 3.4
    conversion = kg.export.as_dict()["conversion"]
    assert conversion["amount"] == "41200000" and conversion["currency"] == "USD" and conversion["source"] == "nbrb"
    assert conversion["on"] == "2024-12-31"
    assert conversion["rates"][0]["date"] == "2024-12-27" and conversion["rates"][0]["rate"] == "3.4"
    # years with no rate stored are shown in their own currency, with the reason
    old = next(r for r in summary.rows if r.period.text == "2020").reporters["KG"]
    assert old.export.value is None and old.turnover is None
    assert "no NBRB rate for USD on 2020-12-31" in old.export.problem
    assert any(p.startswith("2020: ") for p in summary.problems)
    # the target is still assessed in its own currency
    assert summary.target.by_reporter["KG"].latest == 133 * M


def test_an_official_figure_wins_over_an_illustrative_one(roadmap_db):
    db = loaded(roadmap_db)
    with db.transaction(actor="tester") as session:
        session.add(TradeFlow(reporter="KG", partner="BY", period="2024", period_start=date(2024, 1, 1),
                              period_end=date(2024, 12, 31), flow="export", commodity="TOTAL",
                              value=Decimal(40 * M), currency="USD", source="National Statistical Committee"))
    kg = next(r for r in summary_of(db).rows if r.period.text == "2024").reporters["KG"]
    assert kg.export.source == "National Statistical Committee" and kg.export.original == 40 * M


def test_an_empty_record(roadmap_db):
    summary = summary_of(roadmap_db)
    assert summary.rows == [] and summary.target is None and summary.as_dict()["periods"] == []


def quarters(session, year: int, values: list[str], currency: str = "USD", flows=("export", "import")):
    for flow in flows:
        for q, value in enumerate(values, start=1):
            start = date(year, 3 * q - 2, 1)
            end = date(year, 3 * q, 31 if q in (1, 4) else 30)
            session.add(TradeFlow(reporter="BY", partner="KG", period=f"{year}-Q{q}", period_start=start,
                                  period_end=end, flow=flow, commodity="TOTAL", value=Decimal(value),
                                  currency=currency, source="Belstat"))


def test_a_year_complete_in_quarters_is_added_up(roadmap_db):
    with roadmap_db.transaction(actor="tester") as session:
        quarters(session, 2023, ["10", "20", "30", "40"])
        quarters(session, 2024, ["15", "25", "35", "45"])
        quarters(session, 2025, ["1", "2", "3"])  # incomplete: no year
    summary = summary_of(roadmap_db)
    years = {r.period.text: r.reporters["BY"] for r in summary.rows if r.period.kind == "year"}
    assert set(years) == {"2023", "2024"}
    assert years["2023"].export.original == Decimal(100) and years["2024"].turnover == Decimal(240)
    assert years["2024"].growth == Decimal("0.2")
    assert years["2024"].export.source == "sum of 4 quarters: Belstat" and len(years["2024"].export.parts) == 4
    assert summary.yearly_turnover("BY") == {2023: Decimal(200), 2024: Decimal(240)}


def test_parts_in_different_currencies_are_not_added(roadmap_db):
    with roadmap_db.transaction(actor="tester") as session:
        quarters(session, 2024, ["1", "2", "3"], flows=("export",))
        session.add(TradeFlow(reporter="BY", partner="KG", period="2024-Q4", period_start=date(2024, 10, 1),
                              period_end=date(2024, 12, 31), flow="export", commodity="TOTAL", value=Decimal(9),
                              currency="BYN", source="Belstat"))
    assert all(r.period.kind == "quarter" for r in summary_of(roadmap_db).rows)


def test_a_year_from_quarters_converted_keeps_each_quarters_rate(roadmap_db):
    with roadmap_db.transaction(actor="tester") as session:
        quarters(session, 2024, ["10", "10", "10", "10"], flows=("export",))
        save_rates(session, [Rate("nbrb", date(2024, 3 * q, 28), "USD", "BYN", Decimal(3 + q), 1) for q in range(1, 5)])
    summary = summary_of(roadmap_db, "BYN")
    year = next(r for r in summary.rows if r.period.text == "2024").reporters["BY"].export
    assert year.value == Decimal(10 * (4 + 5 + 6 + 7))
    assert [p["conversion"]["rates"][0]["rate"] for p in year.as_dict()["parts"]] == ["4", "5", "6", "7"]
    assert [period for period, _ in summary.rate_notes()] == ["Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024"]
    assert summary.as_dict()["rates"][0]["text"].startswith("1 USD = 4 BYN (NBRB: 1 USD = 4 BYN of 2024-03-28)")


def test_among_three_parties_each_pair_is_its_own_series(db):
    from accord.store.models import RoadmapParty
    from accord.trade.importer import ensure_countries

    with db.transaction(actor="tester") as session:
        ensure_countries(session, {"BY", "KG", "KZ"})
        made = Roadmap(code="eaeu", title="Три стороны")
        made.parties = [RoadmapParty(country_code=c, ordinal=i) for i, c in enumerate(("BY", "KG", "KZ"))]
        session.add(made)
        for partner, value in (("KG", 10), ("KZ", 700)):
            session.add(TradeFlow(reporter="BY", partner=partner, period="2024", period_start=date(2024, 1, 1),
                                  period_end=date(2024, 12, 31), flow="export", commodity="TOTAL",
                                  value=Decimal(value), currency="USD", source="Belstat"))
    row = summary_of(db).rows[0]
    assert {code: r.export.original for code, r in row.reporters.items()} == {"BY-KG": 10, "BY-KZ": 700}
