"""The verdict record: a typed record per claim, with a JSON Schema (``schemas/verdict-record.schema.json``).

The record keeps numbers apart from words: values and codes as data, every sentence as a message
(an English template with named fields) that the publish layer renders in French and English.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from analysis import json_text
from analysis.verdicts.scale import Fault, Verdict

VerdictCode = Literal["EXACT", "ROUNDED", "IMPRECISE", "MISLEADING", "INACCURATE", "UNVERIFIABLE"]
FaultCode = Literal["imprecise_figure", "loose_detail", "framing", "wrong", "unsettled"]
Role = Literal["supports", "contradicts", "context"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MessageRecord(Strict):
    """A sentence: an English template (the catalogs' message id) and its named values."""

    key: str
    fields: dict[str, Any] = Field(default_factory=dict)


class FaultRecord(Strict):
    fault: FaultCode
    message: MessageRecord


class ReadingRecord(Strict):
    """The claim computed and judged under one reading."""

    reading: dict[str, str]
    label: list[MessageRecord]
    computed: Any
    verdict: VerdictCode
    faults: list[FaultCode]


class RuledOut(Strict):
    """Readings the article's wording rules out, by dimension, with the reason."""

    dimension: str
    allowed: list[str]
    count: int
    reason: MessageRecord


class SourceRef(Strict):
    source_id: str
    role: Role
    aspect: str | None = None  # the one column of the row the role is about (None: the whole row)
    origin: str
    table: str
    row_id: str


class Revealed(Strict):
    """A row the evidence rests on, made public after the day the claim speaks of."""

    table: str
    row_id: str
    published: str


class Knowledge(Strict):
    """The two times of a check: the day the claim speaks of, and what was known (public by
    ``known_by``, within each table's coverage)."""

    speaks_of: str  # the day a claim about the state of things speaks of (its article's day, or speaks_from)
    as_of: str  # the date checked: what was public by then is known
    known_by: str
    coverage: dict[str, str]  # table -> coverage end (ISO)
    hindsight: bool  # a forecast checked against what happened
    revealed_later: list[Revealed] = []  # facts about that day made public after it


class VerdictRecord(Strict):
    """One claim checked (conventions §3)."""

    claim_id: str
    article_id: str
    notebook: str
    theme: str
    headline: bool
    quote: str
    claim_en: str
    claim_fr: str = ""  # the French rendering of a claim of an article not in French
    kind: str
    measure: str
    claimed: str
    unit: str
    hedge: str
    computed: Any
    computed_hedge: str = "exact"  # the sources' own hedge on the computed figure ("more_than": "plus d'un million")
    verdict: VerdictCode
    rating: int | None
    faults: list[FaultRecord]
    tolerance: dict[str, Any] | None
    window: dict[str, str] | None  # a date claim's allowed period ("durant le week-end")
    reading: dict[str, str]
    alternatives: list[ReadingRecord]
    ruled_out: list[RuledOut]
    holds_under: dict[str, int]  # {"agree": k, "allowed": n, "ruled_out": m}
    source_ids: list[str]
    sources: list[SourceRef]
    as_of: str
    checked_on: str  # the day the checks were run against the sources (publication/config.toml)
    knowledge: Knowledge
    established: str | None
    said: str | None  # the words on record, in their language, where the claim reports speech
    explanation: list[MessageRecord]
    caveats: list[MessageRecord] = []  # what a reader must know where the figure is shown (caveats.csv)
    notes: list[MessageRecord]
    detail: dict[str, Any] | None
    parameters: dict[str, Any]

    @property
    def code(self) -> Verdict:
        return Verdict(self.verdict)


def schema() -> dict:
    """The JSON Schema of a results file (a list of records)."""
    item = VerdictRecord.model_json_schema()
    definitions = item.pop("$defs", {})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Verdict records of one notebook",
            "type": "array", "items": item, "$defs": definitions}


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def dumps(records: list[VerdictRecord] | list[dict], compact: str | None = None) -> str:
    """Deterministic JSON text: same records, same bytes (keys sorted, however the records were
    made: by the engine, or read back from a notebook). ``compact``: the records' text as
    :func:`analysis.json_text.compact` wrote it with keys sorted, when the caller has it already
    (the build also splices it into the notebook): laid out rather than encoded again."""
    if compact is not None:
        return json_text.indented(compact, indent=2) + "\n"
    plain = [r.model_dump(mode="json") if isinstance(r, VerdictRecord) else r for r in records]
    return json_text.dumps(plain, indent=2, sort_keys=True) + "\n"


def parse(records: list[dict]) -> list[VerdictRecord]:
    """Records read back from JSON, validated."""
    return [VerdictRecord.model_validate(r) for r in records]


_RECORDS = TypeAdapter(list[VerdictRecord])


def check_text(text: str | bytes) -> None:
    """Check a results file's JSON text (a list of records) against the schema in strict mode:
    a value of another JSON type than the schema's is an error, not converted (``5.0`` for an
    integer, ``1`` for a boolean), because the text is what gets published as it is. Raises
    ``ValueError`` naming the first record that does not match, by its claim id, and the field."""
    try:
        _RECORDS.validate_json(text, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1:]) or "the record"
        index = first["loc"][0] if first["loc"] else None
        claim = ""
        if isinstance(index, int):
            with contextlib.suppress(ValueError, IndexError, TypeError, AttributeError):
                claim = f" (claim {json.loads(text)[index].get('claim_id')!r})"
        raise ValueError(f"record {index}{claim}, {where}: {first['msg']}"
                         f"{f' ({exc.error_count()} problems in all)' if exc.error_count() > 1 else ''}") from None


assert {f.value for f in Fault} == set(FaultCode.__args__)  # the schema and the scale agree
assert {v.value for v in Verdict} == set(VerdictCode.__args__)
