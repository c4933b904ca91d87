"""Tolerances and hedges, on values chosen at and around each boundary (worked by hand)."""

from __future__ import annotations

import math

import pytest

from analysis.verdicts.hedges import hedges_in
from analysis.verdicts.tolerance import Interval, Match, compare, hedged, tolerance


def test_an_integer_stated_to_the_unit_is_its_rounding_interval():
    t = tolerance(34, "exact", 1, 3.4)
    assert (t.interval.low, t.interval.high, t.interval.high_closed) == (33.5, 34.5, False)


@pytest.mark.parametrize(
    ("evidence", "match", "distance"),
    [
        (34, Match.EQUAL, 0), (33.5, Match.WITHIN, 0), (34.49, Match.WITHIN, 0),
        (34.5, Match.OFF, 0.5), (37.4, Match.OFF, pytest.approx(3.4)), (30.5, Match.OFF, 3.5),
    ],
)
def test_compare_a_figure(evidence, match, distance):
    result = compare(tolerance(34, "exact", 1, 3.4), Interval.point(evidence))
    assert result.match is match and result.distance == distance


def test_bounds_in_the_claim():
    # « moins de trois semaines »: fewer than 21 days; 23 days is 2 days off the bound.
    result = compare(tolerance(21, "less_than", None, 3), Interval.point(23))
    assert result.match is Match.OFF and result.distance == 2
    assert compare(tolerance(21, "less_than"), Interval.point(20)).match is Match.WITHIN
    assert compare(tolerance(21, "less_than"), Interval.point(21)).match is Match.OFF
    # « au moins 12 morts »: 12 dead holds; « plus d'un million »: exactly a million does not.
    assert compare(tolerance(12, "at_least"), Interval.point(12)).match is Match.WITHIN
    assert compare(tolerance(1e6, "more_than"), Interval.point(1e6)).match is Match.OFF


def test_a_bound_in_the_evidence_is_never_graded_as_a_count():
    # The source says "as many as seven": the claim "sept" states more than the evidence shows.
    assert compare(tolerance(7, "exact"), hedged(7, "at_most")).match is Match.STATES_MORE
    # "more than a million" in the sources supports "plus d'un million".
    assert compare(tolerance(1e6, "more_than"), hedged(1e6, "more_than")).match is Match.WITHIN


def test_interval_arithmetic():
    assert Interval(0, 1, True, False).contains(0) and not Interval(0, 1, True, False).contains(1)
    assert hedged(5, "at_least").within(Interval(0, math.inf, True, False))
    assert not Interval(0, 1).overlaps(Interval(2, 3)) and Interval(0, 1).distance(Interval(2, 3)) == 1
    assert not Interval(0, 1, True, False).overlaps(Interval(1, 2))
    assert Interval(-math.inf, 7, False, True).as_record()["low"] is None


def test_hedge_words_are_found():
    assert hedges_in("qui ont causé au moins 12 morts") == [("at_least", "au moins")]
    assert hedges_in("Moins de trois semaines après") == [("less_than", "moins de")]
    assert hedges_in("as many as seven calls") == [("at_most", "as many as")]
    assert hedges_in("sept reprises") == []
