"""Can a reader find each source again? The census of the sources (``source_checks.csv``) says, for
each source, whether a stored copy of its page was found and whether the row agrees with it; this
module holds the one rule that turns a check into "verifiable", and the share over the record.

A source is verifiable when its page was found (at its URL or an equivalent one), its excerpt is on
the copy, its date agrees with the copy (or the copy shows none and the source's ``date_note`` says
where the date comes from, or no date is recorded), and the page does what each citation says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

FOUND = ("at_url", "equivalent_url", "archive_copy")


def verifiable(sources: pd.DataFrame, checks: pd.DataFrame) -> pd.Series:
    """Whether each source (indexed by ``source_id``) passes the census rule; a source without a
    check row is not verifiable."""
    rows = sources.set_index("source_id")[["date_published", "date_note"]].join(
        checks.set_index("source_id")[["copy_found", "excerpt_check", "date_check", "role_check"]], how="left")
    undated_or_explained = rows["date_published"].isna() | rows["date_note"].fillna("").str.strip().ne("")
    date_ok = rows["date_check"].eq("agrees") | (rows["date_check"].eq("not_shown") & undated_or_explained)
    ok = rows["copy_found"].isin(FOUND) & rows["excerpt_check"].eq("on_copy") & date_ok & rows["role_check"].eq("fits")
    return ok.rename("verifiable")


@dataclass(frozen=True)
class Share:
    """``verifiable`` sources out of ``total``, with the Wilson 95 % interval of the share (for a
    census the share is exact; the interval says how far a sample of this size could stray)."""

    verifiable: int
    total: int

    @property
    def share(self) -> float:
        return self.verifiable / self.total if self.total else float("nan")

    def interval(self, z: float = 1.959964) -> tuple[float, float]:
        """Wilson score interval.

        >>> [round(x, 3) for x in Share(43, 60).interval()]
        [0.592, 0.815]
        """
        n, p = self.total, self.share
        if not n:
            return (float("nan"), float("nan"))
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return (centre - half, centre + half)


def share(flags: pd.Series) -> Share:
    """How many of ``flags`` (one boolean per source) are true."""
    return Share(int(flags.sum()), len(flags))


def annotate(sources: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """``sources`` with the census beside each row: ``copy_found``, ``checked_on`` and ``verifiable``."""
    flags = verifiable(sources, checks)
    found = checks.set_index("source_id")[["copy_found", "checked_on"]]
    return sources.join(found, on="source_id").assign(verifiable=sources["source_id"].map(flags).fillna(False)
                                                       .astype(bool))
