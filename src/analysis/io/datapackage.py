"""The data package's descriptor (``data/datapackage.json``): tables, schemas, coverage.

Besides the Frictionless schema, each resource may declare two properties of this project:

- ``"coverage"``: ``{"start": ISO, "end": ISO, "note": ...}``, the period the table's research
  covers. Past ``end`` the table cannot say what happened: a check as of a later date is
  UNVERIFIABLE, never a count from missing rows.
- ``"published_column"``: the column that says when each row became public (a call: its
  announcement; a poll: its release). A check as of a date uses only rows public by then.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from analysis import paths
from analysis.errors import DataValidationError

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Coverage:
    """The period a table's research covers (both ends included)."""

    table: str
    start: date | None
    end: date
    note: str = ""


def resolve(data_dir: Path | str | None = None) -> Path:
    """The data folder to use; a clear error if it does not exist."""
    folder = Path(data_dir) if data_dir else paths.data_dir()
    if not folder.is_dir():
        raise DataValidationError(folder, None, None, "the data folder does not exist",
                                  hint="Give an existing copy of data/ (--data-dir) or restore data/ from git.")
    return folder.resolve()


def descriptor(data_dir: Path | str | None = None) -> dict:
    """The parsed descriptor; malformed or missing files are reported, not raised as tracebacks."""
    folder = resolve(data_dir)
    path = folder / DESCRIPTOR
    stamp = path.stat().st_mtime_ns if path.is_file() else 0
    return _read_descriptor(str(path), stamp)


@lru_cache(maxsize=8)
def _read_descriptor(path_str: str, _stamp: int) -> dict:
    path = Path(path_str)
    if not path.is_file():
        raise DataValidationError(path, None, None, "file is missing",
                                  hint="Restore it with `git checkout -- data/datapackage.json`.")
    try:
        text = path.read_text(encoding="utf-8")
        parsed = json.loads(text)
    except UnicodeDecodeError as exc:
        raise DataValidationError(path, None, None, f"not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(path, exc.lineno, None, f"malformed JSON ({exc.msg}, column {exc.colno})",
                                  hint="Fix the JSON (or restore it with git) and run again.") from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("resources"), list):
        raise DataValidationError(path, None, None, "has no list of 'resources'")
    for index, item in enumerate(parsed["resources"]):
        if not isinstance(item, dict) or not item.get("name") or not item.get("path"):
            raise DataValidationError(path, None, None, f"resource #{index + 1} lacks a name or a path")
        if not isinstance(item.get("schema", {}).get("fields"), list):
            raise DataValidationError(path, None, None, f"resource {item['name']!r} has no schema fields")
    return parsed


def resource(name: str, data_dir: Path | str | None = None) -> dict:
    """One resource of the descriptor by name."""
    for item in descriptor(data_dir)["resources"]:
        if item["name"] == name:
            return item
    known = ", ".join(r["name"] for r in descriptor(data_dir)["resources"])
    raise DataValidationError(resolve(data_dir) / DESCRIPTOR, None, None,
                              f"no table named {name!r} (known: {known})")


def table_names(data_dir: Path | str | None = None) -> list[str]:
    return [r["name"] for r in descriptor(data_dir)["resources"]]


def table_path(name: str, data_dir: Path | str | None = None) -> Path:
    return resolve(data_dir) / resource(name, data_dir)["path"]


def coverage(name: str, data_dir: Path | str | None = None) -> Coverage | None:
    """The declared coverage of a table, or ``None`` for tables that are not time series
    (the register, the sources)."""
    declared = resource(name, data_dir).get("coverage")
    if not declared:
        return None
    start = declared.get("start")
    return Coverage(name, date.fromisoformat(start) if start else None,
                    date.fromisoformat(declared["end"]), declared.get("note", ""))


def published_column(name: str, data_dir: Path | str | None = None) -> str | None:
    """The column that says when each row of a table became public, if the table has one."""
    return resource(name, data_dir).get("published_column")
