"""Load the data package, validated. Every failure names the file, the row and the column.

The schema lives in ``data/datapackage.json`` (Frictionless Data Package): types, required
values, allowed values, uniqueness and foreign keys are checked by Frictionless. The few rules a
table schema cannot say (``;``-separated source ids, the Moscow date being the same day or the
next, excerpts of at most 25 words) are checked here.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.errors import DataValidationError

#: Columns that hold ``;``-separated ids from ``sources.csv``.
SOURCE_IDS_COLUMN = "source_ids"
MAX_EXCERPT_WORDS = 25


def split_ids(cell: str) -> list[str]:
    """``"a; b;c"`` -> ``["a", "b", "c"]`` (empty items dropped)."""
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def _descriptor(data_dir: Path) -> dict:
    with open(data_dir / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def _resource(descriptor: dict, name: str) -> dict:
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    known = ", ".join(r["name"] for r in descriptor["resources"])
    raise KeyError(f"no table named {name!r} in data/datapackage.json (known: {known})")


def _raw(data_dir: Path, resource: dict) -> pd.DataFrame:
    """The CSV as strings, empty cells as empty strings (nothing guessed)."""
    return pd.read_csv(
        data_dir / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8"
    )


def validate_package(data_dir: Path | None = None) -> None:
    """Validate every table of the package; raise :class:`DataValidationError` on the first problem.

    Frictionless checks the schema (types, constraints, keys); then the cross-file rules run.
    """
    data_dir = Path(data_dir) if data_dir else paths.data_dir()
    _validate_cached(str(data_dir), _fingerprint(data_dir))


def _fingerprint(data_dir: Path) -> tuple:
    """Changes whenever a data file changes, so a cached validation is never stale."""
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.rglob("*")) if p.is_file()
    )


@lru_cache(maxsize=8)
def _validate_cached(data_dir_str: str, _fingerprint: tuple) -> None:
    data_dir = Path(data_dir_str)
    descriptor = _descriptor(data_dir)
    for resource in descriptor["resources"]:
        path = data_dir / resource["path"]
        if not path.is_file():
            raise DataValidationError(path, None, None, "file is missing")
    _frictionless_check(data_dir)
    _cross_file_checks(data_dir, descriptor)


def _frictionless_check(data_dir: Path) -> None:
    from frictionless import Package, system

    # Validate from inside the folder so relative resource paths stay "safe" for Frictionless.
    with system.use_context(trusted=True):
        report = Package(str(data_dir / "datapackage.json")).validate()
    if report.valid:
        return
    for task in report.tasks:
        for error in task.errors:
            line = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            cell = getattr(error, "cell", None)
            detail = f"{cell!r}: {error.note}" if cell is not None else error.note
            raise DataValidationError(
                data_dir / (task.place or task.name), line, column, f"{error.title.lower()} ({detail})"
            )
    # A package-level error (bad descriptor) has no task errors.
    first = report.errors[0]
    raise DataValidationError(data_dir / "datapackage.json", None, None, first.message)


def _cross_file_checks(data_dir: Path, descriptor: dict) -> None:
    sources = _raw(data_dir, _resource(descriptor, "sources"))
    known = set(sources["source_id"])
    for resource in descriptor["resources"]:
        frame = _raw(data_dir, resource)
        path = data_dir / resource["path"]
        if SOURCE_IDS_COLUMN in frame.columns:
            field = next(f for f in resource["schema"]["fields"] if f["name"] == SOURCE_IDS_COLUMN)
            required = field.get("constraints", {}).get("required", False)
            for index, cell in frame[SOURCE_IDS_COLUMN].items():
                ids = split_ids(cell)
                if not ids and required:
                    raise DataValidationError(path, index + 2, SOURCE_IDS_COLUMN, "no source named")
                unknown = [i for i in ids if i not in known]
                if unknown:
                    raise DataValidationError(
                        path, index + 2, SOURCE_IDS_COLUMN,
                        f"unknown source id {unknown[0]!r} (add it to data/sources.csv)",
                    )
    for index, excerpt in sources["excerpt"].items():
        if len(excerpt.split()) > MAX_EXCERPT_WORDS:
            raise DataValidationError(
                data_dir / "sources.csv", index + 2, "excerpt",
                f"{len(excerpt.split())} words; quote at most {MAX_EXCERPT_WORDS}",
            )
    contacts = _raw(data_dir, _resource(descriptor, "contacts"))
    for index, row in contacts.iterrows():
        if row["status"] in ("confirmed", "one_source"):
            for column in ("date", "date_moscow"):
                if not row[column]:
                    raise DataValidationError(
                        data_dir / "contacts.csv", index + 2, column,
                        f"a {row['status']} contact needs a date on both clocks",
                    )
        if not (row["date"] and row["date_moscow"]):
            continue
        shift = (pd.Timestamp(row["date_moscow"]) - pd.Timestamp(row["date"])).days
        if shift not in (0, 1):
            raise DataValidationError(
                data_dir / "contacts.csv", index + 2, "date_moscow",
                f"{row['date_moscow']} is {shift} days from date {row['date']}; Moscow is 7 or 8 "
                "hours ahead of Washington, so it must be the same day or the next",
            )
    articles = _raw(data_dir, _resource(descriptor, "articles"))
    for index, row in articles.iterrows():
        text_path = data_dir / "articles" / row["file"]
        if not text_path.is_file():
            raise DataValidationError(data_dir / "articles.csv", index + 2, "file", f"{text_path} not found")
        digest = hashlib.sha256(text_path.read_bytes()).hexdigest()
        if digest != row["sha256"]:
            raise DataValidationError(
                data_dir / "articles.csv", index + 2, "sha256",
                f"{row['file']} has SHA-256 {digest}; the text changed since it was registered",
            )
    texts = {row["article_id"]: (data_dir / "articles" / row["file"]).read_text("utf-8")
             for _, row in articles.iterrows()}
    names = {r["name"] for r in descriptor["resources"]}
    if "claims_excluded" in names:
        excluded = _raw(data_dir, _resource(descriptor, "claims_excluded"))
        for index, row in excluded.iterrows():
            if row["text"] not in texts.get(row["article_id"], ""):
                raise DataValidationError(data_dir / "claims_excluded.csv", index + 2, "text",
                                          "not found verbatim in the article text")
    if "events" in names:
        events = _raw(data_dir, _resource(descriptor, "events"))
        for index, row in events.iterrows():
            if row["date_end"] < row["date_start"]:
                raise DataValidationError(data_dir / "events.csv", index + 2, "date_end", "ends before it starts")
    claims = _raw(data_dir, _resource(descriptor, "claims"))
    for index, row in claims.iterrows():
        if row["quote"] not in texts.get(row["article_id"], ""):
            raise DataValidationError(
                data_dir / "claims.csv", index + 2, "quote",
                "not found verbatim in the article text (check apostrophes: the articles use ’)",
            )


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """One table of the package, validated, with typed columns.

    Dates become ``datetime64[ns]``, integers nullable ``Int64``, numbers ``float64``;
    strings stay strings with empty cells as ``""``.
    """
    data_dir = Path(data_dir) if data_dir else paths.data_dir()
    validate_package(data_dir)
    resource = _resource(_descriptor(data_dir), name)
    frame = _raw(data_dir, resource)
    for field in resource["schema"]["fields"]:
        column, kind = field["name"], field.get("type", "string")
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("float64")
    return frame


def article_text(article_id: str, data_dir: Path | None = None) -> str:
    """The text of one article, as registered in ``articles.csv``."""
    articles = load("articles", data_dir)
    match = articles.loc[articles["article_id"] == article_id, "file"]
    if match.empty:
        raise KeyError(f"unknown article_id {article_id!r}; see data/articles.csv")
    base = Path(data_dir) if data_dir else paths.data_dir()
    return (base / "articles" / match.iloc[0]).read_text(encoding="utf-8")
