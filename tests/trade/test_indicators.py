"""Turnover, growth and the target, computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from accord.trade.indicators import TargetStatus, assess, growth, required_growth, turnover, worst

M = Decimal(1_000_000)


def test_turnover_needs_both_sides():
    assert turnover(Decimal(22), Decimal(46)) == Decimal(68)
    assert turnover(Decimal(22), None) is None


def test_growth():
    assert growth(Decimal(115), Decimal(100)) == Decimal("0.15")
    assert growth(Decimal(1), Decimal(0)) is None
    assert growth(None, Decimal(1)) is None


def test_required_growth_doubles_in_one_year():
    assert required_growth(Decimal(250), 2029, Decimal(500), 2030) == Decimal(1)
    # 100 → 121 in two years is 10 % a year
    assert required_growth(Decimal(100), 2028, Decimal(121), 2030).quantize(Decimal("0.0001")) == Decimal("0.1")
    assert required_growth(Decimal(100), 2030, Decimal(121), 2030) is None


def test_the_examples_target_is_at_risk():
    # 133 → 500 by 2030 needs (500/133)^(1/6) − 1 = e^(ln(3.7594)/6) − 1 ≈ 24.70 % a year; 2024 grew 133/114.6 − 1 ≈ 16.06 %
    progress = assess(500 * M, 2030, {2023: Decimal("114.6") * M, 2024: 133 * M}, 2026)
    assert progress.status is TargetStatus.AT_RISK
    assert progress.required.quantize(Decimal("0.0001")) == Decimal("0.2470")
    assert progress.recent_growth.quantize(Decimal("0.0001")) == Decimal("0.1606")
    assert progress.latest_year == 2024


@pytest.mark.parametrize(
    ("yearly", "today", "status"),
    [
        ({2028: Decimal(300), 2029: Decimal(450)}, 2029, TargetStatus.ON_TRACK),  # +50 % ≥ needed +11.1 %
        ({2028: Decimal(300), 2029: Decimal(310)}, 2029, TargetStatus.AT_RISK),
        ({2029: Decimal(310)}, 2029, TargetStatus.AT_RISK),  # growth unknown
        ({2029: Decimal(520)}, 2029, TargetStatus.MET),
        ({2030: Decimal(480)}, 2031, TargetStatus.MISSED),
        ({2029: Decimal(480)}, 2031, TargetStatus.MISSED),
        ({}, 2026, TargetStatus.NO_DATA),
    ],
)
def test_status(yearly, today, status):
    assert assess(Decimal(500), 2030, yearly, today).status is status


def test_mirror_statuses_take_the_worse():
    assert worst([TargetStatus.ON_TRACK, TargetStatus.AT_RISK]) is TargetStatus.AT_RISK
    assert worst([TargetStatus.NO_DATA, TargetStatus.MET]) is TargetStatus.MET
    assert worst([]) is TargetStatus.NO_DATA
