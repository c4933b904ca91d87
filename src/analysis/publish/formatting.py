"""Values and sentences as a French or an English reader expects them, from one place.

:func:`render` turns a :class:`~analysis.messages.Message` into a sentence: the English template
is translated with the locale's catalog, then each ``{name:type}`` placeholder is formatted with
Babel for that locale (dates, numbers, amounts, percentages, weekdays…). :func:`format_value`
shows a claimed or computed value the same way everywhere (tables, report, README).
"""

from __future__ import annotations

import math
import re
import string
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_interval, get_day_names
from babel.numbers import format_compact_currency, format_decimal, format_percent

from analysis.messages import N_, Message, Nn_
from analysis.publish.i18n import LOCALES, gettext_for, ngettext_for
from analysis.publish.tables import round_half_up
from analysis.verdicts.kinds import KINDS

#: Unit words, singular and plural (message ids).
UNITS: dict[str, tuple[str, str]] = {
    "days": Nn_("{n} day", "{n} days"),
    "months": Nn_("{n} month", "{n} months"),
    "calls": Nn_("{n} call", "{n} calls"),
    "meetings": Nn_("{n} meeting", "{n} meetings"),
    "contacts": Nn_("{n} contact", "{n} contacts"),
    "points": Nn_("{n} point", "{n} points"),
    "envoys": Nn_("{n} envoy", "{n} envoys"),
    "representatives": Nn_("{n} representative", "{n} representatives"),
    "deaths": Nn_("{n} death", "{n} deaths"),
    "minutes": Nn_("{n} minute", "{n} minutes"),
    "hours": Nn_("{n} hour", "{n} hours"),
    "weeks": Nn_("{n} week", "{n} weeks"),
    "years": Nn_("{n} year", "{n} years"),
}
HEDGE_WORDS: dict[str, str] = {
    "exact": "{q}", "about": N_("about {q}"), "almost": N_("almost {q}"), "just_over": N_("just over {q}"),
    "at_least": N_("at least {q}"), "more_than": N_("more than {q}"), "at_most": N_("at most {q}"),
    "less_than": N_("less than {q}"),
}
WORDS: dict[str, dict[str, str]] = {
    "role": {"us_dod": N_("the Pentagon"), "us_industry": N_("US industry"), "ukraine": N_("Ukraine")},
    "group": {"all": N_("all respondents"), "republicans": N_("Republicans"), "democrats": N_("Democrats"),
              "independents": N_("independents")},
    "person": {"trump": N_("Trump"), "putin": N_("Putin"), "unknown": N_("not stated")},
    "clock": {"local": N_("local"), "Washington": N_("Washington"), "Moscow": N_("Moscow"), "Paris": N_("Paris")},
    "precision": {"day": N_("day"), "month": N_("month"), "year": N_("year")},
    "fidelity": {"faithful": N_("faithful"), "loose": N_("loose"), "unfaithful": N_("unfaithful"),
                 "misattributed": N_("misattributed"), "not_found": N_("not found")},
    "status": {"confirmed": N_("confirmed"), "one_source": N_("single-source"), "disputed": N_("disputed"),
               "unconfirmed": N_("unconfirmed"), "refuted": N_("refuted")},
    # Columns a citation's role can be limited to (citations.csv, ``aspect``).
    "column": {"duration_ru_min": N_("the Russian side's length only"),
               "duration_us_min": N_("the US side's length only"), "date": N_("the date only"), "time_utc": N_("the time only"),
               "initiator": N_("who called only")},
    "established": {"yes": N_("established"), "partly": N_("partly established"), "no": N_("not established"),
                    "n/a": N_("not a matter of fact")},
}
YES_NO = {"true": N_("yes"), "false": N_("no")}


@lru_cache(maxsize=8)
def _babel(locale: str) -> Locale:
    """Babel's locale object for a code, made once (given a code, each Babel call parses it again)."""
    return Locale.parse(locale)


def _plural_n(n: float, locale: str) -> int:
    if float(n).is_integer():
        return int(abs(n))
    return 1 if locale == "fr" and abs(n) < 2 else 2


def number(value: float, locale: str, digits: int = 1) -> str:
    """A number rounded half up, grouped the locale's way (``33,6`` / ``33.6``); made once per
    value (a claim's numbers recur in its readings, and Babel parses its pattern each call)."""
    return _number(_key(value), locale, digits)


def _key(value: float) -> str:
    """A number as the key of the caches below: its ``repr`` (``-0.0`` and ``0.0`` are equal, and
    hash alike, but Babel writes ``-0`` and ``0``)."""
    return repr(float(value))


@lru_cache(maxsize=4096)
def _number(value: str, locale: str, digits: int) -> str:
    rounded = round_half_up(float(value), digits)
    return format_decimal(rounded, format="#,##0." + "#" * digits if digits else "#,##0", locale=_babel(locale))


