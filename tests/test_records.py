"""The committed verdict records: typed, matching their JSON Schema and the register, and the
publication consistent with its manifest."""

from __future__ import annotations

import json

import jsonschema
import nbformat
import pytest

from analysis import paths
from analysis.io import register
from analysis.pipeline import notebooks as nbs
from analysis.pipeline.publication import mismatches
from analysis.verdicts.records import parse, schema, schema_text
from analysis.verdicts.scale import Verdict
from conftest import project

RESULT_FILES = sorted(paths.results_dir().glob("[0-9]*.json"))
SCHEMA = paths.schemas_dir() / "verdict-record.schema.json"


def test_every_notebook_has_results():
    notebooks = {p.stem for p in paths.notebooks_dir().glob("[0-9]*.ipynb")}
    assert notebooks and notebooks == {p.stem for p in RESULT_FILES}


def test_the_committed_schema_is_the_records_schema():
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "the record model changed: regenerate the schema with `make schema`")


@pytest.fixture(params=RESULT_FILES, ids=lambda p: p.name)
def records(request):
    return json.loads(request.param.read_text(encoding="utf-8"))


def test_records_validate_against_the_schema(records):
    jsonschema.validate(records, schema())
    parse(records)


def test_records_match_the_register(records):
    register.check_records(records, project().claims)
    by_id = {c.claim_id: c for c in project().claims}
    for record in records:
        claim = by_id[record["claim_id"]]
        assert (record["quote"], record["claimed"], record["kind"]) == (claim.quote, claim.claimed, claim.kind)
        assert Verdict(record["verdict"]).rating == record["rating"]


def test_every_claim_has_exactly_one_record():
    recorded = [r["claim_id"] for path in RESULT_FILES for r in json.loads(path.read_text(encoding="utf-8"))]
    assert sorted(recorded) == sorted(c.claim_id for c in project().claims)


def test_results_are_what_the_notebook_published():
    for path in RESULT_FILES:
        notebook = nbformat.read(paths.notebooks_dir() / f"{path.stem}.ipynb", as_version=4)
        assert nbs.extract(notebook) == json.loads(path.read_text(encoding="utf-8"))


def test_the_publication_matches_its_manifest():
    assert mismatches(paths.project_root(), paths.results_dir()) == []


def test_a_record_keeps_numbers_apart_from_words(records):
    for record in records:
        for message in record["explanation"] + record["notes"]:
            assert set(message) == {"key", "fields"}


def test_the_corrections_log_matches_the_verdicts_and_the_changelog():
    from analysis.io.publication import corrections

    verdicts = {r["claim_id"]: r["verdict"] for p in RESULT_FILES for r in json.loads(p.read_text(encoding="utf-8"))}
    changelog = (paths.project_root() / "CHANGELOG.md").read_text(encoding="utf-8")
    latest: dict[str, str] = {}
    for correction in sorted(corrections(), key=lambda c: c.date):
        latest[correction.claim_id] = correction.after
        assert correction.reason["en"] and correction.reason["fr"]
        assert f"`{correction.claim_id}`" in changelog, f"{correction.claim_id} is not in CHANGELOG.md"
    for claim_id, after in latest.items():
        assert verdicts[claim_id] == after, f"{claim_id}: the log says {after}, the record {verdicts[claim_id]}"


def test_a_results_text_is_checked_strictly_and_the_error_names_the_claim():
    """What the build publishes is the text as the notebook sent it: a value of another JSON type
    than the schema's (a float for an integer, a number for a boolean, NaN for a string) is refused,
    not converted, and the message names the record's claim and field."""
    from analysis.verdicts.records import check_text

    committed = json.loads(RESULT_FILES[0].read_text(encoding="utf-8"))
    check_text(json.dumps(committed))
    for field, wrong in (("rating", 5.0), ("headline", 1), ("said", "NaN")):
        bad = [*committed[:1], {**committed[1], field: wrong}]
        text = json.dumps(bad).replace('"NaN"', "NaN")
        with pytest.raises(ValueError, match=rf"record 1 \(claim '{committed[1]['claim_id']}'\), {field}: "):
            check_text(text)
