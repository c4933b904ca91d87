"""Verdict codes, tolerances and grading: defined once, used by every notebook.

The tolerance is declared *before* computing, from the claim's own wording (conventions §3):
a whole number "34" holds for any value in [33.5, 34.5). A second, wider band, also declared
in advance in the claim register (``point_margin``), separates IMPRECISE (the article's point
survives) from INACCURATE.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Verdict(str, Enum):
    """Language-neutral verdict codes, best first."""

    EXACT = "EXACT"
    ROUNDED = "ROUNDED"
    IMPRECISE = "IMPRECISE"
    MISLEADING = "MISLEADING"
    INACCURATE = "INACCURATE"
    UNVERIFIABLE = "UNVERIFIABLE"

    @property
    def label_fr(self) -> str:
        return VERDICT_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return VERDICT_LABELS[self][1]

    @property
    def rating(self) -> int | None:
        """1-5, higher is more accurate; ``None`` for UNVERIFIABLE (no rating)."""
        return VERDICT_LABELS[self][2]


#: code -> (French label, English label, rating 1-5)
VERDICT_LABELS: dict[Verdict, tuple[str, str, int | None]] = {
    Verdict.EXACT: ("Exact", "Accurate", 5),
    Verdict.ROUNDED: ("Exact (arrondi)", "Accurate (rounded)", 5),
    Verdict.IMPRECISE: ("Imprécis", "Imprecise", 3),
    Verdict.MISLEADING: ("Trompeur", "Misleading", 2),
    Verdict.INACCURATE: ("Faux", "Inaccurate", 1),
    Verdict.UNVERIFIABLE: ("Invérifiable", "Unverifiable", None),
}


#: Symbols that carry each verdict besides its colour (colour is never the only signal).
VERDICT_SYMBOLS: dict[Verdict, str] = {
    Verdict.EXACT: "✓", Verdict.ROUNDED: "≈", Verdict.IMPRECISE: "~", Verdict.MISLEADING: "!",
    Verdict.INACCURATE: "✗", Verdict.UNVERIFIABLE: "?",
}
VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.EXACT: "#1a7f37", Verdict.ROUNDED: "#4c9a2a", Verdict.IMPRECISE: "#b58100",
    Verdict.MISLEADING: "#c2410c", Verdict.INACCURATE: "#b42318", Verdict.UNVERIFIABLE: "#57606a",
}


def worse(verdict: Verdict, other: Verdict) -> Verdict:
    """The less favourable of two verdicts (UNVERIFIABLE is never replaced: nothing was computed)."""
    if verdict is Verdict.UNVERIFIABLE:
        return verdict
    order = list(Verdict)
    return max(verdict, other, key=order.index)


@dataclass(frozen=True)
class Tolerance:
    """Where a computed value still agrees with the claim.

    ``low <= value < high`` is agreement at the wording's precision (half-open, as rounding is);
    within ``point_margin`` of the claimed value the article's point survives.
    """

    claimed: float
    low: float
    high: float
    point_margin: float
    rule: str

    def as_record(self) -> dict:
        return asdict(self)


def tolerance_from_precision(claimed: float, precision: float, point_margin: float = 0.0) -> Tolerance:
    """The rounding interval implied by a figure stated to ``precision``.

    >>> t = tolerance_from_precision(34, 1)
    >>> (t.low, t.high)
    (33.5, 34.5)
    """
    half = precision / 2
    rule = (
        f"stated to the nearest {_num(precision)}: holds for [{_num(claimed - half)}, {_num(claimed + half)}); "
        f"the point survives within ±{_num(point_margin)}"
    )
    return Tolerance(claimed, claimed - half, claimed + half, point_margin, rule)


def _num(value: float) -> str:
    """Short for small numbers (33.5), grouped for large ones (795,000,000)."""
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:g}"


def grade(computed: float | None, tolerance: Tolerance) -> Verdict:
    """Grade a number against a tolerance declared beforehand.

    ``None`` (the sources needed are missing) is UNVERIFIABLE. MISLEADING is never returned
    here: whether a right figure is wrongly framed is a reasoned call, made with
    :func:`misleading_if` and written down.
    """
    if computed is None:
        return Verdict.UNVERIFIABLE
    if computed == tolerance.claimed:
        return Verdict.EXACT
    if tolerance.low <= computed < tolerance.high:
        return Verdict.ROUNDED
    if abs(computed - tolerance.claimed) <= tolerance.point_margin:
        return Verdict.IMPRECISE
    return Verdict.INACCURATE


def misleading_if(verdict: Verdict, framing_problem: str | None) -> Verdict:
    """Downgrade a right figure to MISLEADING when a framing problem is written down."""
    if framing_problem and verdict in (Verdict.EXACT, Verdict.ROUNDED):
        return Verdict.MISLEADING
    return verdict
