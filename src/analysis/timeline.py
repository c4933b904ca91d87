"""Dates, years, months, weekdays, durations and counts of the articles, against ``events.csv``.

Each claim of kind ``date``, ``weekday``, ``year``, ``month``, ``count``, ``duration``,
``duration_max`` or ``first`` names the event it is checked against (``claims.event_id``).
:func:`check` computes the value and the verdict under the base reading and the alternatives
the kind admits (a date one day off across time zones; the weekday of the event or of the date as
the article writes it; counting a range of years).
"""

from __future__ import annotations

import pandas as pd

from analysis.calendar_fr import weekday_fr
from analysis.claims import Claim
from analysis.contacts import as_day, days_between
from analysis.verdicts import Verdict, grade

DAYS_PER_MONTH = 365.25 / 12


def event(events: pd.DataFrame, event_id: str) -> pd.Series:
    rows = events[events["event_id"] == event_id]
    if rows.empty:
        raise KeyError(f"no event {event_id!r} in data/events.csv")
    return rows.iloc[0]


def months_between(start: object, end: object) -> float:
    """Calendar months as days / (365.25 / 12): 20 Jan -> 18 Dec 2025 is 10.9."""
    return days_between(start, end) / DAYS_PER_MONTH


def _in_range(day: pd.Timestamp, row: pd.Series) -> bool:
    return row["date_start"] <= day <= row["date_end"]


def judge_date(claimed: str, row: pd.Series) -> Verdict:
    """EXACT on the event's day (or inside its range); IMPRECISE one day off (another clock);
    INACCURATE otherwise."""
    day = as_day(claimed)
    if _in_range(day, row):
        return Verdict.EXACT
    off = min(abs((day - row["date_start"]).days), abs((day - row["date_end"]).days))
    return Verdict.IMPRECISE if off == 1 else Verdict.INACCURATE


def first_of_series(events: pd.DataFrame, row: pd.Series, since: pd.Timestamp | None) -> str | None:
    """The previous event of the same series in ``[since, event)``; ``None`` if there is none
    (the event is then the first since ``since``, or the first ever)."""
    same = events[(events["series"] == row["series"]) & (events["date_start"] < row["date_start"])]
    if since is not None:
        same = same[same["date_start"] >= since]
    return None if same.empty else same.sort_values("date_start").iloc[-1]["event_id"]


def readings_for(claim: Claim, row: pd.Series, events: pd.DataFrame) -> dict[str, object]:
    """Computed value under each reading, base first."""
    kind = claim.kind
    if kind == "date":
        return {"the event's date": row["date_start"].date().isoformat()}
    if kind == "weekday":
        out = {"weekday of the event's date": weekday_fr(row["date_start"])}
        if claim.window_end is not None:
            out["weekday of the date as the article writes it"] = weekday_fr(claim.window_end)
        return out
    if kind == "year":
        return {"the event's year": int(row["date_start"].year), "the year it ended": int(row["date_end"].year)}
    if kind == "month":
        return {"the event's month": row["date_start"].strftime("%Y-%m"), "the month it ended": row["date_end"].strftime("%Y-%m")}
    if kind in ("count", "count_min"):
        return {"the figure the sources give": None if pd.isna(row["value"]) else float(row["value"])}
    if kind in ("duration", "duration_max"):
        start = claim.window_start if claim.window_start is not None else row["date_start"]
        end = row["date_start"] if claim.window_start is not None else claim.window_end
        days = days_between(start, end)
        if claim.unit == "months":
            return {"calendar months": months_between(start, end), "months begun (counting both ends)": float(
                (as_day(end).year - as_day(start).year) * 12 + as_day(end).month - as_day(start).month + 1)}
        return {"days": float(days), "days, counting both ends": float(days + 1)}
    if kind == "first":
        previous = first_of_series(events, row, claim.window_start)
        return {"previous event of the series in the window": previous or "none"}
    raise ValueError(f"claim {claim.claim_id}: kind {kind!r} is not a timeline kind")


def judge(claim: Claim, row: pd.Series):
    """The judge for one claim's values (declared per kind, before computing)."""
    kind = claim.kind
    if kind == "date":
        return lambda value: judge_date(claim.claimed, row)
    if kind in ("weekday", "month"):
        return lambda value: Verdict.EXACT if value == claim.claimed else Verdict.INACCURATE
    if kind == "year":
        low = claim.window_start.year if claim.window_start is not None else int(claim.claimed)
        high = claim.window_end.year if claim.window_end is not None else int(claim.claimed)
        return lambda value: Verdict.EXACT if low <= int(value) <= high else Verdict.INACCURATE
    if kind in ("count", "duration"):
        tolerance = claim.tolerance()
        return lambda value: grade(value, tolerance)
    if kind == "count_min":  # "au moins 12", "plus d'un million": a lower bound
        bound, margin = claim.claimed_number, claim.point_margin or 0

        def lower(value):
            if value >= bound:
                return Verdict.EXACT
            return Verdict.IMPRECISE if bound - value <= margin else Verdict.INACCURATE

        return lower
    if kind == "duration_max":
        bound, margin = claim.claimed_number, claim.point_margin or 0

        def upper(value):
            if value < bound:
                return Verdict.EXACT
            return Verdict.IMPRECISE if value - bound <= margin else Verdict.INACCURATE

        return upper
    if kind == "first":
        return lambda value: Verdict.EXACT if value == "none" else Verdict.INACCURATE
    raise ValueError(f"claim {claim.claim_id}: kind {kind!r} is not a timeline kind")


def framing_problem(framing: pd.DataFrame, claim_id: str) -> pd.Series | None:
    """The sourced framing problem recorded for a claim, if any (``data/framing.csv``)."""
    rows = framing[framing["claim_id"] == claim_id]
    return None if rows.empty else rows.iloc[0]
