"""Shared fixtures: a throw-away copy of data/ that a test may break, and one build per test run
(into build/test-run/), shared by the rebuild, report and browser tests and by every pytest-xdist
worker (a file lock makes the others wait for the first)."""

from __future__ import annotations

import contextlib
import fcntl
import io
import shutil
from functools import cache
from pathlib import Path

import pytest

from analysis import paths
from analysis.io.package import DataPackage

ROOT = paths.project_root()
TEST_BUILD = ROOT / "build" / "test-run"
#: Where the test build pretends the report is published (ClaimReview needs absolute URLs).
TEST_BASE_URL = "https://example.org/factcheck/"


@cache
def project() -> DataPackage:
    """The project's data package, opened (and validated) once per test process."""
    return DataPackage.open()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the project's data folder, safe to corrupt."""
    target = tmp_path / "data"
    shutil.copytree(paths.project_root() / "data", target)
    return target


def replace_cell(csv_path: Path, row_key: str, old: str, new: str) -> int:
    """In the line that starts with ``row_key``, replace ``old`` by ``new`` (once); return the
    line number (header = 1)."""
    lines = csv_path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.startswith(row_key):
            assert old in line, f"{old!r} not in {line[:80]!r}"
            lines[index] = line.replace(old, new, 1)
            csv_path.write_text("\n".join(lines), encoding="utf-8")
            return index + 1
    raise AssertionError(f"no line starts with {row_key!r}")


#: The notebook the shared build executes again through the runner, to prove that path reproduces
#: the committed bytes (a notebook with a chart). The other four are proven by nbval (strict, every
#: output) and by tests/test_build.py's in-process run, which must give the committed records byte
#: for byte: running all five twice more would prove the same thing again (issue "Fast at any size").
REEXECUTED = "02_ndaa.ipynb"


@pytest.fixture(scope="session")
def fresh_build() -> Path:
    """The committed notebooks and results, with :data:`REEXECUTED` run again by the runner and
    the whole report built from them, into build/test-run/; shared by all the tests and workers of
    one run (one kernel start). A notebook whose inputs changed since it was committed runs too."""
    from analysis.pipeline.runner import build

    TEST_BUILD.parent.mkdir(parents=True, exist_ok=True)
    with open(TEST_BUILD.parent / ".test-run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = TEST_BUILD / ".complete"
        if not done.exists():
            shutil.rmtree(TEST_BUILD, ignore_errors=True)
            shutil.copytree(paths.notebooks_dir(), TEST_BUILD / "notebooks",
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            shutil.copytree(paths.results_dir(), TEST_BUILD / "results")
            output = io.StringIO()
            status = build(notebooks=[paths.notebooks_dir() / REEXECUTED], out=TEST_BUILD, force=True, stream=output,
                           base_url=TEST_BASE_URL)
            assert status == 0, output.getvalue()
            status = build(out=TEST_BUILD, stream=output, base_url=TEST_BASE_URL)  # the rest: unchanged, skipped
            assert status == 0, output.getvalue()
            done.write_text(output.getvalue(), encoding="utf-8")
    return TEST_BUILD


def pytest_sessionstart(session):
    """A fresh test run never reuses the previous run's build (workers share this one)."""
    if not hasattr(session.config, "workerinput"):
        with contextlib.suppress(FileNotFoundError):
            (TEST_BUILD / ".complete").unlink()
