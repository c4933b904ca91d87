"""Dates as a French article writes them: weekdays and day names computed, never typed."""

from __future__ import annotations

from babel.dates import format_date

from analysis.domain.dates import DateLike, as_day


def weekday_fr(day: DateLike) -> str:
    """The French weekday name of a day, lower case (``"mercredi"``)."""
    return format_date(as_day(day).date(), "EEEE", locale="fr").lower()


def day_in_words_fr(day: DateLike) -> str:
    """``"mercredi 17 décembre 2025"``; the first of a month is written ``"1er"``."""
    value = as_day(day).date()
    number = "1er" if value.day == 1 else str(value.day)
    return f"{format_date(value, 'EEEE', locale='fr')} {number} {format_date(value, 'MMMM y', locale='fr')}"
