"""Dates as a French article writes them: weekdays and day names computed, never typed."""

from __future__ import annotations

from babel import Locale
from babel.dates import format_date, get_day_names

from analysis.domain.dates import DateLike, as_day

FRENCH = Locale.parse("fr")
#: Monday (0) to Sunday (6), as Babel writes them in a date (``format_date(day, "EEEE")``), lower case.
WEEKDAYS_FR = {number: name.lower() for number, name in get_day_names("wide", context="format", locale=FRENCH).items()}


def weekday_fr(day: DateLike) -> str:
    """The French weekday name of a day, lower case (``"mercredi"``)."""
    return WEEKDAYS_FR[as_day(day).weekday()]


def day_in_words_fr(day: DateLike) -> str:
    """``"mercredi 17 décembre 2025"``; the first of a month is written ``"1er"``."""
    value = as_day(day).date()
    number = "1er" if value.day == 1 else str(value.day)
    return f"{format_date(value, 'EEEE', locale=FRENCH)} {number} {format_date(value, 'MMMM y', locale=FRENCH)}"
