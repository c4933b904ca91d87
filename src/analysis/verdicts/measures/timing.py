"""Measures of time between two rows of any dated tables (an event and a call, two calls), named
in ``subject`` as ``table:row_id;table:row_id``: the days between their dates, or the hours between
their start times where the sources give times (``time_utc``).

Each row is dated by its table's ``happened_column`` (``datapackage.json``), so no table is copied
into another to reach a date.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from analysis.domain.dates import days_between, iso
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, no_dimensions, register
from analysis.verdicts.measures.common import public_row, variants
from analysis.verdicts.readings import Dimension, Reading
from analysis.verdicts.tolerance import Interval

DAY_COUNTS = variants(("days", Message(N_("days between the two dates"))),
                      ("days_inclusive", Message(N_("counting both ends"))))


def qualified(subject: str) -> tuple[str, str]:
    """``"contacts:2025-02-12-call"`` -> ``("contacts", "2025-02-12-call")``."""
    table, sep, row_id = subject.partition(":")
    if not sep:
        raise ValueError(f"subject {subject!r}: name a row as table:row_id")
    return table, row_id


def _rows(claim: Claim, ctx: Context) -> tuple[list[tuple[str, dict]], list[tuple[str, str]], Evidence | None]:
    """The rows named in subject, each with its table."""
    found, keys = [], []
    for subject in claim.subjects[:2]:
        table, row_id = qualified(subject)
        row, missing = public_row(ctx, table, ctx.data.id_column(table), row_id)
        if missing:
            return [], [], missing
        found.append((table, row))
        keys.append((table, row_id))
    return found, keys, None


def _day(ctx: Context, found: tuple[str, dict]) -> pd.Timestamp:
    table, row = found
    return row[ctx.data.facts(table).happened]


def _dims_days(claim: Claim, ctx: Context) -> list[Dimension]:
    return [DAY_COUNTS]


@register("items.days_between", (), _dims_days,
          "Days from the first row of subject to the second (table:row_id;table:row_id), by the day each happened.")
def days_between_rows(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    rows, keys, missing = _rows(claim, ctx)
    if missing:
        return missing
    start, end = _day(ctx, rows[0]), _day(ctx, rows[1])
    amount = days_between(start, end) + (1 if reading["variant"] == "days_inclusive" else 0)
    return Evidence(value=float(amount), interval=Interval.point(amount), rows=keys,
                    message=Message(N_("From {from:date} to {to:date}: {amount:qty}."),
                                    amount={"n": float(amount), "unit": claim.unit},
                                    **{"from": iso(start), "to": iso(end)}))


def _moment(ctx: Context, found: tuple[str, dict]) -> datetime | None:
    time = found[1].get("time_utc", "")
    day = _day(ctx, found)
    if not time or pd.isna(day):
        return None
    hours, minutes = (int(part) for part in str(time).split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes)


@register("items.hours_between", (), no_dimensions,
          "Hours from the start of the first row of subject to the start of the second, where the sources give "
          "both times (time_utc).")
def hours_between(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    rows, keys, missing = _rows(claim, ctx)
    if missing:
        return missing
    start, end = _moment(ctx, rows[0]), _moment(ctx, rows[1])
    if start is None or end is None:
        untimed = keys[0][1] if start is None else keys[1][1]
        return Evidence.missing(Message(N_("No source gives the time of {row}: the hours between cannot be "
                                           "computed."), row=untimed), rows=keys)
    hours = (end - start).total_seconds() / 3600
    return Evidence(value=hours, interval=Interval.point(hours), rows=keys,
                    message=Message(N_("From {from} UTC to {to} UTC: {hours:qty}."),
                                    hours={"n": hours, "unit": "hours"},
                                    **{"from": start.strftime("%Y-%m-%d %H:%M"), "to": end.strftime("%Y-%m-%d %H:%M")}))
