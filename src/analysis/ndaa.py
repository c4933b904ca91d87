"""What the December 2025 article's NDAA claims mean, as computations on ``legislation.csv``."""

from __future__ import annotations

import pandas as pd

from analysis.contacts import DateLike, as_day
from analysis.loaders import split_ids


def row(legislation: pd.DataFrame, item_id: str) -> pd.Series:
    """One row of the legislation table by id (``KeyError`` naming the id otherwise)."""
    rows = legislation[legislation["item_id"] == item_id]
    if rows.empty:
        raise KeyError(f"no item {item_id!r} in data/legislation.csv")
    return rows.iloc[0]


def action_date(legislation: pd.DataFrame, item_id: str) -> pd.Timestamp | None:
    """The day of a recorded action (a vote, a signature); ``None`` if the row is not among
    ``legislation`` (e.g. filtered out by status), so the claim shows as UNVERIFIABLE."""
    if item_id not in set(legislation["item_id"]):
        return None
    day = row(legislation, item_id)["date"]
    if pd.isna(day):
        raise ValueError(f"{item_id} has no date in data/legislation.csv")
    return day


def iso(day: pd.Timestamp | None) -> str | None:
    return None if day is None else day.date().isoformat()


def usai_authorised(legislation: pd.DataFrame, statuses: tuple[str, ...]) -> pd.Series:
    """USAI amounts the FY2026 NDAA authorises, per fiscal year (rows of the given statuses)."""
    rows = legislation[(legislation["item"] == "usai_authorization") & legislation["status"].isin(statuses)]
    return rows.set_index(rows["fiscal_year"].astype(int))["amount_usd"].astype("int64")


def ukraine_lines(legislation: pd.DataFrame) -> pd.DataFrame:
    """Every Ukraine-related line of the act, with or without money."""
    keep = legislation["item"].isin(["usai_authorization", "other_ukraine_line"])
    return legislation[keep][["item_id", "item", "fiscal_year", "amount_usd", "section", "kind", "status"]]


def parse_pairs(text: str) -> dict[str, str]:
    """``"buyer=us_dod;seller=us_industry"`` -> ``{"buyer": "us_dod", "seller": "us_industry"}``."""
    return dict(part.split("=", 1) for part in split_ids(text))


def enacted_appropriations(history: pd.DataFrame, fiscal_years: list[int], as_of: DateLike) -> int:
    """USAI money appropriated by acts enacted on or before ``as_of`` for the given fiscal years
    (rows without an enactment date do not count: nothing shows they were law by then)."""
    rows = history[(history["kind"] == "appropriation") & history["fiscal_year"].isin(fiscal_years)]
    rows = rows[rows["date_enacted"].notna() & (rows["date_enacted"] <= as_day(as_of))]
    return int(rows["amount_usd"].sum())


def earlier_aid_laws(legislation: pd.DataFrame, before: DateLike, count: tuple[str, ...]) -> pd.DataFrame:
    """Laws of 2025 enacted before ``before`` whose Ukraine money is one of ``count``
    (``("appropriated",)`` for confirmed new money; add ``"unknown"`` for the cautious reading)."""
    laws = legislation[legislation["item"] == "other_2025_law"]
    earlier = laws[(laws["date"] < as_day(before)) & laws["ukraine_money"].isin(count)]
    return earlier[["item_id", "bill", "date", "ukraine_money", "status"]]


def sources_of(legislation: pd.DataFrame, item_ids: list[str]) -> list[str]:
    """Source ids behind the given rows."""
    rows = legislation[legislation["item_id"].isin(item_ids)]
    return sorted({sid for cell in rows["source_ids"] for sid in split_ids(cell)})


#: Programme of each kind of money line in ``legislation.csv``.
PROGRAMMES = {"usai_authorization": "USAI"}


def judge_roles(claimed: dict[str, str], actual: dict[str, str]):
    """Verdict on who sells and who buys (declared rule): both right EXACT; the seller right but
    the buyer wrong IMPRECISE (the arms do come from that industry); the seller wrong INACCURATE."""
    from analysis.verdicts import Verdict

    if claimed == actual:
        return Verdict.EXACT
    if claimed.get("seller") == actual.get("seller"):
        return Verdict.IMPRECISE
    return Verdict.INACCURATE
