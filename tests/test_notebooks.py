"""Notebook hygiene: executed top to bottom, one parameters cell of literals, python3 kernel, no
../, no magics, no "today"; thin (a few lines of code per claim); no verdict decided in a notebook."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from analysis import paths
from analysis.io import parameters
from conftest import project

NOTEBOOKS = sorted(paths.notebooks_dir().glob("*.ipynb"))
#: Lines of code per claim, at most (issue "One verdict engine": about 5).
MAX_LINES_PER_CLAIM = 5


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def code_cells(notebook):
    return [c for c in notebook.cells if c.cell_type == "code"]


def test_every_code_cell_was_executed_in_order(notebook):
    # nbval silently skips cells that were never run, so this is what makes nbval strict.
    counts = [c.execution_count for c in code_cells(notebook)]
    assert None not in counts, "cells never executed"
    assert counts == list(range(1, len(counts) + 1)), "not executed top to bottom in one run"


def test_no_error_outputs(notebook):
    assert not [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_kernel_is_python3(notebook):
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_exactly_one_parameters_cell_of_literals(notebook):
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for statement in ast.parse(tagged[0].source).body:
        assert isinstance(statement, ast.AnnAssign), "parameters are annotated assignments"
        assert isinstance(statement.value, ast.Constant), "parameters are literals only"
        assert statement.target.id in parameters.REGISTRY, f"{statement.target.id} not in the registry"
        assert isinstance(statement.annotation, ast.Name), "plain annotations (Literal hides it from papermill)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_reads_every_parameter_we_declare(path, caplog):
    """papermill parses the parameters cell line by line and skips, with only a log warning, a
    line it cannot read (two "=" on it): the value would then be passed as an unknown parameter."""
    import logging

    import papermill

    from analysis.pipeline import notebooks as nbs

    with caplog.at_level(logging.WARNING, logger="papermill"):
        inspected = papermill.inspect_notebook(str(path))
    assert set(inspected) == set(nbs.declared_parameters(path)), caplog.text
    assert "Unable to parse" not in caplog.text


def test_no_relative_paths_magics_or_today(notebook):
    for cell in code_cells(notebook):
        assert "../" not in cell.source
        assert not any(line.lstrip().startswith(("%", "!")) for line in cell.source.splitlines())
        assert "today(" not in cell.source and "now(" not in cell.source


def test_no_injected_parameters_in_committed_notebooks(notebook):
    assert not [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]


def test_tables_are_rich_html_with_a_text_twin(notebook):
    tables = [o for c in notebook.cells for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert tables, "tables are shown as HTML"
    assert all("text/plain" in o["data"] for o in tables)


def test_charts_have_alt_text(notebook):
    images = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    for image in images:
        assert image.get("metadata", {}).get("image/png", {}).get("alt"), "a chart without alt text"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_thin(path):
    notebook = nbformat.read(path, as_version=4)
    claims = project().claims_for(path.stem)
    lines = sum(len([ln for ln in c.source.splitlines() if ln.strip() and not ln.strip().startswith("#")])
                for c in code_cells(notebook) if "parameters" not in c.metadata.get("tags", []))
    assert lines <= MAX_LINES_PER_CLAIM * len(claims), f"{lines} lines of code for {len(claims)} claims"


def test_no_verdict_is_decided_in_a_notebook(notebook):
    for cell in code_cells(notebook):
        assert not re.search(r"\bVerdict\b|\.verdict\s*=|\bif\b.*verdict", cell.source), cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_claim_of_the_register_is_checked_by_its_notebook(path):
    from analysis.pipeline.notebooks import extract

    recorded = {r["claim_id"] for r in extract(nbformat.read(path, as_version=4))}
    assert recorded == {c.claim_id for c in project().claims_for(path.stem)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_read_no_record_dump_no_raw_missing_value(path):
    """What readers see on the notebook pages: no printed VerdictRecord(...), no <NA> or nan, no raw
    exponent (1e+08)."""
    book = nbformat.read(path, as_version=4)
    shown = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) +
                      str(o.get("data", {}).get("text/html", "")) + str(o.get("data", {}).get("text/markdown", ""))
                      for c in book.cells if c.cell_type == "code" for o in c.get("outputs", []))
    for bad in ("VerdictRecord(", "<NA>", "&lt;NA&gt;", "nan", "e+0"):
        assert not re.search(rf"(?<!\w){re.escape(bad)}(?![a-z])", shown), f"{path.name} shows {bad!r}"


def test_every_notebook_has_an_up_to_date_text_twin_for_review():
    """notebooks/py/ holds each notebook's code and prose (jupytext percent format): `make pair`
    writes them, and a review reads their diff."""
    from analysis.pipeline import twins

    assert twins.stale() == [], "a notebook changed without its twin: run `make pair` and commit notebooks/py/"
    twin = twins.twin_path(paths.notebooks_dir() / "02_ndaa.ipynb").read_text(encoding="utf-8")
    assert "# %%" in twin and "run.publish()" in twin and '"outputs"' not in twin and "jupytext_version" not in twin


def test_the_jupytext_config_pairs_with_the_same_filters_as_the_twins():
    import tomllib

    from analysis.pipeline import twins

    config = tomllib.loads((paths.project_root() / "jupytext.toml").read_text(encoding="utf-8"))
    assert {k: config[k] for k in twins.OPTIONS} == twins.OPTIONS
    assert "notebooks/py///" + twins.FORMAT in config["formats"]


def test_a_stale_twin_is_found(tmp_path):
    import shutil

    from analysis.pipeline import twins

    notebook = tmp_path / "02_ndaa.ipynb"
    shutil.copyfile(paths.notebooks_dir() / "02_ndaa.ipynb", notebook)
    assert twins.stale([notebook]) == [notebook], "no twin yet"
    twins.write([notebook])
    assert twins.stale([notebook]) == []
    book = nbformat.read(notebook, as_version=4)
    book.cells[-1].source += "\n# one more line"
    nbformat.write(book, notebook)
    assert twins.stale([notebook]) == [notebook]
