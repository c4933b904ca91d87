"""The claim register: every row has a judge and a measure, names data that exist, quotes its
article byte for byte, declares its hedges, and is assigned to a notebook that checks it."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.errors import RegisterError
from analysis.io import register
from analysis.io.package import DataPackage
from analysis.verdicts.engine import Context, constraints_for
from analysis.verdicts.hedges import hedges_in
from analysis.verdicts.kinds import KINDS
from analysis.verdicts.measures import measure
from conftest import project, replace_cell

CLAIMS = project().claims


def test_every_kind_has_a_judge_and_every_measure_exists():
    for item in CLAIMS:
        assert item.kind in KINDS, item.claim_id
        measure(item.measure)


@pytest.mark.parametrize("item", CLAIMS, ids=lambda c: c.claim_id)
def test_quotes_are_verbatim(item):
    assert item.quote in project().text(item.article_id)


def test_numeric_claims_parse_and_calendar_claims_have_their_window():
    for item in CLAIMS:
        if KINDS[item.kind].numeric:
            item.claimed_number  # noqa: B018 - raises if not a number
        if item.kind == "period":
            assert item.window_start and item.window_end, item.claim_id
        if item.kind == "weekday" and not item.measure.startswith("contacts."):
            assert item.window_start, f"{item.claim_id}: the date as written goes in window_start"


def test_hedge_words_in_a_numeric_quote_are_declared():
    """A quote with « moins de », « au moins », « plus de » … states a bound: its hedge says which.
    Where the hedge word bears on another figure of the quote, the claim is split instead."""
    for item in CLAIMS:
        if not KINDS[item.kind].numeric:
            continue
        found = hedges_in(item.quote)
        if not found or item.hedge in {kind for kind, _ in found}:
            continue
        # The hedge bears on another figure of the quote: a claim of its own must carry it.
        split = [c for c in CLAIMS if c is not item and c.quote in item.quote and c.hedge in {k for k, _ in found}]
        assert split, f"{item.claim_id}: the quote has {found}, the register says {item.hedge}"


def test_the_readings_the_wording_rules_out_name_real_dimensions():
    from datetime import date

    ctx = Context(project(), {}, date.min, date.min, date.min)
    for item in CLAIMS:
        dims = {d.name: d for d in measure(item.measure).dimensions(item, ctx)}
        for constraint in constraints_for(item, ctx):
            assert constraint.dimension in dims, f"{item.claim_id}: no dimension {constraint.dimension}"
            assert set(constraint.allowed) <= set(dims[constraint.dimension].values), item.claim_id


def test_every_claim_is_assigned_to_an_existing_notebook():
    notebooks = [p.stem for p in paths.notebooks_dir().glob("[0-9]*.ipynb")]
    register.check_assignments(notebooks, CLAIMS)
    assert {c.notebook for c in CLAIMS} == set(notebooks)


def test_a_claim_assigned_to_a_missing_notebook_is_named(data_copy):
    line = replace_cell(data_copy / "claims.csv", "dec-poll-59,", ",03_polls,", ",07_missing,")
    with pytest.raises(RegisterError, match=rf"row {line}, column 'notebook'.*dec-poll-59"):
        register.check_assignments(["01_calls", "02_ndaa", "03_polls", "04_timeline", "05_statements"],
                                   DataPackage.open(data_copy).claims)


def test_records_must_answer_registered_claims():
    record = {"claim_id": "no-such-claim", "notebook": "01_calls", "quote": "x"}
    with pytest.raises(RegisterError, match="no-such-claim"):
        register.check_records([record], CLAIMS)


def test_headline_claims_are_the_articles_headline_figures():
    headline = {c.claim_id for c in CLAIMS if c.headline}
    assert {"dec-calls-since-feb12", "dec-days-since-last-call", "dec-longest-gap", "dec-mean-interval",
            "dec-ndaa-800m", "dec-poll-rise-15pts"} <= headline


def test_subjects_exist():
    from analysis.io.integrity import subjects_missing

    assert subjects_missing(project()).empty
    assert not project().table("claims")["subject"].str.contains("  ").any()


def test_a_subject_no_table_holds_is_named_with_its_claim(data_copy):
    from analysis.io.integrity import subjects_missing

    replace_cell(data_copy / "claims.csv", "dec-ndaa-senate-weekday,", ",ndaa26-senate-passage,",
                 ",ndaa26-senate-passage; no-such-row,")
    missing = subjects_missing(DataPackage.open(data_copy, validate=False))
    assert missing.to_dict("records") == [{"claim_id": "dec-ndaa-senate-weekday", "subject": "no-such-row"}]
