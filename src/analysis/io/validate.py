"""Validate the whole data package; the first problem stops everything, named by file, row, column.

Frictionless checks what a table schema can say (types, required values, allowed values, bounds,
patterns, uniqueness, foreign keys). The rules that span files or need a calendar are checked
here: ``;``-separated source ids, citations and their roles, the Moscow date being the same day
or the next, rows dated inside their table's declared coverage, a row made public no earlier than
it happened, excerpts of at most 25 words, article texts unchanged, quotes verbatim.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.errors import DataValidationError
from analysis.hashing import folder_hash
from analysis.io import datapackage as dp

MAX_EXCERPT_WORDS = 25
#: Columns that hold ``;``-separated ids from ``sources.csv``.
SOURCE_IDS_COLUMN = "source_ids"
#: Columns that date a row, per table, checked against the table's coverage.
DATE_COLUMNS = {
    "contacts": ("date", "date_moscow"),
    "events": ("date_start",),
    "legislation": ("date",),
    "polls": ("field_end",),
    "statements": ("said_date",),
}
#: The column a row cannot have been made public before (a call is announced once it happened).
HAPPENED_COLUMNS = {"contacts": "date", "events": "date_start", "polls": "field_end", "statements": "said_date"}


def split_ids(cell: object) -> list[str]:
    """``"a; b;c"`` -> ``["a", "b", "c"]`` (empty items dropped)."""
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def raw(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """A table as strings, empty cells as empty strings (nothing guessed)."""
    path = dp.table_path(name, data_dir)
    if not path.is_file():
        raise DataValidationError(path, None, None, "file is missing",
                                  hint="Restore it from git, or remove its resource from datapackage.json.")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataValidationError(path, None, None, f"not UTF-8 text ({exc.reason})") from None
    except pd.errors.ParserError as exc:
        shape = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if shape:
            expected, line, saw = (int(g) for g in shape.groups())
            raise DataValidationError(path, line, None, f"{saw} cells where the header has {expected}: a comma inside "
                                      "a cell must be in double quotes (\"like, this\")") from None
        raise DataValidationError(path, None, None, f"not a readable CSV file ({str(exc).strip()})") from None
    except pd.errors.EmptyDataError as exc:
        raise DataValidationError(path, None, None, f"not a readable CSV file ({str(exc).strip()})") from None


#: Set by the runner for the kernels it starts: the hash of the data folder it has just validated.
VALIDATED_ENV = "ANALYSIS_VALIDATED"


def validate_package(data_dir: Path | str | None = None) -> None:
    """Validate every table; raise :class:`DataValidationError` on the first problem.

    A kernel started by the runner skips the work when the data folder still hashes as the one
    the runner validated (``$ANALYSIS_VALIDATED``)."""
    folder = dp.resolve(data_dir)
    if os.environ.get(VALIDATED_ENV) and os.environ[VALIDATED_ENV] == folder_hash(folder):
        return
    _validate_cached(str(folder), _fingerprint(folder))


def _fingerprint(data_dir: Path) -> tuple:
    """Changes whenever a data file changes, so a cached validation is never stale."""
    return tuple((str(p.relative_to(data_dir)), p.stat().st_mtime_ns, p.stat().st_size)
                 for p in sorted(data_dir.rglob("*")) if p.is_file())


@lru_cache(maxsize=8)
def _validate_cached(data_dir_str: str, _fingerprint: tuple) -> None:
    data_dir = Path(data_dir_str)
    dp.descriptor(data_dir)
    for name in dp.table_names(data_dir):
        raw(name, data_dir)  # every file present and readable before Frictionless runs
    _frictionless_check(data_dir)
    _cross_file_checks(data_dir)


#: What a cell of the wrong type should have been, said for the person who typed it.
TYPE_WORDS = {
    "date": "{cell!r} is not a date: write it as YYYY-MM-DD (2025-10-16), a day that exists",
    "integer": "{cell!r} is not a whole number",
    "number": "{cell!r} is not a number (a dot for decimals, no thousands separator)",
    "boolean": "{cell!r} is not true or false",
}


def _frictionless_check(data_dir: Path) -> None:
    from frictionless import Package, system

    with system.use_context(trusted=True):
        report = Package(str(data_dir / dp.DESCRIPTOR)).validate()
    if report.valid:
        return
    for task in report.tasks:
        for error in task.errors:
            line = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None) or getattr(error, "label", None)
            if error.type == "extra-label":
                column = getattr(error, "label", None) or f"#{getattr(error, 'field_number', '?')}"
                message = "a column that datapackage.json does not declare"
            elif error.type == "incorrect-label":
                column = error.field_name
                message = (f"the header has {error.label!r} where datapackage.json expects {error.field_name!r} "
                           f"(column {error.field_number}); rename the column, or declare it in datapackage.json")
            elif error.type == "missing-label":
                column = error.field_name
                message = f"the column is missing (datapackage.json declares it as column {error.field_number})"
            elif error.type == "foreign-key":
                column = ", ".join(error.field_names)
                values = ", ".join(repr(v) for v in error.field_cells)
                target = ", ".join(error.reference_field_names)
                message = (f"foreign key: {values} is not a {target} in {error.reference_name}.csv "
                           f"(add it there first, or correct the spelling)")
            elif error.type == "type-error":
                wanted = re.search(r'type is "(\w+)', error.note or "")
                kind = wanted.group(1) if wanted else ""
                message = TYPE_WORDS.get(kind, f"not a valid {kind or 'value'}").format(cell=error.cell)
            else:
                cell = getattr(error, "cell", None)
                message = f"{error.title.lower()} ({cell!r}: {error.note})" if cell is not None else \
                    f"{error.title.lower()} ({error.note})"
            raise DataValidationError(data_dir / (task.place or task.name), line, column or None, message)
    first = report.errors[0]
    raise DataValidationError(data_dir / dp.DESCRIPTOR, None, None, first.message)


def _fail(data_dir: Path, name: str, index: int | None, column: str | None, message: str) -> None:
    line = None if index is None else index + 2  # header is row 1
    raise DataValidationError(dp.table_path(name, data_dir), line, column, message)


def _cross_file_checks(data_dir: Path) -> None:
    names = set(dp.table_names(data_dir))
    sources = raw("sources", data_dir)
    known = set(sources["source_id"])
    for name in sorted(names):
        frame = raw(name, data_dir)
        if SOURCE_IDS_COLUMN in frame.columns:
            fields = dp.resource(name, data_dir)["schema"]["fields"]
            field = next(f for f in fields if f["name"] == SOURCE_IDS_COLUMN)
            required = field.get("constraints", {}).get("required", False)
            for index, cell in frame[SOURCE_IDS_COLUMN].items():
                ids = split_ids(cell)
                if not ids and required:
                    _fail(data_dir, name, index, SOURCE_IDS_COLUMN, "no source named")
                unknown = [i for i in ids if i not in known]
                if unknown:
                    _fail(data_dir, name, index, SOURCE_IDS_COLUMN,
                          f"unknown source id {unknown[0]!r} (add it to data/sources.csv)")
        _check_dates(data_dir, name, frame)
    for index, excerpt in sources["excerpt"].items():
        if len(excerpt.split()) > MAX_EXCERPT_WORDS:
            _fail(data_dir, "sources", index, "excerpt",
                  f"{len(excerpt.split())} words; quote at most {MAX_EXCERPT_WORDS}")
    if "citations" in names:
        _check_citations(data_dir, known)
    _check_contacts(data_dir)
    texts = _check_articles(data_dir)
    if "claims_excluded" in names:
        excluded = raw("claims_excluded", data_dir)
        for index, row in excluded.iterrows():
            if row["text"] not in texts.get(row["article_id"], ""):
                _fail(data_dir, "claims_excluded", index, "text", "not found verbatim in the article text")
    if "events" in names:
        events = raw("events", data_dir)
        for index, row in events.iterrows():
            if row["date_end"] < row["date_start"]:
                _fail(data_dir, "events", index, "date_end", "ends before it starts")
    claims = raw("claims", data_dir)
    for index, row in claims.iterrows():
        if row["quote"] not in texts.get(row["article_id"], ""):
            _fail(data_dir, "claims", index, "quote",
                  "not found verbatim in the article text (check apostrophes: the articles use ’)")


def _check_dates(data_dir: Path, name: str, frame: pd.DataFrame) -> None:
    """Dated rows fall inside the table's coverage and were made public no earlier than they
    happened (and no later than the coverage end)."""
    covered = dp.coverage(name, data_dir)
    published = dp.published_column(name, data_dir)
    for column in DATE_COLUMNS.get(name, ()):
        if column not in frame.columns:
            continue
        for index, value in frame[column].items():
            if not value or covered is None:
                continue
            if value > covered.end.isoformat() or (covered.start and value < covered.start.isoformat()):
                start = covered.start.isoformat() if covered.start else "…"
                _fail(data_dir, name, index, column,
                      f"{value} lies outside the table's coverage ({start} to {covered.end.isoformat()}, "
                      "declared in datapackage.json); extend the coverage after researching the new period")
    if published and published in frame.columns:
        first = HAPPENED_COLUMNS.get(name)
        for index, row in frame.iterrows():
            made_public = row[published]
            if not made_public:
                continue
            if first and row.get(first) and made_public < row[first]:
                _fail(data_dir, name, index, published,
                      f"{made_public} is before the row's {first} {row[first]}: a fact cannot be public "
                      "before it happened")
            if covered is not None and made_public > covered.end.isoformat():
                _fail(data_dir, name, index, published,
                      f"{made_public} is after the table's coverage end {covered.end.isoformat()}")


def _check_citations(data_dir: Path, known_sources: set[str]) -> None:
    """Every citation points at an existing row of an existing table and at a known source."""
    citations = raw("citations", data_dir)
    from analysis.io.contract import ID_COLUMNS

    ids: dict[str, set[str]] = {}
    columns: dict[str, set[str]] = {}
    for index, row in citations.iterrows():
        table = row["table"]
        if table not in ID_COLUMNS:
            _fail(data_dir, "citations", index, "table",
                  f"{table!r} is not a table that cites sources ({', '.join(sorted(ID_COLUMNS))})")
        if table not in ids:
            ids[table] = set(raw(table, data_dir)[ID_COLUMNS[table]])
        if row["row_id"] not in ids[table]:
            _fail(data_dir, "citations", index, "row_id", f"no row {row['row_id']!r} in {table}.csv")
        if row["source_id"] not in known_sources:
            _fail(data_dir, "citations", index, "source_id",
                  f"unknown source id {row['source_id']!r} (add it to data/sources.csv)")
        aspect = row.get("aspect", "")
        if aspect and aspect not in columns.setdefault(table, set(raw(table, data_dir).columns)):
            _fail(data_dir, "citations", index, "aspect",
                  f"{aspect!r} is not a column of {table}.csv (name the one column the role is about, or leave it empty)")


def _check_contacts(data_dir: Path) -> None:
    contacts = raw("contacts", data_dir)
    for index, row in contacts.iterrows():
        if row["status"] in ("confirmed", "one_source"):
            for column in ("date", "date_moscow"):
                if not row[column]:
                    _fail(data_dir, "contacts", index, column,
                          f"a {row['status']} contact needs a date on both clocks")
        if not (row["date"] and row["date_moscow"]):
            continue
        shift = (pd.Timestamp(row["date_moscow"]) - pd.Timestamp(row["date"])).days
        if shift not in (0, 1):
            _fail(data_dir, "contacts", index, "date_moscow",
                  f"{row['date_moscow']} is {shift} days from date {row['date']}; Moscow is 7 or 8 hours "
                  "ahead of Washington, so it must be the same day or the next")


def _check_articles(data_dir: Path) -> dict[str, str]:
    articles = raw("articles", data_dir)
    texts = {}
    for index, row in articles.iterrows():
        text_path = data_dir / "articles" / row["file"]
        if not text_path.is_file():
            _fail(data_dir, "articles", index, "file", f"{text_path} not found")
        digest = hashlib.sha256(text_path.read_bytes()).hexdigest()
        if digest != row["sha256"]:
            _fail(data_dir, "articles", index, "sha256",
                  f"{row['file']} has SHA-256 {digest}; the text changed since it was registered")
        texts[row["article_id"]] = text_path.read_text("utf-8")
    return texts
