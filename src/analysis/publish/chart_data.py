"""What each chart draws, prepared from the data package and the claim it illustrates, so the
notebook and the report draw the same chart from the same code (:mod:`analysis.publish.charts`
only draws). Where the report places a chart is data: ``charts.csv`` names the claim each chart
illustrates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
from matplotlib.figure import Figure

from analysis.io.package import DataPackage
from analysis.io.register import Claim
from analysis.publish import charts

#: The kinds of claim whose checked value is a day, month or year (the timeline's points).
DATED_KINDS = ("date", "month", "year", "decade", "period")


def days_since(claim: Claim, params: Mapping, data: DataPackage, locale: str) -> tuple[Figure, str]:
    """Days since the last call, day by day over the contacts' coverage, the calls and meetings
    marked, the day ``claim`` speaks of and the longest stretch before it."""
    from analysis.domain import contacts as ct
    from analysis.domain.dates import as_day
    from analysis.io.contract import CLOCK_COLUMNS
    from analysis.verdicts.engine import speaks_of

    as_of = as_day(speaks_of(claim, dict(params), data))
    coverage = data.coverage("contacts")
    contacts = data.table("contacts")
    day_column = CLOCK_COLUMNS[params.get("clock", "washington")]
    statuses = tuple(params.get("statuses", ("confirmed", "one_source")))
    calls = ct.select_contacts(contacts, ("call",), statuses, day_column)["day"]
    start, end = as_day(coverage.start), as_day(coverage.end)
    series = ct.days_since_series(calls, start, end)
    marks = ct.select_contacts(contacts, ("call", "meeting"), statuses, day_column)
    gaps = ct.longest_gaps(calls, start, min(as_of, end), n=1) if as_of >= start else None
    longest = gaps.iloc[0] if gaps is not None and len(gaps) else None
    return charts.days_since_chart(series, marks, as_of, longest, end, locale)


def usai(claim: Claim, params: Mapping, data: DataPackage, locale: str) -> tuple[Figure, str]:
    """USAI money by fiscal year, authorised and appropriated, the years ``claim`` names highlighted."""
    years = list(range(claim.window_start.year, claim.window_end.year + 1))
    return charts.usai_chart(data.table("usai_history"), years, locale)


def poll_trend(claim: Claim, params: Mapping, data: DataPackage, locale: str) -> tuple[Figure, str]:
    """The waves of the poll series ``claim`` checks, by party, with the Republican margin."""
    from analysis.domain import polls as pl

    series_id, _, _ = claim.subject.partition(":")
    table = data.table("polls")
    trend = table[(table["series_id"] == series_id) & table["pct_favor"].notna()]
    share = params.get("republican_share", 0.3)
    confidence = params.get("confidence", 0.95)
    errors = {}
    for year, row in trend[trend["group"] == "republicans"].set_index("wave_year").iterrows():
        if pd.notna(row["n_total"]):
            errors[year] = 100 * pl.margin_of_error(row["pct_favor"] / 100, row["n_total"] * share, confidence)
    pollster = trend["pollster"].iloc[0].split(" (")[0]
    return charts.party_trend_chart(trend, pd.Series(errors, dtype=float), pollster, locale)


@dataclass(frozen=True)
class ChartKind:
    """One kind of chart a claim can be illustrated by (``charts.csv``, column ``chart``)."""

    name: str
    draw: Callable[[Claim, Mapping, DataPackage, str], tuple[Figure, str]]


CHART_KINDS: dict[str, ChartKind] = {k.name: k for k in (
    ChartKind("days_since", days_since), ChartKind("usai_by_year", usai), ChartKind("poll_trend", poll_trend))}


def figure(kind: str, claim: Claim, params: Mapping, data: DataPackage, locale: str) -> tuple[Figure, str]:
    """The chart of ``kind`` for ``claim``, with its text alternative, in ``locale``."""
    if kind not in CHART_KINDS:
        raise ValueError(f"unknown chart {kind!r} for claim {claim.claim_id!r}; use one of {sorted(CHART_KINDS)}")
    return CHART_KINDS[kind].draw(claim, params, data, locale)


def dated_claims(records: list[dict]) -> pd.DataFrame:
    """The timeline's points: each record of a dated kind whose checked value is a day, a month or
    a year (its first day), with its article and verdict. Values not established are left out."""
    rows = []
    for r in records:
        if r["kind"] not in DATED_KINDS:
            continue
        day = first_day(r["computed"])
        if day is not None:
            rows.append({"day": pd.Timestamp(day), "article_id": r["article_id"], "verdict": r["verdict"]})
    return pd.DataFrame(rows, columns=["day", "article_id", "verdict"])


def first_day(value: object) -> date | None:
    """The first day of a checked calendar value: ``2025-10-16``, ``2025-08``, ``1987``,
    ``2025-02-12/2025-02-13`` or ``{"from": …}``; ``None`` when there is none.

    >>> first_day("2025-08"), first_day("1987"), first_day(None)
    (datetime.date(2025, 8, 1), datetime.date(1987, 1, 1), None)
    """
    if isinstance(value, dict):
        value = value.get("from")
    text = str(value or "").split("/")[0].strip()
    for width, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) == width:
            try:
                return date.fromisoformat(text + suffix)
            except ValueError:
                return None
    return None
