"""Measures over the Trump–Putin contacts (``contacts.csv``), and over the earlier contacts between
a US and a Russian president (``prior_contacts.csv``) where the wording reaches back to them.

Aggregates read the state of things on the day the claim speaks of (``ctx.on``): the calls after
a date, the days since the last one, the longest stretch, the mean spacing. Item measures read one
contact (``subject``): its date on either clock, its length as each side gave it, its rank among
the contacts of a window, its ordinal since a date and the gap before it. An item measure counts
only contacts up to the item itself, so "the eighth call" stays the eighth a year later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from analysis.domain import contacts as ct
from analysis.domain.calendar_fr import weekday_fr
from analysis.domain.dates import as_day, days_between, iso
from analysis.io.contract import CLOCK_COLUMNS
from analysis.io.package import Row
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
from analysis.verdicts.tolerance import Interval, hedged

OPENING = Dimension("opening", ("excluded", "included"), {
    "excluded": Message(N_("the opening call excluded")), "included": Message(N_("the opening call counted too"))})
DEFINITION = Dimension("definition", tuple(ct.MEAN_DEFINITIONS), {
    "window_per_contact": Message(N_("length of the period / number of calls in it")),
    "mean_gap_from_start": Message(N_("mean stretch from the start of the period to the last call")),
    "mean_gap_between_contacts": Message(N_("mean stretch between the first and the last call"))})
TYPES_WITH_MEETINGS = Dimension("types", ("call", "call;meeting", "meeting"), TYPES.labels)
SIDE = Dimension("side", ("ru", "us"), {
    "ru": Message(N_("the length the Russian side gave")), "us": Message(N_("the length the US side gave"))})
SCOPE = Dimension("scope", ("trump_putin", "presidents"), {
    "trump_putin": Message(N_("Trump–Putin contacts since 20 January 2025")),
    "presidents": Message(N_("every contact between a US and a Russian president on record"))})
#: Tables of contacts by scope: the Trump–Putin record, and the earlier presidents' contacts before it.
SCOPE_TABLES: dict[str, tuple[str, ...]] = {"trump_putin": ("contacts",), "presidents": ("prior_contacts", "contacts")}
#: A contact type as a reading counts it: a video call between presidents is a call.
TYPE_MEMBERS: dict[str, tuple[str, ...]] = {"call": ("call", "video_call"), "meeting": ("meeting",)}
#: Units an item's gap or length can be claimed in, in days or minutes.
DAYS_PER = {"days": 1.0, "weeks": 7.0, "months": 365.25 / 12, "years": 365.25}
MINUTES_PER = {"minutes": 1.0, "hours": 60.0}


def _params_base(claim: Claim, ctx: Context, dimensions: list[Dimension]) -> Reading:
    """The reading the notebook's parameters choose, first values for the rest."""
    wanted = {
        "types": ";".join(ctx.params.get("contact_types", ("call",))),
        "statuses": status_value(ctx.statuses),
        "clock": ctx.params.get("clock", "washington"),
    }
    return Reading(tuple((d.name, wanted.get(d.name, d.values[0])) for d in dimensions))


def _types(reading: Reading) -> tuple[str, ...]:
    return tuple(t for name in reading["types"].split(";") for t in TYPE_MEMBERS.get(name, (name,)))


def _dated(ctx: Context, table: str, clock: str) -> pd.DataFrame:
    """Every contact of ``table`` dated on ``clock``, in calendar order, with the day it became public
    (``_known_from``) and its table: made once per table and clock, then selected from by each reading."""
    def compute() -> pd.DataFrame:
        full = ctx.data.table(table)
        known = ctx.data.known_from(table)
        full = full.assign(_known_from=pd.NaT if known is None else known)
        return ct.with_days(full, CLOCK_COLUMNS[clock]).assign(table=table)

    return ctx.data.memo(("contacts.dated", table, clock), compute)


