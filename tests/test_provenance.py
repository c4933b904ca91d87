"""The census of the sources: the one rule that makes a source verifiable, the share, and the
record's side of it (every source has a census row; the report marks a page not found)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.io import provenance
from conftest import project


def _source(source_id: str, date: str | None = "2025-10-16", note: str | None = None) -> dict:
    return {"source_id": source_id, "date_published": pd.Timestamp(date) if date else pd.NaT, "date_note": note}


def _check(source_id: str, copy: str = "at_url", excerpt: str | None = "on_copy", date: str | None = "agrees",
           role: str | None = "fits") -> dict:
    return {"source_id": source_id, "checked_on": pd.Timestamp("2026-12-06"), "copy_found": copy,
            "excerpt_check": excerpt, "date_check": date, "role_check": role}


CASES = [  # (source, check, verifiable, why)
    (_source("a"), _check("a"), True, "found, excerpt, date and role as recorded"),
    (_source("b"), _check("b", copy="equivalent_url"), True, "the same page under another form of its URL"),
    (_source("c"), _check("c", copy="not_found", excerpt=None, date=None, role=None), False, "no copy"),
    (_source("j"), _check("j", copy="archive_copy"), True, "the repository copy archive_url names, read"),
    (_source("d"), _check("d", excerpt="not_seen"), False, "the excerpt is not on the part read"),
    (_source("e"), _check("e", date="differs"), False, "the copy shows another date"),
    (_source("f"), _check("f", date="not_shown"), False, "a date the copy does not show, and no note says whence"),
    (_source("g", note="date from the URL path"), _check("g", date="not_shown"), True, "the note says whence"),
    (_source("h", date=None, note="the page shows none"), _check("h", date="not_shown"), True, "no date recorded"),
    (_source("i"), _check("i", role="does_not_fit"), False, "a citation the page does not back"),
]


@pytest.mark.parametrize(("source", "check", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_the_census_rule(source, check, expected, why):
    flags = provenance.verifiable(pd.DataFrame([source]), pd.DataFrame([check]))
    assert bool(flags[source["source_id"]]) is expected, why


def test_a_source_without_a_census_row_is_not_verifiable():
    flags = provenance.verifiable(pd.DataFrame([_source("a"), _source("z")]), pd.DataFrame([_check("a")]))
    assert flags.to_dict() == {"a": True, "z": False}


def test_the_share_counts_the_flags():
    flags = provenance.verifiable(pd.DataFrame([c[0] for c in CASES]), pd.DataFrame([c[1] for c in CASES]))
    counted = provenance.share(flags)
    assert (counted.verifiable, counted.total) == (sum(c[2] for c in CASES), len(CASES))
    low, high = counted.interval()
    assert low < counted.share < high


def test_every_source_has_one_census_row():
    data = project()
    sources, checks = set(data.table("sources")["source_id"]), list(data.table("source_checks")["source_id"])
    assert len(checks) == len(set(checks))
    assert sources == set(checks), f"no census row: {sorted(sources - set(checks))[:5]}"


def test_the_report_marks_a_page_not_found():
    """Whatever the census finds today: two sources, one checked as not found, one found."""
    from analysis.publish.report import _sources

    sources = project().table("sources").iloc[:2]
    lost, kept = sources["source_id"].tolist()
    checks = pd.DataFrame([_check(lost, copy="not_found", excerpt=None, date=None, role=None), _check(kept)])
    by_id = {row["source_id"]: row for row in provenance.annotate(sources, checks).to_dict("records")}
    record = {"sources": [{"source_id": sid, "role": "supports", "aspect": None} for sid in (lost, kept)]}
    marks = [s["not_found_on"] for s in _sources(record, by_id, "fr") if s["url"] == by_id[lost]["url"]]
    others = [s["not_found_on"] for s in _sources(record, by_id, "fr") if s["url"] == by_id[kept]["url"]]
    assert marks == ["2026-12-06"] and others == [""]


def test_the_wilson_interval_matches_the_first_audit():
    """The standards audit's sample (43 verifiable of 60) was reported with a 95 % Wilson interval
    of 59.2–81.5 %, computed by its own script."""
    assert [round(x, 3) for x in provenance.Share(43, 60).interval()] == [0.592, 0.815]


def test_a_retired_source_is_gone_and_its_citations_went_somewhere():
    data = project()
    retired = data.table("sources_retired")
    sources = set(data.table("sources")["source_id"])
    assert not set(retired["source_id"]) & sources, "a retired source is still in sources.csv"
    assert not set(retired["source_id"]) & set(data.table("citations")["source_id"]), "a retired source is still cited"
    heirs = {heir for value in retired["replaced_by"] for heir in value.split(";")}
    assert heirs <= sources, f"replaced by sources that do not exist: {sorted(heirs - sources)[:5]}"
