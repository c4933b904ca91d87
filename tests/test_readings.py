"""Readings: the base first, every combination after it, and what the wording rules out."""

from __future__ import annotations

from analysis.messages import Message
from analysis.verdicts.readings import CLOCK, COUNTING, Constraint, Reading, apply_wording, grid, ruled_out_by

BASE = Reading((("clock", "moscow"), ("counting", "exclusive")))


def test_grid_puts_the_base_first_without_repeats():
    readings = grid([CLOCK, COUNTING], BASE)
    assert readings[0] == BASE and len(readings) == 4 and len(set(readings)) == 4


def test_the_wording_fixes_a_dimension_and_rules_out_the_rest():
    constraint = Constraint("clock", ("washington",), Message("a reason"))
    assert apply_wording(BASE, [constraint])["clock"] == "washington"
    readings = grid([CLOCK, COUNTING], apply_wording(BASE, [constraint]))
    ruled = [r for r in readings if ruled_out_by(r, [constraint])]
    assert len(ruled) == 2 and all(r["clock"] == "moscow" for r in ruled)