def _selection(ctx: Context, reading: Reading, scope: str) -> tuple[pd.DataFrame, np.ndarray]:
    """Every contact a reading counts, whenever it became public (made once per reading and scope),
    with the day each became public (``NaT``: always known), row for row."""
    def compute() -> tuple[pd.DataFrame, np.ndarray]:
        parts = [ct.of_kinds(_dated(ctx, table, reading["clock"]), _types(reading), statuses_of(reading["statuses"]))
                 for table in SCOPE_TABLES[scope]]
        frame = parts[0]
        if len(parts) > 1:
            frame = pd.concat(parts, ignore_index=True).sort_values(["day", "contact_id"], kind="stable")
            frame = frame.reset_index(drop=True)
        return frame.drop(columns="_known_from"), frame["_known_from"].to_numpy(dtype="datetime64[ns]")

    return ctx.data.memo(("contacts.selection", reading["types"], reading["statuses"], reading["clock"], scope), compute)


def _known(ctx: Context, known_from: np.ndarray) -> np.ndarray:
    """Which rows of a selection were public on ``ctx.known_by`` (the rule of ``DataPackage.public``)."""
    return np.isnat(known_from) | (known_from <= np.datetime64(ctx.known_by, "ns"))


def chosen(ctx: Context, reading: Reading, scope: str = "trump_putin") -> pd.DataFrame:
    """The contacts a reading counts (public by the date checked), with their ``day`` on the
    reading's clock and the ``table`` they come from, in calendar order."""
    def compute() -> pd.DataFrame:
        for table in SCOPE_TABLES[scope]:
            ctx.data.table(table)  # the run reads it (its row counts are listed)
        frame, known_from = _selection(ctx, reading, scope)
        return frame[_known(ctx, known_from)].reset_index(drop=True)

    key = ("contacts.chosen", ctx.known_by, reading["types"], reading["statuses"], reading["clock"], scope)
    return ctx.data.memo(key, compute)


def days(ctx: Context, reading: Reading) -> pd.Series:
    """The contact days a reading counts (public by the date checked), indexed by contact id."""
    key = ("contacts.days", ctx.known_by, reading["types"], reading["statuses"], reading["clock"])
    return ctx.data.memo(key, lambda: chosen(ctx, reading).set_index("contact_id")["day"])


def _rows(series: pd.Series, first: object, last: object) -> list[tuple[str, str]]:
    inside = series[(series >= as_day(first)) & (series <= as_day(last))]
    return [("contacts", cid) for cid in inside.index]


def _before(start: date, ctx: Context) -> Evidence | None:
    if ctx.on < start:
        return Evidence.missing(Message(N_("The period the claim speaks of begins on {start:date}, after the "
                                           "day it speaks of ({on:date})."), start=start.isoformat(),
                                        on=ctx.on.isoformat()))
    return None


# --- the state of things on the day the claim speaks of --------------------------------------------------

def _dims_count(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES_WITH_MEETINGS, STATUSES, CLOCK, OPENING]


@register("contacts.count_after", ("contacts",), _dims_count,
          "Contacts after an opening contact (window_start), up to the day the claim speaks of.", _params_base,
          current=True)
