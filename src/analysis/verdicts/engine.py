"""Check one claim: compute it under every reading, judge each, apply the post-rules, and write
the verdict record. The same steps for every claim; nothing here knows a claim by name.

1. the date checked (``as_of``) and what was public then (``known_by``); before a table's coverage
   begins, or past its end for a claim about the state on that date, the claim is UNVERIFIABLE
   with the reason;
2. the measure's readings, the base one first (the parameters', corrected by the wording), and
   those the wording rules out (``readings.csv``);
3. under each reading: the evidence, the judge of the claim's kind, the post-rules;
4. the record: the base verdict, the alternatives the wording allows, how many it rules out, the
   sources with their roles, the explanation as messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from analysis.io import articles as art
from analysis.io.citations import citations as all_citations
from analysis.io.citations import for_rows
from analysis.io.parameters import ARTICLE_DATE
from analysis.io.publication import publication
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts import judges, rules
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, measure
from analysis.verdicts.readings import Constraint, Reading, apply_wording, grid, label, ruled_out_by
from analysis.verdicts.records import (
    FaultRecord,
    Knowledge,
    MessageRecord,
    ReadingRecord,
    RuledOut,
    SourceRef,
    VerdictRecord,
)
from analysis.verdicts.scale import Fault, Verdict, verdict_of


@dataclass
class Outcome:
    """One reading computed and judged."""

    reading: Reading
    evidence: Evidence
    faults: list[judges.Finding]
    verdict: Verdict
    notes: list[Message]
    allowed: bool
    ruled_out_by: Constraint | None
    label: list[Message]


@dataclass
class Check:
    """A claim checked: the record, and what a notebook shows beside it."""

    claim: Claim
    record: VerdictRecord
    outcomes: list[Outcome]  # base first
    constraints: list[Constraint]
    sources: pd.DataFrame = field(repr=False)

    @property
    def base(self) -> Outcome:
        return self.outcomes[0]

    @property
    def verdict(self) -> Verdict:
        return Verdict(self.record.verdict)


def resolve_as_of(claim: Claim, params: dict, data_dir: str | None = None) -> date:
    """The date a claim is checked as of: the parameter, or the date its article speaks from."""
    value = params.get("as_of", ARTICLE_DATE)
    if value == ARTICLE_DATE:
        return art.speaks_from(claim.article_id, data_dir)
    return date.fromisoformat(str(value))


def constraints_for(claim: Claim, ctx: Context) -> list[Constraint]:
    """What the wording allows, from ``readings.csv``."""
    table = ctx.full("readings")
    return [Constraint(row["dimension"], tuple(v.strip() for v in row["allowed"].split(",") if v.strip()),
                       Message("{text:bilingual}", text={"en": row["reason_en"], "fr": row["reason_fr"]}))
            for _, row in table[table["claim_id"] == claim.claim_id].iterrows()]


def _coverage_problem(claim: Claim, ctx: Context, spec) -> Evidence | None:
    """Why the data cannot settle the claim on the date checked, if they cannot: the date is before
    a table's coverage begins, or the claim is about the state on a date (``spec.current``) past
    the end of what was researched. A dated fact (an event, a vote, a quote) inside the coverage
    stays checkable on any later date."""
    for name in spec.tables:
        covered = ctx.coverage(name)
        if covered is None:
            continue
        if spec.current and ctx.as_of > covered.end:
            return Evidence.missing(Message(
                N_("{as_of:date} is past the end of the data's coverage ({table}: researched up to {end:date}); "
                   "what happened after that is not in the data."),
                as_of=ctx.as_of.isoformat(), table=name, end=covered.end.isoformat()))
        if covered.start is not None and ctx.as_of < covered.start:
            return Evidence.missing(Message(
                N_("{as_of:date} is before the data's coverage begins ({table}: from {start:date})."),
                as_of=ctx.as_of.isoformat(), table=name, start=covered.start.isoformat()))
    return None


def _known_by(claim: Claim, ctx: Context, tables: tuple[str, ...]) -> tuple[date, bool]:
    """What may be used: what was public on the date checked; for a forecast ("Trump doit signer
    aujourd'hui") checked on or after the day it was made, what happened, as far as the data reach."""
    if claim.tense != "scheduled" or ctx.as_of < art.speaks_from(claim.article_id, ctx.data_dir):
        return ctx.as_of, False
    ends = [c.end for c in (ctx.coverage(t) for t in tables) if c is not None]
    return (max(ctx.as_of, min(ends)) if ends else ctx.as_of), True


def evaluate(claim: Claim, ctx: Context, reading: Reading, compute, problem: Evidence | None) -> tuple[
        Evidence, list[judges.Finding], Verdict, list[Message]]:
    evidence = problem if problem is not None else compute(claim, ctx, reading)
    judgement = judges.judge(claim, evidence)
    findings = list(judgement.findings)
    notes: list[Message] = []
    for outcome in rules.apply(claim, evidence, ctx):
        if outcome.finding is not None:
            findings.append(outcome.finding)
        if outcome.note is not None:
            notes.append(outcome.note)
    return evidence, findings, verdict_of([f.fault for f in findings], judgement.within_precision), notes


def check(claim: Claim, params: dict, data_dir: str | None = None, tables: dict | None = None) -> Check:
    """Check one claim of the register under the given (validated) parameters. ``tables`` is a
    cache of loaded tables shared by the checks of one run."""
    spec = measure(claim.measure)
    as_of = resolve_as_of(claim, params, data_dir)
    ctx = Context(as_of, as_of, params, data_dir, tables if tables is not None else {})
    known_by, hindsight = _known_by(claim, ctx, spec.tables)
    ctx = ctx.with_known_by(known_by)
    problem = _coverage_problem(claim, ctx, spec)
    dimensions = spec.dimensions(claim, ctx)
    constraints = constraints_for(claim, ctx)
    base = apply_wording(spec.base(claim, ctx, dimensions), constraints)
    outcomes = []
    for reading in grid(dimensions, base):
        evidence, findings, verdict, notes = evaluate(claim, ctx, reading, spec.compute, problem)
        broken = ruled_out_by(reading, constraints)
        outcomes.append(Outcome(reading, evidence, findings, verdict, notes, broken is None, broken,
                                label(reading, dimensions)))
    cited = for_rows_many(outcomes[0].evidence.rows, claim, outcomes[0], ctx)
    record = _record(claim, ctx, params, outcomes, constraints, cited, hindsight, spec.tables)
    return Check(claim, record, outcomes, constraints, cited)


def for_rows_many(rows: list[tuple[str, str]], claim: Claim, base: Outcome, ctx: Context) -> pd.DataFrame:
    """The citations behind the base evidence, and behind any framing problem that applied."""
    every = all_citations(ctx.data_dir)
    wanted = list(rows)
    if any(f.fault in (Fault.FRAMING, Fault.LOOSE_DETAIL, Fault.WRONG) for f in base.faults):
        framing = ctx.full("framing")
        if claim.claim_id in set(framing["claim_id"]):
            wanted.append(("framing", claim.claim_id))
    parts = [for_rows(table, [row_id], cited=every) for table, row_id in dict.fromkeys(wanted)]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return every.iloc[0:0]
    return pd.concat(parts, ignore_index=True)


def _plain(value):
    """JSON-friendly scalars (numpy numbers become Python ones)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _message(message: Message) -> MessageRecord:
    return MessageRecord(key=message.key, fields={k: _plain(v) for k, v in message.fields.items()})


def _record(claim: Claim, ctx: Context, params: dict, outcomes: list[Outcome], constraints: list[Constraint],
            cited: pd.DataFrame, hindsight: bool, tables: tuple[str, ...]) -> VerdictRecord:
    base = outcomes[0]
    allowed = [o for o in outcomes if o.allowed]
    ruled = [o for o in outcomes if not o.allowed]
    tol = judges.claim_tolerance(claim)
    explanation = [base.evidence.message or base.evidence.unsettled] if (
        base.evidence.message or base.evidence.unsettled) else []
    explanation = [m for m in explanation if m is not None]
    for finding in base.faults:
        if finding.message not in explanation:
            explanation.append(finding.message)
    if base.verdict is Verdict.ROUNDED and tol is not None:
        explanation.append(Message(N_("Within the precision the wording implies: {allowed:interval}."),
                                   allowed={**tol.interval.as_record(), "unit": claim.unit}))
    notes = list(base.notes)
    if hindsight:
        notes.append(Message(N_("A forecast on {as_of:date}: checked against what happened, as far as the data "
                                "reach ({known_by:date})."), as_of=ctx.as_of.isoformat(),
                             known_by=ctx.known_by.isoformat()))
    supporting = sorted(set(cited.loc[cited["role"] == "supports", "source_id"])) if not cited.empty else []
    coverage = {}
    for name in tables:
        covered = ctx.coverage(name)
        if covered is not None:
            coverage[name] = covered.end.isoformat()
    shown_params = {k: list(v) if isinstance(v, tuple) else v for k, v in sorted(params.items())}
    detail = {k: _plain(base.evidence.facts[k]) for k in ("current", "runner_up") if k in base.evidence.facts}
    return VerdictRecord(
        claim_id=claim.claim_id, article_id=claim.article_id, notebook=claim.notebook, theme=claim.theme,
        headline=claim.headline, quote=claim.quote, claim_en=claim.claim_en, kind=claim.kind, measure=claim.measure,
        claimed=claim.claimed, unit=claim.unit, hedge=claim.hedge, computed=_plain(base.evidence.value),
        computed_hedge=base.evidence.facts.get("hedge", "exact"),
        verdict=base.verdict.value, rating=base.verdict.rating,
        faults=[FaultRecord(fault=f.fault.value, message=_message(f.message)) for f in base.faults],
        tolerance=tol.as_record() if tol is not None else None,
        window=({"from": claim.window_start.isoformat(), "to": claim.window_end.isoformat()}
                if claim.kind == "date" and claim.window_start and claim.window_end else None),
        reading=base.reading.as_dict(),
        alternatives=[ReadingRecord(reading=o.reading.as_dict(), label=[_message(m) for m in o.label],
                                    computed=_plain(o.evidence.value), verdict=o.verdict.value,
                                    faults=[f.fault.value for f in o.faults]) for o in allowed[1:]],
        ruled_out=[RuledOut(dimension=c.dimension, allowed=list(c.allowed),
                            count=sum(1 for o in ruled if o.ruled_out_by == c), reason=_message(c.reason))
                   for c in constraints],
        holds_under={"agree": sum(1 for o in allowed if o.verdict.holds), "allowed": len(allowed),
                     "ruled_out": len(ruled)},
        source_ids=supporting,
        sources=[SourceRef(source_id=r.source_id, role=r.role, aspect=r.aspect if isinstance(r.aspect, str) else None,
                           origin=r.origin, table=r.table, row_id=r.row_id)
                 for r in cited.itertuples()],
        as_of=ctx.as_of.isoformat(),
        checked_on=publication().checked_on.isoformat(),
        knowledge=Knowledge(as_of=ctx.as_of.isoformat(), known_by=ctx.known_by.isoformat(), coverage=coverage,
                            hindsight=hindsight),
        established=base.evidence.established,
        said=base.evidence.facts.get("said"),
        explanation=[_message(m) for m in explanation],
        notes=[_message(m) for m in notes],
        detail=detail or None,
        parameters=shown_params,
    )
