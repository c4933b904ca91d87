"""Check one claim: compute it under every reading, judge each, apply the post-rules, and write
the verdict record. The same steps for every claim; nothing here knows a claim by name.

1. the two dates: the day the claim speaks of (``on``: its article's day, or ``speaks_from``) and
   the date checked (``as_of``), whose knowledge is used (``known_by``); a claim about the state of
   things on a day after ``as_of``, past a table's coverage or before it begins is UNVERIFIABLE
   with the reason; later events never change a claim about an earlier day;
2. the measure's readings, the base one first (the parameters', corrected by the wording), and
   those the wording rules out (``readings.csv``);
3. under each reading: the evidence, the judge of the claim's kind, the post-rules;
4. the record: the base verdict, the alternatives the wording allows, how many it rules out, the
   sources with their roles, the explanation as messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

import pandas as pd
from pydantic_core import to_jsonable_python

from analysis.io.package import DataPackage
from analysis.io.parameters import ARTICLE_DATE
from analysis.io.publication import publication
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts import judges, kinds, rules
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, measure
from analysis.verdicts.readings import Constraint, Reading, apply_wording, grid, label, ruled_out_by
from analysis.verdicts.records import VerdictRecord
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
    as_json: dict  # the record as JSON data, as ``record.model_dump(mode="json")`` gives it. Read it; do not change it
    outcomes: list[Outcome]  # base first
    constraints: list[Constraint]
    sources: list[dict] = field(repr=False)  # the citations behind it (DataPackage.cited's rows)

    @property
    def base(self) -> Outcome:
        return self.outcomes[0]

    @cached_property
    def record(self) -> VerdictRecord:
        """The record, validated against the schema (made when first asked: a notebook shows and
        publishes :attr:`as_json`, and the build validates every record it publishes)."""
        return VerdictRecord.model_validate(self.as_json)

    @property
    def verdict(self) -> Verdict:
        return Verdict(self.as_json["verdict"])


def speaks_of(claim: Claim, params: dict, data: DataPackage) -> date:
    """The day a claim about the state of things speaks of: the ``speaks_from`` parameter, which
    re-anchors every article on one day, or the day its own article speaks from."""
    value = params.get("speaks_from", ARTICLE_DATE)
    if value == ARTICLE_DATE:
        return data.speaks_from(claim.article_id)
    return date.fromisoformat(str(value))


def known_as_of(claim: Claim, params: dict, data: DataPackage) -> date:
    """The date whose knowledge the check uses: the ``as_of`` parameter, or the day the claim
    speaks of (what was public when the article was written)."""
    value = params.get("as_of", ARTICLE_DATE)
    if value == ARTICLE_DATE:
        return speaks_of(claim, params, data)
    return date.fromisoformat(str(value))


def constraints_for(claim: Claim, ctx: Context) -> list[Constraint]:
    """What the wording allows, from ``readings.csv``."""
    return [Constraint(row["dimension"], tuple(v.strip() for v in row["allowed"].split(",") if v.strip()),
                       Message("{text:bilingual}", text={"en": row["reason_en"], "fr": row["reason_fr"]}))
            for row in ctx.data.records_for("readings", "claim_id", claim.claim_id)]


def _time_problem(ctx: Context, spec) -> Evidence | None:
    """Why the data cannot settle the claim, if they cannot. A claim about the state of things on a
    day (``spec.current``) is not yet checkable when that day is after the date checked, and cannot
    be checked past the end of what was researched or before it begins. A dated fact (an event, a
    vote, a quote) inside the coverage stays checkable on any later date."""
    if spec.current and ctx.on > ctx.as_of:
        return Evidence.missing(Message(
            N_("Not yet: the claim speaks of {on:date}, after the date checked ({as_of:date})."),
            on=ctx.on.isoformat(), as_of=ctx.as_of.isoformat()))
    for name in spec.tables:
        covered = ctx.coverage(name)
        if covered is None:
            continue
        if spec.current and ctx.on > covered.end:
            return Evidence.missing(Message(
                N_("{on:date} is past the end of the data's coverage ({table}: researched up to {end:date}); "
                   "what happened after that is not in the data."),
                on=ctx.on.isoformat(), table=name, end=covered.end.isoformat()))
        day = ctx.on if spec.current else ctx.as_of
        if covered.start is not None and day < covered.start:
            return Evidence.missing(Message(
                N_("{day:date} is before the data's coverage begins ({table}: from {start:date})."),
                day=day.isoformat(), table=name, start=covered.start.isoformat()))
    return None


def _known_by(claim: Claim, as_of: date, data: DataPackage, tables: tuple[str, ...]) -> tuple[date, bool]:
    """What may be used: what was public on the date checked; for a forecast ("Trump doit signer
    aujourd'hui") checked on or after the day it was made (its article's own day: re-anchoring does
    not move when a forecast was made), what happened, as far as the data reach."""
    if claim.tense != "scheduled" or as_of < data.speaks_from(claim.article_id):
        return as_of, False
    ends = [c.end for c in (data.coverage(t) for t in tables) if c is not None]
    return (max(as_of, min(ends)) if ends else as_of), True


def revealed_later(rows: list[tuple[str, str]], ctx: Context) -> list[dict]:
    """The rows the evidence rests on that became public after the day the claim speaks of: facts
    about that day a later check knows and the article's author could not."""
    found = []
    for table, row_id in dict.fromkeys(rows):
        facts = ctx.data.facts(table)
        if facts.published is None or facts.id_column is None:
            continue
        frame = ctx.full(table)
        match = frame.loc[frame[facts.id_column] == row_id, facts.published]
        if not match.empty and pd.notna(match.iloc[0]) and match.iloc[0].date() > ctx.on:
            found.append({"table": table, "row_id": row_id, "published": match.iloc[0].date().isoformat()})
    return found