def count_after(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    assert claim.window_start is not None
    if (early := _before(claim.window_start, ctx)) is not None:
        return early
    series = days(ctx, reading)
    inside = ct.in_window(series.reset_index(drop=True), claim.window_start, ctx.on,
                          include_start=reading["opening"] == "included")
    n = len(inside)
    return Evidence(value=n, interval=Interval.point(n), rows=_rows(series, claim.window_start, ctx.on),
                    facts={"count": n, "start": claim.window_start.isoformat()},
                    message=Message(N_("From {start:date} to {as_of:date}: {count:qty}."),
                                    count={"n": n, "unit": claim.unit}, start=claim.window_start.isoformat(),
                                    as_of=ctx.on.isoformat()))


def _dims_days(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES, STATUSES, CLOCK, COUNTING]


@register("contacts.days_since_last", ("contacts",), _dims_days,
          "Days from the last contact to the day the claim speaks of.", _params_base, current=True)
def days_since_last(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    series, last, missing = _last_contact(ctx, reading)
    if missing:
        return missing
    n = days_between(last, ctx.on) + (1 if reading["counting"] == "inclusive" else 0)
    return Evidence(value=n, interval=Interval.point(n), rows=_rows(series, last, last),
                    facts={"last": iso(last), "days": n},
                    message=Message(N_("The last contact on record was on {last:date}: {days:days} to {as_of:date}."),
                                    last=iso(last), days=n, as_of=ctx.on.isoformat()))


def _dims_plain(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES, STATUSES, CLOCK]


def _last_contact(ctx: Context, reading: Reading) -> tuple[pd.Series, pd.Timestamp | None, Evidence | None]:
    """The contact days of a reading, the last one on or before the day the claim speaks of, or why
    there is none."""
    series = days(ctx, reading)
    last = ct.last_on_or_before(series, ctx.on)
    if last is None:
        return series, None, Evidence.missing(Message(N_("No contact on record on or before {as_of:date}."),
                                                      as_of=ctx.on.isoformat()))
    return series, last, None


@register("contacts.longest_gap", ("contacts",), _dims_plain,
          "The stretch without contact still open on the day the claim speaks of, against the longest earlier "
          "one since window_start.", _params_base, current=True)
def longest_gap(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    assert claim.window_start is not None
    if (early := _before(claim.window_start, ctx)) is not None:
        return early
    series = days(ctx, reading)
    table = ct.gaps(series.reset_index(drop=True), claim.window_start, ctx.on)
    open_gap = table[table["kind"] == "open"]
    earlier = table[table["kind"] != "open"]
    if earlier.empty:
        return Evidence.missing(Message(N_("No earlier stretch to compare with between {start:date} and {as_of:date}."),
                                        start=claim.window_start.isoformat(), as_of=ctx.on.isoformat()))
    current = int(open_gap["days"].iloc[0]) if not open_gap.empty else 0
    top = earlier.sort_values("days", ascending=False, kind="stable").iloc[0]
    runner_up = int(top["days"])
    return Evidence(
        value={"current": current, "runner_up": runner_up}, rows=_rows(series, claim.window_start, ctx.on),
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
          "The day of the last contact on or before the day the claim speaks of.", _params_base, current=True)
def last_date(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    series, last, missing = _last_contact(ctx, reading)
    if missing:
        return missing
    return Evidence(value=iso(last), period=(last.date(), last.date()), rows=_rows(series, last, last),
                    message=Message(N_("The last contact on or before {as_of:date} was on {last:date}."),
                                    as_of=ctx.on.isoformat(), last=iso(last)))


# --- one contact of the record ------------------------------------------------------------------------------

def _item(ctx: Context, claim: Claim, any_status: bool = False) -> tuple[Row | None, Evidence | None]:
    """The contact a claim names (``subject``), public by the date checked and of a counted status."""
    return public_row(ctx, "contacts", "contact_id", claim.subjects[0], any_status=any_status)


@register("contacts.initiator", ("contacts",), no_dimensions, "Who initiated the contact named in subject.")
def initiator(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = _item(ctx, claim)
    if missing:
        return missing
    who = row["initiator"]
    return Evidence(value=who, text=who, rows=[("contacts", claim.subject)],
                    message=Message(N_("Initiator on record: {who:person}."), who=who))


def _dims_clock(claim: Claim, ctx: Context) -> list[Dimension]:
    return [CLOCK]


@register("contacts.date", ("contacts",), _dims_clock,
          "The day of the contact named in subject, on the Washington or the Moscow clock.", _params_base)
def contact_date(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = _item(ctx, claim)
    if missing:
        return missing
    column = CLOCK_COLUMNS[reading["clock"]]
    if pd.isna(row[column]):
        return Evidence.missing(Message(N_("{row} has no date on record."), row=row["contact_id"]),
                                rows=[("contacts", row["contact_id"])])
    day = row[column].date()
    return Evidence(value=day.isoformat(), period=(day, day), rows=[("contacts", row["contact_id"])],
                    facts={"clock": reading["clock"]},
                    message=Message(N_("On record: {day:date} ({clock:clock} clock)."), day=day.isoformat(),
                                    clock=reading["clock"].capitalize()))


@register("contacts.weekday", ("contacts",), _dims_clock,
          "The weekday of the contact named in subject, on the Washington or the Moscow clock.", _params_base)
def contact_weekday(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = _item(ctx, claim)
    if missing:
        return missing
    day = row[CLOCK_COLUMNS[reading["clock"]]]
    if pd.isna(day):
        return Evidence.missing(Message(N_("{row} has no date on record."), row=row["contact_id"]),
                                rows=[("contacts", row["contact_id"])])
    name = weekday_fr(day)
    return Evidence(value=name, text=name, rows=[("contacts", row["contact_id"])],
                    message=Message(N_("{day:date} was a {weekday:weekday}."), day=iso(day), weekday=name))


def _length(row: Row, side: str) -> tuple[float, str] | None:
    """The length a side gave for a contact, in minutes, with that side's hedge (``None``: no figure)."""
    minutes = row[f"duration_{side}_min"]
    if pd.isna(minutes):
        return None
    return float(minutes), row[f"duration_{side}_hedge"] or "exact"


def _dims_side(claim: Claim, ctx: Context) -> list[Dimension]:
    return [SIDE]


@register("contacts.duration", ("contacts",), _dims_side,
          "The length of the contact named in subject as one side gave it, with that side's own hedge, in the "
          "claim's unit (minutes or hours).")
def duration(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = _item(ctx, claim)
    if missing:
        return missing
    rows = [("contacts", row["contact_id"])]
    given = _length(row, reading["side"])
    if given is None:
        return Evidence.missing(Message(N_("{side:msg}: no figure on record for {row}."),
                                        side=SIDE.label(reading["side"]).key, row=row["contact_id"]), rows=rows)
    minutes, hedge = given
    per = MINUTES_PER.get(claim.unit, 1.0)
    value = minutes / per
    return Evidence(value=value, interval=hedged(minutes, hedge).scaled(1 / per), rows=rows,
                    facts={"hedge": hedge, "side": reading["side"]},
                    message=Message(N_("{side:msg}: {value:hedged}."), side=SIDE.label(reading["side"]).key,
                                    value={"n": value, "hedge": hedge, "unit": claim.unit}))


def _window(claim: Claim, ctx: Context) -> tuple[date, date]:
    """The window an item is ranked in: window_start to window_end (or the day the claim speaks of)."""
    assert claim.window_start is not None, f"{claim.claim_id}: a rank needs window_start"
    return claim.window_start, claim.window_end or ctx.on


def _dims_rank(claim: Claim, ctx: Context) -> list[Dimension]:
    return [SIDE, TYPES_WITH_MEETINGS, STATUSES, CLOCK]


@register("contacts.rank", ("contacts",), _dims_rank,
          "The rank of the contact named in subject by length (1 = the longest) among the contacts of the window, "
          "as one side gave their lengths; contacts without a figure make the rank a range.", _params_base)
def rank(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = _item(ctx, claim)
    if missing:
        return missing
    given = _length(row, reading["side"])
    if given is None:
        return Evidence.missing(Message(N_("{side:msg}: no figure on record for {row}."),
                                        side=SIDE.label(reading["side"]).key, row=row["contact_id"]),
                                rows=[("contacts", row["contact_id"])])
    first, last = _window(claim, ctx)
    others = chosen(ctx, reading)
    others = others[(others["day"] >= as_day(first)) & (others["day"] <= as_day(last))]
    others = others[others["contact_id"] != row["contact_id"]]
    lengths = others[f"duration_{reading['side']}_min"]
    longer = int((lengths > given[0]).sum())
    unknown = int(lengths.isna().sum())
    low, high = 1 + longer, 1 + longer + unknown
    rows = [("contacts", row["contact_id"]), *(("contacts", c) for c in others["contact_id"])]
    said = Message(N_("{longer:number} of the {of:number} contacts from {start:date} to {end:date} were longer by "
                      "the same side's figures; {unknown:number} have no figure."), longer=longer, of=len(others) + 1,
                   unknown=unknown, start=first.isoformat(), end=last.isoformat())
    # A contact without a length could be longer or not: unknown is never zero, the rank is a range.
    unsettled = None if not unknown else Message(N_("Without a figure for {unknown:number} contact(s), the rank lies "
                                                    "between {low:number} and {high:number}."),
                                                 unknown=unknown, low=low, high=high)
    return Evidence(value=low if low == high else {"from": low, "to": high}, interval=Interval(low, high),
                    rows=rows, facts={"longer": longer, "unknown": unknown, "of": len(others) + 1},
                    message=said, unsettled=unsettled)


@register("contacts.ordinal", ("contacts",), _dims_count,
          "The contact named in subject is the Nth of its kind since window_start (counting only contacts up to "
          "it, so the rank never moves with later events).", _params_base)
def ordinal(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = _item(ctx, claim)
    if missing:
        return missing
    assert claim.window_start is not None, f"{claim.claim_id}: an ordinal needs window_start"
    frame = chosen(ctx, reading)
    if row["contact_id"] not in set(frame["contact_id"]):
        return Evidence.missing(Message(N_("{row} is not a contact this reading counts."), row=row["contact_id"]),
                                rows=[("contacts", row["contact_id"])])
    day = frame.loc[frame["contact_id"] == row["contact_id"], "day"].iloc[0]
    start = as_day(claim.window_start)
    inside = frame[((frame["day"] >= start) if reading["opening"] == "included" else (frame["day"] > start))
                   & (frame["day"] <= day)]
    position = int(list(inside["contact_id"]).index(row["contact_id"])) + 1
    return Evidence(value=position, interval=Interval.point(position),
                    rows=[("contacts", c) for c in inside["contact_id"]], facts={"ordinal": position},
                    message=Message(N_("Counting from {start:date}: {row} is number {n:number}."),
                                    start=claim.window_start.isoformat(), row=row["contact_id"], n=position))


def _dims_gap(claim: Claim, ctx: Context) -> list[Dimension]:
    return [TYPES, STATUSES, CLOCK, SCOPE]


@dataclass(frozen=True)
class Earlier:
    """The contacts of a reading's scope before one contact, oldest first, as plain arrays (a
    claim is read many ways, and each reading looks only at a few of these)."""

    days: np.ndarray  # datetime64, the day on the reading's clock
    ids: np.ndarray
    tables: np.ndarray

    def __len__(self) -> int:
        return len(self.days)

    def rows(self, index: Sequence[int]) -> list[tuple[str, str]]:
        return [(str(self.tables[i]), str(self.ids[i])) for i in index]


def _arrays(ctx: Context, reading: Reading, scope: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Days, ids and tables of the contacts a reading counts, public by the date checked: cut from
    arrays made once per reading (no frame per claim)."""
    def whole():
        frame, known_from = _selection(ctx, reading, scope)
        return (frame["day"].to_numpy(dtype="datetime64[ns]"), frame["contact_id"].to_numpy(dtype=object),
                frame["table"].to_numpy(dtype=object), known_from)

    days_, ids, tables, known_from = ctx.data.memo(
        ("contacts.arrays", reading["types"], reading["statuses"], reading["clock"], scope), whole)
    for table in SCOPE_TABLES[scope]:
        ctx.data.table(table)  # the run reads it (its row counts are listed)
    known = _known(ctx, known_from)
    return days_[known], ids[known], tables[known]


def _previous(ctx: Context, reading: Reading, claim: Claim) -> tuple[Row | None, Earlier, pd.Timestamp | None,
                                                                       Evidence | None]:
    """The contact named in subject, the earlier contacts of the reading's scope and its day."""
    row, missing = _item(ctx, claim)
    if missing:
        return None, Earlier(np.array([], dtype="datetime64[ns]"), np.array([]), np.array([])), None, missing
    days_, ids, tables = _arrays(ctx, reading, reading["scope"])
    day = row[CLOCK_COLUMNS[reading["clock"]]]
    n = 0 if pd.isna(day) else int(np.searchsorted(days_, np.datetime64(pd.Timestamp(day), "ns"), side="left"))
    return row, Earlier(days_[:n], ids[:n], tables[:n]), day, None


@register("contacts.gap_before", ("contacts", "prior_contacts"), _dims_gap,
          "The time from the previous contact (of the scope read: Trump–Putin, or every US–Russian presidents' "
          "contact on record) to the contact named in subject, in the claim's unit.", _params_base)
def gap_before(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, earlier, day, missing = _previous(ctx, reading, claim)
    if missing:
        return missing
    per = DAYS_PER.get(claim.unit, 1.0)
    rows = [("contacts", row["contact_id"])]
    if not len(earlier):
        # Nothing earlier on record: the gap is at least the stretch back to where the research begins.
        starts = [c.start for c in (ctx.coverage(t) for t in SCOPE_TABLES[reading["scope"]]) if c and c.start]
        since = min(starts)
        bound = days_between(since, day) / per
        return Evidence(value=bound, interval=Interval(bound, float("inf"), False, False), rows=rows,
                        facts={"hedge": "more_than"},
                        message=Message(N_("No earlier contact on record since {since:date}, where the research begins: "
                                           "more than {n:number} {unit}."), since=since.isoformat(), n=bound,
                                        unit=claim.unit))
    previous_day, previous_id = pd.Timestamp(earlier.days[-1]), str(earlier.ids[-1])
    gap = days_between(previous_day, day)
    value = gap / per
    return Evidence(value=value, interval=Interval.point(value), rows=[*earlier.rows([len(earlier) - 1]), *rows],
                    facts={"previous": previous_id, "days": gap},
                    message=Message(N_("The previous contact on record was on {previous:date} ({row}): {days:days} "
                                       "before."), previous=iso(previous_day), row=previous_id, days=gap))


@register("contacts.first_since", ("contacts", "prior_contacts"), _dims_gap,
          "Whether the contact named in subject is the first of its kind (and scope) since window_start.",
          _params_base)
def first_since(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, earlier, _, missing = _previous(ctx, reading, claim)
    if missing:
        return missing
    assert claim.window_start is not None, f"{claim.claim_id}: 'the first since' needs window_start"
    first = int(np.searchsorted(earlier.days, np.datetime64(as_day(claim.window_start), "ns"), side="left"))
    since = range(first, len(earlier))  # the earlier contacts on or after window_start; before them, the rest
    shown = [first - 1, *since] if first else list(since)
    rows = [*earlier.rows(shown), ("contacts", row["contact_id"])]
    facts = {"known_earlier": len(since), "earlier": "; ".join(str(earlier.ids[i]) for i in since),
             "last_before": iso(pd.Timestamp(earlier.days[first - 1])) if first else None}
    if not since:
        message = (Message(N_("No earlier contact since {since:date}; the last one before was on {last:date}."),
                           since=claim.window_start.isoformat(), last=facts["last_before"])
                   if facts["last_before"] else
                   Message(N_("No earlier contact on record since {since:date}."), since=claim.window_start.isoformat()))
    else:
        message = Message(N_("An earlier instance is on record: {earlier}."), earlier=facts["earlier"])
    return Evidence(value="none" if not since else facts["earlier"], facts=facts, rows=rows, message=message)
