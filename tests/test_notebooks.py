"""Notebook hygiene: executed, one literal parameters cell, python3 kernel, no ../ and no magics."""

from __future__ import annotations

import ast

import nbformat
import pytest

from analysis import parameters, paths

NOTEBOOKS = sorted(paths.notebooks_dir().glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def test_every_code_cell_was_executed(notebook):
    # nbval silently skips cells that were never run, so this is what makes nbval strict.
    unexecuted = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and c.execution_count is None]
    assert not unexecuted, f"cells never executed: {unexecuted}"
    counts = [c.execution_count for c in notebook.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), "not executed top to bottom in one run"


def test_no_error_outputs(notebook):
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_kernel_is_python3(notebook):
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_exactly_one_parameters_cell_of_literals(notebook):
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    tree = ast.parse(tagged[0].source)
    for statement in tree.body:
        assert isinstance(statement, ast.AnnAssign), "parameters are annotated assignments"
        assert isinstance(statement.value, ast.Constant), "parameters are literals only"
        assert statement.target.id in parameters.REGISTRY, f"{statement.target.id} not in the registry"
        assert isinstance(statement.annotation, ast.Name), "plain annotations (Literal hides it from papermill)"


def test_no_relative_paths_magics_or_today(notebook):
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        assert "../" not in cell.source
        assert not any(line.lstrip().startswith(("%", "!")) for line in cell.source.splitlines())
        assert "today(" not in cell.source and "now(" not in cell.source


def test_no_injected_parameters_in_committed_notebooks(notebook):
    # The committed notebooks run on their declared defaults; -p runs go elsewhere.
    assert not [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]


def test_tables_are_plain_text(notebook):
    html = [o for c in notebook.cells for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert not html, "print tables with analysis.tables.show (nbval compares text)"
