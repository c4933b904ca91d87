"""Validate the whole data package; the first problem stops everything, named by file, row, column.

Frictionless checks what a table schema can say (types, required values, allowed values, bounds,
patterns, uniqueness, foreign keys). The rules that span files or need a calendar are checked
here: citations and their roles, the Moscow date being the same day or the next, dates the tools
can hold, rows dated inside their table's declared coverage, a row made public no earlier than it
happened, excerpts of at most 25 words, article texts unchanged, quotes verbatim, windows that end
after they begin.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis import paths
from analysis.errors import DataValidationError
from analysis.hashing import folder_hash
from analysis.io import datapackage as dp

if TYPE_CHECKING:
    from analysis.io.package import DataPackage

MAX_EXCERPT_WORDS = 25


def validate_package(package: DataPackage) -> None:
    """Validate every table; raise :class:`DataValidationError` on the first problem.

    A package whose files hash as one already validated (a stamp in ``build/cache/``, written by
    the runner's own validation) is not validated again: a notebook's kernel skips the work."""
    stamp = _stamp(package.folder)
    if stamp is not None and stamp.is_file():
        return
    for name in package.names:
        package.raw(name)  # every file present and readable before Frictionless runs
    _frictionless_check(package.folder)
    _cross_file_checks(package)
    if stamp is not None:
        with contextlib.suppress(OSError):
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(str(package.folder) + "\n", encoding="utf-8")


def _stamp(folder: Path) -> Path | None:
    """Where the validation of a folder with exactly these files is recorded (``None``: nowhere)."""
    try:
        return paths.build_dir() / "cache" / "validated" / folder_hash(folder)
    except (OSError, RuntimeError):
        return None


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


def _fail(package: DataPackage, name: str, index: int | None, column: str | None, message: str) -> None:
    line = None if index is None else index + 2  # header is row 1
    raise DataValidationError(package.path(name), line, column, message)


#: Bidirectional controls: one in a publisher or a quote reverses the text around it on every page.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _check_text(package: DataPackage, name: str) -> None:
    """No cell carries a bidirectional control character (they reorder what a reader sees)."""
    frame = package.raw(name)
    for column in frame.columns:
        for index, value in frame[column].items():
            found = BIDI_CONTROLS.search(value)
            if found:
                _fail(package, name, index, column, f"a bidirectional control character (U+{ord(found.group()):04X}) "
                      "that would reorder the text around it: delete it")


def _cross_file_checks(package: DataPackage) -> None:
    names = set(package.names)
    for name in package.names:
        _check_text(package, name)
    sources = package.raw("sources")
    for name in package.names:
        _check_dates(package, name)
    for index, excerpt in sources["excerpt"].items():
        if len(excerpt.split()) > MAX_EXCERPT_WORDS:
            _fail(package, "sources", index, "excerpt",
                  f"{len(excerpt.split())} words; quote at most {MAX_EXCERPT_WORDS}")
    if "citations" in names:
        _check_citations(package, set(sources["source_id"]))
    _check_contacts(package)
    texts = _check_articles(package)
    if "claims_excluded" in names:
        excluded = package.raw("claims_excluded")
        for index, row in excluded.iterrows():
            if row["text"] not in texts.get(row["article_id"], ""):
                _fail(package, "claims_excluded", index, "text", "not found verbatim in the article text")
    if "events" in names:
        events = package.raw("events")
        for index, row in events.iterrows():
            if row["date_end"] < row["date_start"]:
                _fail(package, "events", index, "date_end", "ends before it starts")
    languages = dict(zip(package.raw("articles")["article_id"], package.raw("articles")["language"], strict=True))
    if "drafts" in names:
        for index, row in package.raw("drafts").iterrows():
            if row["quote"] not in texts.get(row["article_id"], ""):
                _fail(package, "drafts", index, "quote", "not found verbatim in the article text")
    claims = package.raw("claims")
    for index, row in claims.iterrows():
        if languages.get(row["article_id"], "fr") != "fr" and not row.get("claim_fr", "").strip():
            _fail(package, "claims", index, "claim_fr", "empty: a claim of an article not in French needs its French "
                  "rendering (the French page shows it beside the quote)")
        if row["quote"] not in texts.get(row["article_id"], ""):
            _fail(package, "claims", index, "quote",
                  "not found verbatim in the article text (check apostrophes: the articles use ’)")
        if row["window_start"] and row["window_end"] and row["window_end"] < row["window_start"]:
            _fail(package, "claims", index, "window_end",
                  f"{row['window_end']} is before window_start {row['window_start']}: the period ends before it "
                  "begins (swap them?)")


def _check_dates(package: DataPackage, name: str) -> None:
    """Every date is one the tools can hold; rows fall inside the table's coverage by the day they
    happened; and no row was made public before it happened (except those the descriptor allows, a
    bill's text before its enactment) or after the coverage ends."""
    facts = package.facts(name)
    frame = package.raw(name)
    for column in facts.date_columns:
        if column not in frame.columns:
            continue
        for index, value in frame[column].items():
            if value and not (dp.EARLIEST.isoformat() <= value <= dp.LATEST.isoformat()):
                _fail(package, name, index, column, f"{value} is outside the dates this project can compute with "
                      f"({dp.EARLIEST} to {dp.LATEST}); check the year")
    covered, happened, published = facts.coverage, facts.happened, facts.published
    if covered is not None and happened and happened in frame.columns:
        start = covered.start.isoformat() if covered.start else "…"
        for index, value in frame[happened].items():
            if value and (value > covered.end.isoformat() or (covered.start and value < covered.start.isoformat())):
                _fail(package, name, index, happened,
                      f"{value} lies outside the table's coverage ({start} to {covered.end.isoformat()}, "
                      "declared in datapackage.json); extend the coverage after researching the new period")
    if not (published and published in frame.columns):
        return
    allowed = facts.public_before
    for index, row in frame.iterrows():
        made_public = row[published]
        if not made_public:
            continue
        early = happened and row.get(happened) and made_public < row[happened]
        if early and not (allowed and row.get(allowed["column"]) in allowed["values"]):
            _fail(package, name, index, published,
                  f"{made_public} is before the row's {happened} {row[happened]}: a fact cannot be public "
                  "before it happened")
        if covered is not None and made_public > covered.end.isoformat():
            _fail(package, name, index, published,
                  f"{made_public} is after the table's coverage end {covered.end.isoformat()}")


def _check_citations(package: DataPackage, known_sources: set[str]) -> None:
    """Every citation points at an existing row of an existing table and at a known source."""
    citations = package.raw("citations")
    citing = package.citing_tables
    ids: dict[str, set[str]] = {}
    for index, row in citations.iterrows():
        table = row["table"]
        if table not in citing or table not in package.tables:
            _fail(package, "citations", index, "table",
                  f"{table!r} is not a table that cites sources ({', '.join(sorted(citing))})")
        if table not in ids:
            ids[table] = set(package.raw(table)[package.id_column(table)])
        if row["row_id"] not in ids[table]:
            _fail(package, "citations", index, "row_id", f"no row {row['row_id']!r} in {table}.csv")
        if row["source_id"] not in known_sources:
            _fail(package, "citations", index, "source_id",
                  f"unknown source id {row['source_id']!r} (add it to data/sources.csv)")
        aspect = row.get("aspect", "")
        if aspect and aspect not in package.raw(table).columns:
            _fail(package, "citations", index, "aspect",
                  f"{aspect!r} is not a column of {table}.csv (name the one column the role is about, or leave it empty)")


def _check_contacts(package: DataPackage) -> None:
    contacts = package.raw("contacts")
    for index, row in contacts.iterrows():
        if row["status"] in ("confirmed", "one_source"):
            for column in ("date", "date_moscow"):
                if not row[column]:
                    _fail(package, "contacts", index, column,
                          f"a {row['status']} contact needs a date on both clocks")
        if not (row["date"] and row["date_moscow"]):
            continue
        shift = (pd.Timestamp(row["date_moscow"]) - pd.Timestamp(row["date"])).days
        if shift not in (0, 1):
            _fail(package, "contacts", index, "date_moscow",
                  f"{row['date_moscow']} is {shift} days from date {row['date']}; Moscow is 7 or 8 hours "
                  "ahead of Washington, so it must be the same day or the next")


def _check_articles(package: DataPackage) -> dict[str, str]:
    articles = package.raw("articles")
    texts = {}
    for index, row in articles.iterrows():
        text_path = package.folder / "articles" / row["file"]
        if not text_path.is_file():
            _fail(package, "articles", index, "file", f"{text_path} not found")
        digest = hashlib.sha256(text_path.read_bytes()).hexdigest()
        if digest != row["sha256"]:
            _fail(package, "articles", index, "sha256",
                  f"{row['file']} has SHA-256 {digest}; the text changed since it was registered")
        texts[row["article_id"]] = text_path.read_text("utf-8")
    return texts
