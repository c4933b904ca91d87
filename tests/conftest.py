"""Shared fixtures: a throw-away copy of data/ that a test may break, and one build of every
notebook per test run (into build/test-run/), shared by the rebuild, report and browser tests
and by every pytest-xdist worker (a file lock makes the others wait for the first)."""

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


@pytest.fixture(scope="session")
def fresh_build() -> Path:
    """Every notebook executed once by the runner into build/test-run/ (notebooks, results,
    report), shared by all the tests and workers of one run."""
    from analysis.pipeline.runner import build

    TEST_BUILD.parent.mkdir(parents=True, exist_ok=True)
    with open(TEST_BUILD.parent / ".test-run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = TEST_BUILD / ".complete"
        if not done.exists():
            shutil.rmtree(TEST_BUILD, ignore_errors=True)
            output = io.StringIO()
            status = build(out=TEST_BUILD, force=True, stream=output, base_url=TEST_BASE_URL)
            assert status == 0, output.getvalue()
            done.write_text(output.getvalue(), encoding="utf-8")
    return TEST_BUILD


def pytest_sessionstart(session):
    """A fresh test run never reuses the previous run's build (workers share this one)."""
    if not hasattr(session.config, "workerinput"):
        with contextlib.suppress(FileNotFoundError):
            (TEST_BUILD / ".complete").unlink()
