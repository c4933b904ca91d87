"""What of an article no claim covers: every checkable statement must be checked, drafted, or excused.

The scan finds, in an article's text and in its language (French or English), the things a
fact-checker rates: numbers (digits and number words, ordinals), quotations (words in « », “ ” or
quotation marks), superlatives and absolutes (« premier », « plus long », « jamais »; "first",
"longest", "never"), and the titles and roles given to people (« porte-parole », "spokesman").
Each must lie inside a quote of the claim register, a draft (``drafts.csv``) or a passage of
``claims_excluded.csv`` (with the reason it is not checked).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Number words and ordinals, by language.
NUMBER_WORDS: dict[str, str] = {
    "fr": ("un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|"
           "trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|moitié|quart|"
           "tiers|douzaine|dizaine|centaine|premier|première|premiers|premières|deuxième|second|seconde|"
           "troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|dernier|dernière|derniers|"
           "dernières"),
    "en": ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
           "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
           "million|millions|billion|billions|half|quarter|dozen|first|second|third|fourth|fifth|sixth|seventh|"
           "eighth|ninth|tenth|last|once|twice"),
}
#: Words of the number list that are usually articles, pronouns or adverbs: counted only when asked.
WEAK = {"un", "une", "dernier", "dernière", "derniers", "dernières", "one", "last", "second"}
ABSOLUTES: dict[str, str] = {
    "fr": r"premier|première|plus longue?|plus grande?|jamais|toujours|aucune?|seule?s?|n'a cessé|n’a cessé",
    "en": r"first|longest|largest|biggest|never|always|no one|none|only|ever|unprecedented",
}
TITLES: dict[str, str] = {
    "fr": (r"porte-parole|ambassadeurs?|envoyée?s?|représentante?s?|procureur|chroniqueur|président(?:e)?|"
           r"secrétaire|gendre|ami de longue date|magnat|conseiller|ministre|directeur"),
    "en": (r"spokes(?:man|woman|person)|press secretary|ambassadors?|envoys?|aides?|advis[eo]rs?|counsel|"
           r"columnist|president|secretary|minister|director|son-in-law|prosecutor|chief of staff"),
}
QUOTATION = re.compile(r"«[^»]{1,300}»|\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”")
LANGUAGES = tuple(NUMBER_WORDS)


def patterns(language: str) -> dict[str, re.Pattern]:
    """The scan's patterns for one language (``fr`` or ``en``)."""
    if language not in NUMBER_WORDS:
        raise ValueError(f"no statement scan for language {language!r} (known: {', '.join(LANGUAGES)})")
    return {
        "number": re.compile(rf"\d+|(?<!\w)(?:{NUMBER_WORDS[language]})(?!\w)", re.IGNORECASE),
        "quotation": QUOTATION,
        "absolute": re.compile(rf"(?<!\w)(?:{ABSOLUTES[language]})(?!\w)", re.IGNORECASE),
        "title": re.compile(rf"(?<!\w)(?:{TITLES[language]})(?!\w)", re.IGNORECASE),
    }


KINDS = ("number", "quotation", "absolute", "title")


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    text: str

    def context(self, article: str, width: int = 40) -> str:
        return article[max(0, self.start - width): self.end + width].replace("\n", " ")


def statements_in(text: str, language: str = "fr", include_weak: bool = False) -> list[Found]:
    """Every number, quotation, absolute and title in ``text``, in order."""
    found = []
    for kind, pattern in patterns(language).items():
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


def uncovered(text: str, snippets: Iterable[str], kinds: Iterable[str] = KINDS, language: str = "fr") -> list[Found]:
    """The statements of ``text`` (of the given kinds) that lie inside none of the snippets; a
    quotation counts as covered when any snippet covers it partly (a claim may quote a part)."""
    covered = spans(text, snippets)
    wanted = set(kinds)
    missing = []
    for item in statements_in(text, language):
        if item.kind not in wanted:
            continue
        inside = any(s <= item.start and item.end <= e for s, e in covered)
        if item.kind == "quotation":
            inside = inside or any(s < item.end and item.start < e for s, e in covered)
        if not inside:
            missing.append(item)
    return missing


#: Aspects of a statement a claim can check besides its figure: the time of day of an event, the
#: place it happened, who reported it. Each marker found must lie in a claim that says it checks
#: that aspect (``claims.aspects``), a draft, or an excluded passage.
ASPECT_MARKERS: dict[str, dict[str, str]] = {
    "fr": {"time_of_day": r"dans la soirée|dans la matinée|dans la nuit|le matin|le soir",
           "attribution": r"selon|rapporte|d[’']après",
           "place": (r"(?:à|en|au|d[’'])\s?(?:Anchorage|Alaska|Miami|Floride|Moscou|Helsinki|Hambourg|Palm Beach|"
                     r"Pennsylvanie|Genève|Riyad|Istanbul|Chequers|Sotchi)")},
    "en": {"time_of_day": r"in the evening|in the morning|at night",
           "attribution": r"according to|was quoted as saying|the Kremlin said",
           "place": (r"(?:in|at)\s(?:Anchorage|Alaska|Miami|Florida|Moscow|Helsinki|Hamburg|Palm Beach|Geneva|Riyadh|"
                     r"Istanbul|Chequers|Sochi)")},
}


def aspects_uncovered(text: str, language: str, claims: Iterable[tuple[str, set[str]]],
                      passages: Iterable[str]) -> list[Found]:
    """The aspect markers of ``text`` that no claim checking that aspect covers, and no passage
    (a draft or an exclusion) covers. ``claims`` gives each claim's quote and the aspects it checks."""
    checked = [(quote, aspects) for quote, aspects in claims]
    free = spans(text, passages)
    missing = []
    for aspect, pattern in ASPECT_MARKERS[language].items():
        for match in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text):
            start, end = match.start(), match.end()
            if any(s <= start and end <= e for s, e in free):
                continue
            if any(aspect in aspects and any(s <= start and end <= e for s, e in spans(text, [quote]))
                   for quote, aspects in checked):
                continue
            missing.append(Found(aspect, start, end, match.group()))
    return missing
