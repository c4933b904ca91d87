"""Measures over what named people said and what they are (``statements.csv``).

Each row records a statement or a title as the article renders it, what the sources show the
person said (or was), the written rule of fidelity that applies (which gives the fidelity label,
:data:`~analysis.verdicts.scale.FIDELITY_RULES`), the sourced reasoning, and whether what was said
is itself established.
"""

from __future__ import annotations

from analysis.io.package import Row
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context, no_dimensions, register
from analysis.verdicts.measures.common import public_row
from analysis.verdicts.scale import FIDELITY_RULES
from analysis.verdicts.tolerance import hedged


def bilingual(row: Row, column: str) -> Message:
    """A sentence the data give in both languages (``<column>_en`` and ``<column>_fr``)."""
    return Message("{text:bilingual}", text={"en": row[f"{column}_en"], "fr": row[f"{column}_fr"]})


@register("statements.fidelity", ("statements",), no_dimensions,
          "How faithfully the article renders what a named person said, or the title it gives them.")
def fidelity(claim: Claim, ctx: Context, reading) -> Evidence:
    # A row that records that no source was found has nothing a status could confirm: it is read as it is.
    recorded = ctx.data.row("statements", claim.subjects[0])
    not_found = recorded is not None and recorded["rule"] == "not_found"
    row, missing = public_row(ctx, "statements", "statement_id", claim.subjects[0], any_status=not_found)
    if missing:
        return missing
    assessment = bilingual(row, "assessment")
    fidelity = FIDELITY_RULES[row["rule"]][0]
    return Evidence(value=fidelity, text=fidelity, established=row["established"] or None,
                    facts={"assessment": assessment, "said": row["said"] or None},
                    rows=[("statements", row["statement_id"])], message=assessment)


@register("statements.value", ("statements",), no_dimensions,
          "The figure a named person gave, with their hedge (what the article reports them saying).")
def value(claim: Claim, ctx: Context, reading) -> Evidence:
    row, missing = public_row(ctx, "statements", "statement_id", claim.subjects[0])
    if missing:
        return missing
    hedge = row["value_hedge"] or "exact"
    figure = float(row["value"])
    return Evidence(value=figure, interval=hedged(figure, hedge), established=row["established"] or None,
                    facts={"hedge": hedge}, rows=[("statements", row["statement_id"])],
                    message=Message(N_("The source gives {value:hedged}: « {said} »."),
                                    value={"n": figure, "hedge": hedge, "unit": claim.unit}, said=row["said"]))
