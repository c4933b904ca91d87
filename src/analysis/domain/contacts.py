"""Pure functions over Trump–Putin contacts: selections, counts, gaps, means.

Each function takes a Series of contact days (one clock, chosen by the caller) and returns a
number or a table. See :mod:`analysis.domain.dates` for how days are counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pandas as pd

from analysis.domain.dates import DateLike, as_day, days_between


def with_days(contacts: pd.DataFrame, day_column: str = "date") -> pd.DataFrame:
    """Every contact that has a day on the clock of ``day_column`` (``date`` for Washington,
    ``date_moscow`` for Moscow), that day in a ``day`` column, sorted by day (then id). A claimed
    contact nobody dated cannot be placed on the calendar: it is never counted."""
    if day_column not in contacts.columns:
        raise ValueError(f"no column {day_column!r} in the contacts table")
    dated = contacts.assign(day=pd.to_datetime(contacts[day_column]).dt.normalize())
    dated = dated[dated["day"].notna()]
    return dated.sort_values(["day", "contact_id"], kind="stable").reset_index(drop=True)


def of_kinds(contacts: pd.DataFrame, types: Sequence[str], statuses: Sequence[str]) -> pd.DataFrame:
    """The contacts of the given types and statuses, in the order given."""
    chosen = contacts["type"].isin(types) & contacts["status"].isin(statuses)
    return contacts[chosen].reset_index(drop=True)


def select_contacts(
    contacts: pd.DataFrame,
    types: Sequence[str] = ("call",),
    statuses: Sequence[str] = ("confirmed", "one_source"),
    day_column: str = "date",
) -> pd.DataFrame:
    """The contacts of the given types and statuses, with a ``day`` column read from
    ``day_column``, sorted by that day (:func:`with_days`, then :func:`of_kinds`: a caller that
    selects many ways dates the table once)."""
    return of_kinds(with_days(contacts, day_column), types, statuses)


def last_on_or_before(days: pd.Series, as_of: DateLike) -> pd.Timestamp | None:
    """The last day on or before ``as_of``; ``None`` if there is none."""
    earlier = days[days <= as_day(as_of)]
    return None if earlier.empty else earlier.max()


def in_window(
    days: pd.Series,
    start: DateLike,
    end: DateLike,
    include_start: bool = False,
    include_end: bool = True,
) -> pd.Series:
    """The days that fall inside the window; by default ``(start, end]``."""
    start, end = as_day(start), as_day(end)
    after = days >= start if include_start else days > start
    before = days <= end if include_end else days < end
    return days[after & before].reset_index(drop=True)


def days_since_last(days: pd.Series, as_of: DateLike) -> int:
    """Days from the last contact on or before ``as_of`` to ``as_of``.

    Raises ``ValueError`` if there is no contact on or before ``as_of``.
    """
    as_of = as_day(as_of)
    earlier = days[days <= as_of]
    if earlier.empty:
        raise ValueError(f"no contact on or before {as_of.date()}")
    return days_between(earlier.max(), as_of)


def gaps(days: pd.Series, start: DateLike, as_of: DateLike) -> pd.DataFrame:
    """Every stretch without a contact between ``start`` and ``as_of``.

    The first stretch runs from ``start`` (e.g. the inauguration) to the first contact; the last
    one, if ``as_of`` is after the last contact, is still open on ``as_of``. Contacts on the same
    day make no stretch. Columns: ``gap_start``, ``gap_end``, ``days``, ``kind``
    (``from_start`` | ``between`` | ``open``).
    """
    start, as_of = as_day(start), as_day(as_of)
    inside = sorted(set(in_window(days, start, as_of, include_start=True, include_end=True)))
    marks = [start, *inside]
    rows = []
    for left, right in pairwise(marks):
        if right > left:
            kind = "from_start" if left == start and left not in inside else "between"
            rows.append((left, right, days_between(left, right), kind))
    if marks[-1] < as_of:
        rows.append((marks[-1], as_of, days_between(marks[-1], as_of), "open"))
    return pd.DataFrame(rows, columns=["gap_start", "gap_end", "days", "kind"])


def longest_gaps(days: pd.Series, start: DateLike, as_of: DateLike, n: int = 2) -> pd.DataFrame:
    """The ``n`` longest stretches without contact (see :func:`gaps`), longest first.

    Ties keep calendar order, so the earlier of two equal stretches ranks first.
    """
    table = gaps(days, start, as_of)
    return table.sort_values("days", ascending=False, kind="stable").head(n).reset_index(drop=True)


#: Definitions of "on average, a call every N days" between ``start`` and ``end``.
MEAN_DEFINITIONS: dict[str, str] = {
    "window_per_contact": (
        "length of the window divided by the number of contacts in it "
        "(start excluded, end included): a rate, 'one every N days'"
    ),
    "mean_gap_from_start": (
        "mean of the stretches from the start to the first contact, then from each contact "
        "to the next, up to the last contact in the window"
    ),
    "mean_gap_between_contacts": (
        "mean of the stretches between consecutive contacts only, first to last contact in the "
        "window (the start of the window plays no part)"
    ),
}


def mean_interval(days: pd.Series, start: DateLike, end: DateLike, definition: str) -> float:
    """Average spacing of contacts in ``(start, end]`` under one of :data:`MEAN_DEFINITIONS`."""
    if definition not in MEAN_DEFINITIONS:
        raise ValueError(f"unknown definition {definition!r}; use one of {list(MEAN_DEFINITIONS)}")
    start, end = as_day(start), as_day(end)
    inside = sorted(set(in_window(days, start, end)))
    if definition == "window_per_contact":
        if not inside:
            raise ValueError("no contact in the window")
        return days_between(start, end) / len(inside)
    if definition == "mean_gap_from_start":
        if not inside:
            raise ValueError("no contact in the window")
        return days_between(start, inside[-1]) / len(inside)
    if len(inside) < 2:
        raise ValueError("fewer than two contacts in the window")
    return days_between(inside[0], inside[-1]) / (len(inside) - 1)


def days_since_series(days: pd.Series, start: DateLike, end: DateLike) -> pd.DataFrame:
    """For every day from ``start`` to ``end``: days since the last contact (or since ``start``).

    The data behind the "days since the last call" chart. Columns: ``day``,
    ``days_since`` and ``since`` (the day counted from: a contact, or ``start``).
    """
    start, end = as_day(start), as_day(end)
    calendar = pd.date_range(start, end, freq="D")
    marks = sorted(set(in_window(days, start, end, include_start=True)))
    anchors = pd.Series(pd.NaT, index=calendar, dtype="datetime64[ns]")
    anchors.iloc[0] = start
    for mark in marks:
        anchors.loc[mark] = mark
    anchors = anchors.ffill()
    return pd.DataFrame(
        {
            "day": calendar,
            "days_since": (calendar - pd.DatetimeIndex(anchors.values)).days.astype(int),
            "since": anchors.values,
        }
    )
