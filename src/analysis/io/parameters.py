"""Notebook parameters: one registry of every accepted name, with its parser and help.

Papermill only *warns* about unknown names, so the runner checks names and values here before
executing anything, and each notebook validates its own parameters through :func:`validate`.
Parameters are declared in notebooks as plain literals (ISO strings for dates: papermill's YAML
turns dates into strings anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from analysis.errors import ParameterError
from analysis.io.contract import CLOCK_COLUMNS, CONTACT_TYPES, STATUSES
from analysis.io.datapackage import EARLIEST, LATEST

#: ``as_of = "article"``: each claim is checked as of the date its article speaks from.
ARTICLE_DATE = "article"


@dataclass(frozen=True)
class Parameter:
    name: str
    help: str
    parse: Callable[[str], object]


def _as_of(value: str) -> str:
    if str(value) == ARTICLE_DATE:
        return ARTICLE_DATE
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        raise ParameterError(f"{value!r} is neither an ISO date (YYYY-MM-DD) nor {ARTICLE_DATE!r}") from None
    if not EARLIEST <= day <= LATEST:
        raise ParameterError(f"{value} is outside the dates this project can compute with ({EARLIEST} to {LATEST})")
    return day.isoformat()


def _one_of(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in allowed:
            raise ParameterError(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return parse


def _some_of(allowed: tuple[str, ...]) -> Callable[[str], tuple[str, ...]]:
    def parse(value: str) -> tuple[str, ...]:
        items = tuple(part.strip() for part in str(value).split(",") if part.strip())
        if not items:
            raise ParameterError("give at least one value")
        for item in items:
            if item not in allowed:
                raise ParameterError(f"{item!r} is not one of {', '.join(allowed)}")
        return tuple(sorted(set(items), key=allowed.index))

    return parse


def _fraction(low: float, high: float) -> Callable[[object], float]:
    def parse(value: object) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ParameterError(f"{value!r} is not a number") from None
        if not low < number < high:
            raise ParameterError(f"{number:g} is not between {low:g} and {high:g} (exclusive)")
        return number

    return parse


REGISTRY: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter("as_of", f"ISO date (YYYY-MM-DD) of what is known: only what was public by then is used; a "
                           f"claim keeps speaking of its own day (later events never change it), and a claim about "
                           f"a day after as_of is not yet checkable; {ARTICLE_DATE!r} = the day the claim speaks of",
                  _as_of),
        Parameter("speaks_from", f"ISO date (YYYY-MM-DD) to re-anchor every article on: what its figures would be if "
                                 f"it were published that day (a separate question from as_of); {ARTICLE_DATE!r} = "
                                 f"the day each article speaks from (articles.csv)", _as_of),
        Parameter("data_dir", "the data folder a kernel reads (set by `python -m analysis build --data-dir DIR`, "
                              "never by -p); empty: the project's data/", str),
        Parameter("contact_types", f"comma-separated contact types that count: {', '.join(CONTACT_TYPES)}",
                  _some_of(CONTACT_TYPES)),
        Parameter("clock", f"which clock dates the contacts: {', '.join(CLOCK_COLUMNS)}",
                  _one_of(tuple(CLOCK_COLUMNS))),
        Parameter("statuses", f"comma-separated statuses of data rows that count: {', '.join(STATUSES)}",
                  _some_of(STATUSES)),
        Parameter("republican_share", "assumed share of Republicans in a poll's sample, where the pollster does "
                                      "not publish the subgroup size (a fraction, e.g. 0.3)", _fraction(0.0, 1.0)),
        Parameter("baseline_n_ratio", "assumed size of the earlier wave's sample relative to the later one's, "
                                      "where not published", _fraction(0.0, 10.0)),
        Parameter("confidence", "confidence level of margins of error (e.g. 0.95)", _fraction(0.5, 1.0)),
    )
}


def describe(names: list[str] | None = None) -> str:
    """A help text listing the accepted parameters (all, or the given names)."""
    names = names if names is not None else list(REGISTRY)
    return "\n".join(f"  {n}: {REGISTRY[n].help}" if n in REGISTRY else f"  {n}" for n in names)


def check(values: dict[str, object], accepted: list[str] | None = None) -> dict[str, object]:
    """Parse and check parameter values; return them parsed.

    ``accepted`` lists the names the notebooks declare; a name outside it, or a bad value,
    raises :class:`ParameterError` listing the accepted parameters.
    """
    accepted = accepted if accepted is not None else list(REGISTRY)
    parsed: dict[str, object] = {}
    for name, value in values.items():
        if name not in accepted:
            raise ParameterError(f"unknown parameter {name!r}. Accepted parameters:\n{describe(accepted)}")
        if name not in REGISTRY:
            parsed[name] = value
            continue
        try:
            parsed[name] = REGISTRY[name].parse(value)
        except ParameterError as exc:
            raise ParameterError(
                f"bad value for parameter {name!r}: {exc}. Accepted parameters:\n{describe(accepted)}"
            ) from None
    return parsed


def validate(**values: object) -> dict[str, object]:
    """What a notebook calls on its own parameters: ``validate(as_of=as_of, clock=clock)``."""
    return check(values)
