"""Claim kinds, each one object in one place: its judge, whether its value is a number, the hedges
its wording may carry, how its values are shown (in French and English, by
:mod:`analysis.publish.formatting`), and what it means (for the method page and the README).

Adding a claim of a known kind is a register row; a new kind is one :class:`Kind` here, with a
judge in :mod:`analysis.verdicts.judges`.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.io.register import Claim
from analysis.messages import N_
from analysis.verdicts import judges
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.hedges import HEDGES
from analysis.verdicts.tolerance import Tolerance, tolerance

#: Every hedge: numbers take any of them.
ALL_HEDGES: tuple[str, ...] = tuple(HEDGES)


@dataclass(frozen=True)
class Kind:
    """A claim kind.

    ``display`` names how a value of this kind is shown: ``number`` (with its unit and hedge),
    ``calendar`` (a day, month, year, decade or period), ``since``, ``weekday``, ``fidelity`` (how
    faithfully words are rendered), ``first``, ``longest``, ``person``, ``roles`` or ``text``.
    """

    name: str
    judge: judges.Judge
    numeric: bool
    definition: str
    display: str
    hedges: tuple[str, ...] = ("exact",)

    @property
    def label(self) -> str:
        """The kind's name for readers (a message id the catalogs translate)."""
        return LABELS[self.name]


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {k.name: k for k in kinds}


KINDS: dict[str, Kind] = _kinds(
    Kind("count", judges.judge_number, True, N_("A count of events or people, with its hedge (« au moins », « plus de »)."),
         "number", ALL_HEDGES),
    Kind("ordinal", judges.judge_number, True, N_("An ordinal: « le huitième appel depuis janvier », counted up to the "
                                                  "item itself, so a later re-check gives the same rank."), "number"),
    Kind("rank", judges.judge_number, True, N_("A rank among items (« parmi les plus longs »: a rank at most N)."),
         "number", ALL_HEDGES),
    Kind("days_since", judges.judge_number, True, N_("Days since an event, as of the day the claim speaks of."),
         "number", ALL_HEDGES),
    Kind("interval_mean", judges.judge_number, True, N_("An average spacing between events (« tous les 34 jours »)."),
         "number", ALL_HEDGES),
    Kind("duration", judges.judge_number, True, N_("The time between two dates or two timed events, or the length "
                                                   "of one (a call), in minutes, hours, days, months or years."),
         "number", ALL_HEDGES),
    Kind("money", judges.judge_number, True, N_("An amount of money, in its currency."), "number", ALL_HEDGES),
    Kind("percentage", judges.judge_number, True, N_("A share in percent, with its hedge (« plus de la moitié »)."),
         "number", ALL_HEDGES),
    Kind("change_in_points", judges.judge_number, True, N_("A change between two percentages, in points."),
         "number", ALL_HEDGES),
    Kind("date", judges.judge_calendar, False, N_("A day (or a short period the wording allows, such as a weekend)."),
         "calendar"),
    Kind("month", judges.judge_calendar, False, N_("A month of a year."), "calendar"),
    Kind("year", judges.judge_calendar, False, N_("A year."), "calendar"),
    Kind("decade", judges.judge_calendar, False, N_("A decade (« les années 80 »)."), "calendar"),
    Kind("period", judges.judge_calendar, False, N_("A named period (« la campagne présidentielle de 2016 »)."),
         "calendar"),
    Kind("since", judges.judge_since, False, N_("That something happened since a date."), "since"),
    Kind("weekday", judges.judge_weekday, False, N_("The weekday of a date, from the calendar."), "weekday"),
    Kind("name", judges.judge_name, False, N_("A name (a programme, a place)."), "text"),
    Kind("roles", judges.judge_roles, False, N_("Who does what in a mechanism (who buys, who sells)."), "roles"),
    Kind("first", judges.judge_first, False, N_("An ordinal: « le premier »; no earlier instance may exist."), "first"),
    Kind("longest", judges.judge_longest, False, N_("A superlative over stretches of time: « la plus longue période »."),
         "longest"),
    Kind("attribution", judges.judge_fidelity, False, N_("What a named person said: graded on fidelity to their words."),
         "fidelity"),
    Kind("title_role", judges.judge_fidelity, False, N_("The title or role given to a named person."), "fidelity"),
    Kind("event_occurred", judges.judge_fidelity, False, N_("That an event took place as the article states it."),
         "fidelity"),
    Kind("absolute", judges.judge_fidelity, False,
         N_("An absolute (« jamais », « toujours », « aucun »), as the sources bear it out."), "fidelity"),
    Kind("initiator", judges.judge_initiator, False, N_("Who initiated a call."), "person"),
)


#: Each kind's name for readers (the method page lists kinds by these, never by their code).
LABELS: dict[str, str] = {
    "count": N_("count"),
    "ordinal": N_("ordinal"),
    "rank": N_("rank"),
    "days_since": N_("days since"),
    "interval_mean": N_("average spacing"),
    "duration": N_("duration"),
    "money": N_("amount of money"),
    "percentage": N_("percentage"),
    "change_in_points": N_("change in points"),
    "date": N_("date"),
    "month": N_("month"),
    "year": N_("year"),
    "decade": N_("decade"),
    "period": N_("period"),
    "since": N_("since a date"),
    "weekday": N_("weekday"),
    "name": N_("name"),
    "roles": N_("roles"),
    "first": N_("the first"),
    "longest": N_("the longest"),
    "attribution": N_("reported speech"),
    "title_role": N_("title or role"),
    "event_occurred": N_("event"),
    "absolute": N_("absolute"),
    "initiator": N_("who called"),
}
assert set(LABELS) == set(KINDS)


def kind_of(claim: Claim) -> Kind:
    kind = KINDS.get(claim.kind)
    if kind is None:
        raise ValueError(f"claim {claim.claim_id}: no judge for kind {claim.kind!r} (known: {', '.join(KINDS)})")
    return kind


def claim_tolerance(claim: Claim) -> Tolerance | None:
    """The tolerance a numeric claim's wording declares (``None`` for other kinds)."""
    if not kind_of(claim).numeric:
        return None
    return tolerance(claim.claimed_number, claim.hedge, claim.precision, claim.point_margin)


def judge(claim: Claim, evidence: Evidence) -> judges.Judgement:
    """Judge one claim against one piece of evidence with the judge of its kind."""
    return kind_of(claim).judge(claim, evidence, claim_tolerance(claim))
