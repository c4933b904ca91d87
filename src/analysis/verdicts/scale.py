"""The rating scale, written down once: verdict codes, the faults that lead to them, definitions, and
the rules of fidelity for reported speech (:data:`FIDELITY_RULES`).

A verdict is never chosen by hand. A judge finds the *faults* of a claim against the evidence,
a post-rule may add one, and the verdict is the code of the worst *established* fault (or EXACT /
ROUNDED when there is none); a part that cannot be settled is said beside it and gives UNVERIFIABLE
only when nothing else was established. One kind of fault always gives the same code:

=====================  ============  ==========================================================
fault                  code          when
=====================  ============  ==========================================================
(none, equal)          EXACT         the checkable content matches the evidence exactly
(none, within)         ROUNDED       it matches at the precision the wording implies
``imprecise_figure``   IMPRECISE     a number or date off beyond that precision, within the
                                     margin declared beforehand: the point stands
``loose_detail``       IMPRECISE     a detail is loose (a title, a word, a dropped hedge, a tie)
                                     while the point stands
``framing``            MISLEADING    the figure or fact is right but the framing leads a reader
                                     to a false conclusion
``wrong``              INACCURATE    off beyond the declared margin, or the fact is false: the
                                     point falls with it
``unsettled``          UNVERIFIABLE  the evidence cannot settle it (missing, not yet public on
                                     the date, past the data's coverage, disputed)
=====================  ============  ==========================================================
"""

from __future__ import annotations

from enum import Enum

from analysis.messages import N_


class Verdict(str, Enum):
    """Language-neutral verdict codes, best first."""

    EXACT = "EXACT"
    ROUNDED = "ROUNDED"
    IMPRECISE = "IMPRECISE"
    MISLEADING = "MISLEADING"
    INACCURATE = "INACCURATE"
    UNVERIFIABLE = "UNVERIFIABLE"

    @property
    def rating(self) -> int | None:
        """1-5, higher is more accurate; ``None`` for UNVERIFIABLE (no rating)."""
        return RATINGS[self]

    @property
    def label(self) -> str:
        """The English label (the message id the catalogs translate)."""
        return LABELS[self]

    @property
    def definition(self) -> str:
        """What the code means, in words a reader can apply by hand (message id)."""
        return DEFINITIONS[self]

    @property
    def holds(self) -> bool:
        """Whether the claim stands as written (EXACT or ROUNDED)."""
        return self in (Verdict.EXACT, Verdict.ROUNDED)


RATINGS: dict[Verdict, int | None] = {
    Verdict.EXACT: 5, Verdict.ROUNDED: 5, Verdict.IMPRECISE: 3, Verdict.MISLEADING: 2,
    Verdict.INACCURATE: 1, Verdict.UNVERIFIABLE: None,
}
LABELS: dict[Verdict, str] = {
    Verdict.EXACT: N_("Accurate"),
    Verdict.ROUNDED: N_("Accurate (rounded)"),
    Verdict.IMPRECISE: N_("Imprecise"),
    Verdict.MISLEADING: N_("Misleading"),
    Verdict.INACCURATE: N_("Inaccurate"),
    Verdict.UNVERIFIABLE: N_("Unverifiable"),
}
DEFINITIONS: dict[Verdict, str] = {
    Verdict.EXACT: N_("The checkable content matches the evidence exactly."),
    Verdict.ROUNDED: N_("It matches the evidence at the precision the wording implies (a whole number "
                        "of days holds for anything that rounds to it)."),
    Verdict.IMPRECISE: N_("A figure or date is off beyond the precision of the wording but within the "
                          "margin declared before computing, or a detail is loose (a word that changes the "
                          "meaning without overturning it, a widened or narrowed scope, a dropped or added "
                          "hedge, a missing nuance); the article's point stands."),
    Verdict.MISLEADING: N_("The figure or fact is right, but the way it is framed leads a reader to a "
                           "false conclusion about the article's point; the record names that conclusion."),
    Verdict.INACCURATE: N_("The claim is wrong beyond the declared margin, or the fact is false; the "
                           "article's point falls with it."),
    Verdict.UNVERIFIABLE: N_("The evidence needed cannot settle the claim: it is missing, was not yet "
                             "public on the date checked, lies past the data's coverage, or is disputed."),
}
#: Symbols that carry each verdict besides its colour (colour is never the only signal).
SYMBOLS: dict[Verdict, str] = {
    Verdict.EXACT: "✓", Verdict.ROUNDED: "≈", Verdict.IMPRECISE: "~", Verdict.MISLEADING: "!",
    Verdict.INACCURATE: "✗", Verdict.UNVERIFIABLE: "?",
}
COLOURS: dict[Verdict, str] = {
    Verdict.EXACT: "#1a7f37", Verdict.ROUNDED: "#4c9a2a", Verdict.IMPRECISE: "#9a6700",
    Verdict.MISLEADING: "#c2410c", Verdict.INACCURATE: "#b42318", Verdict.UNVERIFIABLE: "#57606a",
}


