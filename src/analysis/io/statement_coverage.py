"""What of an article no claim covers: every checkable statement must be checked or excused.

The scan finds, in an article's text, the things a fact-checker rates: numbers (digits and French
number words), quotations (words in « » or in quotation marks), superlatives and absolutes
(« premier », « plus long », « jamais », « toujours », « aucun »), and the titles and roles given to
people (« porte-parole », « ambassadeurs », « procureur spécial »). Each must lie inside a quote of
the claim register or a passage of ``claims_excluded.csv`` (with the reason it is not checked).
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
#: Words of the number list that are usually articles or pronouns: counted only when asked.
WEAK = {"un", "une", "dernier", "dernière", "derniers", "dernières"}
ABSOLUTES = r"premier|première|plus longue?|plus grande?|jamais|toujours|aucune?|seule?s?|n'a cessé|n’a cessé"
TITLES = (r"porte-parole|ambassadeurs?|envoyée?s?|représentante?s?|procureur|chroniqueur|président(?:e)?|"
          r"secrétaire|gendre|ami de longue date|magnat|conseiller|ministre|directeur")

KINDS: dict[str, re.Pattern] = {
    "number": re.compile(rf"\d+|(?<!\w)(?:{NUMBER_WORDS})(?!\w)", re.IGNORECASE),
    "quotation": re.compile(r"«[^»]{1,300}»|\"[^\"\n]{1,300}\""),
    "absolute": re.compile(rf"(?<!\w)(?:{ABSOLUTES})(?!\w)", re.IGNORECASE),
    "title": re.compile(rf"(?<!\w)(?:{TITLES})(?!\w)", re.IGNORECASE),
}


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    text: str

    def context(self, article: str, width: int = 40) -> str:
        return article[max(0, self.start - width): self.end + width].replace("\n", " ")


def statements_in(text: str, include_weak: bool = False) -> list[Found]:
    """Every number, quotation, absolute and title in ``text``, in order."""
    found = []
    for kind, pattern in KINDS.items():
        for match in pattern.finditer(text):
            if kind == "number" and not include_weak and match.group().lower() in WEAK:
                continue
            found.append(Found(kind, match.start(), match.end(), match.group()))
    return sorted(found, key=lambda f: (f.start, f.kind))


def spans(text: str, snippets: Iterable[str]) -> list[tuple[int, int]]:
    """Where each snippet occurs in ``text`` (every occurrence)."""
    out = []
    for snippet in snippets:
        out.extend((m.start(), m.end()) for m in re.finditer(re.escape(snippet), text))
    return out


def uncovered(text: str, snippets: Iterable[str], kinds: Iterable[str] = tuple(KINDS)) -> list[Found]:
    """The statements of ``text`` (of the given kinds) that lie inside none of the snippets; a
    quotation counts as covered when any snippet covers it partly (a claim may quote a part)."""
    covered = spans(text, snippets)
    wanted = set(kinds)
    missing = []
    for item in statements_in(text):
        if item.kind not in wanted:
            continue
        inside = any(s <= item.start and item.end <= e for s, e in covered)
        if item.kind == "quotation":
            inside = inside or any(s < item.end and item.start < e for s, e in covered)
        if not inside:
            missing.append(item)
    return missing
