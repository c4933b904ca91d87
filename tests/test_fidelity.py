"""The rules of fidelity, written once in the scale: each rule gives one label and each label one
fault, so a rendering is graded by what makes it loose, never by a hand-set label."""

from __future__ import annotations

import pytest

from analysis.verdicts.judges import FIDELITY_FAULTS
from analysis.verdicts.scale import FIDELITY_RULES, Verdict, verdict_of
from conftest import project

#: Examples a fact-checker would grade by hand, with the rule each falls under.
EXAMPLES = [
    ("« extrêmement déçu » for 'extremely frustrated'", "changed_meaning", Verdict.IMPRECISE),
    ("« le plus facile (...) en raison de mes relations » for the Chequers sentence", "marked_cut", Verdict.EXACT),
    ("« tests » for 'covid tests' / 'test kits'", "ordinary_rendering", Verdict.EXACT),
    ("sept conversations for 'as many as seven'", "dropped_hedge", Verdict.IMPRECISE),
    ("« brillant », Putin's word, put in Trump's mouth", "misattributed", Verdict.INACCURATE),
    ("words found in no source", "not_found", Verdict.UNVERIFIABLE),
    ("an unquoted summary that keeps the meaning", "fair_paraphrase", Verdict.EXACT),
]


@pytest.mark.parametrize(("example", "rule", "expected"), EXAMPLES, ids=[e[1] for e in EXAMPLES])
def test_a_rule_gives_one_verdict(example, rule, expected):
    label = FIDELITY_RULES[rule][0]
    fault = FIDELITY_FAULTS[label]
    assert verdict_of([fault] if fault else []) is expected, example


def test_translation_cut_paraphrase_and_ordinary_rendering_are_never_faults():
    for rule in ("exact", "translation", "marked_cut", "fair_paraphrase", "ordinary_rendering"):
        assert FIDELITY_FAULTS[FIDELITY_RULES[rule][0]] is None, rule


def test_every_statement_names_a_rule_the_scale_defines():
    assert project().facts("statements").enum("rule") == tuple(FIDELITY_RULES)
    assert set(project().table("statements")["rule"]) <= set(FIDELITY_RULES)
