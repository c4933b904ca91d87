"""Measures: what to compute for a claim, named in the register's ``measure`` column.

A measure reads the data tables through a :class:`Context` (which keeps only what was public by
the date checked), offers the dimensions along which the claim can be read, and computes the
:class:`~analysis.verdicts.evidence.Evidence` under one reading. It never judges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from analysis.domain.knowable import public_by
from analysis.io import datapackage as dp
from analysis.io.load import load
from analysis.io.register import Claim
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.readings import Dimension, Reading


@dataclass
class Context:
    """The data a check may use: tables as loaded, cut to what was public on ``known_by``."""

    as_of: date  # the date the claim speaks from ("au 18 décembre")
    known_by: date  # what was public by this date may be used (as_of, or the coverage end for forecasts)
    params: dict
    data_dir: str | None = None
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def full(self, name: str) -> pd.DataFrame:
        """A table as loaded, everything in it."""
        if name not in self._tables:
            self._tables[name] = load(name, self.data_dir)
        return self._tables[name]

    def table(self, name: str) -> pd.DataFrame:
        """A table cut to the rows public on ``known_by``."""
        frame = self.full(name)
        column = dp.published_column(name, self.data_dir)
        if column is None:
            return frame
        happened = {"contacts": "date", "events": "date_start", "legislation": "date", "polls": "field_end",
                    "statements": "said_date"}.get(name)
        return public_by(frame, self.known_by, column, happened)

    def coverage(self, name: str) -> dp.Coverage | None:
        return dp.coverage(name, self.data_dir)

    def with_known_by(self, known_by: date) -> Context:
        return Context(self.as_of, known_by, self.params, self.data_dir, self._tables)


@dataclass(frozen=True)
class Measure:
    """A named computation: the tables it reads, its readings, and the computation itself."""

    name: str
    tables: tuple[str, ...]
    compute: Callable[[Claim, Context, Reading], Evidence]
    dimensions: Callable[[Claim, Context], list[Dimension]]
    base: Callable[[Claim, Context, list[Dimension]], Reading]
    description: str
    #: The value is the state on the date checked (the latest wave, the days since the last call):
    #: it moves with ``as_of``, so a date past the tables' coverage cannot be checked. A measure of
    #: a dated fact (an event, a vote, a quote) is settled by the rows the data hold.
    current: bool = False


def default_base(claim: Claim, ctx: Context, dimensions: list[Dimension]) -> Reading:
    """The first value of every dimension."""
    return Reading(tuple((d.name, d.values[0]) for d in dimensions))


MEASURES: dict[str, Measure] = {}


def register(name: str, tables: tuple[str, ...], dimensions: Callable[[Claim, Context], list[Dimension]],
             description: str, base: Callable[[Claim, Context, list[Dimension]], Reading] = default_base,
             current: bool = False):
    """Decorator: add a compute function to :data:`MEASURES` under ``name``."""

    def wrap(compute: Callable[[Claim, Context, Reading], Evidence]):
        if name in MEASURES:
            raise ValueError(f"measure {name!r} registered twice")
        MEASURES[name] = Measure(name, tables, compute, dimensions, base, description, current)
        return compute

    return wrap


def no_dimensions(claim: Claim, ctx: Context) -> list[Dimension]:
    return []


def measure(name: str) -> Measure:
    _load_all()
    if name not in MEASURES:
        raise KeyError(f"no measure {name!r} (known: {', '.join(sorted(MEASURES))})")
    return MEASURES[name]


def _load_all() -> None:
    """Import the modules that register measures (once)."""
    from analysis.verdicts.measures import contacts, events, legislation, polls, statements  # noqa: F401
