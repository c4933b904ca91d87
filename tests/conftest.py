"""Shared fixtures: a throw-away copy of data/ that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import paths


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the project's data folder, safe to corrupt."""
    target = tmp_path / "data"
    shutil.copytree(paths.project_root() / "data", target)
    return target


def replace_cell(csv_path: Path, row_key: str, old: str, new: str) -> None:
    """In the line that starts with ``row_key``, replace ``old`` by ``new`` (once)."""
    lines = csv_path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.startswith(row_key):
            assert old in line, f"{old!r} not in {line[:80]!r}"
            lines[index] = line.replace(old, new, 1)
            csv_path.write_text("\n".join(lines), encoding="utf-8")
            return index + 1  # the line number, header = 1
    raise AssertionError(f"no line starts with {row_key!r}")
