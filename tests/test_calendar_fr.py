"""French weekdays from the calendar, checked against dates whose weekday is common knowledge."""

from analysis.calendar_fr import day_in_words_fr, weekday_fr


def test_weekday_fr():
    assert weekday_fr("2025-01-01") == "mercredi"  # New Year's Day 2025 fell on a Wednesday
    assert weekday_fr("1789-07-14") == "mardi"  # the storming of the Bastille, a Tuesday
    assert weekday_fr("2000-01-01") == "samedi"  # Saturday 1 January 2000


def test_day_in_words_fr():
    assert day_in_words_fr("2025-01-01") == "mercredi 1er janvier 2025"  # French writes the first "1er"
    assert day_in_words_fr("2025-12-17") == "mercredi 17 décembre 2025"
