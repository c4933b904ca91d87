"""The committed verdict records: complete, quoted verbatim, consistent with the register."""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest

from analysis import loaders, paths, results
from analysis.verdicts import Verdict

RESULT_FILES = sorted(paths.results_dir().glob("*.json"))


def test_every_notebook_has_results():
    notebooks = {p.stem for p in paths.notebooks_dir().glob("[0-9]*.ipynb")}
    assert notebooks and notebooks == {p.stem for p in RESULT_FILES}


@pytest.fixture(params=RESULT_FILES, ids=lambda p: p.name)
def records(request):
    return json.loads(request.param.read_text(encoding="utf-8"))


def test_records_have_the_required_fields_and_known_codes(records):
    for record in records:
        assert set(results.REQUIRED_FIELDS) <= set(record)
        assert Verdict(record["verdict"])
        for alternative in record["alternatives"]:
            assert set(alternative) == {"reading", "computed", "verdict"}
            assert Verdict(alternative["verdict"])


def test_quotes_occur_verbatim_in_the_article(records):
    for record in records:
        assert record["quote"] in loaders.article_text(record["article_id"]), record["claim_id"]


def test_records_match_the_claim_register(records):
    register = loaders.load("claims").set_index("claim_id")
    for record in records:
        row = register.loc[record["claim_id"]]
        assert record["quote"] == row["quote"]
        assert record["claimed"] == row["claimed"]
        assert record["notebook"] == row["notebook"]


def test_record_sources_exist(records):
    known = set(pd.read_csv(paths.data_dir() / "sources.csv", dtype=str)["source_id"])
    for record in records:
        assert record["source_ids"] and set(record["source_ids"]) <= known, record["claim_id"]


def test_every_claim_of_a_notebook_has_a_record():
    register = loaders.load("claims")
    for path in RESULT_FILES:
        recorded = {r["claim_id"] for r in json.loads(path.read_text(encoding="utf-8"))}
        expected = set(register.loc[register["notebook"] == path.stem, "claim_id"])
        assert recorded == expected, path.name


def test_results_are_what_the_notebook_published():
    for path in RESULT_FILES:
        notebook = nbformat.read(paths.notebooks_dir() / f"{path.stem}.ipynb", as_version=4)
        assert results.extract(notebook) == json.loads(path.read_text(encoding="utf-8"))