def evaluate(claim: Claim, ctx: Context, reading: Reading, compute, problem: Evidence | None) -> tuple[
        Evidence, list[judges.Finding], Verdict, list[Message]]:
    evidence = problem if problem is not None else compute(claim, ctx, reading)
    judgement = kinds.judge(claim, evidence)
    findings = list(judgement.findings)
    notes: list[Message] = []
    for outcome in rules.apply(claim, evidence, ctx):
        if outcome.finding is not None:
            findings.append(outcome.finding)
        if outcome.note is not None:
            notes.append(outcome.note)
    return evidence, findings, verdict_of([f.fault for f in findings], judgement.within_precision), notes


def check(claim: Claim, params: dict, data: DataPackage) -> Check:
    """Check one claim of the register under the given (validated) parameters, with the data
    package of the run."""
    spec = measure(claim.measure)
    on, as_of = speaks_of(claim, params, data), known_as_of(claim, params, data)
    known_by, hindsight = _known_by(claim, as_of, data, spec.tables)
    ctx = Context(data, params, on, as_of, known_by)
    problem = _time_problem(ctx, spec)
    dimensions = spec.dimensions(claim, ctx)
    constraints = constraints_for(claim, ctx)
    base = apply_wording(spec.base(claim, ctx, dimensions), constraints)
    outcomes = []
    for reading in grid(dimensions, base):
        evidence, findings, verdict, notes = evaluate(claim, ctx, reading, spec.compute, problem)
        broken = ruled_out_by(reading, constraints)
        outcomes.append(Outcome(reading, evidence, findings, verdict, notes, broken is None, broken,
                                label(reading, dimensions)))
    cited = cited_for(outcomes[0].evidence.rows, claim, outcomes[0], ctx)
    cited, circular = uncircular(cited, claim, ctx)
    if circular:
        _circular_finding(outcomes[0], cited, circular, claim)
    later = revealed_later(outcomes[0].evidence.rows, ctx) if spec.current and as_of > on else []
    record = _record(claim, ctx, params, outcomes, constraints, cited, hindsight, spec.tables, later)
    return Check(claim, record, outcomes, constraints, cited)


