"""Days and French weekdays from the calendar, checked against dates whose weekday is common
knowledge, and what was public on a date."""

import pandas as pd

from analysis.domain.calendar_fr import day_in_words_fr, weekday_fr
from analysis.domain.dates import days_between, months_begun, months_between
from analysis.domain.knowable import public_by


def test_weekday_fr():
    assert weekday_fr("2025-01-01") == "mercredi"  # New Year's Day 2025 fell on a Wednesday
    assert weekday_fr("1789-07-14") == "mardi"  # the storming of the Bastille, a Tuesday
    assert weekday_fr("2000-01-01") == "samedi"  # Saturday 1 January 2000


def test_day_in_words_fr():
    assert day_in_words_fr("2025-01-01") == "mercredi 1er janvier 2025"  # French writes the first "1er"
    assert day_in_words_fr("2025-12-17") == "mercredi 17 décembre 2025"


def test_months():
    # 20 Jan -> 18 Dec 2025: 332 days / 30.4375 = 10.91 months; 12 calendar months touched.
    assert days_between("2025-01-20", "2025-12-18") == 332
    assert round(months_between("2025-01-20", "2025-12-18"), 2) == 10.91
    assert months_begun("2025-01-20", "2025-12-18") == 12


def test_public_by_uses_the_publication_day_then_the_event_day():
    table = pd.DataFrame({"happened": pd.to_datetime(["2025-01-01", "2025-01-05", None]),
                          "published": pd.to_datetime([None, "2025-01-10", None])})
    kept = public_by(table, "2025-01-06", "published", "happened")
    # Row 0 counts from its day; row 1 only once published on the 10th; row 2 has no date: standing fact.
    assert list(kept.index) == [0, 2]
