"""Helpers shared by the measures: finding a row that must be public and of a counted status."""

from __future__ import annotations

import pandas as pd

from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context
from analysis.verdicts.readings import Dimension

VARIANT = "variant"


def public_row(ctx: Context, table: str, id_column: str, row_id: str,
               any_status: bool = False) -> tuple[pd.Series | None, Evidence | None]:
    """The row if it was public on ``known_by`` and its status is counted (or ``any_status``); else
    the reason why not, in words a reader can follow (the row's id is kept in the record's rows)."""
    full = ctx.full(table)
    if row_id not in set(full[id_column]):
        return None, Evidence.missing(Message(N_("No row {row} in {table}.csv: nothing to check against."),
                                              row=row_id, table=table))
    public = ctx.table(table)
    rows = public[public[id_column] == row_id]
    if rows.empty:
        return None, Evidence.missing(Message(N_("What this claim rests on was not yet public on {known_by:date}."),
                                              known_by=ctx.known_by.isoformat()), rows=[(table, row_id)])
    row = rows.iloc[0]
    statuses = ctx.params.get("statuses", ("confirmed", "one_source"))
    if "status" in row.index and row["status"] not in statuses and not any_status:
        return None, Evidence.missing(Message(N_("What this claim rests on is {status:status}, a status this check "
                                                 "does not count."), status=row["status"]), rows=[(table, row_id)])
    return row, None


def variants(*pairs: tuple[str, Message]) -> Dimension:
    """A dimension of named alternatives specific to one measure."""
    return Dimension(VARIANT, tuple(p[0] for p in pairs), dict(pairs))
