"""Showing numbers and tables the same way everywhere.

Notebooks print tables as plain text (nbval compares text, and pandas' HTML changes between
versions) and round through :func:`round_half_up` only.
"""

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


def as_text(frame: pd.DataFrame, ndigits: int = 1) -> str:
    """A table as fixed plain text: dates as ISO days, floats rounded half-up, no index."""
    if frame.empty:
        return "(no rows)"
    shown = frame.copy()
    for column in shown.columns:
        series = shown[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            shown[column] = series.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_float_dtype(series):
            shown[column] = series.map(lambda v: "" if pd.isna(v) else f"{round_half_up(v, ndigits):.{ndigits}f}")
    return shown.to_string(index=False)


def show(frame: pd.DataFrame, ndigits: int = 1) -> None:
    """Print a table as plain text (see :func:`as_text`)."""
    print(as_text(frame, ndigits))
