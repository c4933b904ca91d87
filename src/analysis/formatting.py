"""Values as a French or an English reader expects them (Babel), one place for every format."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, get_day_names
from babel.numbers import format_compact_currency, format_decimal, format_percent

from analysis.tables import round_half_up

LOCALES = ("fr", "en")

#: Unit words, per language (singular, plural).
UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {"days": ("jour", "jours"), "calls": ("appel", "appels"), "meetings": ("rencontre", "rencontres"),
           "points": ("point", "points")},
    "en": {"days": ("day", "days"), "calls": ("call", "calls"), "meetings": ("meeting", "meetings"),
           "points": ("point", "points")},
}
YES_NO = {"fr": ("oui", "non"), "en": ("yes", "no")}
NONE_EARLIER = {"fr": "aucun précédent", "en": "none earlier"}
#: Words for the roles and parties of a ``key=value`` mechanism (legislation.csv ``value``).
ROLE_WORDS = {
    "buyer": {"fr": "acheteur", "en": "buyer"}, "seller": {"fr": "vendeur", "en": "seller"},
    "us_dod": {"fr": "Pentagone", "en": "Pentagon"}, "us_industry": {"fr": "industrie américaine", "en": "US industry"},
    "ukraine": {"fr": "Ukraine", "en": "Ukraine"},
}
VERSUS = {"fr": "contre", "en": "vs"}


def _number(value: float, locale: str) -> str:
    rounded = round_half_up(float(value), 1)
    return format_decimal(rounded, format="#,##0.#", locale=locale)


def weekday_in(name_fr: str, locale: str) -> str:
    """A French weekday name in another language (``"mercredi"`` -> ``"Wednesday"``)."""
    french = {v.lower(): k for k, v in get_day_names("wide", locale="fr").items()}
    if name_fr.lower() not in french:
        return name_fr
    return get_day_names("wide", locale=locale)[french[name_fr.lower()]]


def _roles(text: str, locale: str) -> str:
    from analysis.ndaa import parse_pairs

    pairs = parse_pairs(str(text)).items()
    word = lambda key: ROLE_WORDS.get(key, {}).get(locale, key)
    separator = "\u00a0: " if locale == "fr" else ": "
    return ", ".join(f"{word(k)}{separator}{word(v)}" for k, v in sorted(pairs))


def format_value(value: object, unit: str, locale: str, kind: str = "", detail: dict | None = None) -> str:
    """One claimed or computed value, formatted for ``locale`` (``"fr"`` or ``"en"``).

    ``kind`` (the claim's kind) decides how dates, months, years, weekdays and special values read;
    ``detail`` carries what a bare value cannot say (a longest stretch and its runner-up)."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; use one of {LOCALES}")
    if detail and {"current", "runner_up"} <= set(detail):
        days = UNITS[locale]["days"][1]
        return f"{detail['current']}\u00a0{days} {VERSUS[locale]} {detail['runner_up']}"
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or value in ("true", "false"):
        truth = value is True or value == "true"
        return YES_NO[locale][0 if truth else 1]
    if kind == "first" and value == "none":
        return NONE_EARLIER[locale]
    if kind == "mechanism":
        return _roles(str(value), locale)
    if unit == "date" or kind == "date":
        return format_date(date.fromisoformat(str(value)), format="long", locale=locale)
    if kind == "month":
        year, month = str(value).split("-")[:2]
        return format_date(date(int(year), int(month), 1), format="MMMM y", locale=locale)
    if kind == "year":
        return str(int(float(value)))
    if unit == "weekday" or kind == "weekday":
        return weekday_in(str(value), locale)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if unit == "USD":
        return format_compact_currency(number, "USD", locale=locale, fraction_digits=1)
    if unit == "percent":
        return format_percent(number / 100, locale=locale)
    if unit in UNITS[locale]:
        singular, plural = UNITS[locale][unit]
        return f"{_number(number, locale)}\u00a0{singular if abs(number) <= 1 else plural}"
    return _number(number, locale)
