"""The README's table of verdicts, generated from the records (never typed), escaped for Markdown."""

from __future__ import annotations

import re

import pandas as pd

from analysis.publish.formatting import format_claimed, format_computed
from analysis.verdicts.scale import Verdict

START, END = "<!-- verdicts:start -->", "<!-- verdicts:end -->"
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


def updated(readme_text: str, records: list[dict]) -> str:
    """The README text with its generated section replaced."""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), flags=re.DOTALL)
    if not pattern.search(readme_text):
        raise ValueError(f"README.md has no {START} … {END} section")
    section = f"{START}\n{verdict_table(records)}\n{END}"
    return pattern.sub(lambda _: section, readme_text)
