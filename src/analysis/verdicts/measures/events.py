"""Measures over dated events (``events.csv``): their dates, weekdays, values, durations, order."""

from __future__ import annotations

import pandas as pd

from analysis.domain import events as ev
from analysis.domain.dates import as_day, days_between, iso, months_begun, months_between
from analysis.io.package import Row
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, no_dimensions, register
from analysis.verdicts.measures.common import public_row, variants, weekday_evidence
from analysis.verdicts.readings import Dimension, Reading
from analysis.verdicts.tolerance import hedged


def _period(row: Row) -> tuple:
    return (row["date_start"].date(), (row["date_end"] if pd.notna(row["date_end"]) else row["date_start"]).date())


@register("events.date", ("events",), no_dimensions, "The date (or date range) of the event named in subject.")
def date(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "events", "event_id", claim.subjects[0])
    if missing:
        return missing
    first, last = _period(row)
    facts = {"date_precision": row.get("date_precision", "day") or "day"}
    value = first.isoformat() if first == last else {"from": first.isoformat(), "to": last.isoformat()}
    return Evidence(value=value, period=(first, last), facts=facts, rows=[("events", row["event_id"])],
                    message=(Message(N_("On record: {day:date}."), day=first.isoformat()) if first == last else
                             Message(N_("On record: {from:date} to {to:date}."),
                                     **{"from": first.isoformat(), "to": last.isoformat()})))


WEEKDAY_VARIANTS = variants(("written", Message(N_("the date as the article writes it"))),
                            ("event", Message(N_("the date of the event"))))


def _dims_weekday(claim: Claim, ctx: Context) -> list[Dimension]:
    return [WEEKDAY_VARIANTS] if claim.subjects else []


@register("events.weekday", ("events",), _dims_weekday,
          "The weekday of the date written in the article (window_start), or of the event's date.")
def weekday(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    return weekday_evidence(claim, ctx, reading, "events", "event_id", "date_start")


@register("events.value", ("events",), no_dimensions, "The figure the sources give for the event, with their hedge.")
def value(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "events", "event_id", claim.subjects[0])
    if missing:
        return missing
    if pd.isna(row["value"]):
        return Evidence.missing(Message(N_("The sources give no figure for {row}."), row=row["event_id"]),
                                rows=[("events", row["event_id"])])
    hedge = row.get("value_hedge", "") or "exact"
    figure = float(row["value"])
    return Evidence(value=figure, interval=hedged(figure, hedge), rows=[("events", row["event_id"])],
                    facts={"hedge": hedge},
                    message=Message(N_("The sources give {value:hedged}."),
                                    value={"n": figure, "hedge": hedge, "unit": claim.unit}))


DAY_COUNTS = variants(("days", Message(N_("days between the two dates"))),
                      ("days_inclusive", Message(N_("counting both ends"))))
MONTH_COUNTS = variants(("months", Message(N_("calendar months (days / 30.44)"))),
                        ("months_begun", Message(N_("calendar months touched, both ends counted"))))


def _dims_duration(claim: Claim, ctx: Context) -> list[Dimension]:
    return [MONTH_COUNTS if claim.unit == "months" else DAY_COUNTS]


@register("events.duration", ("events",), _dims_duration,
          "Time from the first event of subject to the second, in the claim's unit.")
def duration(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    ids = claim.subjects
    start_row, missing = public_row(ctx, "events", "event_id", ids[0])
    if missing:
        return missing
    end_row, missing = public_row(ctx, "events", "event_id", ids[1])
    if missing:
        return missing
    return _span(claim, reading, start_row["date_start"], end_row["date_start"], [("events", i) for i in ids[:2]])


@register("events.time_since", ("events",), _dims_duration,
          "Time from the event of subject to the day the claim speaks of (« au cours des onze derniers mois »), "
          "in the claim's unit.", current=True)
def time_since(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    start_row, missing = public_row(ctx, "events", "event_id", claim.subjects[0])
    if missing:
        return missing
    return _span(claim, reading, start_row["date_start"], as_day(ctx.on), [("events", claim.subjects[0])])


def _span(claim: Claim, reading: Reading, start, end, rows: list[tuple[str, str]]) -> Evidence:
    variant = reading["variant"]
    amount = {"days": days_between(start, end), "days_inclusive": days_between(start, end) + 1,
              "months": months_between(start, end), "months_begun": months_begun(start, end)}[variant]
    return Evidence(value=float(amount), interval=hedged(amount, "exact"), rows=rows,
                    message=Message(N_("From {from:date} to {to:date}: {amount:qty}."),
                                    amount={"n": float(amount), "unit": claim.unit},
                                    **{"from": iso(start), "to": iso(end)}))


@register("events.first_in_series", ("events",), no_dimensions,
          "Whether an earlier event of the same series exists since window_start.")
def first_in_series(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "events", "event_id", claim.subjects[0])
    if missing:
        return missing
    since = as_day(claim.window_start) if claim.window_start else None
    previous = ev.previous_in_series(ctx.table("events"), row, since)
    facts = {"known_earlier": 0 if previous is None else 1,
             "earlier": "" if previous is None else previous["event_id"]}
    return Evidence(value="none" if previous is None else previous["event_id"], facts=facts,
                    rows=[("events", row["event_id"])] + ([] if previous is None else [("events", previous["event_id"])]),
                    message=(Message(N_("No earlier event of the series on record since {since:date}."), since=iso(since))
                             if previous is None and since is not None else
                             Message(N_("No earlier event of the series on record.")) if previous is None else
                             Message(N_("An earlier event of the series is on record: {earlier}."),
                                     earlier=facts["earlier"])))

