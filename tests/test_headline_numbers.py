"""The headline figures, recomputed here by hand from dates written in this file.

The list of 2025 calls below was written from the Kremlin's own running counts, independently of
``data/contacts.csv``: Ushakov called 19 May the third call and 4 June the fourth, TASS called 3 July
the sixth and 16 October the eighth, and Peskov said on 16 December that there had been no call since
16 October. Each expected value is then worked out by hand in a comment, and compared with what the
data and the committed results give.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import calls, contacts, paths, polls
from analysis.readings import Reading

CALLS_TO_18_DEC = ["2025-02-12", "2025-03-18", "2025-05-19", "2025-06-04", "2025-06-14", "2025-07-03",
                   "2025-08-18", "2025-10-16"]


@pytest.fixture(scope="module")
def table():
    from analysis import loaders

    return loaders.load("contacts")


@pytest.fixture(scope="module")
def recorded():
    records = json.loads((paths.results_dir() / "01_calls.json").read_text(encoding="utf-8"))
    return {r["claim_id"]: r for r in records}


def test_the_data_holds_the_calls_the_kremlin_counted(table):
    days = calls.days_of(table, Reading())
    up_to = days[days <= pd.Timestamp("2025-12-18")]
    assert [d.date().isoformat() for d in up_to] == CALLS_TO_18_DEC


def test_seven_calls_after_12_february(table, recorded):
    # Eight calls by 16 October, the first on 12 February: 8 - 1 = 7 after it.
    assert calls.count_after(table, Reading(), "2025-02-12", "2025-12-18") == 7
    assert recorded["dec-calls-since-feb12"]["computed"] == 7


def test_63_days_since_16_october(table, recorded):
    # 16 Oct -> 31 Oct: 15 days; November: 30; 1 -> 18 Dec: 18. 15 + 30 + 18 = 63.
    assert calls.days_since_last(table, Reading(), "2025-12-18") == 63
    assert recorded["dec-days-since-last-call"]["computed"] == 63


def test_longest_stretch_beats_march_may_by_one_day(table, recorded):
    # 18 Mar -> 19 May: 13 (rest of March) + 30 (April) + 19 = 62; the open stretch is 63: margin 1.
    assert calls.longest_gap_margin(table, Reading(), "2025-01-20", "2025-12-18") == 1
    assert recorded["dec-longest-gap"]["detail"] == {"current": 63, "runner_up": 62}


def test_a_call_every_33_625_days(table, recorded):
    # 20 Jan -> 16 Oct: 11 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 16 = 269 days; 8 calls: 269 / 8 = 33.625.
    reading = Reading(extra="window_per_contact")
    assert calls.mean_interval(table, reading, "2025-01-20", "2025-10-16") == 269 / 8
    assert recorded["dec-mean-interval"]["computed"] == 269 / 8
    # Between the first and the last call only: 12 Feb -> 16 Oct is 269 - 23 = 246 days over 7 gaps.
    reading = Reading(extra="mean_gap_between_contacts")
    assert calls.mean_interval(table, reading, "2025-01-20", "2025-10-16") == 246 / 7


def test_the_poll_change_is_larger_than_its_sampling_error():
    # 30 % of 2,507 adults = 752.1 Republicans per wave (the declared assumption).
    # Var = .44 * .56 / 752.1 + .59 * .41 / 752.1 = (.2464 + .2419) / 752.1 = .00064925
    # sqrt = .025481; times 1.95996 = .04994: about ±5.0 points, smaller than the 15-point change.
    moe = polls.margin_of_error_of_change(0.44, 2507 * 0.3, 0.59, 2507 * 0.3)
    assert moe == pytest.approx(0.04994, abs=5e-5)
    assert contacts.days_between("2025-01-20", "2025-02-12") == 23  # "moins de trois semaines": 21 < 23
