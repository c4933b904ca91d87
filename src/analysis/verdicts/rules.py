"""Post-rules, declared in data, applied after the judge: they can add a fault, never remove one.

- ``framing.csv``: a sourced framing problem of a claim, with the fault it is (``framing`` when the
  framing leads a reader to a false conclusion, ``loose_detail`` when a detail is loose while the
  point stands, ``wrong`` when a word is put in someone's mouth).
- ``rules.csv``: a computed rule attached to a claim, e.g. ``sampling_error`` for poll figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.domain import polls as pl
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.judges import Finding
from analysis.verdicts.measures import Context
from analysis.verdicts.scale import Fault


@dataclass(frozen=True)
class RuleOutcome:
    """What a rule found (a fault, or nothing) and what it computed on the way (a note)."""

    finding: Finding | None = None
    note: Message | None = None


def framing(claim: Claim, evidence: Evidence, ctx: Context) -> list[RuleOutcome]:
    """The framing problems recorded for a claim (none when nothing could be computed)."""
    outcomes = []
    if evidence.unsettled is not None:
        return outcomes
    for row in ctx.data.records_for("framing", "claim_id", claim.claim_id):
        message = Message("{text:bilingual}", text={"en": row["problem_en"], "fr": row["problem_fr"]})
        outcomes.append(RuleOutcome(Finding(Fault(row["fault"]), message)))
    return outcomes


def _subgroup(n_total: int | None, share: float) -> float | None:
    return None if n_total is None else n_total * share


def sampling_error(claim: Claim, evidence: Evidence, ctx: Context) -> RuleOutcome:
    """A poll change no larger than its margin of error, or a bound ("plus de la moitié") that the
    margin straddles, is not settled by the poll. The subgroup size is a declared assumption
    (``republican_share``), as is the earlier wave's relative size (``baseline_n_ratio``)."""
    if evidence.unsettled is not None:
        return RuleOutcome()
    params = ctx.params
    share, ratio = params.get("republican_share", 0.3), params.get("baseline_n_ratio", 1.0)
    confidence = params.get("confidence", 0.95)
    facts = evidence.facts
    if "before" in facts:  # a change between two waves
        n_after = _subgroup(facts.get("n_after"), share)
        if n_after is None or facts.get("moe_after") is None:
            return RuleOutcome(note=Message(N_("The sample size is not published: the sampling error cannot be computed.")))
        n_before = _subgroup(facts.get("n_before"), share) or n_after * ratio
        deff = max(pl.implied_design_effect(facts["moe_after"], facts["n_after"], confidence), 1.0)
        moe = 100 * pl.margin_of_error_of_change(facts["before"] / 100, n_before, facts["after"] / 100, n_after,
                                                 confidence, deff)
        change = facts["after"] - facts["before"]
        note = Message(N_("Margin of error of the change: ±{moe:points} at {confidence:percent} confidence, assuming "
                          "{share:percent} of the sample is in the group."), moe=moe, confidence=confidence * 100,
                       share=share * 100)
        if abs(change) <= moe:
            return RuleOutcome(Finding(Fault.UNSETTLED, Message(
                N_("The change ({change:points}) is within its margin of error (±{moe:points}): the poll cannot "
                   "settle it."), change=change, moe=moe)), note)
        return RuleOutcome(note=note)
    n = _subgroup(facts.get("n_total"), share)
    if n is None or facts.get("moe_total") is None:
        return RuleOutcome(note=Message(N_("The sample size is not published: the sampling error cannot be computed.")))
    deff = max(pl.implied_design_effect(facts["moe_total"], facts["n_total"], confidence), 1.0)
    value = float(evidence.value)
    moe = 100 * pl.margin_of_error(value / 100, n, confidence, deff)
    low, high = value - moe, value + moe
    note = Message(N_("{value:percent} ± {moe:points}: from {low:percent} to {high:percent} at {confidence:percent} "
                      "confidence, assuming {share:percent} of the sample is in the group."), value=value, moe=moe,
                   low=low, high=high, confidence=confidence * 100, share=share * 100)
    bound = claim.claimed_number
    unsettled = ((claim.hedge in ("more_than", "at_least") and low <= bound)
                 or (claim.hedge in ("less_than", "at_most") and high >= bound))
    if unsettled:
        return RuleOutcome(Finding(Fault.UNSETTLED, Message(
            N_("The margin of error reaches {bound:percent}: the poll cannot settle the bound."), bound=bound)), note)
    return RuleOutcome(note=note)


#: Computed rules a row of ``rules.csv`` may attach to a claim.
RULES: dict[str, Callable[[Claim, Evidence, Context], RuleOutcome]] = {"sampling_error": sampling_error}


def apply(claim: Claim, evidence: Evidence, ctx: Context) -> list[RuleOutcome]:
    """Every post-rule that applies to a claim, in a fixed order: framing first, then rules.csv."""
    outcomes = framing(claim, evidence, ctx)
    for row in ctx.data.records_for("rules", "claim_id", claim.claim_id):
        if row["rule"] not in RULES:
            raise ValueError(f"data/rules.csv: unknown rule {row['rule']!r} (known: {', '.join(RULES)})")
        outcomes.append(RULES[row["rule"]](claim, evidence, ctx))
    return outcomes


def declared_rules(claim_id: str, ctx: Context) -> pd.DataFrame:
    return ctx.data.rows_for("rules", "claim_id", claim_id)
