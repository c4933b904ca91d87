"""What a measure hands to a judge: the computed value, as a figure, an interval or a period, with
the rows it came from and the words that say what was computed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from analysis.messages import Message
from analysis.verdicts.tolerance import Interval


@dataclass
class Evidence:
    """The evidence for a claim under one reading.

    ``value`` is what the record shows as "computed" (a number, an ISO date, a weekday, a name, a
    small dict). Judges read the typed fields: ``interval`` (numbers, possibly hedged),
    ``period`` (dates: first and last day), ``text`` (names, weekdays, roles), ``facts`` (named
    values a judge or an explanation needs). ``unsettled`` says why nothing could be computed.
    """

    value: object = None
    interval: Interval | None = None
    period: tuple[date, date] | None = None
    text: str | None = None
    facts: dict = field(default_factory=dict)
    rows: list[tuple[str, str]] = field(default_factory=list)  # (table, row_id) the value rests on
    message: Message | None = None
    unsettled: Message | None = None
    established: str | None = None  # for reported speech: is what was said itself established?

    @classmethod
    def missing(cls, why: Message, rows: list[tuple[str, str]] | None = None) -> Evidence:
        return cls(unsettled=why, rows=rows or [])
