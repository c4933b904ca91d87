"""Checks of the claim register that need the verdict engine's registries, run by the build
before any notebook: every claim has a judge for its kind, a measure that exists, readings the
measure offers; and, after the notebooks, one record per claim."""

from __future__ import annotations

from pathlib import Path

from analysis.errors import RegisterError
from analysis.io import datapackage
from analysis.io.register import claims
from analysis.verdicts import judges
from analysis.verdicts.engine import Context, constraints_for
from analysis.verdicts.measures import MEASURES, measure


def check_register(data_dir: Path | str | None = None) -> None:
    """Raise :class:`RegisterError` naming the row and column of the first claim the engine
    could not check."""
    path = datapackage.table_path("claims", data_dir)
    ctx = Context(None, None, {}, str(data_dir) if data_dir else None)
    for item in claims(data_dir):
        where = f"{path.parent.name}/{path.name}, row {item.line}"
        if item.kind not in judges.KINDS:
            raise RegisterError(f"{where}, column 'kind': no judge for kind {item.kind!r} "
                                f"(known: {', '.join(sorted(judges.KINDS))}).")
        try:
            spec = measure(item.measure)
        except KeyError:
            raise RegisterError(f"{where}, column 'measure': no measure {item.measure!r} "
                                f"(known: {', '.join(sorted(MEASURES))}).") from None
        if judges.KINDS[item.kind].numeric:
            try:
                float(item.claimed)
            except ValueError:
                raise RegisterError(f"{where}, column 'claimed': {item.claimed!r} is not a number, but kind "
                                    f"{item.kind!r} compares numbers.") from None
        dimensions = {d.name: set(d.values) for d in spec.dimensions(item, ctx)}
        for constraint in constraints_for(item, ctx):
            if constraint.dimension not in dimensions or not set(constraint.allowed) <= dimensions[constraint.dimension]:
                raise RegisterError(f"data/readings.csv: claim {item.claim_id} fixes {constraint.dimension!r} to "
                                    f"{', '.join(constraint.allowed)}, which its measure {item.measure} does not offer "
                                    f"(it offers {dimensions}).")


def check_complete(records: list[dict], data_dir: Path | str | None = None) -> None:
    """Every claim of the register has a record (a claim no notebook checked stops the build)."""
    recorded = {r["claim_id"] for r in records}
    missing = [c for c in claims(data_dir) if c.claim_id not in recorded]
    if missing:
        first = missing[0]
        raise RegisterError(f"data/claims.csv, row {first.line}: claim {first.claim_id} is assigned to "
                            f"{first.notebook} but has no verdict record"
                            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
                            + "; check it in that notebook (run.check or run.check_all), then build again. "
                              "Nothing was published.")
