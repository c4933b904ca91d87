"""Calendar days: parsing, differences, months.

Days are whole calendar days on one clock. ``days_between(a, b)`` is ``b - a`` in days
(16 Oct -> 18 Dec is 63): the ordinary "it has been N days" count. Counting both ends (N + 1) is an
alternative reading, never silent.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

DateLike = str | date | pd.Timestamp
DAYS_PER_MONTH = 365.25 / 12


def as_day(value: DateLike) -> pd.Timestamp:
    """A calendar day as a midnight ``Timestamp``; ISO strings only (``"2025-12-18"``)."""
    if isinstance(value, str):
        return pd.Timestamp(date.fromisoformat(value))
    return pd.Timestamp(value).normalize()


def iso(value: DateLike | None) -> str | None:
    """``"2025-12-18"`` (``None`` and ``NaT`` give ``None``)."""
    return None if value is None or pd.isna(value) else as_day(value).date().isoformat()


def days_between(start: DateLike, end: DateLike) -> int:
    """Whole days from ``start`` to ``end``.

    >>> days_between("2025-10-16", "2025-12-18")
    63
    """
    return int((as_day(end) - as_day(start)).days)


def months_between(start: DateLike, end: DateLike) -> float:
    """Calendar months as days / (365.25 / 12): 20 Jan -> 18 Dec 2025 is 10.9."""
    return days_between(start, end) / DAYS_PER_MONTH


def months_begun(start: DateLike, end: DateLike) -> int:
    """Calendar months touched, counting both ends: 20 Jan -> 18 Dec 2025 is 12."""
    start, end = as_day(start), as_day(end)
    return (end.year - start.year) * 12 + end.month - start.month + 1
