"""Dated events the articles refer to (``events.csv``): lookups, series, ranges."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


def event(events: pd.DataFrame, event_id: str) -> pd.Series | None:
    """One event by id; ``None`` if it is not among ``events`` (e.g. not yet public)."""
    rows = events[events["event_id"] == event_id]
    return None if rows.empty else rows.iloc[0]


def previous_in_series(events: pd.DataFrame, row: Mapping, since: pd.Timestamp | None) -> pd.Series | None:
    """The latest earlier event of the same series in ``[since, event)``; ``None`` if there is none
    (the event is then the first since ``since``, or the first ever)."""
    same = events[(events["series"] == row["series"]) & (events["date_start"] < row["date_start"])]
    if since is not None:
        same = same[same["date_start"] >= since]
    return None if same.empty else same.sort_values("date_start").iloc[-1]


def contains(row: Mapping, day: pd.Timestamp) -> bool:
    """Whether a day falls inside an event's date range."""
    return bool(row["date_start"] <= day <= row["date_end"])


def days_off(row: Mapping, day: pd.Timestamp) -> int:
    """Days between a day and the nearest end of an event's range (0 inside it)."""
    if contains(row, day):
        return 0
    return int(min(abs((day - row["date_start"]).days), abs((day - row["date_end"]).days)))
