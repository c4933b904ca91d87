"""Measures over the Trump–Putin contacts (``contacts.csv``): counts, days since, stretches, means."""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.domain import contacts as ct
from analysis.domain.dates import as_day, days_between, iso
from analysis.io.contract import CLOCK_COLUMNS
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, no_dimensions, register
from analysis.verdicts.measures.common import public_row
from analysis.verdicts.readings import (
    CLOCK,
    COUNTING,
    STATUSES,
    TYPES,
    Dimension,
    Reading,
    status_value,
    statuses_of,
)
from analysis.verdicts.tolerance import Interval

OPENING = Dimension("opening", ("excluded", "included"), {
    "excluded": Message(N_("the opening call excluded")), "included": Message(N_("the opening call counted too"))})
DEFINITION = Dimension("definition", tuple(ct.MEAN_DEFINITIONS), {
    "window_per_contact": Message(N_("length of the period / number of calls in it")),
    "mean_gap_from_start": Message(N_("mean stretch from the start of the period to the last call")),
    "mean_gap_between_contacts": Message(N_("mean stretch between the first and the last call"))})
TYPES_WITH_MEETINGS = Dimension("types", ("call", "call;meeting", "meeting"), TYPES.labels)


def _params_base(claim: Claim, ctx: Context, dimensions: list[Dimension]) -> Reading:
    """The reading the notebook's parameters choose, first values for the rest."""
    wanted = {
        "types": ";".join(ctx.params.get("contact_types", ("call",))),
        "statuses": status_value(ctx.params.get("statuses", ("confirmed", "one_source"))),
        "clock": ctx.params.get("clock", "washington"),
    }
    return Reading(tuple((d.name, wanted.get(d.name, d.values[0])) for d in dimensions))


def days(ctx: Context, reading: Reading) -> pd.Series:
    """The contact days a reading counts (public by the date checked)."""
    chosen = ct.select_contacts(ctx.table("contacts"), tuple(reading["types"].split(";")),
                                statuses_of(reading["statuses"]), CLOCK_COLUMNS[reading["clock"]])
    return chosen.set_index("contact_id")["day"]


def _rows(series: pd.Series, first: object, last: object) -> list[tuple[str, str]]:
    inside = series[(series >= as_day(first)) & (series <= as_day(last))]
    return [("contacts", cid) for cid in inside.index]


def _before(start: date, ctx: Context) -> Evidence | None:
    if ctx.as_of < start:
        return Evidence.missing(Message(N_("The period the claim speaks of begins on {start:date}, after the "
                                           "date checked ({as_of:date})."), start=start.isoformat(),
                                        as_of=ctx.as_of.isoformat()))
    return None


def _dims_count(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES_WITH_MEETINGS, STATUSES, CLOCK, OPENING]


@register("contacts.count_after", ("contacts",), _dims_count,
          "Contacts after an opening contact (window_start), up to the date checked.", _params_base, current=True)
