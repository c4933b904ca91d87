"""Bring a new article in: store its text and checksum, register it, and draft its claims.

``python -m analysis add-article FILE --id ID --publisher P --url URL --published YYYY-MM-DD
--language fr|en`` checks everything first (a missing file, an id already used, a date that is not
a date, a language the scan does not know, a URL without a scheme, a text whose checksum changed),
then writes, each file atomically: the text in ``data/articles/``, its row in ``articles.csv``,
its line in ``data/articles/README.md``, and one draft per checkable span in ``drafts.csv``. A
draft is never published as a verdict; the build lists the drafts still to review and the method
page lists them under what was not checked. A draft becomes a claim when its row is completed in
``claims.csv`` (README, "Adding an article").

The drafts are guesses from the words around each span (dates with ``dateparser``, number words
with ``text2num``, hedges with :mod:`analysis.verdicts.hedges`): the quote, the span, a kind and a
measure, the value as written, its hedge. Nothing is guessed silently: an empty column is one to fill.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from analysis.errors import AnalysisError, display_path
from analysis.io.statement_coverage import LANGUAGES, Found, statements_in
from analysis.pipeline.publication import write_text
from analysis.verdicts.hedges import hedges_in

DRAFT_COLUMNS = ["draft_id", "article_id", "quote", "span", "span_kind", "kind", "measure", "subject", "claimed", "unit",
                 "hedge", "window_start", "note"]
ARTICLE_COLUMNS = ["article_id", "file", "sha256", "publisher", "title", "author", "url", "date_published",
                   "speaks_from", "language", "note"]

#: Words after a number that say what it counts or measures, by unit of the register.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "minutes": ("minute", "minutes"),
    "hours": ("hour", "hours", "heure", "heures"),
    "days": ("day", "days", "jour", "jours"),
    "weeks": ("week", "weeks", "semaine", "semaines"),
    "months": ("month", "months", "mois"),
    "years": ("year", "years", "an", "ans", "année", "années"),
    "calls": ("call", "calls", "appel", "appels", "conversation", "conversations", "times", "fois", "reprises"),
    "percent": ("%", "percent", "pour cent"),
    "USD": ("dollars", "dollar", "$"),
}
#: Words that make a sentence about the calls (so a date or a length is a call's).
CALL_WORDS = re.compile(r"(?<!\w)(call|calls|spoke|talked|phone|telephone|conversation|appel|appels|entretenus|"
                        r"parlé|parlés|téléphonique|entretien)(?!\w)", re.IGNORECASE)
WEEKDAYS = {"monday": "lundi", "tuesday": "mardi", "wednesday": "mercredi", "thursday": "jeudi", "friday": "vendredi",
            "saturday": "samedi", "sunday": "dimanche"}
WEEKDAY_WORDS = re.compile(r"(?<!\w)(" + "|".join([*WEEKDAYS, *WEEKDAYS.values()]) + r")(?!\w)", re.IGNORECASE)


@dataclass
class Draft:
    """One checkable span of an article, with what the drafter could guess about it."""

    draft_id: str
    article_id: str
    quote: str
    span: str
    span_kind: str
    kind: str = ""
    measure: str = ""
    subject: str = ""
    claimed: str = ""
    unit: str = ""
    hedge: str = "exact"
    window_start: str = ""
    note: str = ""


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or clause after a colon) around a span, byte for byte, trimmed of spaces."""
    marks = (". ", "! ", "? ", "\n", "; ", " : ")
    lefts = [(text.rfind(mark, 0, start), mark) for mark in marks]
    left = max((i + len(mark) for i, mark in lefts if i >= 0), default=0)
    right_marks = [text.find(mark, end) for mark in marks[:-1]]
    right = min([r for r in right_marks if r != -1], default=len(text))
    return text[left: right + (1 if right < len(text) and text[right] in ".!?" else 0)].strip()


