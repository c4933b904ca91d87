"""Unit tests for analysis.contacts. Expected values are worked out here by hand from the dates
written in each test, never read from the project's outputs."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.domain import contacts as ct
from analysis.domain.dates import days_between


def days(*iso: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(iso)))


def test_days_between_counts_calendar_days_across_months():
    # January has 31 days: 31 Jan -> 1 Mar 2025 is 1 (rest of Jan) + 28 (Feb) = 29 days.
    assert days_between("2025-01-31", "2025-03-01") == 29
    # 2024 is a leap year: the same span is one day longer.
    assert days_between("2024-01-31", "2024-03-01") == 30
    assert days_between("2025-05-05", "2025-05-05") == 0


def test_days_since_last_uses_the_last_contact_on_or_before_the_date():
    d = days("2025-03-01", "2025-03-10", "2025-04-01")
    # As of 20 March the last contact is 10 March: 10 days.
    assert ct.days_since_last(d, "2025-03-20") == 10
    # A contact on the day itself: 0 days.
    assert ct.days_since_last(d, "2025-04-01") == 0
    with pytest.raises(ValueError, match="no contact"):
        ct.days_since_last(d, "2025-02-01")


def test_in_window_excludes_start_and_includes_end_by_default():
    d = days("2025-02-01", "2025-02-10", "2025-02-20")
    assert list(ct.in_window(d, "2025-02-01", "2025-02-20").dt.day) == [10, 20]
    assert list(ct.in_window(d, "2025-02-01", "2025-02-20", include_start=True).dt.day) == [1, 10, 20]
    assert list(ct.in_window(d, "2025-02-01", "2025-02-20", include_end=False).dt.day) == [10]


def test_gaps_from_start_between_and_open():
    d = days("2025-01-05", "2025-01-15")
    table = ct.gaps(d, "2025-01-01", "2025-01-31")
    # 1 -> 5 Jan (4 days), 5 -> 15 (10), 15 -> 31 still open (16).
    assert list(table["days"]) == [4, 10, 16]
    assert list(table["kind"]) == ["from_start", "between", "open"]


def test_gaps_same_day_contacts_make_no_stretch():
    d = days("2025-01-05", "2025-01-05", "2025-01-08")
    assert list(ct.gaps(d, "2025-01-05", "2025-01-08")["days"]) == [3]


def test_longest_gaps_ranks_and_keeps_calendar_order_on_ties():
    d = days("2025-01-11", "2025-01-21", "2025-01-25")
    # Stretches: 1->11 (10), 11->21 (10), 21->25 (4), 25->31 open (6).
    top = ct.longest_gaps(d, "2025-01-01", "2025-01-31", n=2)
    assert list(top["days"]) == [10, 10]
    assert list(top["gap_start"].dt.day) == [1, 11]


def test_mean_interval_definitions_on_a_hand_worked_example():
    # Window 1 Jan -> 31 Jan (30 days); contacts on 11, 21 and 31 Jan.
    d = days("2025-01-11", "2025-01-21", "2025-01-31")
    assert ct.mean_interval(d, "2025-01-01", "2025-01-31", "window_per_contact") == 10
    assert ct.mean_interval(d, "2025-01-01", "2025-01-31", "mean_gap_from_start") == 10
    assert ct.mean_interval(d, "2025-01-01", "2025-01-31", "mean_gap_between_contacts") == 10
    # Window ends 10 days after the last contact: the rate changes, the gaps do not.
    assert ct.mean_interval(d, "2025-01-01", "2025-02-10", "window_per_contact") == 40 / 3
    assert ct.mean_interval(d, "2025-01-01", "2025-02-10", "mean_gap_from_start") == 10
    with pytest.raises(ValueError, match="unknown definition"):
        ct.mean_interval(d, "2025-01-01", "2025-01-31", "median")


def test_mean_interval_needs_contacts():
    with pytest.raises(ValueError):
        ct.mean_interval(days("2025-03-01"), "2025-01-01", "2025-01-31", "window_per_contact")
    with pytest.raises(ValueError):
        ct.mean_interval(days("2025-01-10"), "2025-01-01", "2025-01-31", "mean_gap_between_contacts")


def test_days_since_series_resets_on_each_contact():
    d = days("2025-01-03")
    series = ct.days_since_series(d, "2025-01-01", "2025-01-05")
    assert list(series["days_since"]) == [0, 1, 0, 1, 2]
    assert series["since"].iloc[-1] == pd.Timestamp("2025-01-03")


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact_id": ["a", "b", "c", "d"],
            "date": pd.to_datetime(["2025-08-18", "2025-08-15", "2025-09-01", None]),
            "date_moscow": pd.to_datetime(["2025-08-19", "2025-08-15", "2025-09-01", None]),
            "type": ["call", "meeting", "call", "call"],
            "status": ["confirmed", "confirmed", "disputed", "unconfirmed"],
        }
    )


def test_select_contacts_filters_types_statuses_and_clock():
    chosen = ct.select_contacts(_table(), ("call",), ("confirmed",), "date_moscow")
    assert list(chosen["contact_id"]) == ["a"]
    assert chosen["day"].iloc[0] == pd.Timestamp("2025-08-19")
    both = ct.select_contacts(_table(), ("call", "meeting"), ("confirmed", "disputed"), "date")
    assert list(both["contact_id"]) == ["b", "a", "c"]


def test_select_contacts_never_counts_undated_claims():
    everything = ct.select_contacts(_table(), ("call",), ("confirmed", "one_source", "disputed", "unconfirmed"))
    assert "d" not in set(everything["contact_id"])


def test_last_on_or_before():
    d = days("2025-03-01", "2025-03-10")
    assert ct.last_on_or_before(d, "2025-03-05") == pd.Timestamp("2025-03-01")
    assert ct.last_on_or_before(d, "2025-02-01") is None


def test_sawtooth_peaks_show_the_full_stretch():
    from analysis.publish.charts import sawtooth

    # Contacts on 1 and 4 January: the stretch between them is 3 days, so the line must reach 3.
    series = ct.days_since_series(days("2025-01-04"), "2025-01-01", "2025-01-05")
    line = sawtooth(series)
    assert list(line["days_since"]) == [0, 1, 2, 3, 0, 1]