def cited_for(rows: list[tuple[str, str]], claim: Claim, base: Outcome, ctx: Context) -> list[dict]:
    """The citations behind the base evidence, behind any framing problem that applied, and behind
    the claim's caveats (as context: a caveat never supports the claim)."""
    wanted = list(rows)
    framed = any(f.fault in (Fault.FRAMING, Fault.LOOSE_DETAIL, Fault.WRONG) for f in base.faults)
    if framed and ctx.data.records_for("framing", "claim_id", claim.claim_id):
        wanted.append(("framing", claim.claim_id))
    cited = ctx.data.cited(wanted)
    extra = [tuple(part.split(":", 1)) for rows_cell in (c["rows"] for c in caveats_of(claim, ctx))
             for part in rows_cell.split(";") if part.strip()]
    extra = [key for key in extra if key not in set(wanted)]
    return cited + [{**citation, "role": "context"} for citation in ctx.data.cited(extra)]


def caveats_of(claim: Claim, ctx: Context) -> list[dict]:
    """The caveats shown with a claim's figure (``caveats.csv``)."""
    return ctx.data.records_for("caveats", "claim_id", claim.claim_id) if "caveats" in ctx.data.tables else []


def _normal_url(url: str) -> str:
    parts = urlsplit(str(url).strip().lower())
    host = parts.netloc.split(":")[0].removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def circular_sources(article_id: str, data: DataPackage) -> set[str]:
    """The sources that are, or republish, the article being checked: those at its URL, and those
    cited as copies of its text (``citations``: table ``articles``). They never support its claims."""
    def compute() -> set[str]:
        article_url = _normal_url(data.article(article_id)["url"])
        sources = data.table("sources")
        same = set(sources.loc[sources["url"].map(_normal_url) == article_url, "source_id"]) if article_url else set()
        copies = data.cited([("articles", article_id)])
        return same | {c["source_id"] for c in copies if c["role"] == "supports"}

    return data.memo(("circular", article_id), compute)


def uncircular(cited: list[dict], claim: Claim, ctx: Context) -> tuple[list[dict], list[str]]:
    """The citations with the article's own text (or a copy of it) turned from support into context."""
    own = circular_sources(claim.article_id, ctx.data)
    hit = {c["source_id"] for c in cited if c["source_id"] in own and c["role"] == "supports"}
    if not hit:
        return cited, []
    return ([{**c, "role": "context"} if c["source_id"] in hit and c["role"] == "supports" else c for c in cited],
            sorted(hit))


def _circular_finding(base: Outcome, cited: list[dict], circular: list[str], claim: Claim) -> None:
    """A row that only the article itself supports settles nothing about the article."""
    rows = [r for r in base.evidence.rows if r[0] != "framing"]
    supported = {(c["table"], c["row_id"]) for c in cited if c["role"] == "supports"}
    bare = [row_id for table, row_id in rows if (table, row_id) not in supported]
    base.notes.append(Message(N_("Not counted as support: {sources}, the article itself or a copy of it."),
                              sources=", ".join(circular)))
    if bare:
        base.faults.append(judges.Finding(Fault.UNSETTLED, Message(
            N_("Only the article itself supports {rows}: nothing independent settles it."), rows=", ".join(bare))))
        base.verdict = verdict_of([f.fault for f in base.faults])


