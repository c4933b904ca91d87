"""The data package's descriptor (``data/datapackage.json``): what each table is, read once.

Besides the Frictionless schema (fields, types, ``primaryKey``), a resource may declare the two
times of its rows and how far its research reaches:

- ``"happened_column"``: the column that says when the fact held or took place (valid time: a
  call's day, a vote's day, a wave's last day in the field). Rows are dated by it, checked
  against the coverage, and a row cannot be public before it happened.
- ``"published_column"``: the column that says when each row became public (knowledge time: a
  call's announcement, a poll's release). A check as of a date uses only rows public by then.
- ``"public_before_happened"``: ``{"column": ..., "values": [...], "why": ...}``, rows that may
  be public before they happen (a bill's text is published before it is enacted).
- ``"coverage"``: ``{"start": ISO, "end": ISO, "note": ...}``, the period the research covers.
  A claim about the state of things on a day past ``end`` is UNVERIFIABLE, never a count from
  missing rows.

:func:`read` parses and checks all of it, so a malformed descriptor is reported with the file and
the resource, never as a traceback deeper in the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from analysis.errors import DataValidationError

DESCRIPTOR = "datapackage.json"
#: Dates pandas can hold (nanosecond timestamps): 1677-09-22 to 2262-04-11.
EARLIEST, LATEST = date(1678, 1, 1), date(2262, 1, 1)


@dataclass(frozen=True)
class Coverage:
    """The period a table's research covers (both ends included)."""

    table: str
    start: date | None
    end: date
    note: str = ""


@dataclass(frozen=True)
class TableFacts:
    """What the descriptor says about one table."""

    name: str
    path: str
    fields: tuple[dict, ...]
    key: tuple[str, ...] = ()
    happened: str | None = None
    published: str | None = None
    coverage: Coverage | None = None
    public_before: dict = field(default_factory=dict)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f["name"] for f in self.fields)

    @property
    def id_column(self) -> str | None:
        """The column that identifies a row, when the key is one column."""
        return self.key[0] if len(self.key) == 1 else None

    @property
    def date_columns(self) -> tuple[str, ...]:
        return tuple(f["name"] for f in self.fields if f.get("type") == "date")

    def field(self, column: str) -> dict:
        return next(f for f in self.fields if f["name"] == column)

    def enum(self, column: str) -> tuple[str, ...]:
        return tuple(self.field(column).get("constraints", {}).get("enum", ()))


def _fail(path: Path, message: str, hint: str = "Fix data/datapackage.json (or restore it with git) and run again.",
          line: int | None = None) -> None:
    raise DataValidationError(path, line, None, message, hint=hint)


def read(folder: Path) -> dict[str, TableFacts]:
    """The tables the descriptor in ``folder`` declares, in its order, every property checked."""
    path = folder / DESCRIPTOR
    if not path.is_file():
        _fail(path, "file is missing", hint="Restore it with `git checkout -- data/datapackage.json`.")
    try:
        parsed = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        _fail(path, f"not UTF-8 text ({exc.reason})")
    except json.JSONDecodeError as exc:
        _fail(path, f"malformed JSON ({exc.msg}, column {exc.colno})", line=exc.lineno)
    if not isinstance(parsed, dict) or not isinstance(parsed.get("resources"), list):
        _fail(path, "has no list of 'resources'")
    tables: dict[str, TableFacts] = {}
    for index, item in enumerate(parsed["resources"]):
        if not isinstance(item, dict) or not item.get("name") or not item.get("path"):
            _fail(path, f"resource #{index + 1} lacks a name or a path")
        name = str(item["name"])
        schema = item.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not all(
                isinstance(f, dict) and f.get("name") for f in schema["fields"]):
            _fail(path, f"resource {name!r} has no schema fields")
        fields = tuple(schema["fields"])
        columns = {f["name"] for f in fields}
        key = schema.get("primaryKey", [])
        key = (key,) if isinstance(key, str) else tuple(key)
        for prop in ("happened_column", "published_column"):
            column = item.get(prop)
            if column is not None and column not in columns:
                _fail(path, f"resource {name!r}: {prop} {column!r} is not one of its columns "
                      f"({', '.join(sorted(columns))})")
        public_before = item.get("public_before_happened") or {}
        if public_before and (public_before.get("column") not in columns
                              or not isinstance(public_before.get("values"), list)):
            _fail(path, f"resource {name!r}: public_before_happened needs a 'column' of the table and a list of "
                  "'values'")
        tables[name] = TableFacts(name, str(item["path"]), fields, key, item.get("happened_column"),
                                  item.get("published_column"), _coverage(path, name, item.get("coverage")),
                                  public_before)
    return tables


def _coverage(path: Path, name: str, declared: object) -> Coverage | None:
    if declared is None:
        return None
    if not isinstance(declared, dict) or "end" not in declared:
        _fail(path, f"resource {name!r}: coverage needs an 'end' date (and may give a 'start' and a 'note')")

    def day(key: str) -> date | None:
        value = declared.get(key)
        if value in (None, "") and key == "start":
            return None
        try:
            parsed = date.fromisoformat(str(value))
        except ValueError:
            _fail(path, f"resource {name!r}: coverage {key} {value!r} is not a date (write YYYY-MM-DD, a day "
                  "that exists)")
        if not EARLIEST <= parsed <= LATEST:
            _fail(path, f"resource {name!r}: coverage {key} {value} is outside the dates the tools can hold "
                  f"({EARLIEST} to {LATEST})")
        return parsed

    start, end = day("start"), day("end")
    if start is not None and end < start:
        _fail(path, f"resource {name!r}: coverage ends ({end}) before it starts ({start})")
    return Coverage(name, start, end, str(declared.get("note", "")))
