"""Fiscal-year arithmetic, with expected values worked out by hand in each test."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.domain import budget


def test_fiscal_year_bounds():
    assert budget.fiscal_year_bounds(2026) == (pd.Timestamp("2025-10-01"), pd.Timestamp("2026-09-30"))


def test_share_in_calendar_years():
    # FY2026 has 365 days (1 Oct 2025 - 30 Sep 2026); 273 of them are in 2026 (Jan-Sep: 31+28+31+30+31+30+31+31+30).
    assert budget.share_in_calendar_years(2026, 2026, 2026) == pytest.approx(273 / 365)
    assert budget.share_in_calendar_years(2027, 2026, 2027) == 1.0
    assert budget.share_in_calendar_years(2025, 2026, 2027) == 0.0


def test_amounts_by_fiscal_year_and_calendar_spread():
    authorised = pd.Series({2026: 400, 2027: 400})
    assert budget.amount_for_fiscal_years(authorised, [2026, 2027]) == 800
    with pytest.raises(KeyError):
        budget.amount_for_fiscal_years(authorised, [2028])
    # Calendar 2026-2027: 273/365 of FY2026 and all of FY2027 (FY2027 has 365 days, all within 2026-2027).
    assert budget.amount_in_calendar_years(authorised, 2026, 2027) == pytest.approx(400 * 273 / 365 + 400)