#: Lengths written in words or digits: "an hour and a half", « une heure et dix minutes », "90 minutes".
_COUNT = r"\d+|an?|one|two|three|four|une?|deux|trois|quatre"
DURATION = re.compile(
    rf"(?<!\w)(?:(?P<h>{_COUNT})[\s-]+(?:hours?|heures?)(?:\s+(?:and|et)\s+(?:(?P<half>a half|demie)|"
    rf"(?P<m>\d+|\w+)\s+minutes?))?|(?P<only>\d+|\w+)[\s-]+minutes?)(?!\w)", re.IGNORECASE)
#: "16 October", « 19 mai », "March 9": a day and a month, whatever dateparser's search made of it.
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|janvier|"
          "février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre")
DAY_MONTH = re.compile(rf"(?<!\w)(?:(?P<d1>[0-3]?\d|1er)\s+(?P<m1>{MONTHS})|(?P<m2>{MONTHS})\s+(?P<d2>[0-3]?\d))"
                       rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?!\w)", re.IGNORECASE)


MONTH_ONLY = re.compile(rf"(?<!\w)(?P<month>{MONTHS})(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)", re.IGNORECASE)


def _months(text: str, language: str, speaks_from: date, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Months written without a day ("since December", « en août »): ``(start, end, words, YYYY-MM)``,
    the latest such month on or before the day the article speaks from unless a year is written."""
    import dateparser

    found = []
    for match in MONTH_ONLY.finditer(text):
        if any(s <= match.start() and match.end() <= e for s, e in taken):
            continue
        when = dateparser.parse(f"1 {match.group('month')}", languages=[language])
        if when is None:
            continue
        year = int(match.group("year")) if match.group("year") else (
            speaks_from.year if when.month <= speaks_from.month else speaks_from.year - 1)
        found.append((match.start(), match.end(), match.group(), f"{year}-{when.month:02d}"))
    return found


def _minutes(match: re.Match, language: str) -> int | None:
    def count(word: str | None) -> int | None:
        if not word:
            return 0
        value = _number(word, language) or {"a": "1", "an": "1", "un": "1", "une": "1"}.get(word.lower(), "")
        return int(value) if value else None

    if match.group("only"):
        minutes = count(match.group("only"))
        return minutes
    hours, extra = count(match.group("h")), 30 if match.group("half") else count(match.group("m"))
    return None if hours is None or extra is None else 60 * hours + extra


def _number(word: str, language: str) -> str:
    """A number word or digits as digits (``sept`` -> ``7``, ``fourth`` -> ``4``); empty if not one."""
    if word.isdigit():
        return word
    from text_to_num import alpha2digit

    converted = alpha2digit(word.lower(), language, threshold=0)  # "sept" -> "7", "fourth" -> "4th"
    digits = re.match(r"\d+", converted)
    if digits:
        return digits.group()
    return {"fr": {"une": "1", "première": "1", "moitié": "50"},
            "en": {"once": "1", "twice": "2", "half": "50"}}[language].get(word.lower(), "")


def _unit_after(text: str, end: int) -> str:
    """The register unit named just after a number (``deux heures`` -> ``hours``), if any."""
    following = text[end:end + 30].lower()
    for unit, words in UNIT_WORDS.items():
        for word in words:
            if re.match(rf"\s*(?:d[e’']\s*)?{re.escape(word)}(?!\w)", following):
                return unit
    return ""


def _hedge_before(quote: str, span: str) -> str:
    """The hedge whose words stand right before the span in its sentence (``plus de``, ``about``)."""
    position = quote.find(span)
    before = quote[max(0, position - 25):position] if position >= 0 else ""
    found = hedges_in(before)
    return found[-1][0] if found and before.rstrip().lower().endswith(found[-1][1].lower()) else "exact"


def _guess_number(draft: Draft, item: Found, text: str, language: str) -> None:
    value = _number(item.text, language)
    unit = _unit_after(text, item.end)
    is_ordinal = bool(re.search(r"(ième|ier|ière|first|second|third|th)$", item.text.lower()))
    about_calls = bool(CALL_WORDS.search(draft.quote))
    draft.claimed, draft.unit, draft.hedge = value, unit, _hedge_before(draft.quote, item.text)
    if not value:
        draft.note = "a number word the drafter could not read: write the value"
    elif is_ordinal:
        first = value == "1"
        draft.kind = "first" if first else "ordinal"
        draft.measure = ("contacts.first_since" if first else "contacts.ordinal") if about_calls else \
            "events.first_in_series"
        draft.unit = "" if first else "calls"
        if first:
            draft.claimed = "true"
    elif unit == "percent":
        draft.kind, draft.measure = "percentage", "polls.level"
    elif unit == "USD":
        draft.kind, draft.measure = "money", "legislation.usai_amount"
    elif unit in ("minutes", "hours"):
        draft.kind, draft.measure = "duration", "contacts.duration" if about_calls else "events.duration"
    elif unit in ("days", "weeks", "months", "years"):
        draft.kind, draft.measure = "duration", "contacts.gap_before" if about_calls else "events.duration"
    elif re.fullmatch(r"(1[89]|20)\d\d", item.text):
        draft.kind, draft.measure, draft.claimed = "year", "events.date", item.text
    elif unit == "calls" or about_calls:
        draft.kind, draft.measure, draft.unit = "count", "contacts.count_after", unit or "calls"
    else:
        draft.kind = "count"


def _dates(text: str, language: str, speaks_from: date) -> list[tuple[int, int, str, str]]:
    """Dates written with a day and a month: ``(start, end, words, ISO day)``, each read by
    ``dateparser`` relative to the day the article speaks from (a date without a year is the latest
    such day on or before it)."""
    import dateparser

    settings = {"RELATIVE_BASE": datetime(speaks_from.year, speaks_from.month, speaks_from.day),
                "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    found = []
    for match in DAY_MONTH.finditer(text):
        when = dateparser.parse(match.group().replace("1er", "1"), languages=[language], settings=settings)
        if when is not None:
            found.append((match.start(), match.end(), match.group(), when.date().isoformat()))
    return found


def draft(text: str, article_id: str, language: str, speaks_from: date) -> list[Draft]:
    """One draft per checkable span of an article, in reading order."""
    items: list[tuple[int, int, str, str, dict]] = []
    dates = _dates(text, language, speaks_from)
    for start, end, words, day in dates:
        items.append((start, end, words, "date", {"claimed": day}))
    for match in WEEKDAY_WORDS.finditer(text):
        items.append((match.start(), match.end(), match.group(), "weekday", {}))
    lengths = []
    for match in DURATION.finditer(text):
        minutes = _minutes(match, language)
        if minutes:
            lengths.append((match.start(), match.end()))
            items.append((match.start(), match.end(), match.group(), "duration", {"minutes": minutes}))
    taken = [(s, e) for s, e, *_ in dates] + lengths
    for start, end, words, month in _months(text, language, speaks_from, taken):
        taken.append((start, end))
        items.append((start, end, words, "month", {"claimed": month}))
    seen: set[tuple[int, int]] = set()
    # "first" is both a number word and an absolute: the number (an ordinal) is the more precise draft.
    for item in sorted(statements_in(text, language), key=lambda f: (f.start, f.kind != "number")):
        if item.kind == "number" and any(s <= item.start and item.end <= e for s, e in taken):
            continue  # inside a date or a length already drafted whole
        if (item.start, item.end) in seen:
            continue  # "first" is a number word and an absolute: one draft
        seen.add((item.start, item.end))
        items.append((item.start, item.end, item.text, item.kind, {"found": item}))
    drafts = []
    for index, (start, end, words, kind, extra) in enumerate(sorted(items, key=lambda i: (i[0], i[1]))):
        quote = sentence_around(text, start, end)
        item = Draft(f"{article_id}-d{index + 1:03d}", article_id, quote, words, kind)
        if kind == "date":
            item.kind, item.claimed = "date", extra["claimed"]
            item.measure = "contacts.date" if CALL_WORDS.search(quote) else "events.date"
        elif kind == "weekday":
            item.kind, item.measure, item.claimed = "weekday", "events.weekday", WEEKDAYS.get(words.lower(), words.lower())
            near = [d for d in dates if d[0] >= end - 1 and d[0] - end < 5] or [d for d in dates if abs(d[0] - end) < 40]
            item.window_start = near[0][3] if near else ""
        elif kind == "month":
            item.kind, item.claimed = "month", extra["claimed"]
            item.measure = "events.date"
            item.note = "a month without a year in the text: the latest such month before the article's day"
        elif kind == "duration":
            item.kind, item.claimed, item.unit = "duration", str(extra["minutes"]), "minutes"
            item.measure = "contacts.duration" if CALL_WORDS.search(quote) else "events.value"
            item.hedge = _hedge_before(quote, words)
        elif kind == "number":
            _guess_number(item, extra["found"], text, language)
        elif kind == "quotation":
            item.kind, item.measure = "attribution", "statements.fidelity"
        elif kind == "title":
            item.kind, item.measure = "title_role", "statements.fidelity"
        elif kind == "absolute":
            longest = re.search(r"longest|plus longue?", words, re.IGNORECASE)
            item.kind, item.measure = ("longest", "contacts.longest_gap") if longest else ("absolute", "statements.fidelity")
        drafts.append(item)
    return drafts


# --- the command --------------------------------------------------------------------------------------

@dataclass
class NewArticle:
    file: Path
    article_id: str
    publisher: str
    url: str
    published: str
    language: str
    speaks_from: str = ""
    title: str = ""
    author: str = ""
    replace: bool = False


def _read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _rows_text(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise AnalysisError(f"{option} {value!r} is not a date: write it as YYYY-MM-DD (2026-03-09).") from None


def check(new: NewArticle, data: Path) -> tuple[bytes, str, dict | None]:
    """Everything about the new article, checked before anything is written: its text, its checksum,
    and the row already registered under its id (``None``: a new article)."""
    if not new.file.is_file():
        raise AnalysisError(f"{new.file}: no such file. Give the path of the article's text (UTF-8).")
    raw = new.file.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnalysisError(f"{new.file} is not UTF-8 text ({exc.reason}); save it as UTF-8 and run again.") from None
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", new.article_id):
        raise AnalysisError(f"--id {new.article_id!r}: use lower-case letters, digits, '.', '_' or '-' (like trt2026).")
    if new.language not in LANGUAGES:
        raise AnalysisError(f"--language {new.language!r} is not supported: the statement scan knows "
                            f"{', '.join(LANGUAGES)}.")
    parts = urlsplit(new.url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in new.url):
        raise AnalysisError(f"--url {new.url!r} is not an http(s) address: give the article's page, like "
                            "https://www.example.org/article.")
    _day(new.published, "--published")
    if new.speaks_from:
        _day(new.speaks_from, "--speaks-from")
    if not new.publisher.strip():
        raise AnalysisError("--publisher is empty: name the outlet that published the article.")
    digest = hashlib.sha256(raw).hexdigest()
    _, rows = _read_rows(data / "articles.csv")
    existing = next((r for r in rows if r["article_id"] == new.article_id), None)
    same_file = next((r for r in rows if r["sha256"] == digest and r["article_id"] != new.article_id), None)
    if same_file:
        raise AnalysisError(f"this text is already registered as {same_file['article_id']!r} (same SHA-256).")
    if existing and existing["sha256"] != digest and not new.replace:
        raise AnalysisError(f"--id {new.article_id!r} is already used by a text with SHA-256 {existing['sha256']}; "
                            f"this file's is {digest}. To register a corrected text under the same id, add --replace; "
                            "otherwise choose another id.")
    return raw, digest, existing


def add_article(new: NewArticle, data: Path, checked_on: date) -> list[str]:
    """Register an article and draft its claims; return what was done, line by line. Re-running on
    the same text changes nothing; ``--replace`` takes a corrected text and logs the old checksum."""
    raw, digest, existing = check(new, data)
    if existing and existing["sha256"] == digest:
        return [f"{new.article_id} is already registered with this text (SHA-256 {digest}): nothing changed."]
    text = raw.decode("utf-8")
    speaks_from = _day(new.speaks_from or new.published, "--speaks-from")
    file_name = existing["file"] if existing else f"{new.article_id}.txt"
    row = {"article_id": new.article_id, "file": file_name, "sha256": digest, "publisher": new.publisher.strip(),
           "title": new.title.strip(), "author": new.author.strip(), "url": new.url, "date_published": new.published,
           "speaks_from": speaks_from.isoformat(), "language": new.language,
           "note": (existing or {}).get("note") or "Registered with `python -m analysis add-article`; publisher, "
                                                    "URL and date as given on the command line."}
    columns, rows = _read_rows(data / "articles.csv")
    rows = [r for r in rows if r["article_id"] != new.article_id] + [row]
    drafts = draft(text, new.article_id, new.language, speaks_from)
    draft_columns, draft_rows = _read_rows(data / "drafts.csv")
    kept = [r for r in draft_rows if r["article_id"] != new.article_id]
    done = []
    write_text(data / "articles" / file_name, text)
    write_text(data / "articles.csv", _rows_text(columns, rows))
    write_text(data / "drafts.csv", _rows_text(draft_columns or DRAFT_COLUMNS, kept + [asdict(d) for d in drafts]))
    _readme_line(data / "articles" / "README.md", row)
    done.append(f"stored {display_path(data / 'articles' / file_name)} (SHA-256 {digest})")
    done.append(f"{'replaced' if existing else 'added'} its row in {display_path(data / 'articles.csv')}")
    done.append(f"drafted {len(drafts)} span(s) in {display_path(data / 'drafts.csv')}: complete them into "
                "data/claims.csv (README, 'Adding an article')")
    if existing:
        done += _replaced(existing, row, text, data, checked_on)
    return done


def _readme_line(readme: Path, row: dict) -> None:
    """The article's line in the table of ``data/articles/README.md`` (replaced if it is there)."""
    text = readme.read_text(encoding="utf-8")
    line = (f"| `{row['file']}` | `{row['article_id']}` | {row['publisher']} | {row['title'] or 'not given'} | "
            f"{row['author'] or 'not given'} | {row['url']} | {row['date_published']} | `{row['sha256']}` |")
    lines = text.split("\n")
    mine = [i for i, ln in enumerate(lines) if ln.startswith(f"| `{row['file']}` |")]
    if mine:
        lines[mine[0]] = line
    else:
        last = max(i for i, ln in enumerate(lines) if ln.startswith("| `"))
        lines.insert(last + 1, line)
    write_text(readme, "\n".join(lines))


def _replaced(old: dict, new: dict, text: str, data: Path, checked_on: date) -> list[str]:
    """After a corrected text: log the old checksum, and name the claims whose quote no longer matches."""
    from analysis import paths

    corrections = paths.project_root() / "publication" / "corrections.csv"
    columns, rows = _read_rows(corrections)
    rows.append({"date": checked_on.isoformat(), "claim_id": f"article:{new['article_id']}", "before": old["sha256"],
                 "after": new["sha256"],
                 "reason_en": f"The text of {new['article_id']} was replaced by a corrected copy (SHA-256 before and "
                              "after); its claims were checked again.",
                 "reason_fr": f"Le texte de {new['article_id']} a été remplacé par une copie corrigée (SHA-256 avant et "
                              "après) ; ses affirmations ont été vérifiées à nouveau."})
    write_text(corrections, _rows_text(columns, rows))
    _, claims = _read_rows(data / "claims.csv")
    broken = [c["claim_id"] for c in claims if c["article_id"] == new["article_id"] and c["quote"] not in text]
    lines = [f"logged the old SHA-256 {old['sha256']} in {display_path(corrections)}"]
    if broken:
        lines.append(f"these claims quote words the corrected text no longer has: {', '.join(broken)}; fix their "
                     "quote in data/claims.csv (the build refuses them until then)")
    return lines