def count_after(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    assert claim.window_start is not None
    if (early := _before(claim.window_start, ctx)) is not None:
        return early
    series = days(ctx, reading)
    inside = ct.in_window(series.reset_index(drop=True), claim.window_start, ctx.as_of,
                          include_start=reading["opening"] == "included")
    n = len(inside)
    return Evidence(value=n, interval=Interval.point(n), rows=_rows(series, claim.window_start, ctx.as_of),
                    facts={"count": n, "start": claim.window_start.isoformat()},
                    message=Message(N_("From {start:date} to {as_of:date}: {count:qty}."),
                                    count={"n": n, "unit": claim.unit}, start=claim.window_start.isoformat(),
                                    as_of=ctx.as_of.isoformat()))


def _dims_days(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES, STATUSES, CLOCK, COUNTING]


@register("contacts.days_since_last", ("contacts",), _dims_days,
          "Days from the last contact to the date checked.", _params_base, current=True)
def days_since_last(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    series, last, missing = _last_contact(ctx, reading)
    if missing:
        return missing
    n = days_between(last, ctx.as_of) + (1 if reading["counting"] == "inclusive" else 0)
    return Evidence(value=n, interval=Interval.point(n), rows=_rows(series, last, last),
                    facts={"last": iso(last), "days": n},
                    message=Message(N_("The last contact on record was on {last:date}: {days:days} to {as_of:date}."),
                                    last=iso(last), days=n, as_of=ctx.as_of.isoformat()))


def _dims_plain(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES, STATUSES, CLOCK]


def _last_contact(ctx: Context, reading: Reading) -> tuple[pd.Series, pd.Timestamp | None, Evidence | None]:
    """The contact days of a reading, the last one on or before the date checked, or why there is none."""
    series = days(ctx, reading)
    last = ct.last_on_or_before(series, ctx.as_of)
    if last is None:
        return series, None, Evidence.missing(Message(N_("No contact on record on or before {as_of:date}."),
                                                      as_of=ctx.as_of.isoformat()))
    return series, last, None


@register("contacts.longest_gap", ("contacts",), _dims_plain,
          "The stretch without contact still open on the date checked, against the longest earlier one "
             "since window_start.", _params_base, current=True)
def longest_gap(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    assert claim.window_start is not None
    if (early := _before(claim.window_start, ctx)) is not None:
        return early
    series = days(ctx, reading)
    table = ct.gaps(series.reset_index(drop=True), claim.window_start, ctx.as_of)
    open_gap = table[table["kind"] == "open"]
    earlier = table[table["kind"] != "open"]
    if earlier.empty:
        return Evidence.missing(Message(N_("No earlier stretch to compare with between {start:date} and {as_of:date}."),
                                        start=claim.window_start.isoformat(), as_of=ctx.as_of.isoformat()))
    current = int(open_gap["days"].iloc[0]) if not open_gap.empty else 0
    top = earlier.sort_values("days", ascending=False, kind="stable").iloc[0]
    runner_up = int(top["days"])
    return Evidence(
        value={"current": current, "runner_up": runner_up}, rows=_rows(series, claim.window_start, ctx.as_of),
        facts={"margin": current - runner_up, "current": current, "runner_up": runner_up,
               "runner_up_start": iso(top["gap_start"]), "runner_up_end": iso(top["gap_end"])},
        message=Message(N_("The open stretch is {current:days}; the longest earlier one, {runner_up:days}, ran from "
                           "{from:date} to {to:date}."), current=current, runner_up=runner_up,
                        **{"from": iso(top["gap_start"]), "to": iso(top["gap_end"])}))


def _dims_mean(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES, STATUSES, CLOCK, DEFINITION]


@register("contacts.mean_interval", ("contacts",), _dims_mean,
          "Average spacing of contacts between window_start and window_end.", _params_base)
def mean_interval(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    assert claim.window_start is not None and claim.window_end is not None
    if ctx.as_of < claim.window_end:
        return Evidence.missing(Message(N_("The period ends on {end:date}, after the date checked ({as_of:date})."),
                                        end=claim.window_end.isoformat(), as_of=ctx.as_of.isoformat()))
    series = days(ctx, reading)
    try:
        mean = ct.mean_interval(series.reset_index(drop=True), claim.window_start, claim.window_end,
                                reading["definition"])
    except ValueError:
        return Evidence.missing(Message(N_("Too few contacts between {start:date} and {end:date} to average."),
                                        start=claim.window_start.isoformat(), end=claim.window_end.isoformat()))
    n = len(ct.in_window(series.reset_index(drop=True), claim.window_start, claim.window_end))
    window = days_between(claim.window_start, claim.window_end)
    return Evidence(value=mean, interval=Interval.point(mean), rows=_rows(series, claim.window_start, claim.window_end),
                    facts={"mean": mean, "n": n, "window": window},
                    message=Message(N_("{count:qty} in the {window:days} from {start:date} to {end:date}: "
                                       "one every {mean:number} days ({definition:msg})."),
                                    count={"n": n, "unit": "calls" if reading["types"] == "call" else "contacts"},
                                    window=window,
                                    start=claim.window_start.isoformat(), end=claim.window_end.isoformat(), mean=mean,
                                    definition=DEFINITION.label(reading["definition"]).key))


@register("contacts.last_date", ("contacts",), _dims_plain,
          "The day of the last contact on or before the date checked.", _params_base, current=True)
def last_date(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    series, last, missing = _last_contact(ctx, reading)
    if missing:
        return missing
    return Evidence(value=iso(last), period=(last.date(), last.date()), rows=_rows(series, last, last),
                    message=Message(N_("The last contact on or before {as_of:date} was on {last:date}."),
                                    as_of=ctx.as_of.isoformat(), last=iso(last)))


@register("contacts.initiator", ("contacts",), no_dimensions, "Who initiated the contact named in subject.")
def initiator(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "contacts", "contact_id", claim.subject)
    if missing:
        return missing
    who = row["initiator"]
    return Evidence(value=who, text=who, rows=[("contacts", claim.subject)],
                    message=Message(N_("Initiator on record: {who:person}."), who=who))
