"""Verdict records: built in notebooks, carried out of them by the runner, written as JSON.

A notebook never writes files. Its last cell calls :func:`publish`, which prints the verdicts
and attaches the records to that output's metadata; the runner (:mod:`analysis.build`) reads
them back with :func:`extract` and writes ``results/<notebook>.json`` only once the whole
notebook ran. So a failed run can never leave half a result behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import nbformat
import pandas as pd

from analysis.claims import Claim
from analysis.readings import plain
from analysis.verdicts import Tolerance, Verdict

METADATA_KEY = "analysis/verdict-records"
REQUIRED_FIELDS = (
    "claim_id", "quote", "claimed", "computed", "unit", "verdict", "tolerance",
    "alternatives", "source_ids", "as_of", "notebook",
)


def record(
    claim: Claim,
    computed: float | bool | str | None,
    verdict: Verdict,
    tolerance: Tolerance | None,
    alternatives: list[dict],
    source_ids: Iterable[str],
    as_of: str,
    parameters: dict[str, object],
    explanation: str,
    detail: dict | None = None,
) -> dict:
    """One verdict record (conventions §3). ``computed`` is kept unrounded; ``detail`` holds what
    the bare value cannot say (for a longest stretch: its length and the runner-up's)."""
    record = {
        "claim_id": claim.claim_id,
        "article_id": claim.article_id,
        "quote": claim.quote,
        "claim_en": claim.claim_en,
        "kind": claim.kind,
        "claimed": claim.claimed,
        "computed": plain(computed),
        "unit": claim.unit,
        "verdict": verdict.value,
        "verdict_fr": verdict.label_fr,
        "verdict_en": verdict.label_en,
        "rating": verdict.rating,
        "tolerance": tolerance.as_record() if tolerance else None,
        "alternatives": alternatives,
        "source_ids": sorted(set(source_ids)),
        "as_of": as_of,
        "notebook": claim.notebook,
        "parameters": {k: list(v) if isinstance(v, tuple) else v for k, v in parameters.items()},
        "explanation": explanation,
    }
    if detail:
        record["detail"] = detail
    return record


def summary(records: list[dict]) -> pd.DataFrame:
    """A compact verdict table: claim, claimed, computed, verdict."""
    return pd.DataFrame(
        [
            {
                "claim_id": r["claim_id"],
                "claimed": r["claimed"],
                "computed": r["computed"],
                "verdict": r["verdict"],
            }
            for r in records
        ]
    )


def publish(records: list[dict]) -> None:
    """Show the verdicts and hand the records to the runner (in the output's metadata)."""
    from IPython.display import publish_display_data

    from analysis.tables import as_text

    for rec in records:
        missing = [f for f in REQUIRED_FIELDS if f not in rec]
        if missing:
            raise ValueError(f"record {rec.get('claim_id')!r} lacks {missing}")
    publish_display_data(
        data={"text/plain": as_text(summary(records), ndigits=3)},
        metadata={METADATA_KEY: json.loads(json.dumps(records))},
    )


def extract(notebook: nbformat.NotebookNode) -> list[dict]:
    """The verdict records a notebook published (empty if it published none)."""
    records: list[dict] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            records.extend(output.get("metadata", {}).get(METADATA_KEY, []))
    return records


def dumps(records: list[dict]) -> str:
    """Deterministic JSON text: same records, same bytes."""
    return json.dumps(records, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; outputs are ordinary readable files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_all(results_dir: Path) -> list[dict]:
    """Every record in every ``results/*.json``, in file order."""
    records: list[dict] = []
    for path in sorted(Path(results_dir).glob("*.json")):
        records.extend(json.loads(path.read_text(encoding="utf-8")))
    return records
