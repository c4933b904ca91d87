"""Tolerances, declared before computing: the interval a claim allows, and the evidence's.

The claim's interval comes from its own wording: its value, its hedge and the precision the
wording implies (an integer "34" holds for [33.5, 34.5)). The evidence is an interval too: a
point where the sources give a figure, a half-line where they give a bound ("as many as seven").
Comparing the two (:func:`compare`) says whether the claim holds exactly, within its precision,
is off (and by how much), or states more than the evidence shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from analysis.verdicts.hedges import bounds


@dataclass(frozen=True)
class Interval:
    """A set of real numbers between two ends, each open or closed (infinite ends are open)."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(float(value), float(value))

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.low_closed and self.high_closed

    def contains(self, x: float) -> bool:
        above = x > self.low or (self.low_closed and x == self.low)
        below = x < self.high or (self.high_closed and x == self.high)
        return above and below

    def within(self, other: Interval) -> bool:
        """Whether every point of ``self`` lies in ``other``."""
        low_ok = self.low > other.low or (self.low == other.low and (other.low_closed or not self.low_closed))
        high_ok = self.high < other.high or (self.high == other.high and (other.high_closed or not self.high_closed))
        return low_ok and high_ok

    def overlaps(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return self.high_closed and other.low_closed
        if other.high == self.low:
            return other.high_closed and self.low_closed
        return True

    def distance(self, other: Interval) -> float:
        """How far apart two disjoint intervals are (0 when they touch or overlap)."""
        if self.overlaps(other):
            return 0.0
        return max(other.low - self.high, self.low - other.high, 0.0)

    def scaled(self, factor: float) -> Interval:
        """The same interval in another unit (``factor`` > 0: minutes to hours is 1/60)."""
        return Interval(self.low * factor, self.high * factor, self.low_closed, self.high_closed)

    def as_record(self) -> dict:
        def end(value: float) -> float | None:
            return None if math.isinf(value) else value

        return {"low": end(self.low), "high": end(self.high), "low_closed": self.low_closed,
                "high_closed": self.high_closed}


def hedged(value: float, hedge: str, precision: float | None = 0.0) -> Interval:
    """The interval a hedged value stands for (the rules are in :mod:`analysis.verdicts.hedges`).

    >>> hedged(34, "exact", 1)
    Interval(low=33.5, high=34.5, low_closed=True, high_closed=False)
    >>> hedged(21, "less_than").contains(21)
    False
    """
    return Interval(*bounds(value, hedge, precision))


@dataclass(frozen=True)
class Tolerance:
    """What the claim allows (its interval) and how far off it may be with its point standing."""

    claimed: float
    hedge: str
    precision: float
    point_margin: float
    interval: Interval

    def as_record(self) -> dict:
        return {"claimed": self.claimed, "hedge": self.hedge, "precision": self.precision,
                "point_margin": self.point_margin, **self.interval.as_record()}


def tolerance(claimed: float, hedge: str = "exact", precision: float | None = None,
              point_margin: float | None = None) -> Tolerance:
    """The tolerance a claim's wording declares (precision and margin default to 0)."""
    precision = float(precision or 0.0)
    return Tolerance(float(claimed), hedge, precision, float(point_margin or 0.0),
                     hedged(claimed, hedge, precision))


class Match(str, Enum):
    """How evidence compares with a claim's interval."""

    EQUAL = "equal"  # the evidence is the claimed figure itself, stated without hedge
    WITHIN = "within"  # every value the evidence allows lies in the claim's interval
    STATES_MORE = "states_more"  # the claim is more definite than the evidence (a hedge dropped)
    OFF = "off"  # no value the evidence allows is in the claim's interval


@dataclass(frozen=True)
class Comparison:
    match: Match
    distance: float  # how far off, in the claim's unit (0 unless OFF)


def compare(tol: Tolerance, evidence: Interval) -> Comparison:
    """Compare evidence with a claim's tolerance."""
    if tol.hedge == "exact" and evidence.is_point and evidence.low == tol.claimed:
        return Comparison(Match.EQUAL, 0.0)
    if evidence.within(tol.interval):
        return Comparison(Match.WITHIN, 0.0)
    if evidence.overlaps(tol.interval):
        return Comparison(Match.STATES_MORE, 0.0)
    return Comparison(Match.OFF, evidence.distance(Interval.point(tol.claimed)) if tol.hedge == "exact"
                      else evidence.distance(tol.interval))
