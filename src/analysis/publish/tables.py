"""Showing numbers and tables the same way everywhere: one rounding rule, dates as ISO days,
tables as rich HTML in notebooks (with a plain-text twin), byte-stable from run to run."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd


def round_half_up(value: float, ndigits: int = 1) -> float:
    """Round as people do (2.5 -> 3), not as Python's banker's rounding (2.5 -> 2).

    >>> round_half_up(33.625, 1), round_half_up(2.5, 0)
    (33.6, 3.0)
    """
    quantum = Decimal(1).scaleb(-ndigits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def formatted(frame: pd.DataFrame, ndigits: int = 1) -> pd.DataFrame:
    """A copy with dates as ISO days, floats rounded half up to ``ndigits``, missing values blank."""
    shown = frame.copy()
    for column in shown.columns:
        series = shown[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            shown[column] = series.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_float_dtype(series):
            shown[column] = series.map(lambda v: "" if pd.isna(v) else f"{round_half_up(v, ndigits):.{ndigits}f}")
        else:
            shown[column] = series.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
    return shown.astype(str)


def as_text(frame: pd.DataFrame, ndigits: int = 1) -> str:
    """A table as fixed plain text."""
    if frame.empty:
        return "(no rows)"
    return formatted(frame, ndigits).to_string(index=False)


def as_html(frame: pd.DataFrame, ndigits: int = 1, caption: str | None = None) -> str:
    """A table as a small HTML table (escaped, no index, a stable class for styling)."""
    if frame.empty:
        return "<p><em>(no rows)</em></p>"
    html = formatted(frame, ndigits).to_html(index=False, escape=True, border=0, classes="analysis-table",
                                              na_rep="")
    if caption:
        from html import escape

        html = html.replace("<thead>", f"<caption>{escape(caption)}</caption>\n  <thead>", 1)
    return html


def show(frame: pd.DataFrame, ndigits: int = 1, caption: str | None = None) -> None:
    """Display a table in a notebook: rich HTML, with plain text for terminals and diffs."""
    from IPython.display import display

    display({"text/html": as_html(frame, ndigits, caption), "text/plain": as_text(frame, ndigits)}, raw=True)
