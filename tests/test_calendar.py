"""Days and French weekdays from the calendar, checked against dates whose weekday is common
knowledge."""


from analysis.domain.calendar_fr import day_in_words_fr, weekday_fr
from analysis.domain.dates import days_between, months_begun, months_between


def test_weekday_fr():
    assert weekday_fr("2025-01-01") == "mercredi"  # New Year's Day 2025 fell on a Wednesday
    assert weekday_fr("1789-07-14") == "mardi"  # the storming of the Bastille, a Tuesday
    assert weekday_fr("2000-01-01") == "samedi"  # Saturday 1 January 2000
    # One whole week, Monday 15 to Sunday 21 December 2025: each day its own name, in order.
    week = [weekday_fr(f"2025-12-{day}") for day in range(15, 22)]
    assert week == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def test_day_in_words_fr():
    assert day_in_words_fr("2025-01-01") == "mercredi 1er janvier 2025"  # French writes the first "1er"
    assert day_in_words_fr("2025-12-17") == "mercredi 17 décembre 2025"


def test_months():
    # 20 Jan -> 18 Dec 2025: 332 days / 30.4375 = 10.91 months; 12 calendar months touched.
    assert days_between("2025-01-20", "2025-12-18") == 332
    assert round(months_between("2025-01-20", "2025-12-18"), 2) == 10.91
    assert months_begun("2025-01-20", "2025-12-18") == 12
