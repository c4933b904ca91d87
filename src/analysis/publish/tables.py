"""Showing numbers and tables the same way everywhere: one rounding rule, dates as ISO days,
tables as rich HTML in notebooks (with a plain-text twin), byte-stable from run to run."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from html import escape

import pandas as pd


def round_half_up(value: float, ndigits: int = 1) -> float:
    """Round as people do (2.5 -> 3), not as Python's banker's rounding (2.5 -> 2).

    >>> round_half_up(33.625, 1), round_half_up(2.5, 0)
    (33.6, 3.0)
    """
    quantum = Decimal(1).scaleb(-ndigits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


#: How a missing value is shown (never ``<NA>`` or ``nan``): the reason is in the row's note.
MISSING = "—"


def _cell(value: object, ndigits: int, money: bool = False) -> str:
    """One cell as shown: dates as ISO days, floats rounded half up, amounts in US dollars grouped
    by thousands, missing values as a dash."""
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if money and isinstance(value, (int, float)):
        return f"${value:,.0f}"
    if isinstance(value, float):
        return f"{round_half_up(value, ndigits):.{ndigits}f}"
    return str(value)


def cells(frame: pd.DataFrame, ndigits: int = 1) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a table as the strings shown (the same for text and HTML)."""
    header = [str(c) for c in frame.columns]
    columns = []
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            columns.append([MISSING if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d") for v in series])
        else:
            money = str(column).endswith("_usd")
            columns.append([_cell(v, ndigits, money) for v in series.tolist()])
    return header, [list(row) for row in zip(*columns, strict=True)] if columns else []


def formatted(frame: pd.DataFrame, ndigits: int = 1) -> pd.DataFrame:
    """A copy with every cell as shown (see :func:`cells`)."""
    header, rows = cells(frame, ndigits)
    return pd.DataFrame(rows, columns=header, dtype=str)


def as_text(frame: pd.DataFrame, ndigits: int = 1, shown: tuple[list[str], list[list[str]]] | None = None) -> str:
    """A table as fixed plain text, columns right-aligned (``shown``: its :func:`cells`, if already made)."""
    if frame.empty:
        return "(no rows)"
    header, rows = shown or cells(frame, ndigits)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = [" ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)) for line in [header, *rows]]
    return "\n".join(lines)


def as_html(frame: pd.DataFrame, ndigits: int = 1, caption: str | None = None,
            shown: tuple[list[str], list[list[str]]] | None = None) -> str:
    """A table as a small HTML table (escaped, no index, a stable class for styling)."""
    if frame.empty:
        return "<p><em>(no rows)</em></p>"
    header, rows = shown or cells(frame, ndigits)
    parts = ['<table class="analysis-table">']
    if caption:
        parts.append(f"  <caption>{escape(caption)}</caption>")
    parts.append("  <thead>\n    <tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>\n  </thead>")
    parts.append("  <tbody>")
    parts += ["    <tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    parts.append("  </tbody>\n</table>")
    return "\n".join(parts)


#: Markdown's markup characters, escaped so that data shows as text.
MARKDOWN_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_",
                    "[": "\\[", "]": "\\]", "!": "\\!", "|": "\\|", "#": "\\#", "~": "\\~", "{": "\\{",
                    "}": "\\}"}


#: The escapes in an order where none makes what a later one escapes: the backslash first, then
#: ``&`` (which ``&lt;`` and ``&gt;`` add), then the rest (which add only a backslash).
_ESCAPE_ORDER = [("\\", MARKDOWN_ESCAPES["\\"]), ("&", MARKDOWN_ESCAPES["&"])] + [
    (char, escaped) for char, escaped in MARKDOWN_ESCAPES.items() if char not in ("\\", "&")]
_MARKUP = re.compile("[" + re.escape("".join(MARKDOWN_ESCAPES)) + "]")


def md(text: object) -> str:
    """Data as Markdown text: markup characters escaped (a quote with ``<script>``, a ``![](…)``
    image or a ``|`` stays text), on one line. (``str.replace`` character by character, and only
    on text that has one: ``str.translate`` looked every character up, 18 texts a claim.)"""
    text = " ".join(str(text).split())
    if _MARKUP.search(text) is None:
        return text
    for char, escaped in _ESCAPE_ORDER:
        if char in text:
            text = text.replace(char, escaped)
    return text


def as_markdown(frame: pd.DataFrame, ndigits: int = 1, caption: str | None = None) -> str:
    """A table as a Markdown (pipe) table, its caption in italics above it; every cell escaped."""
    if frame.empty:
        return _markdown_table([], [], caption)
    return _markdown_table(*cells(frame, ndigits), caption)


def rows_as_markdown(columns: list[str], rows: list[list[object]], ndigits: int = 1, caption: str | None = None) -> str:
    """What :func:`as_markdown` makes of a frame with these columns and rows, without making the
    frame (a notebook shows two small tables a claim). Each value is shown by the same rule
    (:func:`cells`); a column holds what its values are, as a frame's would when none is missing."""
    shown = [[_cell(value, ndigits, str(column).endswith("_usd")) for value, column in zip(row, columns, strict=True)]
             for row in rows]
    return _markdown_table([str(c) for c in columns], shown, caption)


def _markdown_table(header: list[str], rows: list[list[str]], caption: str | None) -> str:
    head = _markdown_head(tuple(header), caption, bool(rows))
    if not rows:
        return head
    return head + "\n" + "\n".join("| " + " | ".join(md(c) or " " for c in row) + " |" for row in rows)


@lru_cache(maxsize=64)
def _markdown_head(header: tuple[str, ...], caption: str | None, has_rows: bool) -> str:
    """A Markdown table's caption and header lines (the same for every claim's table of a kind)."""
    lines = [f"*{md(caption)}*", ""] if caption else []
    if not has_rows:
        return "\n".join([*lines, "*(no rows)*"])
    lines.append("| " + " | ".join(md(h) for h in header) + " |")
    lines.append("|" + "|".join("---" for _ in header) + "|")
    return "\n".join(lines)


def show(frame: pd.DataFrame, ndigits: int = 1, caption: str | None = None) -> None:
    """Display a table in a notebook: rich HTML, with plain text for terminals and diffs."""
    from IPython.display import display

    shown = cells(frame, ndigits) if not frame.empty else None
    display({"text/html": as_html(frame, ndigits, caption, shown), "text/plain": as_text(frame, ndigits, shown)}, raw=True)
