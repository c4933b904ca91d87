"""The data package as one object: opened once per run, passed explicitly to whatever reads data.

>>> data = DataPackage.open()                      # doctest: +SKIP
>>> data.table("contacts")                          # typed, validated, cached   # doctest: +SKIP
>>> data.facts("contacts").published                 # 'published'   # doctest: +SKIP

It knows, from ``datapackage.json``, each table's key, date columns, the column that dates a row
(valid time), the column that says when it became public (knowledge time) and the coverage
(:class:`~analysis.io.datapackage.TableFacts`); it loads each table once, typed, and keeps the
names of the tables read (a notebook's data dependencies). Nothing else in the package finds the
data folder by itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import pandas as pd

from analysis import paths
from analysis.errors import DataValidationError, display_path
from analysis.io import datapackage as dp
from analysis.io.register import Claim, parse_claims

T = TypeVar("T")
#: One row of a table read by its id (:meth:`DataPackage.row`): column -> the frame's own value.
Row = Mapping[str, object]


class DataPackage:
    """One copy of ``data/``: its descriptor, its tables (typed, cached) and its article texts."""

    def __init__(self, folder: Path, tables: dict[str, dp.TableFacts]):
        self.folder = folder
        self.tables = tables
        self._typed: dict[str, pd.DataFrame] = {}
        self._raw: dict[str, pd.DataFrame] = {}
        self._public: dict[tuple[str, date], pd.DataFrame] = {}
        self._memo: dict[tuple, object] = {}
        self.read: set[str] = set()  # the tables this run read (what its outputs depend on)

    # -- opening ----------------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path | str | None = None, validate: bool = True) -> DataPackage:
        """The package in ``folder`` (default: the project's ``data/``), validated unless asked not to."""
        found = paths.data_dir(folder)
        package = cls(found, dp.read(found))
        if validate:
            from analysis.io.validate import validate_package

            validate_package(package)
        return package

    # -- what the descriptor says -------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return list(self.tables)

    def facts(self, name: str) -> dp.TableFacts:
        if name not in self.tables:
            raise DataValidationError(self.folder / dp.DESCRIPTOR, None, None,
                                      f"no table named {name!r} (known: {', '.join(self.tables)})")
        return self.tables[name]

    def path(self, name: str) -> Path:
        return self.folder / self.facts(name).path

    def coverage(self, name: str) -> dp.Coverage | None:
        return self.facts(name).coverage

    def id_column(self, name: str) -> str:
        column = self.facts(name).id_column
        if column is None:
            raise DataValidationError(self.folder / dp.DESCRIPTOR, None, None,
                                      f"table {name!r} has no one-column primaryKey to name its rows by")
        return column

    @cached_property
    def citing_tables(self) -> tuple[str, ...]:
        """The tables whose rows cite sources (the values ``citations.table`` allows)."""
        return self.facts("citations").enum("table")

    # -- tables -----------------------------------------------------------------------------------
    def raw(self, name: str) -> pd.DataFrame:
        """A table as strings, empty cells as empty strings (nothing guessed); read once."""
        if name not in self._raw:
            self._raw[name] = read_csv(self.path(name))
        return self._raw[name]

    def table(self, name: str) -> pd.DataFrame:
        """A table with typed columns: dates ``datetime64[ns]`` (missing: ``NaT``), integers
        nullable ``Int64``, numbers ``float64``; strings stay strings, empty cells ``""``.
        The frame is shared: copy it before changing it."""
        self.read.add(name)
        if name not in self._typed:
            self._typed[name] = typed(self.raw(name), self.facts(name))
        return self._typed[name]

    def known_from(self, name: str) -> pd.Series | None:
        """The day each row of a table became public: ``published_column``, else the day it
        happened; ``NaT`` for a row with neither (a standing description, such as what a programme
        funds: always known). ``None`` for a table without a ``published_column`` (known whole).
        Computed once per table, so cutting a table at many days costs a comparison each."""
        facts = self.facts(name)
        if facts.published is None:
            return None

        def compute() -> pd.Series:
            frame = self.table(name)
            when = frame[facts.published]
            return when.fillna(frame[facts.happened]) if facts.happened is not None else when

        return self.memo(("known_from", name), compute)

    def public(self, name: str, day: date) -> pd.DataFrame:
        """The rows of a table public on or before ``day`` (see :meth:`known_from`)."""
        key = (name, day)
        if key not in self._public:
            frame, when = self.table(name), self.known_from(name)
            self._public[key] = frame if when is None else frame[when.isna() | (when <= pd.Timestamp(day))]
        self.read.add(name)
        return self._public[key]

    def memo(self, key: tuple, compute: Callable[[], T]) -> T:
        """A value derived from the tables, computed once per run (tables do not change during a run):
        ``key`` names it, ``compute`` makes it. Measures keep their selections here."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def row(self, name: str, row_id: str, day: date | None = None) -> Row | None:
        """One row of a table by its id, as column -> value (``None`` if there is none), among the
        rows public on ``day`` when a day is given; from an index built once per table and day.
        The values are the frame's own (``frame.iloc[i][column]``: ``Timestamp``, ``NaT``, ``""``);
        a mapping rather than a Series, since a measure reads a few columns of a row and a Series'
        item cost more than the rest of the measure. Read-only: every claim of the run shares it."""
        column = self.id_column(name)
        frame = self.table(name) if day is None else self.public(name, day)
        index = self.memo(("row", name, day), lambda: {v: i for i, v in enumerate(frame[column])})
        position = index.get(row_id)
        if position is None:
            return None
        return self.memo(("row of", name, day, position), lambda: _as_dict(frame.iloc[position]))

    def rows_for(self, name: str, column: str, value: str) -> pd.DataFrame:
        """The rows of a table whose ``column`` equals ``value`` (a claim's readings, rules, framing),
        from an index built once."""
        index = self.memo(("rows_for", name, column), lambda: dict(tuple(self.table(name).groupby(column, sort=False))))
        found = index.get(value)
        return found if found is not None else self.memo(("no rows", name), lambda: self.table(name).iloc[0:0])

    def records_for(self, name: str, column: str, value: str) -> list[dict]:
        """:meth:`rows_for` as plain dicts (what the rules read row by row), from an index built once."""
        def compute() -> dict[str, list[dict]]:
            index: dict[str, list[dict]] = {}
            for record in self.table(name).to_dict("records"):
                index.setdefault(record[column], []).append(record)
            return index

        return self.memo(("records_for", name, column), compute).get(value, [])

    # -- joined views -----------------------------------------------------------------------------
    @cached_property
    def citations(self) -> pd.DataFrame:
        """Every citation joined with its source's record, in file order."""
        links = self.table("citations")
        sources = self.table("sources").drop(columns=["date_accessed", "archive_url", "date_note"], errors="ignore")
        joined = links.merge(sources, on="source_id", how="left", validate="many_to_one")
        return joined[[c for c in CITATION_COLUMNS if c in joined.columns]]

    @cached_property
    def _citations_by_row(self) -> dict[tuple[str, str], list[dict]]:
        cited = self.citations.copy()
        cited["_order"] = cited["role"].map({"supports": 0, "contradicts": 1, "context": 2})
        cited = cited.sort_values(["_order", "source_id"], kind="stable").drop(columns="_order")
        index: dict[tuple[str, str], list[dict]] = {}
        for citation in cited.to_dict("records"):
            index.setdefault((citation["table"], citation["row_id"]), []).append(citation)
        return index

    def cited(self, rows: list[tuple[str, str]]) -> list[dict]:
        """The citations of some rows (each a dict of :data:`CITATION_COLUMNS`, a copy the caller
        may change), row by row in the order given, supporting sources first. Plain dicts, from an
        index built once: a claim cites a few rows, and a frame a claim cost more than its rule."""
        index = self._citations_by_row
        return [dict(citation) for key in dict.fromkeys(rows) for citation in index.get(key, ())]

    # -- articles and the register ----------------------------------------------------------------
    def article(self, article_id: str) -> pd.Series:
        table = self.table("articles")
        rows = table[table["article_id"] == article_id]
        if rows.empty:
            raise DataValidationError(self.path("articles"), None, "article_id", f"unknown article {article_id!r}")
        return rows.iloc[0]

    def text(self, article_id: str) -> str:
        """The text of one article, as registered in ``articles.csv``."""
        return (self.folder / "articles" / self.article(article_id)["file"]).read_text(encoding="utf-8")

    @cached_property
    def _speaks_from(self) -> dict[str, date]:
        table = self.table("articles")
        return {row.article_id: row.speaks_from.date() for row in table.itertuples()}

    def speaks_from(self, article_id: str) -> date:
        """The date an article speaks from by its own words ("aujourd’hui, jeudi 18")."""
        if article_id not in self._speaks_from:
            self.article(article_id)  # raises, naming the file
        return self._speaks_from[article_id]

    @cached_property
    def claims(self) -> list[Claim]:
        """Every claim of the register, in register order."""
        return parse_claims(self.table("claims"), display_path(self.path("claims")))

    @cached_property
    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.claim_id: c for c in self.claims}

    def claim(self, claim_id: str) -> Claim:
        from analysis.errors import RegisterError

        if claim_id not in self._claims_by_id:
            raise RegisterError(f"no claim {claim_id!r} in {display_path(self.path('claims'))}: add its row "
                                "(see README, 'Adding a claim')")
        return self._claims_by_id[claim_id]

    def claims_for(self, notebook: str) -> list[Claim]:
        """The claims the register assigns to one notebook (by stem, e.g. ``01_calls``), in order.
        Only its rows are parsed unless the whole register already was (a notebook's kernel needs
        its own claims: parsing the others cost each notebook the whole register)."""
        if "claims" in self.__dict__:
            return [c for c in self.claims if c.notebook == notebook]
        table = self.table("claims")
        return parse_claims(table[table["notebook"] == notebook], display_path(self.path("claims")))


def _as_dict(row: pd.Series) -> Row:
    """A frame's row as column -> value, each value the one ``row[column]`` gives, read-only."""
    values = row.array
    return MappingProxyType({column: values[i] for i, column in enumerate(row.index)})


CITATION_COLUMNS = ["table", "row_id", "source_id", "role", "aspect", "origin", "source_type", "publisher", "title",
                    "url", "date_published", "language", "excerpt", "note"]


def read_csv(path: Path) -> pd.DataFrame:
    """A CSV file as strings, empty cells as empty strings; unreadable files named plainly."""
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


def typed(frame: pd.DataFrame, facts: dp.TableFacts) -> pd.DataFrame:
    """The columns of a string table converted to the types its schema declares."""
    frame = frame.copy()
    for spec in facts.fields:
        column, kind = spec["name"], spec.get("type", "string")
        if column not in frame.columns:
            continue
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d").astype(
                "datetime64[ns]")
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("float64")
    return frame
