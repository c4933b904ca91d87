"""Which numbers of an article no claim covers: every figure must be checked or excused.

A number is a run of digits, or a French number word (``sept``, ``onze``, ``moitié``,
``million``, ``premier``…). It is covered when it lies inside a quote of the claim register or a
snippet of ``claims_excluded.csv`` (with the reason it is not a claim).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NUMBER_WORDS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|"
    "trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|moitié|quart|"
    "tiers|douzaine|dizaine|centaine|premier|première|premiers|premières|deuxième|second|seconde|"
    "troisième|dernier|dernière|derniers|dernières"
)
PATTERNS = (re.compile(r"\d+"), re.compile(rf"(?<!\w)(?:{NUMBER_WORDS})(?!\w)", re.IGNORECASE))
#: Words of the list that are usually articles or pronouns, not numbers: counted only in these phrases.
WEAK = {"un", "une", "dernier", "dernière", "derniers", "dernières"}


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str

    def context(self, article: str, width: int = 40) -> str:
        return article[max(0, self.start - width): self.end + width].replace("\n", " ")


def numbers_in(text: str, include_weak: bool = False) -> list[Number]:
    """Every number in ``text``, in order (weak words such as "un" only if asked)."""
    found = {(m.start(), m.end(), m.group()) for pattern in PATTERNS for m in pattern.finditer(text)}
    return [Number(s, e, t) for s, e, t in sorted(found) if include_weak or t.lower() not in WEAK]


def spans(text: str, snippets: Iterable[str]) -> list[tuple[int, int]]:
    """Where each snippet occurs in ``text`` (every occurrence)."""
    out = []
    for snippet in snippets:
        out.extend((m.start(), m.end()) for m in re.finditer(re.escape(snippet), text))
    return out


def uncovered(text: str, snippets: Iterable[str]) -> list[Number]:
    """The numbers of ``text`` that lie inside none of the snippets."""
    covered = spans(text, snippets)
    return [n for n in numbers_in(text) if not any(s <= n.start and n.end <= e for s, e in covered)]