def quantity(n: float, unit: str, locale: str) -> str:
    """``63 jours``, ``800 M$US``, ``59 %``: a number with its unit, in the locale's words."""
    if unit in ("USD", "usd"):
        return usd(n, locale)
    if unit in ("percent", "%"):
        return percent(n, locale)
    if unit in UNITS:
        singular, plural = UNITS[unit]
        template = ngettext_for(locale)(singular, plural, _plural_n(n, locale))
        return template.format(n=number(n, locale))
    return number(n, locale) + (f"\u00a0{unit}" if unit else "")


def usd(value: float, locale: str) -> str:
    return _usd(_key(value), locale)


@lru_cache(maxsize=1024)
def _usd(value: str, locale: str) -> str:
    return format_compact_currency(float(value), "USD", locale=_babel(locale), fraction_digits=1)


def percent(points: float, locale: str) -> str:
    return _percent(_key(points), locale)


@lru_cache(maxsize=1024)
def _percent(points: str, locale: str) -> str:
    return format_percent(float(points) / 100, format="#,##0.#\u00a0%" if locale == "fr" else "#,##0.#%",
                          locale=_babel(locale))


def day(iso: str, locale: str, style: str = "long") -> str:
    """A date in the locale's words; French writes the first of a month as an ordinal (« 1er juillet »)."""
    return _day(str(iso)[:10], locale, style)


@lru_cache(maxsize=4096)
def _day(iso: str, locale: str, style: str) -> str:
    """:func:`day` of an ISO day, made once per day and locale (a report writes the same days many times)."""
    when = date.fromisoformat(iso)
    text = format_date(when, format=style, locale=_babel(locale))
    if locale.startswith("fr") and when.day == 1:
        text = re.sub(r"\b1(?= \D)", "1er", text, count=1)
    return text


@lru_cache(maxsize=1024)
def days_between_words(first: str, last: str, locale: str) -> str:
    """``20–21 décembre 2025``: a short range of days."""
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    if a == b:
        return day(first, locale)
    return format_interval(a, b, skeleton="yMMMd", locale=_babel(locale))


def weekday(name_fr: str, locale: str) -> str:
    """A French weekday name in the locale (``"mercredi"`` -> ``"Wednesday"``)."""
    french = {v.lower(): k for k, v in get_day_names("wide", locale=_babel("fr")).items()}
    if str(name_fr).lower() not in french:
        return str(name_fr)
    name = get_day_names("wide", locale=_babel(locale))[french[str(name_fr).lower()]]
    return name.lower() if locale == "fr" else name


def interval(value: dict, locale: str) -> str:
    _ = gettext_for(locale)
    unit = value.get("unit", "")
    low, high = value.get("low"), value.get("high")
    if low is None and high is None:
        return "—"
    if low is None:
        key = HEDGE_WORDS["at_most" if value.get("high_closed") else "less_than"]
        return _(key).format(q=quantity(high, unit, locale))
    if high is None:
        key = HEDGE_WORDS["at_least" if value.get("low_closed") else "more_than"]
        return _(key).format(q=quantity(low, unit, locale))
    if low == high:
        return quantity(low, unit, locale)
    return _(N_("from {low} to {high}")).format(low=quantity(low, unit, locale), high=quantity(high, unit, locale))


def hedged(value: dict, locale: str) -> str:
    _ = gettext_for(locale)
    template = HEDGE_WORDS.get(value.get("hedge") or "exact", "{q}")
    return _(template).format(q=quantity(value["n"], value.get("unit", ""), locale)) if template != "{q}" else \
        quantity(value["n"], value.get("unit", ""), locale)


def word(kind: str, value: object, locale: str) -> str:
    key = WORDS.get(kind, {}).get(str(value))
    return gettext_for(locale)(key) if key else str(value)


class _Formatter(string.Formatter):
    """``{name:type}`` -> the value formatted for the locale."""

    def __init__(self, locale: str):
        self.locale = locale

    def format_field(self, value: object, spec: str) -> str:
        locale = self.locale
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "—"
        if spec == "":
            return str(value)
        if spec == "date":
            return day(str(value), locale) if value else "—"
        if spec == "number":
            return number(float(value), locale)
        if spec in ("days", "points", "months"):
            return quantity(float(value), spec, locale)
        if spec == "qty":
            return quantity(float(value["n"]), value.get("unit", ""), locale)
        if spec == "usd":
            return usd(float(value), locale)
        if spec == "percent":
            return percent(float(value), locale)
        if spec == "weekday":
            return weekday(str(value), locale)
        if spec == "hedged":
            return hedged(value, locale)
        if spec == "interval":
            return interval(value, locale)
        if spec == "bilingual":
            return str(value.get(locale) or value.get("en", ""))
        if spec == "msg":
            return gettext_for(locale)(str(value))
        if spec == "message":
            return render(value, locale)
        if spec in WORDS:
            return word(spec, value, locale)
        raise ValueError(f"unknown placeholder type {spec!r}")


