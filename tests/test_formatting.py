"""French and English formatting (Babel): decimal comma, spacing, dates in words, weekdays."""

from analysis.formatting import format_value, weekday_in

NBSP = "\u00a0"


def test_numbers_use_each_language_conventions():
    assert format_value(33.625, "days", "fr") == f"33,6{NBSP}jours"
    assert format_value(33.625, "days", "en") == f"33.6{NBSP}days"
    assert format_value(1, "days", "fr") == f"1{NBSP}jour"
    assert format_value(1234567, "", "fr") == f"1{chr(0x202F)}234{chr(0x202F)}567"  # narrow no-break space
    assert format_value(1234567, "", "en") == "1,234,567"


def test_percent_money_dates_weekdays_and_booleans():
    assert format_value(59, "percent", "fr") == f"59{NBSP}%"
    assert format_value(59, "percent", "en") == "59%"
    assert format_value(800_000_000, "USD", "en") == "$800M"
    assert format_value("2025-10-16", "date", "fr") == "16 octobre 2025"
    assert format_value("2025-10-16", "date", "en") == "October 16, 2025"
    assert weekday_in("mercredi", "en") == "Wednesday"
    assert format_value("true", "", "fr") == "oui" and format_value("true", "", "en") == "yes"
    assert format_value(None, "days", "en") == "—"


def test_kinds_decide_how_values_read():
    assert format_value(2024, "", "fr", "year") == "2024"  # no thousands separator in a year
    assert format_value(2024, "", "en", "year") == "2024"
    assert format_value("2022-02", "", "fr", "month") == "février 2022"
    assert format_value("2022-02", "", "en", "month") == "February 2022"
    assert format_value("2025-02-12", "", "en", "date") == "February 12, 2025"
    assert format_value("jeudi", "", "en", "weekday") == "Thursday"
    assert format_value("none", "", "fr", "first") == "aucun précédent"
    assert format_value("buyer=us_dod;seller=us_industry", "", "en", "mechanism") == "buyer: Pentagon, seller: US industry"
    assert format_value(1, "days", "fr", "longest_gap", {"current": 63, "runner_up": 62}) == f"63{NBSP}jours contre 62"
