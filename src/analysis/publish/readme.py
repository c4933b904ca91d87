"""The README's generated sections, never typed: the table of verdicts (from the records) and the
claim kinds and measures (from :mod:`analysis.verdicts.kinds` and the measures' registry), escaped
for Markdown."""

from __future__ import annotations

import re

import pandas as pd

from analysis.publish.formatting import format_claimed, format_computed
from analysis.verdicts.scale import Verdict

START, END = "<!-- verdicts:start -->", "<!-- verdicts:end -->"
KINDS_START, KINDS_END = "<!-- kinds:start -->", "<!-- kinds:end -->"
QUOTE_CHARS = 70


def escape_markdown(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipe, no raw HTML, no line break, no backtick."""
    text = " ".join(str(text).split())
    replacements = {"\\": "\\\\", "|": "\\|", "`": "\\`", "<": "&lt;", ">": "&gt;", "*": "\\*", "_": "\\_",
                    "[": "\\[", "]": "\\]"}
    return "".join(replacements.get(ch, ch) for ch in text)


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def summary_frame(records: list[dict]) -> pd.DataFrame:
    """claim, claimed, computed, verdict (English), one row per record."""
    return pd.DataFrame([{"claim_id": r["claim_id"], "claimed": format_claimed(r, "en"),
                          "computed": format_computed(r, "en"), "verdict": r["verdict"]} for r in records],
                        columns=["claim_id", "claimed", "computed", "verdict"])


def verdict_table(records: list[dict]) -> str:
    """A Markdown table: claim, quote, claimed, computed, verdict (English labels)."""
    lines = ["| claim | quote | claimed | computed | verdict |", "|---|---|---|---|---|"]
    for record in records:
        cells = [f"`{escape_markdown(record['claim_id']).replace(chr(92) + '_', '_')}`",
                 f"« {escape_markdown(_short(record['quote']))} »",
                 escape_markdown(format_claimed(record, "en")), escape_markdown(format_computed(record, "en")),
                 escape_markdown(Verdict(record["verdict"]).label)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def kinds_tables() -> str:
    """The claim kinds (judge, hedges, how values are shown) and the measures, as Markdown tables."""
    from analysis.verdicts.kinds import KINDS
    from analysis.verdicts.measures import MEASURES, measure

    measure(next(iter(MEASURES), "contacts.date"))  # loads every measure module
    lines = ["| kind | number | hedges it takes | shown as | what it is |", "|---|---|---|---|---|"]
    for kind in KINDS.values():
        hedges = "all" if len(kind.hedges) > 1 else ", ".join(kind.hedges)
        lines.append(f"| `{kind.name}` | {'yes' if kind.numeric else 'no'} | {hedges} | {kind.display} | "
                     f"{escape_markdown(kind.definition)} |")
    lines += ["", "| measure | tables | state on a day | what it computes |", "|---|---|---|---|"]
    for name in sorted(MEASURES):
        spec = MEASURES[name]
        tables = ", ".join(f"`{t}`" for t in spec.tables) or "any (`table:row_id` subjects)"
        lines.append(f"| `{name}` | {tables} | {'yes' if spec.current else 'no'} | "
                     f"{escape_markdown(spec.description)} |")
    return "\n".join(lines)


def _replace(text: str, start: str, end: str, body: str) -> str:
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), flags=re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"README.md has no {start} … {end} section")
    return pattern.sub(lambda _: f"{start}\n{body}\n{end}", text)


def check_markers(readme_text: str) -> None:
    """Stop before any notebook runs if README.md lost the markers of a generated section."""
    from analysis.errors import AnalysisError

    for start, end in ((KINDS_START, KINDS_END), (START, END)):
        if start not in readme_text or end not in readme_text or readme_text.index(start) > readme_text.index(end):
            raise AnalysisError(f"README.md has no {start} … {end} section, where the build writes a generated "
                                "table: put the two marker lines back (restore them with git) and run again.")


def updated(readme_text: str, records: list[dict]) -> str:
    """The README text with its generated sections replaced."""
    return _replace(_replace(readme_text, KINDS_START, KINDS_END, kinds_tables()), START, END,
                    verdict_table(records))
