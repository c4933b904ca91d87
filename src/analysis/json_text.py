"""Indented JSON text, the same bytes as :func:`json.dumps` gives, about twice as fast.

With ``indent`` set, :func:`json.dumps` cannot use its C encoder and walks every value in Python
generators; the notebooks and results a build writes are megabytes of small values (a record's
fields, a Markdown output's lines), so writing them cost more than checking the claims in them.
:func:`dumps` has the C encoder write the text without indentation (so every string and number is
written by ``json.dumps`` itself), then has ``msgspec.json.format`` lay it out: a formatter in C
that copies each string and number as it is and only adds the newlines and indents. NaN and the
infinities, which are not JSON and which the formatter refuses, go through :func:`json.dumps` as
they always did.

>>> import json
>>> value = {"b": [1, 2.5, None, True], "a": {"x": "é\\n", "y": []}, "c": {}}
>>> dumps(value, indent=1, sort_keys=True) == json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)
True
"""

from __future__ import annotations

import json

import msgspec

_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
_COMPACT_SORTED = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), sort_keys=True)


def compact(value: object, sort_keys: bool = False) -> str:
    """``value`` as JSON without whitespace, by the C encoder :func:`json.dumps` uses. Raises
    ``ValueError`` for NaN or an infinity (not JSON) and ``TypeError`` for what JSON cannot hold."""
    return (_COMPACT_SORTED if sort_keys else _COMPACT).encode(value)


def indented(text: str, indent: int) -> str:
    """Compact JSON ``text`` laid out as ``json.dumps(..., indent=indent)`` lays it out (strings and
    numbers copied as they are)."""
    return msgspec.json.format(text, indent=indent)


def loads(text: str | bytes) -> object:
    """``json.loads(text)``, the same values, read by msgspec's decoder (C, about half the time for
    a notebook's records); what it does not read (NaN, which ``json.loads`` accepts) goes to
    ``json.loads``, which also says what is wrong with text that is not JSON."""
    try:
        return msgspec.json.decode(text)
    except msgspec.DecodeError:
        return json.loads(text)


def dumps(value: object, indent: int, sort_keys: bool = False) -> str:
    """``json.dumps(value, indent=indent, sort_keys=sort_keys, ensure_ascii=False)``, the same
    text. What that cannot write (an object JSON cannot hold, keys of mixed types to sort) raises
    the same ``TypeError``. ``indent`` below 1 is left to :func:`json.dumps` (the formatter lays
    out indent 0 otherwise)."""
    if indent < 1:
        return json.dumps(value, indent=indent, sort_keys=sort_keys, ensure_ascii=False)
    try:
        return indented(compact(value, sort_keys), indent)
    except ValueError:  # NaN or an infinity: json.dumps writes them (NaN, Infinity); the formatter would not
        return json.dumps(value, indent=indent, sort_keys=sort_keys, ensure_ascii=False)
