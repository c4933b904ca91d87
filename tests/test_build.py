"""The runner: reproducible, atomic, strict about parameters, and kind to a failing notebook."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis import build, paths
from conftest import replace_cell

ROOT = paths.project_root()


def fingerprint(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "build", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)


def test_a_rebuild_reproduces_every_committed_byte(tmp_path):
    outcomes = build.build(out_notebooks=tmp_path / "notebooks", out_results=tmp_path / "results")
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    assert fingerprint(tmp_path / "notebooks", "*.ipynb") == fingerprint(paths.notebooks_dir(), "[0-9]*.ipynb")
    assert fingerprint(tmp_path / "results", "*.json") == fingerprint(paths.results_dir(), "*.json")


@pytest.mark.parametrize(
    ("row", "old", "new", "column"),
    [
        ("2025-06-04-call", "2025-06-04,2025-06-04", "2025-06-31,2025-06-04", "'date'"),
        ("2025-10-16-call", "c2-rferl-2025-10-16", "c2-no-such-source", "'source_ids'"),
    ],
)
def test_bad_data_stops_the_build_and_leaves_the_notebooks_untouched(data_copy, row, old, new, column):
    line = replace_cell(data_copy / "contacts.csv", row, old, new)
    before = fingerprint(paths.notebooks_dir(), "*.ipynb") | fingerprint(paths.results_dir(), "*.json")
    done = run_cli("--data-dir", str(data_copy))
    assert done.returncode == 2
    assert f"contacts.csv, row {line}, column {column}" in done.stderr
    after = fingerprint(paths.notebooks_dir(), "*.ipynb") | fingerprint(paths.results_dir(), "*.json")
    assert after == before


def test_unknown_parameter_and_bad_value_stop_before_running():
    done = run_cli("-p", "asof=2025-12-18")
    assert done.returncode == 2 and "unknown parameter 'asof'" in done.stderr
    assert "as_of:" in done.stderr  # the accepted list
    done = run_cli("-p", "clock=paris")
    assert done.returncode == 2 and "bad value for parameter 'clock'" in done.stderr


def test_a_failing_notebook_is_kept_aside_and_the_others_still_run(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name, code in (("01_fails.ipynb", "raise RuntimeError('boom')"), ("02_works.ipynb", "print('fine')")):
        nb = new_notebook(cells=[new_code_cell(code)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, source / name)
    out = tmp_path / "out"
    (out / "notebooks").mkdir(parents=True)
    committed = out / "notebooks" / "01_fails.ipynb"
    committed.write_text("previous good copy", encoding="utf-8")
    lines = []

    class Stream:
        def write(self, text):
            lines.append(text)

        def flush(self):
            pass

    outcomes = build.build(notebooks=sorted(source.glob("*.ipynb")), out_notebooks=out / "notebooks",
                           out_results=out / "results", stream=Stream())
    assert [o.ok for o in outcomes] == [False, True]
    assert "RuntimeError: boom" in outcomes[0].error
    assert committed.read_text(encoding="utf-8") == "previous good copy"
    assert (out / "failed" / "01_fails.ipynb").exists()
    assert (out / "notebooks" / "02_works.ipynb").exists()
    progress = "".join(lines)
    assert "[1/2] 01_fails.ipynb ... FAILED" in progress and "[2/2] 02_works.ipynb ... ok" in progress


def test_parameter_runs_go_to_their_own_folder(tmp_path):
    before = fingerprint(paths.notebooks_dir(), "*.ipynb") | fingerprint(paths.results_dir(), "*.json")
    done = run_cli("-p", "clock=moscow", "--out", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    executed = nbformat.read(tmp_path / "notebooks" / "01_calls.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'clock = "moscow"' in injected[0].source
    assert (tmp_path / "results" / "01_calls.json").exists()
    after = fingerprint(paths.notebooks_dir(), "*.ipynb") | fingerprint(paths.results_dir(), "*.json")
    assert after == before


def test_consecutive_stream_chunks_are_merged():
    from nbformat.v4 import new_output

    outputs = [new_output("stream", name="stdout", text="a\n"), new_output("stream", name="stdout", text="b\n"),
               new_output("stream", name="stderr", text="w\n"), new_output("stream", name="stdout", text="c\n")]
    merged = build.merge_streams(outputs)
    assert [(o["name"], o["text"]) for o in merged] == [("stdout", "a\nb\n"), ("stderr", "w\n"), ("stdout", "c\n")]


def test_numeric_parameters_arrive_as_numbers(tmp_path):
    notebook = paths.notebooks_dir() / "03_polls.ipynb"
    done = run_cli("-p", "republican_share=0.25", "--out", str(tmp_path), str(notebook))
    assert done.returncode == 0, done.stdout + done.stderr
    executed = nbformat.read(tmp_path / "notebooks" / "03_polls.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert "republican_share = 0.25" in injected[0].source  # a float, not the string "0.25"
    done = run_cli("-p", "republican_share=1.5", str(notebook))
    assert done.returncode == 2 and "between 0 and 1" in done.stderr
