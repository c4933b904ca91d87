"""The NDAA and the other laws of 2025, as computations on ``legislation.csv`` and
``usai_history.csv``: actions and their dates, money authorised and appropriated, earlier laws.

An **authorisation** (what an NDAA does) sets a ceiling; money exists only once an
**appropriations** act provides it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.domain.budget import amount_for_fiscal_years, amount_in_calendar_years
from analysis.domain.dates import DateLike, as_day


def row(legislation: pd.DataFrame, item_id: str) -> pd.Series | None:
    """One row by id; ``None`` if it is not among ``legislation`` (e.g. not yet public)."""
    rows = legislation[legislation["item_id"] == item_id]
    return None if rows.empty else rows.iloc[0]


def action_date(legislation: pd.DataFrame, item_id: str) -> pd.Timestamp | None:
    """The day of a recorded action (a vote, a signature); ``None`` if the row is absent or undated."""
    found = row(legislation, item_id)
    if found is None or pd.isna(found["date"]):
        return None
    return found["date"]


def parse_pairs(text: str) -> dict[str, str]:
    """``"buyer=us_dod;seller=us_industry"`` -> ``{"buyer": "us_dod", "seller": "us_industry"}``."""
    parts = [p.strip() for p in str(text).split(";") if p.strip()]
    return dict(part.split("=", 1) for part in parts)


def usai_authorised(legislation: pd.DataFrame) -> pd.Series:
    """USAI amounts the act authorises, per fiscal year."""
    rows = legislation[legislation["item"] == "usai_authorization"]
    return rows.set_index(rows["fiscal_year"].astype(int))["amount_usd"].astype("int64").sort_index()


@dataclass(frozen=True)
class Appropriated:
    """USAI money appropriated by acts enacted by a date: the sum of the known amounts, and the acts
    whose amount is not known (unknown is never zero: with any such act the sum is a lower bound)."""

    known: int
    unknown_acts: tuple[str, ...] = ()

    @property
    def is_bound(self) -> bool:
        return bool(self.unknown_acts)


def enacted_appropriations(history: pd.DataFrame, fiscal_years: list[int], as_of: DateLike) -> Appropriated:
    """USAI money appropriated by acts enacted on or before ``as_of`` for the given fiscal years
    (rows without an enactment date do not count: nothing shows they were law by then; rows
    enacted without a known amount make the sum a lower bound)."""
    rows = history[history["kind"].isin(["appropriation", "appropriation_supplemental"])
                   & history["fiscal_year"].isin(fiscal_years)]
    rows = rows[rows["date_enacted"].notna() & (rows["date_enacted"] <= as_day(as_of))]
    unknown = rows[rows["amount_usd"].isna()]
    return Appropriated(int(rows["amount_usd"].sum()), tuple(unknown["act"].astype(str)))


def usai_amount(legislation: pd.DataFrame, history: pd.DataFrame, first_year: int, last_year: int,
                definition: str, as_of: DateLike) -> tuple[float, bool] | None:
    """USAI money for ``first_year``–``last_year`` under one of :data:`MONEY_DEFINITIONS`, and whether
    it is a lower bound (an act whose amount is not known); ``None`` if the act's authorisation is
    not in ``legislation`` (not yet public)."""
    authorised = usai_authorised(legislation)
    years = list(range(first_year, last_year + 1))
    if definition == "appropriated":
        found = enacted_appropriations(history, years, as_of)
        return float(found.known), found.is_bound
    if authorised.empty or not set(years) <= set(authorised.index):
        return None
    if definition == "authorised_fiscal_years":
        return float(amount_for_fiscal_years(authorised, years)), False
    if definition == "authorised_calendar_years":
        return amount_in_calendar_years(authorised, first_year, last_year), False
    if definition == "authorised_first_year":
        return float(amount_for_fiscal_years(authorised, [first_year])), False
    raise ValueError(f"unknown definition {definition!r}; use one of {list(MONEY_DEFINITIONS)}")


#: Readings of "N dollars for the period YYYY-YYYY" in a US defence bill (English message ids).
MONEY_DEFINITIONS: dict[str, str] = {
    "authorised_fiscal_years": "authorised for the fiscal years named",
    "authorised_calendar_years": "authorised amounts spread over the calendar years named",
    "appropriated": "appropriated by an act enacted by the date",
    "authorised_first_year": "authorised for the first fiscal year only",
}


def money_programmes(legislation: pd.DataFrame) -> list[str]:
    """The programmes of the act's Ukraine lines that carry money."""
    lines = legislation[legislation["item"].isin(["usai_authorization", "other_ukraine_line"])]
    with_money = lines[lines["amount_usd"].fillna(0) > 0]
    return sorted({PROGRAMMES.get(item, item) for item in with_money["item"]})


#: Programme of each kind of money line in ``legislation.csv``.
PROGRAMMES = {"usai_authorization": "USAI"}


def short_bill(bill: str) -> str:
    """A bill's designation without its title: ``"H.R. 1968 (P.L. 119-4) Full-Year …"`` -> ``"H.R. 1968 (P.L. 119-4)"``."""
    text = str(bill)
    return text[: text.index(")") + 1] if ")" in text else text.split(",")[0]


def earlier_aid_laws(legislation: pd.DataFrame, before: DateLike, money: tuple[str, ...]) -> pd.DataFrame:
    """Laws of 2025 enacted before ``before`` whose Ukraine money is one of ``money``
    (``("appropriated", "authorized")`` for new money shown; ``("unknown",)`` for the doubtful)."""
    laws = legislation[legislation["item"] == "other_2025_law"]
    return laws[(laws["date"] < as_day(before)) & laws["ukraine_money"].isin(money)]
