"""One judge per claim kind: it compares the claim with the evidence and names the faults.

The register's ``kind`` picks the judge (:mod:`analysis.verdicts.kinds`); the scale turns faults into a code. A
judge never looks at anything but the claim, the evidence and the tolerance declared from the
claim's own wording, so the same fault always gets the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.scale import Fault, Verdict, verdict_of
from analysis.verdicts.tolerance import Match, Tolerance, compare


@dataclass(frozen=True)
class Finding:
    """A fault found, with the sentence that explains it."""

    fault: Fault
    message: Message


@dataclass
class Judgement:
    findings: list[Finding] = field(default_factory=list)
    within_precision: bool = False

    @property
    def verdict(self) -> Verdict:
        return verdict_of([f.fault for f in self.findings], self.within_precision)

    @property
    def faults(self) -> list[Fault]:
        return [f.fault for f in self.findings]


Judge = Callable[[Claim, Evidence, Tolerance | None], Judgement]


def _unsettled(evidence: Evidence) -> Judgement | None:
    if evidence.unsettled is not None:
        return Judgement([Finding(Fault.UNSETTLED, evidence.unsettled)])
    return None


# --- numbers -------------------------------------------------------------------------------------

def judge_number(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """A figure against its tolerance: equal, within the wording's precision, off (by how much),
    or stated more firmly than the evidence (a hedge dropped)."""
    if (done := _unsettled(evidence)) is not None:
        return done
    assert tol is not None and evidence.interval is not None
    comparison = compare(tol, evidence.interval)
    if comparison.match is Match.EQUAL:
        return Judgement()
    if comparison.match is Match.WITHIN:
        return Judgement(within_precision=claim.hedge == "exact")
    if comparison.match is Match.STATES_MORE:
        return Judgement([Finding(Fault.LOOSE_DETAIL, Message(
            N_("The sources give a bound ({evidence:interval}), not a figure: the article states more than "
               "they show."),
            evidence={**evidence.interval.as_record(), "unit": claim.unit}))])
    if comparison.distance <= tol.point_margin:
        return Judgement([Finding(Fault.IMPRECISE_FIGURE, Message(
            N_("Off by {distance:qty}, beyond the precision of the wording but within the margin of "
               "{margin:qty} declared before computing."),
            distance={"n": comparison.distance, "unit": claim.unit}, margin={"n": tol.point_margin, "unit": claim.unit}))])
    return Judgement([Finding(Fault.WRONG, Message(
        N_("Off by {distance:qty}, beyond the margin of {margin:qty} declared before computing."),
        distance={"n": comparison.distance, "unit": claim.unit}, margin={"n": tol.point_margin, "unit": claim.unit}))])


# --- dates and periods ---------------------------------------------------------------------------

def claimed_period(claim: Claim) -> tuple[date, date]:
    """The first and last day a calendar claim allows, from its kind, value and window."""
    if claim.kind == "period" or (claim.kind == "date" and claim.window_start and claim.window_end):
        if not (claim.window_start and claim.window_end):
            raise ValueError(f"claim {claim.claim_id}: a period needs window_start and window_end")
        return claim.window_start, claim.window_end
    if claim.kind == "date":
        day = date.fromisoformat(claim.claimed)
        return day, day
    if claim.kind == "month":
        year, month = (int(p) for p in claim.claimed.split("-")[:2])
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
        return date(year, month, 1), last
    if claim.kind == "year":
        year = int(float(claim.claimed))
        return date(year, 1, 1), date(year, 12, 31)
    if claim.kind == "decade":
        year = int(float(claim.claimed))
        return date(year, 1, 1), date(year + 9, 12, 31)
    raise ValueError(f"claim {claim.claim_id}: kind {claim.kind!r} is not a calendar kind")


def judge_calendar(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """The event happened (at least partly) in the period the claim gives; otherwise it is off by a
    number of days, within the declared margin (IMPRECISE) or beyond it (INACCURATE)."""
    if (done := _unsettled(evidence)) is not None:
        return done
    assert evidence.period is not None
    first, last = claimed_period(claim)
    start, end = evidence.period
    if start <= last and first <= end:
        if evidence.facts.get("date_precision") in ("month", "year") and claim.kind == "date":
            return Judgement([Finding(Fault.LOOSE_DETAIL, Message(
                N_("The sources date the event only to the {precision:precision}; the article gives a day."),
                precision=evidence.facts["date_precision"]))])
        return Judgement()
    off = (first - end).days if end < first else (start - last).days
    margin = claim.point_margin or 0
    fault = Fault.IMPRECISE_FIGURE if off <= margin else Fault.WRONG
    key = (N_("Off by {days:days}, within the margin of {margin:days} declared before computing.")
           if fault is Fault.IMPRECISE_FIGURE else
           N_("Off by {days:days}, beyond the margin of {margin:days} declared before computing."))
    return Judgement([Finding(fault, Message(key, days=off, margin=margin))])


def judge_since(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """"Since D": the evidence starts on or after D; before it by at most the declared margin
    (days), a loose detail; further, wrong."""
    if (done := _unsettled(evidence)) is not None:
        return done
    assert evidence.period is not None
    bound = date.fromisoformat(claim.claimed)
    start = evidence.period[0]
    if start >= bound:
        return Judgement()
    before = (bound - start).days
    fault = Fault.LOOSE_DETAIL if before <= (claim.point_margin or 0) else Fault.WRONG
    return Judgement([Finding(fault, Message(
        N_("What is measured starts {days:days} before {bound:date}, the date the claim counts from."),
        days=before, bound=claim.claimed))])


def judge_weekday(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    if (done := _unsettled(evidence)) is not None:
        return done
    if evidence.text == claim.claimed:
        return Judgement()
    return Judgement([Finding(Fault.WRONG, Message(
        N_("That day was a {actual:weekday}, not a {claimed:weekday}."), actual=evidence.text,
        claimed=claim.claimed))])


# --- names, roles, ordinals, superlatives --------------------------------------------------------

def judge_name(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    if (done := _unsettled(evidence)) is not None:
        return done
    if evidence.text == claim.claimed:
        return Judgement()
    return Judgement([Finding(Fault.WRONG, Message(N_("The sources name {actual}, not {claimed}."),
                                                   actual=evidence.text, claimed=claim.claimed))])


def parse_roles(text: str) -> dict[str, str]:
    parts = [p.strip() for p in str(text).split(";") if p.strip()]
    return dict(part.split("=", 1) for part in parts)


def judge_roles(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """Who sells and who buys: both right, EXACT; the seller right and the buyer wrong, a loose
    detail (the arms do come from that industry); the seller wrong, wrong."""
    if (done := _unsettled(evidence)) is not None:
        return done
    claimed, actual = parse_roles(claim.claimed), parse_roles(evidence.text or "")
    if claimed == actual:
        return Judgement()
    wrong = sorted(k for k in claimed if claimed.get(k) != actual.get(k))
    fault = Fault.LOOSE_DETAIL if claimed.get("seller") == actual.get("seller") else Fault.WRONG
    key = (N_("The seller is right, the buyer is not (see the roles found).") if wrong == ["buyer"]
           else N_("Who buys or who sells differs from the sources (see the roles found)."))
    return Judgement([Finding(fault, Message(key))])


def judge_first(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """"The first": no earlier instance shown; an earlier one shown makes it wrong; earlier ones
    whose nature the sources leave open make it unsettled."""
    if (done := _unsettled(evidence)) is not None:
        return done
    known, unknown = evidence.facts.get("known_earlier", 0), evidence.facts.get("unknown_earlier", 0)
    if known:
        return Judgement([Finding(Fault.WRONG, Message(N_("An earlier instance is on record: {earlier}."),
                                                       earlier=evidence.facts.get("earlier", "")))])
    if unknown:
        return Judgement([Finding(Fault.UNSETTLED, Message(
            N_("Whether {earlier} came first cannot be established from the sources."),
            earlier=evidence.facts.get("undetermined", "")))])
    return Judgement()


def judge_longest(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """"The longest": longer than every earlier one; a tie is a loose detail; shorter, wrong."""
    if (done := _unsettled(evidence)) is not None:
        return done
    margin = evidence.facts["margin"]
    if margin > 0:
        return Judgement()
    if margin == 0:
        return Judgement([Finding(Fault.LOOSE_DETAIL, Message(
            N_("A tie: an earlier stretch was as long ({runner_up:days})."), runner_up=evidence.facts["runner_up"]))])
    return Judgement([Finding(Fault.WRONG, Message(
        N_("An earlier stretch was longer ({runner_up:days} against {current:days})."),
        runner_up=evidence.facts["runner_up"], current=evidence.facts["current"]))])


# --- what people said, titles, events ------------------------------------------------------------

#: Fidelity of a rendering (``statements.fidelity``) -> the fault it is.
FIDELITY_FAULTS: dict[str, Fault | None] = {
    "faithful": None, "loose": Fault.LOOSE_DETAIL, "unfaithful": Fault.WRONG, "misattributed": Fault.WRONG,
    "not_found": Fault.UNSETTLED,
}


def judge_fidelity(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    """Reported speech and titles are graded on fidelity to what the person said (or is), as
    recorded with its sources; whether what they said is true is reported beside the verdict."""
    if (done := _unsettled(evidence)) is not None:
        return done
    fault = FIDELITY_FAULTS[str(evidence.text)]
    if fault is None:
        return Judgement()
    return Judgement([Finding(fault, evidence.facts["assessment"])])


def judge_initiator(claim: Claim, evidence: Evidence, tol: Tolerance | None) -> Judgement:
    if (done := _unsettled(evidence)) is not None:
        return done
    if evidence.text == "unknown":
        return Judgement([Finding(Fault.UNSETTLED, Message(N_("Neither side said who initiated the call.")))])
    if evidence.text == claim.claimed:
        return Judgement()
    return Judgement([Finding(Fault.WRONG, Message(N_("The call was initiated by {actual:person}."),
                                                   actual=evidence.text))])


def period_of(row: Mapping, start: str = "date_start", end: str = "date_end") -> tuple[date, date]:
    """An event row's first and last day."""
    return pd.Timestamp(row[start]).date(), pd.Timestamp(row[end] if pd.notna(row[end]) else row[start]).date()
