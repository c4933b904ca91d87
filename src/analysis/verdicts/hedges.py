"""Hedges: the words that turn a figure into a bound ("moins de", "au moins", "as many as").

A hedge is part of the claim and of the evidence. The register states each claim's hedge
(``claims.hedge``); a table of evidence states each value's (``value_hedge``). A bound is never
graded as if it were a count: :mod:`analysis.verdicts.tolerance` turns both into intervals.
"""

from __future__ import annotations

import re

#: Hedge kinds, with the interval each makes of a value ``v``.
HEDGES: dict[str, str] = {
    "exact": "v, at the precision of the wording",
    "about": "v give or take one unit of the wording's precision",
    "at_least": "v or more",
    "more_than": "more than v",
    "at_most": "v or fewer",
    "less_than": "fewer than v",
}

#: Words that make a hedge, in the articles' French and the sources' English.
LEXICON: dict[str, tuple[str, ...]] = {
    "less_than": ("moins de", "moins d’", "moins d'", "less than", "fewer than", "under"),
    "more_than": ("plus de", "plus d’", "plus d'", "more than", "over"),
    "at_least": ("au moins", "at least"),
    "at_most": ("au plus", "jusqu’à", "jusqu'à", "as many as", "up to", "at most"),
    "about": ("environ", "près de", "quelque", "about", "around", "nearly", "almost", "some"),
}


def hedges_in(text: str) -> list[tuple[str, str]]:
    """Every hedge phrase in ``text`` as ``(kind, phrase)``, in order of appearance.

    >>> hedges_in("qui ont causé au moins 12 morts")
    [('at_least', 'au moins')]
    """
    found = []
    for kind, phrases in LEXICON.items():
        for phrase in phrases:
            for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags=re.IGNORECASE):
                found.append((match.start(), kind, phrase))
    return [(kind, phrase) for _, kind, phrase in sorted(found)]
