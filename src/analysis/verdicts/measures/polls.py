"""Measures over the polls (``polls.csv``): levels, changes and the timing of waves.

``subject`` is ``series_id:group`` (``reagan_nds:republicans``). A wave counts once it was released
(``released``) by the date checked; "now" is the latest such wave, "a year ago" the one before.
"""

from __future__ import annotations

import pandas as pd

from analysis.domain import polls as pl
from analysis.domain.dates import iso
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, register
from analysis.verdicts.measures.common import VARIANT
from analysis.verdicts.readings import Dimension, Reading
from analysis.verdicts.tolerance import Interval


def _subject(claim: Claim) -> tuple[str, str]:
    series, _, group = claim.subject.partition(":")
    return series, group or "all"


def waves(ctx: Context, series: str, group: str) -> pd.DataFrame:
    """The waves of one series for one group in the field by the day the claim speaks of and released
    by the date checked, oldest first (a wave fielded by then but released later is a fact about
    that day a later check knows)."""
    def compute() -> pd.DataFrame:
        table = ctx.table("polls")
        chosen = table[(table["series_id"] == series) & (table["group"] == group) & table["pct_favor"].notna()]
        chosen = chosen[chosen["status"].isin(ctx.statuses)]
        # In field order; a wave whose field dates are not known is placed at its release.
        when = chosen["field_end"].fillna(chosen["released"])
        chosen = chosen[when.isna() | (when <= pd.Timestamp(ctx.on))]
        when = when[chosen.index]
        return (chosen.assign(_when=when).sort_values(["_when", "wave_year", "poll_id"], na_position="first")
                .drop(columns="_when").reset_index(drop=True))

    return ctx.data.memo(("polls.waves", ctx.known_by, ctx.on, ctx.statuses, series, group), compute)


def _day(row: pd.Series) -> str | None:
    """The last day a wave was in the field (its release day where field dates are missing)."""
    return iso(row["field_end"]) if pd.notna(row["field_end"]) else iso(row["released"])


def _series_label(ctx: Context, series: str) -> str:
    rows = ctx.full("polls")
    names = rows.loc[rows["series_id"] == series, "pollster"]
    return names.iloc[0].split(" (")[0] if not names.empty else series


def _other_series(ctx: Context, series: str, group: str) -> list[str]:
    table = ctx.full("polls")
    others = table[(table["series_id"] != series) & (table["group"] == group) & table["pct_favor"].notna()]
    return sorted(set(others["series_id"]))


def _dims_change(claim: Claim, ctx: Context) -> list[Dimension]:
    series, group = _subject(claim)
    values = [f"{series}|points", f"{series}|percent"] + [f"{s}|points" for s in _other_series(ctx, series, group)]
    labels = {}
    for value in values:
        name, how = value.split("|")
        key = N_("{series}: change in points") if how == "points" else N_("{series}: percent change")
        labels[value] = Message(key, series=_series_label(ctx, name))
    return [Dimension(VARIANT, tuple(values), labels)]


def _no_waves(ctx: Context, series: str, needed: int) -> Evidence:
    return Evidence.missing(Message(N_("Fewer than {needed:number} waves of {series} released by {known_by:date}."),
                                    needed=needed, series=_series_label(ctx, series),
                                    known_by=ctx.known_by.isoformat()))


@register("polls.change", ("polls",), _dims_change,
          "The change between the two latest released waves of the series in subject.", current=True)
def change(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    _, group = _subject(claim)
    series, how = reading[VARIANT].split("|")
    found = waves(ctx, series, group)
    if len(found) < 2:
        return _no_waves(ctx, series, 2)
    before, after = found.iloc[-2], found.iloc[-1]
    if how == "points":
        value = pl.change_in_points(before["pct_favor"], after["pct_favor"])
    else:
        value = pl.relative_change(before["pct_favor"], after["pct_favor"])
    facts = {"before": float(before["pct_favor"]), "after": float(after["pct_favor"]),
             "n_after": None if pd.isna(after["n_total"]) else int(after["n_total"]),
             "n_before": None if pd.isna(before["n_total"]) else int(before["n_total"]),
             "moe_after": None if pd.isna(after["moe_total"]) else float(after["moe_total"]),
             "wave_before": before["wave"], "wave_after": after["wave"]}
    return Evidence(value=value, interval=Interval.point(value), facts=facts,
                    rows=[("polls", before["poll_id"]), ("polls", after["poll_id"])],
                    message=Message(N_("{series}, {group:group}: {before:percent} (fielded by {before_day:date}), then "
                                       "{after:percent} (fielded by {after_day:date})."),
                                    series=_series_label(ctx, series), group=group, before=facts["before"],
                                    after=facts["after"], before_day=_day(before), after_day=_day(after)))


def _dims_level(claim: Claim, ctx: Context) -> list[Dimension]:
    series, group = _subject(claim)
    values = [series, *_other_series(ctx, series, group)]
    return [Dimension(VARIANT, tuple(values), {v: Message("{series}", series=_series_label(ctx, v)) for v in values})]


def _level(claim: Claim, ctx: Context, reading: Reading, back: int) -> Evidence:
    subject_series, group = _subject(claim)
    series = reading[VARIANT]
    found = waves(ctx, series, group)
    if series != subject_series and back:
        # Other series: the wave about a year before the subject's latest.
        latest = waves(ctx, subject_series, group)
        if latest.empty:
            return _no_waves(ctx, subject_series, 1)
        found = found[found["wave_year"] <= int(latest.iloc[-1]["wave_year"]) - back]
        back = 0
    if len(found) < back + 1:
        return _no_waves(ctx, series, back + 1)
    row = found.iloc[-1 - back]
    value = float(row["pct_favor"])
    facts = {"n_total": None if pd.isna(row["n_total"]) else int(row["n_total"]),
             "moe_total": None if pd.isna(row["moe_total"]) else float(row["moe_total"]), "wave": row["wave"]}
    return Evidence(value=value, interval=Interval.point(value), facts=facts, rows=[("polls", row["poll_id"])],
                    message=Message(N_("{series}, {group:group}, fielded by {day:date}: {value:percent}."),
                                    series=_series_label(ctx, series), group=group, day=_day(row), value=value))


@register("polls.level", ("polls",), _dims_level, "The figure of the latest released wave of the series.", current=True)
def level(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    return _level(claim, ctx, reading, 0)


@register("polls.level_before", ("polls",), _dims_level,
          "The figure of the wave before the latest released one (a year earlier for an annual survey).", current=True)
def level_before(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    return _level(claim, ctx, reading, 1)


@register("polls.baseline_fieldwork", ("polls",), lambda claim, ctx: [],
          "When the earlier of the two latest released waves was in the field.", current=True)
def baseline_fieldwork(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    series, group = _subject(claim)
    found = waves(ctx, series, group)
    if len(found) < 2:
        return _no_waves(ctx, series, 2)
    row = found.iloc[-2]
    if pd.isna(row["field_end"]):
        return Evidence.missing(Message(N_("The field dates of the earlier wave are not published.")),
                                rows=[("polls", row["poll_id"])])
    start = row["field_start"] if pd.notna(row["field_start"]) else row["field_end"]
    return Evidence(value={"from": iso(start), "to": iso(row["field_end"])},
                    period=(start.date(), row["field_end"].date()), rows=[("polls", row["poll_id"])],
                    message=Message(N_("The earlier wave was in the field from {from:date} to {to:date}."),
                                    **{"from": iso(start), "to": iso(row["field_end"])}))
