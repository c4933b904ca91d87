"""Margin-of-error helpers against textbook values worked out here by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.domain import polls


def test_z_value_matches_the_textbook_table():
    assert polls.z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert polls.z_value(0.90) == pytest.approx(1.644854, abs=1e-6)
    with pytest.raises(ValueError):
        polls.z_value(1.0)


def test_margin_of_error_of_a_proportion():
    # The textbook case: p = 0.5, n = 1,000 -> 1.96 * sqrt(0.25 / 1000) = 0.0310 (about ±3.1 points).
    assert polls.margin_of_error(0.5, 1000) == pytest.approx(1.959964 * math.sqrt(0.25 / 1000), rel=1e-6)
    assert polls.margin_of_error(0.5, 1000) == pytest.approx(0.031, abs=5e-4)
    # A design effect of 2 widens it by sqrt(2).
    assert polls.margin_of_error(0.5, 1000, design_effect=2) == pytest.approx(0.031 * math.sqrt(2), abs=1e-3)


def test_margin_of_error_of_a_change_between_two_waves():
    # p1 = p2 = 0.5, n1 = n2 = 500: sqrt(0.25/500 + 0.25/500) = sqrt(0.001) = 0.0316; times 1.96 = 0.0620.
    assert polls.margin_of_error_of_change(0.5, 500, 0.5, 500) == pytest.approx(0.0620, abs=1e-4)
    # It is sqrt(2) times the margin of one wave of the same size.
    assert polls.margin_of_error_of_change(0.5, 500, 0.5, 500) == pytest.approx(
        math.sqrt(2) * polls.margin_of_error(0.5, 500), rel=1e-9)
    with pytest.raises(ValueError):
        polls.margin_of_error_of_change(0.5, 0, 0.5, 500)


def test_implied_design_effect():
    # A pollster publishing exactly the simple-random-sample margin implies a design effect of 1.
    simple = polls.margin_of_error(0.5, 1000) * 100
    assert polls.implied_design_effect(simple, 1000) == pytest.approx(1.0)
    assert polls.implied_design_effect(2 * simple, 1000) == pytest.approx(4.0)


def test_points_and_percent_change():
    assert polls.change_in_points(40, 50) == 10
    assert polls.relative_change(40, 50) == pytest.approx(25.0)  # 10 / 40


def test_wave_and_year_on_year():
    table = pd.DataFrame({
        "poll_id": ["a1", "a2", "b1"], "series_id": ["s", "s", "t"], "wave": ["2024", "2025", "2025"],
        "wave_year": [2024, 2025, 2025], "field_end": pd.to_datetime([None, None, None]),
        "group": ["republicans"] * 3, "pct_favor": [40.0, 52.0, 30.0], "measure": ["m"] * 3,
    })
    assert polls.wave(table, "s", 2025, "republicans")["pct_favor"] == 52
    with pytest.raises(KeyError):
        polls.wave(table, "s", 2023, "republicans")
    changes = polls.year_on_year(table, "republicans")
    assert list(changes["series_id"]) == ["s"]  # a series with one wave has no change
    assert changes["change_points"].iloc[0] == 12
