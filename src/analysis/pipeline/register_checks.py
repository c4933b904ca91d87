"""Checks of the claim register that need the verdict engine's registries, run by the build
before any notebook: every claim has a judge for its kind, a measure that exists, readings the
measure offers; and, after the notebooks, one record per claim."""

from __future__ import annotations

from datetime import date

from analysis.errors import RegisterError
from analysis.io.package import DataPackage
from analysis.io.register import Claim
from analysis.verdicts.engine import Context, constraints_for
from analysis.verdicts.hedges import HEDGES
from analysis.verdicts.kinds import KINDS
from analysis.verdicts.measures import MEASURES, measure


def check_register(data: DataPackage) -> None:
    """Raise :class:`RegisterError` naming the row and column of the first claim the engine
    could not check."""
    ctx = Context(data, {}, date.min, date.min, date.min)
    for item in data.claims:
        where = f"{item.path}, row {item.line}"
        if item.kind not in KINDS:
            raise RegisterError(f"{where}, column 'kind': no judge for kind {item.kind!r} "
                                f"(known: {', '.join(sorted(KINDS))}).")
        try:
            spec = measure(item.measure)
        except KeyError:
            raise RegisterError(f"{where}, column 'measure': no measure {item.measure!r} "
                                f"(known: {', '.join(sorted(MEASURES))}).") from None
        if item.hedge not in HEDGES:
            raise RegisterError(f"{where}, column 'hedge': {item.hedge!r} is not a hedge (known: {', '.join(HEDGES)}).")
        if item.hedge not in KINDS[item.kind].hedges:
            raise RegisterError(f"{where}, column 'hedge': a claim of kind {item.kind!r} takes no hedge "
                                f"{item.hedge!r} (it takes: {', '.join(KINDS[item.kind].hedges)}).")
        if KINDS[item.kind].numeric:
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


def check_complete(records: list[dict], claims: list[Claim]) -> None:
    """Every claim of the register has a record (a claim no notebook checked stops the build)."""
    recorded = {r["claim_id"] for r in records}
    missing = [c for c in claims if c.claim_id not in recorded]
    if missing:
        first = missing[0]
        raise RegisterError(f"data/claims.csv, row {first.line}: claim {first.claim_id} is assigned to "
                            f"{first.notebook} but has no verdict record"
                            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
                            + "; check it in that notebook (run.check or run.check_all), then build again. "
                              "Nothing was published.")
