"""How French a page really is: its visible text (links, code, quotations and passages marked in
another language left out), English function words per thousand words, and English sentences.

Used by the report's tests and by ``benchmarks/english_words.py``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "as", "by", "at", "from", "this", "it", "be", "are", "were", "has", "have", "which", "not", "or", "an", "but", "their", "its", "they", "been", "would", "there"]
)
FRENCH_FUNCTION_WORDS = frozenset(
    ["le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans", "pour", "sur", "au", "aux", "par", "pas", "ne", "il", "elle", "ce", "cette", "son", "sa", "ses", "leur", "a", "été"]
)
WORD = re.compile(r"[A-Za-zÀ-ÿ’']+")


class Visible(HTMLParser):
    """Visible text, leaving out links, code, block quotations and what is marked in another language."""

    SKIP = frozenset({"a", "code", "script", "style", "blockquote", "pre", "summary", "title"})

    def __init__(self, language: str = "fr"):
        super().__init__()
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.words: list[str] = []
        self.texts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("br", "img", "meta", "link", "input", "hr"):
            return
        other_language = attrs.get("lang") not in (None, self.language) and tag != "html"
        inherited = self.stack[-1][1] if self.stack else False
        self.stack.append((tag, tag in self.SKIP or other_language or inherited))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.words.extend(WORD.findall(data))
            self.texts.append(data)


def visible(html: str, language: str = "fr") -> Visible:
    parser = Visible(language)
    parser.feed(html)
    return parser


def english_per_thousand(html: str) -> float:
    """English function words per thousand visible words (the French page's measure of English)."""
    words = [w.lower() for w in visible(html).words]
    return 1000 * sum(w in ENGLISH_FUNCTION_WORDS for w in words) / max(len(words), 1)


def english_sentences(html: str) -> list[str]:
    """Visible sentences with more English than French function words (quotations in « » left out)."""
    text = re.sub(r"«[^»]*»|“[^”]*”", " ", " ".join(visible(html).texts))
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = [w.lower() for w in WORD.findall(sentence)]
        english = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
        french = sum(w in FRENCH_FUNCTION_WORDS for w in words)
        if english > french and english >= 2:
            found.append(sentence.strip())
    return found