def render(message: Message | dict, locale: str) -> str:
    """A message as a sentence in ``locale`` (``"fr"`` or ``"en"``)."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; use one of {LOCALES}")
    if isinstance(message, dict):
        message = Message.from_record(message)
    template = gettext_for(locale)(message.key) if message.key not in ("{text:bilingual}", "{value}") else message.key
    return _Formatter(locale).format(template, **message.fields)


def _display(kind: str) -> str:
    """How a kind's values are shown (declared once, on the kind: :mod:`analysis.verdicts.kinds`)."""
    found = KINDS.get(kind)
    return found.display if found is not None else "number"


def _calendar(value: object, kind: str, locale: str) -> str:
    if isinstance(value, dict) and "from" in value:
        return days_between_words(value["from"], value["to"], locale)
    text = str(value)
    if kind == "month" and len(text) == 7:
        return format_date(date.fromisoformat(text + "-01"), format="MMMM y", locale=_babel(locale))
    if kind == "year" and len(text) == 4:
        return text
    if kind == "decade":
        return gettext_for(locale)(N_("the {decade}s")).format(decade=text[:4])
    if "/" in text:
        first, last = text.split("/")
        return days_between_words(first, last, locale)
    return day(text, locale)


def format_claimed(record: dict, locale: str) -> str:
    """The claimed value of a record, as the article's reader would say it."""
    kind, unit, claimed, hedge = record["kind"], record.get("unit", ""), record["claimed"], record.get("hedge", "exact")
    display = _display(kind)
    _ = gettext_for(locale)
    if display == "fidelity":
        return _(N_("as the article puts it"))
    if display == "longest":
        return _(N_("the longest"))
    if display == "first":
        return _(N_("the first"))
    if display == "person":
        return word("person", claimed, locale)
    if display == "weekday":
        return weekday(claimed, locale)
    if display == "roles":
        return _roles(claimed, locale)
    if display == "since":
        return _(N_("since {day}")).format(day=day(claimed, locale))
    if display == "calendar":
        if kind == "date" and record.get("window"):
            return _calendar(record["window"], kind, locale)
        return _calendar(claimed, kind, locale)
    if display == "text":
        return str(claimed)
    try:
        n = float(claimed)
    except ValueError:
        return str(claimed)
    return hedged({"n": n, "hedge": hedge, "unit": unit}, locale)


def format_computed(record: dict, locale: str) -> str:
    """The computed value of a record, in the same words as the claimed one."""
    kind, unit, value = record["kind"], record.get("unit", ""), record.get("computed")
    display = _display(kind)
    _ = gettext_for(locale)
    if value is None:
        return "—"
    detail = record.get("detail") or {}
    if display == "longest" and detail:
        return _(N_("{current} against {runner_up}")).format(current=quantity(detail["current"], "days", locale),
                                                              runner_up=quantity(detail["runner_up"], "days", locale))
    if display == "fidelity":
        return word("fidelity", value, locale) if value in WORDS["fidelity"] else "—"
    if display == "first":
        if isinstance(value, dict):
            return _(N_("{shown} earlier shown, {unknown} undetermined")).format(**value)
        return _(N_("none earlier")) if value == "none" else str(value)
    if display == "person":
        return word("person", value, locale)
    if display == "weekday":
        return weekday(str(value), locale)
    if display == "roles":
        return _roles(str(value), locale)
    if display in ("calendar", "since"):
        return _calendar(value, "date" if display != "since" else "since", locale)
    if display == "text":
        return str(value)
    if isinstance(value, dict) and "from" in value:  # a range (a rank between two places)
        return _(N_("from {low} to {high}")).format(low=quantity(value["from"], unit, locale),
                                                    high=quantity(value["to"], unit, locale))
    try:
        n = float(value)
    except (TypeError, ValueError):
        return str(value)
    computed_hedge = record.get("computed_hedge", "exact")
    return hedged({"n": n, "hedge": computed_hedge, "unit": unit}, locale) if computed_hedge != "exact" else \
        quantity(n, unit, locale)


def _roles(text: str, locale: str) -> str:
    _ = gettext_for(locale)
    pairs = dict(p.split("=", 1) for p in str(text).split(";") if "=" in p)
    return _(N_("buyer: {buyer}, seller: {seller}")).format(buyer=word("role", pairs.get("buyer", ""), locale),
                                                           seller=word("role", pairs.get("seller", ""), locale))
