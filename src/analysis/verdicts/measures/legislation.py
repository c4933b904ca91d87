"""Measures over the NDAA and the laws of 2025 (``legislation.csv``, ``usai_history.csv``)."""

from __future__ import annotations

import pandas as pd

from analysis.domain import legislation as lg
from analysis.domain.dates import iso
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, no_dimensions, register
from analysis.verdicts.measures.common import public_row, variants, weekday_evidence
from analysis.verdicts.readings import Dimension, Reading
from analysis.verdicts.tolerance import Interval

#: How each kind of legislative action reads in a sensitivity table.
ACTIONS: dict[str, Message] = {
    "senate_passage": Message(N_("the Senate's final vote on the act")),
    "senate_cloture": Message(N_("the Senate's cloture vote")),
    "senate_passage_own_version": Message(N_("the Senate's vote on its own bill, in October")),
    "house_passage": Message(N_("the House vote")),
    "signed": Message(N_("the President's signature")),
}


def _actions(claim: Claim, ctx: Context) -> list[Dimension]:
    items = ctx.full("legislation").set_index("item_id")["item"]
    return [variants(*((s, ACTIONS.get(items.get(s, ""), Message("{item}", item=s))) for s in claim.subjects))]


@register("legislation.action_date", ("legislation",), _actions,
          "The day of a legislative action named in subject (the first; the others are alternatives).")
def action_date(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "legislation", "item_id", reading["variant"])
    if missing:
        return missing
    if pd.isna(row["date"]):
        return Evidence.missing(Message(N_("{row} has no date on record."), row=row["item_id"]))
    day = row["date"].date()
    return Evidence(value=day.isoformat(), period=(day, day), rows=[("legislation", row["item_id"])],
                    message=Message(N_("On record: {day:date}."), day=day.isoformat()))


WEEKDAYS = variants(("written", Message(N_("the date as the article writes it"))),
                    ("action", Message(N_("the day of the action on record"))))


@register("legislation.weekday", ("legislation",), lambda claim, ctx: [WEEKDAYS],
          "The weekday of the date written in the article (window_start), or of the action in subject.")
def weekday(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    return weekday_evidence(claim, ctx, reading, "legislation", "item_id", "date")


#: The money readings' labels, marked for the catalogs (the keys of lg.MONEY_DEFINITIONS).
MONEY_LABELS = (N_("authorised for the fiscal years named"), N_("authorised amounts spread over the calendar years named"),
                N_("appropriated by an act enacted by the date"), N_("authorised for the first fiscal year only"))
MONEY = variants(*((name, Message(label)) for name, label in lg.MONEY_DEFINITIONS.items()))


@register("legislation.usai_amount", ("legislation", "usai_history"), lambda claim, ctx: [MONEY],
          "USAI money for the years window_start to window_end, authorised, or appropriated by acts enacted by the "
          "day the claim speaks of.")
def usai_amount(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    assert claim.window_start is not None and claim.window_end is not None
    first, last = claim.window_start.year, claim.window_end.year
    legislation = ctx.table("legislation")
    legislation = legislation[legislation["status"].isin(ctx.statuses)]
    history = ctx.table("usai_history")
    found = lg.usai_amount(legislation, history, first, last, reading["variant"], ctx.on)
    money_rows = legislation[legislation["item"] == "usai_authorization"]["item_id"]
    rows = [("legislation", r) for r in money_rows]
    if found is None:
        return Evidence.missing(Message(N_("No USAI authorisation for {first}–{last} on record by {known_by:date}."),
                                        first=first, last=last, known_by=ctx.known_by.isoformat()), rows=rows)
    amount, bound = found
    appropriated = lg.enacted_appropriations(history, list(range(first, last + 1)), ctx.on)
    hedge = "at_least" if bound else "exact"
    interval = Interval(amount, float("inf"), True, False) if bound else Interval.point(amount)
    if appropriated.is_bound:
        said = Message(N_("appropriated by an act enacted by {on:date}: at least {known:usd}, since the USAI amount of "
                          "{acts} is not known."), on=ctx.on.isoformat(), known=appropriated.known,
                       acts="; ".join(appropriated.unknown_acts))
    else:
        said = Message(N_("appropriated by an act enacted by {on:date}: {known:usd}."), on=ctx.on.isoformat(),
                       known=appropriated.known)
    return Evidence(value=amount, interval=interval, rows=rows,
                    facts={"appropriated": appropriated.known, "appropriated_unknown": list(appropriated.unknown_acts),
                           "first": first, "last": last, "hedge": hedge},
                    message=Message(N_("{amount:hedged} ({definition:msg}); {appropriated:message}"),
                                    amount={"n": amount, "hedge": hedge, "unit": "USD"},
                                    definition=lg.MONEY_DEFINITIONS[reading["variant"]],
                                    appropriated={"key": said.key, "fields": said.fields}))


@register("legislation.programmes", ("legislation",), no_dimensions,
          "The programme(s) of the act's Ukraine lines that carry money.")
def programmes(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    legislation = ctx.table("legislation")
    names = lg.money_programmes(legislation)
    if not names:
        return Evidence.missing(Message(N_("No Ukraine money line of the act on record by {known_by:date}."),
                                        known_by=ctx.known_by.isoformat()))
    lines = legislation[legislation["item"] == "usai_authorization"]["item_id"]
    text = "; ".join(names)
    return Evidence(value=text, text=text, rows=[("legislation", r) for r in lines],
                    message=Message(N_("Programme of every Ukraine line with money: {names}."), names=text))


@register("legislation.mechanism", ("legislation",), no_dimensions,
          "Who buys and who sells under the programme (the row in subject).")
def mechanism(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "legislation", "item_id", claim.subjects[0])
    if missing:
        return missing
    pairs = lg.parse_pairs(row["value"])
    return Evidence(value=row["value"], text=row["value"], rows=[("legislation", row["item_id"])],
                    message=Message(N_("The Pentagon buys from {seller:role} for Ukraine (buyer on record: {buyer:role})."),
                                    seller=pairs.get("seller", ""), buyer=pairs.get("buyer", "")))


@register("legislation.earlier_aid_laws", ("legislation",), no_dimensions,
          "Laws of 2025 enacted before the action in subject that carried new Ukraine money, or may have.")
def earlier_aid_laws(claim: Claim, ctx: Context, reading: Reading) -> Evidence:
    row, missing = public_row(ctx, "legislation", "item_id", claim.subjects[0])
    if missing:
        return missing
    legislation = ctx.table("legislation")
    shown = lg.earlier_aid_laws(legislation, row["date"], ("appropriated", "authorized"))
    unknown = lg.earlier_aid_laws(legislation, row["date"], ("unknown",))
    facts = {"known_earlier": len(shown), "unknown_earlier": len(unknown),
             "earlier": "; ".join(map(lg.short_bill, shown["bill"])),
             "undetermined": "; ".join(map(lg.short_bill, unknown["bill"]))}
    laws = legislation[(legislation["item"] == "other_2025_law") & (legislation["date"] < row["date"])]
    return Evidence(value={"shown": len(shown), "unknown": len(unknown)}, facts=facts,
                    rows=[("legislation", r) for r in [row["item_id"], *laws["item_id"]]],
                    message=Message(N_("Laws of 2025 before {day:date}: {shown:number} shown to carry new Ukraine money, "
                                       "{unknown:number} whose Ukraine money is not established."),
                                    day=iso(row["date"]), shown=len(shown), unknown=len(unknown)))
