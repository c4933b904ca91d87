"""One claim checked: the base computation, its verdict, and the same under every reading.

The notebook supplies what is claim-specific (how to compute a value under a reading, and how
to judge it); this module does the bookkeeping the same way for every claim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from analysis import readings as readings_mod
from analysis import results
from analysis.claims import Claim
from analysis.readings import Reading
from analysis.verdicts import Tolerance, Verdict


@dataclass
class Check:
    """The outcome of checking one claim."""

    claim: Claim
    computed: object
    verdict: Verdict
    tolerance: Tolerance | None
    table: pd.DataFrame  # the sensitivity table, base reading first
    source_ids: list[str]

    @property
    def holds_under(self) -> str:
        """How many readings agree with the article (EXACT or ROUNDED), as 'k of n'."""
        ok = self.table["verdict"].isin([Verdict.EXACT.value, Verdict.ROUNDED.value]).sum()
        return f"{ok} of {len(self.table)}"

    def record(self, as_of: str, parameters: dict[str, object], explanation: str,
               detail: dict | None = None) -> dict:
        """The verdict record for ``results/``."""
        return results.record(
            self.claim,
            self.computed,
            self.verdict,
            self.tolerance,
            readings_mod.alternatives_record(self.table),
            self.source_ids,
            as_of,
            parameters,
            explanation,
            detail,
        )


def check(
    claim: Claim,
    readings: list[Reading],
    compute: Callable[[Reading], object],
    judge: Callable[[object], Verdict],
    source_ids: Iterable[str],
    tolerance: Tolerance | None = None,
    judges: dict[str, Callable[[object], Verdict]] | None = None,
) -> Check:
    """Compute under every reading (the first is the base) and judge each value
    (``judges``: a judge of its own for a reading, by its ``extra``)."""
    table = readings_mod.sensitivity(readings, compute, judge, judges)
    base = table.iloc[0]
    return Check(claim, base["computed"], Verdict(base["verdict"]), tolerance, table,
                 sorted(set(source_ids)))
