"""Helpers shared by the measures: finding a row that must be public and of a counted status, and
the weekday of a date the article writes or of a dated row."""

from __future__ import annotations

from analysis.domain.calendar_fr import weekday_fr
from analysis.domain.dates import as_day, iso
from analysis.io.package import Row
from analysis.io.register import Claim
from analysis.messages import N_, Message
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.measures import Context
from analysis.verdicts.readings import Dimension, Reading

VARIANT = "variant"


def public_row(ctx: Context, table: str, id_column: str, row_id: str,
               any_status: bool = False) -> tuple[Row | None, Evidence | None]:
    """The row if it was public on ``known_by`` and its status is counted (or ``any_status``); else
    the reason why not, in words a reader can follow (the row's id is kept in the record's rows)."""
    if ctx.data.row(table, row_id) is None:
        return None, Evidence.missing(Message(N_("No row {row} in {table}.csv: nothing to check against."),
                                              row=row_id, table=table))
    row = ctx.data.row(table, row_id, ctx.known_by)
    if row is None:
        return None, Evidence.missing(Message(N_("What this claim rests on was not yet public on {known_by:date}."),
                                              known_by=ctx.known_by.isoformat()), rows=[(table, row_id)])
    if "status" in row and row["status"] not in ctx.statuses and not any_status:
        return None, Evidence.missing(Message(N_("What this claim rests on is {status:status}, a status this check "
                                                 "does not count."), status=row["status"]), rows=[(table, row_id)])
    return row, None


def variants(*pairs: tuple[str, Message]) -> Dimension:
    """A dimension of named alternatives specific to one measure."""
    return Dimension(VARIANT, tuple(p[0] for p in pairs), dict(pairs))


def weekday_evidence(claim: Claim, ctx: Context, reading: Reading, table: str, id_column: str,
                     date_column: str) -> Evidence:
    """The weekday of the date as the article writes it (``window_start``; reading ``written``), or
    of the date of the row named in ``subject``."""
    if reading.get(VARIANT, "written") == "written":
        assert claim.window_start is not None, f"{claim.claim_id}: the written date goes in window_start"
        day, rows = as_day(claim.window_start), []
    else:
        row, missing = public_row(ctx, table, id_column, claim.subjects[0])
        if missing:
            return missing
        day, rows = row[date_column], [(table, row[id_column])]
    name = weekday_fr(day)
    return Evidence(value=name, text=name, rows=rows,
                    message=Message(N_("{day:date} was a {weekday:weekday}."), day=iso(day), weekday=name))
