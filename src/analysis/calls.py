"""What the December 2025 article's call claims mean, as computations on the contacts table.

Each function takes the contacts table and a :class:`~analysis.readings.Reading` and returns the
value the claim speaks of under that reading. ``reading.extra`` carries a claim-specific variant.
"""

from __future__ import annotations

import pandas as pd

from analysis import contacts as ct
from analysis.loaders import split_ids
from analysis.readings import Reading
from analysis.verdicts import Verdict

#: ``Reading.extra`` for the count that includes the opening call itself.
WITH_OPENING_CALL = "opening call counted too"


def days_of(table: pd.DataFrame, reading: Reading) -> pd.Series:
    """The contact days under a reading."""
    return ct.select_contacts(table, reading.types, reading.statuses, reading.clock)["day"]


def contact_words(types: tuple[str, ...]) -> str:
    """``("call",)`` -> ``"calls"``; ``("call", "meeting")`` -> ``"calls and meetings"``."""
    return " and ".join(f"{t}s" for t in types)


def count_after(table: pd.DataFrame, reading: Reading, after: object, as_of: object) -> int:
    """Contacts after the opening contact on ``after`` up to ``as_of`` (the opening one only
    with ``extra == WITH_OPENING_CALL``)."""
    include = reading.extra == WITH_OPENING_CALL
    return len(ct.in_window(days_of(table, reading), after, as_of, include_start=include))


def days_since_last(table: pd.DataFrame, reading: Reading, as_of: object) -> int | None:
    """Days without a contact on ``as_of``; one more when both ends are counted.
    ``None`` when no contact precedes ``as_of`` (the claim cannot be checked then)."""
    if last_contact(table, reading, as_of) is None:
        return None
    days = ct.days_since_last(days_of(table, reading), as_of)
    return days + 1 if reading.counting == "inclusive" else days


def longest_gap_margin(table: pd.DataFrame, reading: Reading, start: object, as_of: object) -> int | None:
    """How many days the stretch still open on ``as_of`` exceeds the longest earlier one.

    Positive: it is the longest since ``start``; zero: a tie; negative: it is not.
    (Counting both ends adds one day to every stretch, so the margin does not change.)
    """
    table_gaps = ct.gaps(days_of(table, reading), start, as_of)
    open_gap = table_gaps[table_gaps["kind"] == "open"]
    current = int(open_gap["days"].iloc[0]) if not open_gap.empty else 0
    earlier = table_gaps[table_gaps["kind"] != "open"]["days"]
    return current - int(earlier.max()) if not earlier.empty else None


def longest_gap_detail(table: pd.DataFrame, reading: Reading, start: object, as_of: object) -> dict | None:
    """The open stretch and the longest earlier one, in days (what the margin compares)."""
    table_gaps = ct.gaps(days_of(table, reading), start, as_of)
    open_gap = table_gaps[table_gaps["kind"] == "open"]["days"]
    earlier = table_gaps[table_gaps["kind"] != "open"]["days"]
    if earlier.empty:
        return None
    return {"current": int(open_gap.iloc[0]) if not open_gap.empty else 0, "runner_up": int(earlier.max())}


def mean_interval(table: pd.DataFrame, reading: Reading, start: object, end: object) -> float:
    """Average spacing of contacts in ``(start, end]`` under the definition in ``reading.extra``."""
    return ct.mean_interval(days_of(table, reading), start, end, reading.extra)


def last_contact(table: pd.DataFrame, reading: Reading, as_of: object) -> str | None:
    """ISO day of the last contact on or before ``as_of``; ``None`` if there is none."""
    days = days_of(table, reading)
    earlier = days[days <= ct.as_day(as_of)]
    return None if earlier.empty else earlier.max().date().isoformat()


def judge_margin(margin: int | None) -> Verdict:
    """Verdict of a "longest period" claim from its margin over the runner-up."""
    if margin is None:
        return Verdict.UNVERIFIABLE
    if margin > 0:
        return Verdict.EXACT
    return Verdict.IMPRECISE if margin == 0 else Verdict.INACCURATE


def judge_equal(claimed: str):
    """A judge for exact-value claims (dates, names): EXACT if equal, INACCURATE otherwise."""

    def judge(value: object) -> Verdict:
        if value is None:
            return Verdict.UNVERIFIABLE
        return Verdict.EXACT if str(value) == claimed else Verdict.INACCURATE

    return judge


def sources_of(table: pd.DataFrame, reading: Reading, start: object, end: object) -> list[str]:
    """Source ids behind the contacts a reading uses in ``[start, end]``."""
    chosen = ct.select_contacts(table, reading.types, reading.statuses, reading.clock)
    inside = chosen[(chosen["day"] >= ct.as_day(start)) & (chosen["day"] <= ct.as_day(end))]
    return sorted({sid for cell in inside["source_ids"] for sid in split_ids(cell)})


def rows_used(table: pd.DataFrame, reading: Reading) -> pd.DataFrame:
    """The contacts a reading counts, with the columns a reader checks first."""
    chosen = ct.select_contacts(table, reading.types, reading.statuses, reading.clock)
    chosen["n_sources"] = chosen["source_ids"].map(lambda c: len(split_ids(c)))
    return chosen[["contact_id", "date", "date_moscow", "type", "status", "initiator",
                   "duration_min", "n_sources"]]
