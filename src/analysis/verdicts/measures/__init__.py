"""Measures: what to compute for a claim, named in the register's ``measure`` column.

A measure reads the data tables through a :class:`Context` (which keeps only what was public by
the date checked), offers the dimensions along which the claim can be read, and computes the
:class:`~analysis.verdicts.evidence.Evidence` under one reading. It never judges. A measure reads
either the state of things on a day (``current=True``: counts and stretches up to the day the
claim speaks of, the latest poll) or items of the record (one call's date, length, rank, ordinal,
the gap before it; an event's date; a vote).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis.io.datapackage import Coverage
from analysis.io.package import DataPackage
from analysis.io.register import Claim
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.readings import Dimension, Reading


@dataclass(frozen=True)
class Context:
    """What a check may use, and the two dates that govern it.

    ``on`` is the day the claim speaks of when it states the state of things on a day ("au 18
    décembre", "depuis", a count up to the article's day): its article's ``speaks_from``, or the
    ``speaks_from`` parameter that re-anchors it. ``as_of`` only limits what was known: rows public
    by ``known_by`` (``as_of``, or, for a forecast checked after the fact, as far as the data reach)
    may be used. Later events never change a claim about ``on``; a fact about ``on`` made public
    later does, and the record names it.
    """

    data: DataPackage
    params: dict
    on: date  # the day the claim speaks of
    as_of: date  # what was public by this date is known
    known_by: date  # rows public by this date may be used (as_of, or the coverage end for forecasts)

    def full(self, name: str) -> pd.DataFrame:
        """A table as loaded, everything in it."""
        return self.data.table(name)

    def table(self, name: str) -> pd.DataFrame:
        """A table cut to the rows public on ``known_by``."""
        return self.data.public(name, self.known_by)

    def coverage(self, name: str) -> Coverage | None:
        return self.data.coverage(name)

    @property
    def statuses(self) -> tuple[str, ...]:
        """The statuses of data rows this check counts."""
        return tuple(self.params.get("statuses", ("confirmed", "one_source")))


@dataclass(frozen=True)
class Measure:
    """A named computation: the tables it reads, its readings, and the computation itself."""

    name: str
    tables: tuple[str, ...]
    compute: Callable[[Claim, Context, Reading], Evidence]
    dimensions: Callable[[Claim, Context], list[Dimension]]
    base: Callable[[Claim, Context, list[Dimension]], Reading]
    description: str
    #: The value is the state of things on the day the claim speaks of (the latest wave, the days
    #: since the last call): a day past the tables' coverage, or after the date checked, cannot be
    #: checked. A measure of a dated fact (an event, a vote, a quote) is settled by the rows the
    #: data hold.
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
    from analysis.verdicts.measures import contacts, events, legislation, polls, statements, timing  # noqa: F401
