"""Alternative readings of a claim, which of them the wording allows, and the sensitivity table.

A claim that holds under one reasonable convention only is a finding, so every check computes the
claim under each reading a measure offers (contact types, statuses, clock, day counting, a
definition…). Some readings are ruled out by the article's own words ("discussion téléphonique"
rules out counting the meeting): ``data/readings.csv`` says which, and why. Sensitivity tables
count only the readings the wording allows, and say how many it rules out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product

from analysis.messages import N_, Message


@dataclass(frozen=True)
class Dimension:
    """One way a claim can be read differently: its values, each with a label (message)."""

    name: str
    values: tuple[str, ...]
    labels: dict[str, Message] = field(default_factory=dict, compare=False, hash=False)

    def label(self, value: str) -> Message:
        return self.labels.get(value, Message("{value}", value=value))


@dataclass(frozen=True)
class Reading:
    """One combination of dimension values, in the measure's order of dimensions."""

    values: tuple[tuple[str, str], ...]

    def __getitem__(self, name: str) -> str:
        return dict(self.values)[name]

    def get(self, name: str, default: str = "") -> str:
        return dict(self.values).get(name, default)

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)

    def replace(self, **changes: str) -> Reading:
        return Reading(tuple((k, changes.get(k, v)) for k, v in self.values))


@dataclass(frozen=True)
class Constraint:
    """What the wording allows for one dimension of one claim (a row of ``readings.csv``)."""

    dimension: str
    allowed: tuple[str, ...]
    reason: Message


def grid(dimensions: list[Dimension], base: Reading) -> list[Reading]:
    """The base reading first, then every other combination of the dimensions' values."""
    readings = [base]
    for combo in product(*(d.values for d in dimensions)):
        reading = Reading(tuple(zip((d.name for d in dimensions), combo, strict=True)))
        if reading not in readings:
            readings.append(reading)
    return readings


def ruled_out_by(reading: Reading, constraints: Iterable[Constraint]) -> Constraint | None:
    """The first wording constraint a reading breaks, or ``None`` if the wording allows it."""
    for constraint in constraints:
        value = reading.get(constraint.dimension, None)
        if value is not None and value not in constraint.allowed:
            return constraint
    return None


def apply_wording(base: Reading, constraints: Iterable[Constraint]) -> Reading:
    """The base reading with every dimension the wording fixes set to the first allowed value."""
    changes = {}
    for constraint in constraints:
        if base.get(constraint.dimension, None) is not None and base[constraint.dimension] not in constraint.allowed:
            changes[constraint.dimension] = constraint.allowed[0]
    return base.replace(**changes)


def label(reading: Reading, dimensions: list[Dimension]) -> list[Message]:
    """The reading in words, one message per dimension that has more than one value."""
    by_name = {d.name: d for d in dimensions}
    return [by_name[name].label(value) for name, value in reading.values
            if name in by_name and len(by_name[name].values) > 1]


# Labels of the dimensions that several measures share.
TYPES = Dimension("types", ("call", "call;meeting"), {
    "call": Message(N_("calls only")), "call;meeting": Message(N_("calls and meetings")),
    "meeting": Message(N_("meetings only"))})
STATUSES = Dimension("statuses", ("confirmed", "confirmed;one_source", "all"), {
    "confirmed": Message(N_("confirmed contacts only")),
    "confirmed;one_source": Message(N_("confirmed or single-source contacts")),
    "all": Message(N_("every reported contact, unconfirmed and disputed too"))})
CLOCK = Dimension("clock", ("washington", "moscow"), {
    "washington": Message(N_("Washington dates")), "moscow": Message(N_("Moscow dates"))})
COUNTING = Dimension("counting", ("exclusive", "inclusive"), {
    "exclusive": Message(N_("days between the two dates")),
    "inclusive": Message(N_("counting both ends"))})

#: Status sets as dimension values -> the statuses they count.
STATUS_SETS: dict[str, tuple[str, ...]] = {
    "confirmed": ("confirmed",),
    "confirmed;one_source": ("confirmed", "one_source"),
    "all": ("confirmed", "one_source", "disputed", "unconfirmed"),
}


def status_value(statuses: Iterable[str]) -> str:
    """The dimension value for a set of statuses (``"all"`` for every status)."""
    wanted = tuple(statuses)
    for value, members in STATUS_SETS.items():
        if set(members) == set(wanted):
            return value
    return ";".join(wanted)


def statuses_of(value: str) -> tuple[str, ...]:
    return STATUS_SETS.get(value, tuple(value.split(";")))
