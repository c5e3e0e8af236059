"""The report's data: built from the example database, the same numbers every format shows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import delete

from accord.fx.rates import Rate
from accord.fx.store import save_rates
from accord.reports import ReportError, build, prose, render
from accord.reports.build import build_report
from accord.store.db import Database
from accord.store.models import ExchangeRate
from accord.store.progress import default_roadmap, find_measure
from tests import factories
from tests.conftest import TODAY
from tests.reports.conftest import CHANGED_ON, NEWS_ON, SIGNED_ON, STARTED_ON


def test_it_counts_the_example_by_status_and_direction(example_db: Database) -> None:
    report = build(example_db, as_of=TODAY)
    totals = report.summary.totals
    assert (totals.total, totals.done, totals.in_progress, totals.planned, totals.cancelled) == (
        45,
        7,
        16,
        20,
        2,
    )
    assert totals.overdue == 11 == len(report.overdue)
    assert totals.share_done == pytest.approx(7 / 43)
    assert len(report.summary.directions) == 14
    assert sum(row.total for row in report.summary.directions) == 45


def test_an_overdue_measures_days_late_come_from_its_due_date(example_db: Database) -> None:
    with example_db.reading() as session:
        measure = find_measure(session, default_roadmap(session), "2.4")
        due_on = measure.due_on
    report = build(example_db, as_of=TODAY)
    line = next(line for line in report.overdue if line.number == "2.4")
    assert line.days == (TODAY - due_on).days == 150  # the end of the second quarter of 2026
    assert line.responsible == {"BY": ["Минпром"], "KG": ["Минэкономкоммерции КР"]}
    assert [line.days for line in report.overdue] == sorted(
        (line.days for line in report.overdue), reverse=True
    )
    noted = next(line for line in report.overdue if line.number == "1.2")
    assert noted.last_note == "Собраны предложения белорусских экспортеров"


def test_the_title_block_names_the_parties_and_the_co_chairs(example_db: Database) -> None:
    report = build(example_db, as_of=TODAY, lang="en")
    title = report.title
    assert title.parties == ["BY", "KG"] and report.country("KG") == "Kyrgyzstan"
    assert title.roadmap_title.startswith("Roadmap of economic cooperation")
    assert [c.country for c in title.co_chairs] == ["BY", "KG"] and all(
        c.illustrative for c in title.co_chairs
    )
    assert title.since == TODAY - timedelta(days=150) and title.since_session == 1
    assert title.next_session == TODAY + timedelta(days=60)
    assert title.illustrative


def test_the_next_90_days_and_the_last_sessions_decisions(example_db: Database) -> None:
    report = build(example_db, as_of=TODAY)
    assert [line.number for line in report.upcoming] == [
        "2.3",
        "3.2",
        "6.2",
        "12.2",
        "9.3",
        "3.4",
        "6.1",
        "13.2",
    ]
    assert all(0 <= line.days <= 90 for line in report.upcoming)
    session = report.last_session
    assert session is not None and session.number == 1 and session.illustrative
    assert [(d.number, d.status, d.overdue) for d in session.decisions] == [
        ("1", "in_progress", True),
        ("2", "done", False),
        ("3", "planned", False),
        ("4", "planned", False),
    ]


def test_changes_since_the_last_session_carry_their_evidence(changed_db: Database) -> None:
    report = build(changed_db, as_of=TODAY)
    [change] = report.changes.measures
    assert (change.number, change.old, change.new, change.on, change.by) == (
        "2.3",
        "planned",
        "in_progress",
        CHANGED_ON,
        "alice",
    )
    assert [(e.source, e.on) for e in change.evidence] == [
        ("БелТА: Лифтовое производство: ТЭО готово", NEWS_ON)
    ]
    assert [(a.event, a.on) for a in report.changes.agreements] == [("signed", SIGNED_ON)]
    assert [(p.title, p.started) for p in report.changes.projects] == [
        ("Сервисный центр техники в Оше", STARTED_ON)
    ]


def test_since_moves_the_start_of_the_period(changed_db: Database) -> None:
    report = build(changed_db, as_of=TODAY, since=CHANGED_ON + timedelta(days=1))
    assert report.changes.measures == [] and report.changes.agreements == [] and report.changes.projects == []
    assert report.title.since_session is None
    earlier = build(changed_db, as_of=TODAY, since=STARTED_ON)
    assert len(earlier.changes.measures) == 1 and len(earlier.changes.projects) == 1


def test_a_report_as_of_an_earlier_day_leaves_out_what_came_after(changed_db: Database) -> None:
    report = build(changed_db, as_of=SIGNED_ON - timedelta(days=1))
    assert report.changes.measures == [] and report.changes.agreements == []
    assert [p.started for p in report.changes.projects] == [STARTED_ON]


def test_trade_keeps_mirror_figures_apart_and_says_when_rates_are_missing(example_db: Database) -> None:
    report = build(example_db, as_of=TODAY)
    trade = report.trade
    assert trade.currency == "USD" and trade.reporters == ["BY", "KG"]
    assert trade.conversions == [] and trade.missing_rates == []
    assert trade.yearly_turnover("KG")[2024] == 133_000_000
    assert trade.yearly_turnover("BY")[2024] == 134_400_000
    # the example's shipped rates convert, and every conversion says they are illustrative
    euros = build(example_db, as_of=TODAY, currency="EUR").trade
    assert euros.currency == "EUR" and euros.missing_rates == [] and euros.conversions
    assert all("иллюстративные курсы" in c for c in euros.conversions)
    cell = euros.lines[0].by_reporter["KG"][0]
    assert cell is not None and cell.currency == "EUR"
    # with no rates at all, figures stay in their original currency and the gap is named
    with example_db.transaction(actor="test", reason="no rates") as session:
        session.execute(delete(ExchangeRate))
    euros = build(example_db, as_of=TODAY, currency="EUR").trade
    assert euros.currency == "EUR" and euros.missing_rates
    cell = euros.lines[0].by_reporter["KG"][0]
    assert cell is not None and cell.currency == "USD"  # kept in its original currency, not invented


def test_an_empty_roadmap_has_nothing_to_report(db: Database) -> None:
    with db.transaction(actor="test") as session:
        factories.roadmap(session, code="empty")
    report = build(db, as_of=TODAY)
    assert report.empty and report.overdue == [] and report.annex.rows == [] and report.last_session is None


def test_unknown_roadmaps_and_languages_are_refused(example_db: Database) -> None:
    with pytest.raises(ReportError, match="no roadmap 'nope'"):
        build(example_db, roadmap_code="nope", as_of=TODAY)
    with pytest.raises(ReportError, match="language"):
        build(example_db, as_of=TODAY, lang="de")


def test_a_roadmap_without_commission_or_trade_counts_changes_from_its_start(db: Database) -> None:
    with db.transaction(actor="test") as session:
        roadmap = factories.roadmap(session, code="three", parties=("BY", "KG", "KZ"))
        factories.measure(session, roadmap, "1.1", due=TODAY - timedelta(days=3))
        factories.measure(session, roadmap, "1.2", due=TODAY + timedelta(days=5), status="done")
    report = build(db, as_of=TODAY)
    assert report.title.commission is None and report.title.co_chairs == [] and report.last_session is None
    assert report.title.since <= TODAY and report.title.since_session is None
    assert [(line.number, line.days) for line in report.overdue] == [("1.1", 3)]
    assert report.upcoming == []  # done measures have no deadline left
    assert set(report.overdue[0].responsible) == {"BY", "KG", "KZ"}
    assert report.trade.lines == [] and report.trade.target is None
    assert report.annex.headers[3:6] == ["Ответственные (BY)", "Ответственные (KG)", "Ответственные (KZ)"]


def test_trade_in_another_currency_names_the_official_rates_used(example_db: Database) -> None:
    days = [date(year, 12, 31) for year in range(2020, 2025)] + [date(2024, 6, 30), date(2025, 6, 30)]
    with example_db.transaction(actor="test") as session:
        save_rates(session, [Rate("nbkr", day, "USD", "KGS", Decimal("87.45")) for day in days])
    report = build(example_db, as_of=TODAY, currency="KGS")
    trade = report.trade
    assert trade.currency == "KGS" and trade.missing_rates == []
    assert trade.yearly_turnover("KG")[2024] == Decimal("133000000") * Decimal("87.45")
    assert len(trade.conversions) == 7
    assert (
        trade.conversions[0]
        == "2020: 1 USD = 87.45 KGS (Национальный банк Кыргызской Республики: 1 USD = 87.45 KGS на 31.12.2020)"
    )
    assert "Пересчет в KGS по официальным курсам:" in prose.trade_notes(report)
    page = render(example_db, as_of=TODAY, currency="KGS", fmt="html").decode("utf-8")
    assert "млн KGS" in page and "1 USD = 87.45 KGS" in page


def test_a_look_back_says_statuses_are_those_recorded_when_produced(example_db: Database) -> None:
    with example_db.reading() as session:
        roadmap = default_roadmap(session)
        back = build_report(session, roadmap, TODAY - timedelta(days=30), produced_on=TODAY)
        current = build_report(session, roadmap, TODAY, produced_on=TODAY)
    assert (
        prose.status_note(back)
        == "Статусы мероприятий и поручений приведены по данным на 27.11.2026 (дата подготовки документа)."
    )
    assert prose.status_note(current) is None
    assert len(back.overdue) < len(current.overdue)  # fewer deadlines had passed a month earlier
