"""The claim register (``data/claims.csv``): what each article states, verbatim, and how to check it.

A row says what the article claims (``quote``, ``claimed``, ``unit``, ``hedge``, ``precision``),
what to compute (``measure`` over ``subject`` and the window), and how to judge it (``kind``).
Adding a claim of a known kind and measure is a row here and its data, no code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis.errors import RegisterError


@dataclass(frozen=True)
class Claim:
    """One checkable statement, as the register records it."""

    claim_id: str
    article_id: str
    quote: str
    claim_en: str
    theme: str
    kind: str
    measure: str
    subject: str
    claimed: str
    unit: str
    hedge: str
    precision: float | None
    point_margin: float | None
    window_start: date | None
    window_end: date | None
    tense: str
    notebook: str
    headline: bool
    line: int  # the row in claims.csv (header = 1), for error messages
    path: str = "data/claims.csv"  # the register file, as shown in error messages
    claim_fr: str = ""  # a French rendering (required for an article not in French)

    @property
    def claimed_number(self) -> float:
        """The claimed value as a number (counts, day counts, means, money, percentages)."""
        try:
            return float(self.claimed)
        except ValueError:
            raise RegisterError(f"{self.path}, row {self.line}, column 'claimed': {self.claimed!r} "
                                f"is not a number, but claim {self.claim_id} is of kind {self.kind!r}") from None

    @property
    def subjects(self) -> list[str]:
        """``subject`` split on ``;`` (a claim may name several rows, the first being the base)."""
        return [part.strip() for part in self.subject.split(";") if part.strip()]


def _day(value: object) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _number(value: object) -> float | None:
    return None if pd.isna(value) else float(value)


def parse_claims(table: pd.DataFrame, shown_path: str = "data/claims.csv") -> list[Claim]:
    """The claims of a typed register table, in register order."""
    return [
        Claim(
            claim_id=row["claim_id"], article_id=row["article_id"], quote=row["quote"],
            claim_en=row["claim_en"], theme=row["theme"], kind=row["kind"], measure=row["measure"],
            subject=row["subject"], claimed=row["claimed"], unit=row["unit"], hedge=row["hedge"] or "exact",
            precision=_number(row["precision"]), point_margin=_number(row["point_margin"]),
            window_start=_day(row["window_start"]), window_end=_day(row["window_end"]),
            tense=row["tense"] or "past", notebook=row["notebook"], headline=row["headline"] == "yes",
            line=index + 2, path=shown_path, claim_fr=row.get("claim_fr", "") or "",
        )
        for index, row in zip(table.index, table.to_dict("records"), strict=True)  # not iterrows: a Series a row
    ]


def check_assignments(notebooks: list[str], claims: list[Claim]) -> None:
    """Every claim is assigned to a notebook that exists, and every notebook has claims.

    Raises :class:`RegisterError` naming the row: a claim no notebook checks would otherwise be
    published as if the whole register had been checked.
    """
    known = set(notebooks)
    for item in claims:
        if item.notebook not in known:
            raise RegisterError(
                f"{item.path}, row {item.line}, column 'notebook': claim {item.claim_id} is assigned to "
                f"{item.notebook!r}, which is not a notebook of notebooks/ ({', '.join(sorted(known))}). "
                "Assign it to an existing notebook or add the notebook.")
    assigned = {c.notebook for c in claims}
    empty = sorted(known - assigned)
    if empty:
        raise RegisterError(f"notebook(s) {', '.join(empty)} check no claim of data/claims.csv: "
                            "assign claims to them or remove them.")


def check_records(records: list[dict], claims: list[Claim]) -> None:
    """Every record answers a registered claim, once, with the register's own quote and notebook."""
    register = {c.claim_id: c for c in claims}
    seen: set[str] = set()
    for record in records:
        claim_id = record.get("claim_id")
        if claim_id not in register:
            raise RegisterError(f"notebook {record.get('notebook')} published a verdict for {claim_id!r}, "
                                "which is not in data/claims.csv: add the claim or remove the check.")
        if claim_id in seen:
            raise RegisterError(f"claim {claim_id} was checked twice; check each claim once.")
        seen.add(claim_id)
        row = register[claim_id]
        if record.get("notebook") != row.notebook or record.get("quote") != row.quote:
            raise RegisterError(f"the record of {claim_id} does not match data/claims.csv, row {row.line} "
                                "(notebook or quote differ): rebuild with `make report`.")
