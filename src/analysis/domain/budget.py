"""US budget arithmetic: fiscal years, sums by year, authorised vs appropriated.

FY N runs from 1 October of year N-1 to 30 September of year N: FY2026 is 1 Oct 2025 – 30 Sep 2026.
"""

from __future__ import annotations

from datetime import date

import pandas as pd


def fiscal_year_bounds(fiscal_year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a fiscal year."""
    return pd.Timestamp(date(fiscal_year - 1, 10, 1)), pd.Timestamp(date(fiscal_year, 9, 30))


def share_in_calendar_years(fiscal_year: int, first_year: int, last_year: int) -> float:
    """Fraction of a fiscal year's days that fall in calendar years ``first_year``..``last_year``."""
    start, end = fiscal_year_bounds(fiscal_year)
    window_start = max(start, pd.Timestamp(date(first_year, 1, 1)))
    window_end = min(end, pd.Timestamp(date(last_year, 12, 31)))
    total = (end - start).days + 1
    inside = max((window_end - window_start).days + 1, 0)
    return inside / total


def amount_for_fiscal_years(amounts: pd.Series, years: list[int]) -> int:
    """Sum of a per-fiscal-year series over ``years``; a missing year is an error, not a zero."""
    missing = [y for y in years if y not in amounts.index]
    if missing:
        raise KeyError(f"no amount for fiscal year(s) {missing}")
    return int(amounts.loc[years].sum())


def amount_in_calendar_years(amounts: pd.Series, first_year: int, last_year: int) -> float:
    """Per-fiscal-year amounts spread evenly over their days, summed over calendar years."""
    return float(
        sum(amount * share_in_calendar_years(int(fy), first_year, last_year) for fy, amount in amounts.items())
    )