def _plain(value):
    """JSON-friendly scalars (numpy numbers become Python ones)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _json(value):
    """A value of one of the record's free fields (``Any``: a computed figure, a message's values)
    as JSON data, as the record's ``model_dump(mode="json")`` writes it: pydantic's own
    serialisation (a date as ISO text, a tuple as a list, NaN as null)."""
    return to_jsonable_python(_plain(value), inf_nan_mode="null")


def _message(message: Message) -> dict:
    return {"key": message.key, "fields": {k: _json(v) for k, v in message.fields.items()}}


def _record(claim: Claim, ctx: Context, params: dict, outcomes: list[Outcome], constraints: list[Constraint],
            cited: list[dict], hindsight: bool, tables: tuple[str, ...], later: list[dict]) -> dict:
    """The verdict record as JSON data, the fields in the schema's order (:class:`VerdictRecord`):
    built as data, not as models (seven nested models a claim were a third of its check); the
    schema is checked where the records are published (the build's strict ``records.check_text``), and
    :attr:`Check.record` validates one when asked."""
    base = outcomes[0]
    allowed = [o for o in outcomes if o.allowed]
    ruled = [o for o in outcomes if not o.allowed]
    tol = kinds.claim_tolerance(claim)
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
    for row in later:
        notes.append(Message(N_("{table}: {row} was made public on {published:date}, after the day the claim speaks "
                                "of ({on:date}): the author could not have known it."), table=row["table"],
                             row=row["row_id"], published=row["published"], on=ctx.on.isoformat()))
    if hindsight:
        notes.append(Message(N_("A forecast on {as_of:date}: checked against what happened, as far as the data "
                                "reach ({known_by:date})."), as_of=ctx.data.speaks_from(claim.article_id).isoformat(),
                             known_by=ctx.known_by.isoformat()))
    refs = [{k: c[k] for k in ("source_id", "role", "aspect", "origin", "table", "row_id")} for c in cited]
    supporting = sorted({r["source_id"] for r in refs if r["role"] == "supports"})
    coverage = {}
    for name in tables:
        covered = ctx.coverage(name)
        if covered is not None:
            coverage[name] = covered.end.isoformat()
    shown_params = {k: list(v) if isinstance(v, tuple) else v for k, v in sorted(params.items())}
    detail = {k: _plain(base.evidence.facts[k]) for k in ("current", "runner_up") if k in base.evidence.facts}
    return {
        "claim_id": claim.claim_id, "article_id": claim.article_id, "notebook": claim.notebook, "theme": claim.theme,
        "headline": claim.headline, "quote": claim.quote, "claim_en": claim.claim_en, "claim_fr": claim.claim_fr,
        "kind": claim.kind, "measure": claim.measure, "claimed": claim.claimed, "unit": claim.unit,
        "hedge": claim.hedge, "computed": _json(base.evidence.value),
        "computed_hedge": base.evidence.facts.get("hedge", "exact"),
        "verdict": base.verdict.value, "rating": base.verdict.rating,
        "faults": [{"fault": f.fault.value, "message": _message(f.message)} for f in base.faults],
        "tolerance": _json(tol.as_record()) if tol is not None else None,
        "window": ({"from": claim.window_start.isoformat(), "to": claim.window_end.isoformat()}
                   if claim.kind == "date" and claim.window_start and claim.window_end else None),
        "reading": base.reading.as_dict(),
        "alternatives": [{"reading": o.reading.as_dict(), "label": [_message(m) for m in o.label],
                          "computed": _json(o.evidence.value), "verdict": o.verdict.value,
                          "faults": [f.fault.value for f in o.faults]} for o in allowed[1:]],
        "ruled_out": [{"dimension": c.dimension, "allowed": list(c.allowed),
                       "count": sum(1 for o in ruled if o.ruled_out_by == c), "reason": _message(c.reason)}
                      for c in constraints],
        "holds_under": {"agree": sum(1 for o in allowed if o.verdict.holds), "allowed": len(allowed),
                        "ruled_out": len(ruled)},
        "source_ids": supporting,
        "sources": [{**r, "aspect": r["aspect"] if isinstance(r["aspect"], str) and r["aspect"] else None}
                    for r in refs],
        "as_of": ctx.as_of.isoformat(),
        "checked_on": publication().checked_on.isoformat(),
        "knowledge": {"speaks_of": ctx.on.isoformat(), "as_of": ctx.as_of.isoformat(),
                      "known_by": ctx.known_by.isoformat(), "coverage": coverage, "hindsight": hindsight,
                      "revealed_later": [{"table": r["table"], "row_id": r["row_id"], "published": r["published"]}
                                         for r in later]},
        "established": base.evidence.established,
        "said": base.evidence.facts.get("said"),
        "explanation": [_message(m) for m in explanation],
        "caveats": [{"key": "{text:bilingual}", "fields": {"text": {"en": r["caveat_en"], "fr": r["caveat_fr"]}}}
                    for r in caveats_of(claim, ctx)],
        "notes": [_message(m) for m in notes],
        "detail": _json(detail) or None,
        "parameters": _json(shown_params),
    }
