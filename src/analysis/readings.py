"""Alternative readings of a claim, and the sensitivity table that compares them.

A claim that holds under one reasonable convention only is a finding, so every verdict carries
the same computation under each reading (conventions §3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import product

import pandas as pd

from analysis.contacts import STATUSES
from analysis.verdicts import Verdict

#: Named sets of statuses a reading may count.
STATUS_SETS: dict[str, tuple[str, ...]] = {
    "confirmed only": ("confirmed",),
    "confirmed + one source": ("confirmed", "one_source"),
    "all reported": STATUSES,
}


@dataclass(frozen=True)
class Reading:
    """One way of reading a claim about contacts."""

    types: tuple[str, ...] = ("call",)
    statuses: tuple[str, ...] = ("confirmed", "one_source")
    clock: str = "washington"
    counting: str = "exclusive"  # "exclusive": 16 Oct -> 18 Dec = 63; "inclusive": both ends, 64
    extra: str = ""  # a claim-specific variant (e.g. a definition of the mean)

    @property
    def label(self) -> str:
        if not self.types:  # a reading that is not about contacts: its variant says it all
            return self.extra
        types = " + ".join(f"{t}s" for t in self.types)
        statuses = next((name for name, s in STATUS_SETS.items() if set(s) == set(self.statuses)),
                        " + ".join(self.statuses))
        parts = [types, f"{self.clock} dates", statuses]
        if self.counting != "exclusive":
            parts.append(f"{self.counting} day count")
        if self.extra:
            parts.append(self.extra)
        return "; ".join(parts)


def grid(
    base: Reading,
    types: Iterable[tuple[str, ...]] = (("call",), ("call", "meeting")),
    status_sets: Iterable[tuple[str, ...]] = tuple(STATUS_SETS.values()),
    clocks: Iterable[str] = ("washington", "moscow"),
    countings: Iterable[str] = ("exclusive",),
    extras: Iterable[str] = ("",),
) -> list[Reading]:
    """The base reading first, then every combination of the alternatives (without repeats)."""
    readings = [base]
    for t, s, c, n, e in product(types, status_sets, clocks, countings, extras):
        reading = replace(base, types=tuple(t), statuses=tuple(s), clock=c, counting=n, extra=e)
        if reading not in readings:
            readings.append(reading)
    return readings


def sensitivity(
    readings: list[Reading],
    compute: Callable[[Reading], float | bool | None],
    judge: Callable[[float | bool | None], Verdict],
    judges: dict[str, Callable[[object], Verdict]] | None = None,
) -> pd.DataFrame:
    """One row per reading: its label, the computed value and the verdict under it.

    The first reading is marked as the base (the notebook's parameters). ``judges`` gives a
    reading (by its ``extra``) a judge of its own where the rule differs between readings.
    """
    judges = judges or {}
    rows = []
    for index, reading in enumerate(readings):
        value = compute(reading)
        rows.append(
            {
                "reading": reading.label,
                "base": index == 0,
                "computed": value,
                "verdict": judges.get(reading.extra, judge)(value).value,
            }
        )
    return pd.DataFrame(rows)


def alternatives_record(table: pd.DataFrame) -> list[dict]:
    """The sensitivity table as the ``alternatives`` list of a verdict record (base excluded)."""
    return [
        {"reading": row.reading, "computed": plain(row.computed), "verdict": row.verdict}
        for row in table.itertuples()
        if not row.base
    ]


def plain(value):
    """JSON-friendly scalars (numpy ints and floats become Python ones)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, float) or hasattr(value, "dtype") and value.dtype.kind == "f":
        return float(value)
    if hasattr(value, "item"):
        return value.item()
    return value
