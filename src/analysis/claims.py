"""The claim register (``data/claims.csv``): what each article states, verbatim."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import loaders
from analysis.verdicts import Tolerance, tolerance_from_precision


@dataclass(frozen=True)
class Claim:
    """One checkable statement, as the register records it."""

    claim_id: str
    article_id: str
    quote: str
    claim_en: str
    kind: str
    claimed: str
    unit: str
    precision: float | None
    point_margin: float | None
    window_start: pd.Timestamp | None
    window_end: pd.Timestamp | None
    notebook: str
    event_id: str = ""

    @property
    def claimed_number(self) -> float:
        """The claimed value as a number (for counts, day counts, means, money)."""
        try:
            return float(self.claimed)
        except ValueError as exc:
            raise ValueError(f"claim {self.claim_id}: claimed value {self.claimed!r} is not a number") from exc

    def tolerance(self) -> Tolerance:
        """The tolerance the wording implies, declared from the register before computing."""
        if self.precision is None:
            raise ValueError(f"claim {self.claim_id} has no precision in data/claims.csv")
        return tolerance_from_precision(self.claimed_number, self.precision, self.point_margin or 0.0)


def _none_if_missing(value):
    return None if pd.isna(value) else value


def claim(claim_id: str, data_dir: Path | None = None) -> Claim:
    """One claim of the register by id; ``KeyError`` naming the known ids otherwise."""
    register = loaders.load("claims", data_dir)
    rows = register[register["claim_id"] == claim_id]
    if rows.empty:
        raise KeyError(f"unknown claim_id {claim_id!r}; known: {', '.join(register['claim_id'])}")
    row = rows.iloc[0]
    return Claim(
        claim_id=row["claim_id"],
        article_id=row["article_id"],
        quote=row["quote"],
        claim_en=row["claim_en"],
        kind=row["kind"],
        claimed=row["claimed"],
        unit=row["unit"],
        precision=_none_if_missing(row["precision"]),
        point_margin=_none_if_missing(row["point_margin"]),
        window_start=_none_if_missing(row["window_start"]),
        window_end=_none_if_missing(row["window_end"]),
        notebook=row["notebook"],
        event_id=row.get("event_id", ""),
    )


def claims_for_notebook(notebook: str, data_dir: Path | None = None) -> list[Claim]:
    """All claims the register assigns to one notebook, in register order."""
    register = loaders.load("claims", data_dir)
    return [claim(cid, data_dir) for cid in register.loc[register["notebook"] == notebook, "claim_id"]]
