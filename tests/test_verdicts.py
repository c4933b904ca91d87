"""Tolerances and verdicts, checked on values chosen at and around each boundary."""

from __future__ import annotations

import pytest

from analysis import calls
from analysis.tables import round_half_up
from analysis.verdicts import (
    VERDICT_LABELS,
    Verdict,
    grade,
    misleading_if,
    tolerance_from_precision,
)


def test_tolerance_is_the_rounding_interval():
    t = tolerance_from_precision(34, 1, point_margin=3.4)
    assert (t.low, t.high) == (33.5, 34.5)
    t = tolerance_from_precision(59, 1)
    assert (t.low, t.high) == (58.5, 59.5)
    t = tolerance_from_precision(800_000_000, 100_000_000)
    assert (t.low, t.high) == (750_000_000, 850_000_000)


@pytest.mark.parametrize(
    ("computed", "expected"),
    [
        (34, Verdict.EXACT),
        (33.5, Verdict.ROUNDED),  # the lower bound is inside
        (34.49, Verdict.ROUNDED),
        (34.5, Verdict.IMPRECISE),  # the upper bound is outside (half-open, as rounding)
        (37.4, Verdict.IMPRECISE),  # 34 + 3.4: the point still stands
        (37.5, Verdict.INACCURATE),
        (30.5, Verdict.INACCURATE),
        (None, Verdict.UNVERIFIABLE),
    ],
)
def test_grade_at_the_boundaries(computed, expected):
    assert grade(computed, tolerance_from_precision(34, 1, point_margin=3.4)) is expected


def test_judge_margin():
    assert calls.judge_margin(1) is Verdict.EXACT
    assert calls.judge_margin(0) is Verdict.IMPRECISE
    assert calls.judge_margin(-3) is Verdict.INACCURATE


def test_misleading_only_downgrades_right_figures():
    assert misleading_if(Verdict.EXACT, "authorised, not spent") is Verdict.MISLEADING
    assert misleading_if(Verdict.EXACT, None) is Verdict.EXACT
    assert misleading_if(Verdict.INACCURATE, "anything") is Verdict.INACCURATE


def test_every_verdict_has_both_labels_and_a_rating_order():
    assert set(VERDICT_LABELS) == set(Verdict)
    ratings = [v.rating for v in Verdict if v.rating is not None]
    # Best first in the enum, so ratings never increase along it.
    assert ratings == sorted(ratings, reverse=True)
    assert all(v.label_fr and v.label_en for v in Verdict)


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(2.5, 0, 3.0), (3.5, 0, 4.0), (33.625, 2, 33.63), (33.625, 1, 33.6), (-2.5, 0, -3.0)],
)
def test_round_half_up(value, digits, expected):
    assert round_half_up(value, digits) == expected
