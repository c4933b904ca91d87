"""Hedges: the words that turn a figure into a bound or a band, in French and English, each with
its meaning as an interval rule.

A hedge is part of the claim and of the evidence. The register states each claim's hedge
(``claims.hedge``); a table of evidence states each value's (``value_hedge``). Both become
intervals by the same rule (:func:`interval`), so a bound is never graded as a count, "almost"
is not "about", and "just over an hour" does not pass for a 75-minute call. Dropping, adding or
stretching a hedge is a loose detail (:mod:`analysis.verdicts.judges`).

``band`` is how far "about", "almost" and "just over" reach: the precision the wording implies
(``claims.precision``: "an hour" -> 15 minutes if declared so), or, where nothing is declared (a
source's "about 40 minutes"), :data:`DEFAULT_BAND` of the value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: How far "about", "almost" and "just over" reach when no precision is declared: 10 % of the value.
DEFAULT_BAND = 0.10


@dataclass(frozen=True)
class Hedge:
    """One hedge: its name, the interval it makes of a value ``v`` (in words), and its words."""

    name: str
    rule: str
    words_en: tuple[str, ...]
    words_fr: tuple[str, ...]

    @property
    def words(self) -> tuple[str, ...]:
        return self.words_en + self.words_fr


HEDGES: dict[str, Hedge] = {h.name: h for h in (
    Hedge("exact", "[v - p/2, v + p/2): v at the precision p of the wording (a point if p is 0)", (), ()),
    Hedge("about", "[v - b, v + b]: either side of v, within the band b",
          ("about", "approximately", "roughly", "around", "some", "circa"),
          ("environ", "quelque", "quelques", "approximativement", "à peu près")),
    Hedge("almost", "[v - b, v]: just under v, within the band b",
          ("almost", "nearly", "just under", "not quite", "close to"),
          ("presque", "près de", "près d’", "près d'", "pas loin de", "un peu moins de", "un peu moins d’")),
    Hedge("just_over", "(v, v + b]: just over v, within the band b",
          ("just over", "a little more than", "a little over", "slightly more than", "slightly over", "a bit over",
           "a bit more than"),
          ("un peu plus de", "un peu plus d’", "un peu plus d'", "légèrement plus de", "à peine plus de")),
    Hedge("more_than", "(v, ∞): more than v", ("more than", "over", "upwards of", "in excess of"),
          ("plus de", "plus d’", "plus d'", "au-delà de")),
    Hedge("at_least", "[v, ∞): v or more", ("at least", "no fewer than", "no less than"), ("au moins", "au minimum")),
    Hedge("at_most", "(-∞, v]: v or fewer", ("up to", "as many as", "at most", "no more than"),
          ("jusqu’à", "jusqu'à", "au plus", "au maximum", "tout au plus")),
    Hedge("less_than", "(-∞, v): fewer than v", ("less than", "fewer than", "under", "below"),
          ("moins de", "moins d’", "moins d'")),
)}


def band(value: float, precision: float | None) -> float:
    """How far "about", "almost" and "just over" reach around ``value``."""
    return float(precision) if precision else abs(float(value)) * DEFAULT_BAND


def bounds(value: float, hedge: str, precision: float | None = None) -> tuple[float, float, bool, bool]:
    """``(low, high, low_closed, high_closed)`` of the interval a hedged value stands for.

    >>> bounds(60, "just_over", 15)
    (60.0, 75.0, False, True)
    >>> bounds(90, "almost")
    (81.0, 90.0, True, True)
    """
    v = float(value)
    if hedge not in HEDGES:
        raise ValueError(f"unknown hedge {hedge!r} (known: {', '.join(HEDGES)})")
    b = band(v, precision)
    if hedge == "exact":
        if not precision:
            return v, v, True, True
        return v - precision / 2, v + precision / 2, True, False
    return {
        "about": (v - b, v + b, True, True),
        "almost": (v - b, v, True, True),
        "just_over": (v, v + b, False, True),
        "more_than": (v, math.inf, False, False),
        "at_least": (v, math.inf, True, False),
        "at_most": (-math.inf, v, False, True),
        "less_than": (-math.inf, v, False, False),
    }[hedge]


def hedges_in(text: str, language: str | None = None) -> list[tuple[str, str]]:
    """Every hedge phrase in ``text`` as ``(kind, phrase)``, in order of appearance; where two
    phrases overlap ("un peu plus de" and "plus de"), the longer wins.

    >>> hedges_in("qui ont causé au moins 12 morts")
    [('at_least', 'au moins')]
    >>> hedges_in("a call of just over an hour")
    [('just_over', 'just over')]
    """
    found = []
    for hedge in HEDGES.values():
        words = hedge.words if language is None else (hedge.words_fr if language == "fr" else hedge.words_en)
        for phrase in words:
            for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags=re.IGNORECASE):
                found.append((match.start(), match.end(), hedge.name, phrase))
    kept: list[tuple[int, int, str, str]] = []
    for item in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if any(item[0] < end and start < item[1] for start, end, _, _ in kept):
            continue
        kept.append(item)
    return [(name, phrase) for _, _, name, phrase in sorted(kept)]