class Fault(str, Enum):
    """The kinds of fault a check can find. Each has exactly one code."""

    IMPRECISE_FIGURE = "imprecise_figure"
    LOOSE_DETAIL = "loose_detail"
    FRAMING = "framing"
    WRONG = "wrong"
    UNSETTLED = "unsettled"

    @property
    def verdict(self) -> Verdict:
        return FAULT_CODES[self]

    @property
    def definition(self) -> str:
        return FAULT_DEFINITIONS[self]


FAULT_CODES: dict[Fault, Verdict] = {
    Fault.IMPRECISE_FIGURE: Verdict.IMPRECISE,
    Fault.LOOSE_DETAIL: Verdict.IMPRECISE,
    Fault.FRAMING: Verdict.MISLEADING,
    Fault.WRONG: Verdict.INACCURATE,
    Fault.UNSETTLED: Verdict.UNVERIFIABLE,
}
FAULT_DEFINITIONS: dict[Fault, str] = {
    Fault.IMPRECISE_FIGURE: N_("A number or date off beyond the precision of the wording, within the margin "
                               "declared beforehand."),
    Fault.LOOSE_DETAIL: N_("A detail is loose (a changed word, a widened scope, a dropped or added hedge, a tie, a "
                           "missing nuance) while the point stands."),
    Fault.FRAMING: N_("A right figure or fact framed so that a reader reaches a false conclusion about the "
                      "article's point (named in the record)."),
    Fault.WRONG: N_("Off beyond the declared margin, or false: the point falls."),
    Fault.UNSETTLED: N_("The evidence cannot settle the claim."),
}

#: Severity of the established verdicts, least to most severe. UNVERIFIABLE is not on it: what
#: could not be settled never hides a fault that was proven.
_ORDER = [Verdict.EXACT, Verdict.ROUNDED, Verdict.IMPRECISE, Verdict.MISLEADING, Verdict.INACCURATE]


def worst(verdicts: list[Verdict]) -> Verdict:
    """The least favourable of several verdicts: the most severe established one; UNVERIFIABLE only
    when nothing else was established."""
    established = [v for v in verdicts if v is not Verdict.UNVERIFIABLE]
    return max(established, key=_ORDER.index) if established else Verdict.UNVERIFIABLE


def verdict_of(faults: list[Fault], within_precision: bool = False) -> Verdict:
    """The verdict a list of faults gives: the code of the worst *established* fault (a record
    carries every fault of its claim; an unsettled part is said beside a proven fault, it never
    absorbs it); UNVERIFIABLE when the only faults are unsettled; with no fault, ROUNDED if the
    value only matched within the wording's precision, EXACT otherwise."""
    if faults:
        return worst([f.verdict for f in faults])
    return Verdict.ROUNDED if within_precision else Verdict.EXACT


#: How faithfully an article renders what someone said (or a title, an event, an absolute): each
#: rule gives one fidelity label, and each label one fault. Not a fault: a translation, a marked
#: cut, a fair unquoted paraphrase, the ordinary rendering of the sources' words. A loose detail: a
#: changed meaning that does not overturn the point, a widened or narrowed scope, a dropped or added
#: hedge. Wrong: a reversed meaning, invented words, words that belong to someone else.
FIDELITY_RULES: dict[str, tuple[str, str]] = {
    "exact": ("faithful", N_("the same words, title or event as the sources")),
    "translation": ("faithful", N_("an accurate translation of the words")),
    "marked_cut": ("faithful", N_("a cut marked in the quote that keeps the meaning")),
    "fair_paraphrase": ("faithful", N_("an unquoted paraphrase that keeps the meaning and the scope")),
    "ordinary_rendering": ("faithful", N_("the ordinary French rendering of the sources' words")),
    "changed_meaning": ("loose", N_("a word that changes the meaning without overturning the point")),
    "widened_scope": ("loose", N_("a scope widened or narrowed (a part for the whole, one side for both)")),
    "dropped_hedge": ("loose", N_("a hedge or qualifier of the sources dropped")),
    "added_hedge": ("loose", N_("a hedge the sources do not have, added")),
    "reversed_meaning": ("unfaithful", N_("the meaning reversed, or words invented")),
    "misattributed": ("misattributed", N_("the words belong to someone else")),
    "not_found": ("not_found", N_("the words were found in no source independent of the article")),
}
