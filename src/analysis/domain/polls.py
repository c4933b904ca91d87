"""Poll arithmetic: changes in points, sampling error of a change, and the series to compare.

Proportions are fractions (0.59) inside the functions and points (59) at the edges, as
pollsters publish them. The sampling error assumes simple random samples (design effect 1)
unless told otherwise; pollsters' own margins include their weighting, which usually widens them.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd


def z_value(confidence: float) -> float:
    """Two-sided critical value: 0.95 -> 1.95996..."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def margin_of_error(p: float, n: int, confidence: float = 0.95, design_effect: float = 1.0) -> float:
    """Margin of error of one proportion ``p`` (a fraction) from a sample of ``n``."""
    if n <= 0:
        raise ValueError("sample size must be positive")
    return z_value(confidence) * math.sqrt(design_effect * p * (1 - p) / n)


def margin_of_error_of_change(
    p1: float, n1: int, p2: float, n2: int, confidence: float = 0.95, design_effect: float = 1.0
) -> float:
    """Margin of error of ``p2 - p1`` between two independent samples (two waves)."""
    if n1 <= 0 or n2 <= 0:
        raise ValueError("sample sizes must be positive")
    variance = design_effect * (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return z_value(confidence) * math.sqrt(variance)


def implied_design_effect(moe_points: float, n: int, confidence: float = 0.95) -> float:
    """The design effect a published margin implies, taking the worst case p = 0.5."""
    simple = margin_of_error(0.5, n, confidence) * 100
    return (moe_points / simple) ** 2


def change_in_points(before: float, after: float) -> float:
    """Percentage points: 44 -> 59 is 15 points."""
    return after - before


def relative_change(before: float, after: float) -> float:
    """Percent change: 44 -> 59 is +34.1 %."""
    return (after - before) / before * 100


def wave(polls: pd.DataFrame, series_id: str, year: int, group: str) -> pd.Series:
    """The single row of one series, wave year and group (``KeyError`` if missing, ``ValueError`` if ambiguous)."""
    rows = polls[(polls["series_id"] == series_id) & (polls["wave_year"] == year) & (polls["group"] == group)]
    if rows.empty:
        raise KeyError(f"no {series_id} wave {year} for {group} in data/polls.csv")
    if len(rows) > 1:
        raise ValueError(f"{len(rows)} rows for {series_id} {year} {group}: give the poll_id")
    return rows.iloc[0]


def year_on_year(polls: pd.DataFrame, group: str, measure_column: str = "pct_favor") -> pd.DataFrame:
    """For each series, the change in ``group`` between its first and last wave (points)."""
    rows = []
    chosen = polls[(polls["group"] == group) & polls[measure_column].notna()]
    for series_id, table in chosen.groupby("series_id", sort=True):
        ordered = table.sort_values(["wave_year", "field_end", "poll_id"])
        first, last = ordered.iloc[0], ordered.iloc[-1]
        if first["poll_id"] == last["poll_id"]:
            continue
        rows.append({
            "series_id": series_id,
            "from": first["wave"],
            "to": last["wave"],
            measure_column: f"{first[measure_column]:g} -> {last[measure_column]:g}",
            "change_points": change_in_points(first[measure_column], last[measure_column]),
            "measure": first["measure"],
        })
    return pd.DataFrame(rows)
