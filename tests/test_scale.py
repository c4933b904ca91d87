"""The rating scale: every code defined, labelled and reachable; one fault kind, one code."""

from __future__ import annotations

from analysis.verdicts.scale import (
    COLOURS,
    DEFINITIONS,
    FAULT_CODES,
    FAULT_DEFINITIONS,
    LABELS,
    SYMBOLS,
    Fault,
    Verdict,
    verdict_of,
    worst,
)


def test_every_code_has_a_label_a_definition_a_symbol_and_a_colour():
    for table in (LABELS, DEFINITIONS, SYMBOLS, COLOURS):
        assert set(table) == set(Verdict)
    assert all(len(DEFINITIONS[v].split()) >= 6 for v in Verdict), "a definition a reader can apply"
    assert len(set(SYMBOLS.values())) == len(Verdict), "each verdict has its own symbol besides its colour"


def test_ratings_fall_along_the_scale():
    ratings = [v.rating for v in Verdict if v.rating is not None]
    assert ratings == sorted(ratings, reverse=True)
    assert Verdict.UNVERIFIABLE.rating is None


def test_each_fault_maps_to_one_code_and_every_code_is_reachable():
    assert set(FAULT_CODES) == set(Fault) and set(FAULT_DEFINITIONS) == set(Fault)
    reachable = {verdict_of([]), verdict_of([], within_precision=True)} | {verdict_of([f]) for f in Fault}
    assert reachable == set(Verdict)


def test_the_worst_established_fault_decides_and_unverifiable_never_hides_it():
    assert verdict_of([Fault.LOOSE_DETAIL, Fault.FRAMING]) is Verdict.MISLEADING
    assert verdict_of([Fault.WRONG, Fault.IMPRECISE_FIGURE]) is Verdict.INACCURATE
    assert worst([Verdict.INACCURATE, Verdict.UNVERIFIABLE]) is Verdict.INACCURATE
    assert verdict_of([Fault.UNSETTLED, Fault.LOOSE_DETAIL]) is Verdict.IMPRECISE
    assert verdict_of([Fault.UNSETTLED]) is Verdict.UNVERIFIABLE
    assert worst([Verdict.EXACT, Verdict.ROUNDED]) is Verdict.ROUNDED
