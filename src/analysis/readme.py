"""The README's headline table of verdicts, generated from ``results/`` (never typed)."""

from __future__ import annotations

import re
from pathlib import Path

from analysis import paths, results
from analysis.formatting import format_value
from analysis.verdicts import Verdict

START, END = "<!-- verdicts:start -->", "<!-- verdicts:end -->"


def verdict_table(records: list[dict]) -> str:
    """A Markdown table: claim, claimed, computed, verdict (English labels)."""
    lines = ["| claim | quote | claimed | computed | verdict |", "|---|---|---|---|---|"]
    for record in records:
        quote = record["quote"] if len(record["quote"]) <= 70 else record["quote"][:69].rstrip() + "…"
        lines.append(
            f"| `{record['claim_id']}` | « {quote} » "
            f"| {format_value(record['claimed'], record['unit'], 'en', record.get('kind', ''))} "
            f"| {format_value(record['computed'], record['unit'], 'en', record.get('kind', ''), record.get('detail'))} "
            f"| {Verdict(record['verdict']).label_en} |"
        )
    return "\n".join(lines)


def section(records: list[dict]) -> str:
    return f"{START}\n{verdict_table(records)}\n{END}"


def updated(readme_text: str, records: list[dict]) -> str:
    """The README text with its generated section replaced."""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), flags=re.DOTALL)
    if not pattern.search(readme_text):
        raise ValueError(f"README.md has no {START} … {END} section")
    return pattern.sub(lambda _: section(records), readme_text)


def write(readme: Path | None = None, results_dir: Path | None = None) -> bool:
    """Rewrite the README's table; return whether it changed."""
    readme = readme or paths.project_root() / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = updated(text, results.load_all(results_dir or paths.results_dir()))
    if new != text:
        results.atomic_write_text(readme, new)
    return new != text
