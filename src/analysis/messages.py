"""Marks reader-visible English strings for the message catalogs, without translating them here.

``N_("…")`` returns its argument unchanged; ``pybabel extract`` collects every string marked
with it (see ``babel.cfg``), and the publish layer translates it per locale with gettext. Code
below the publish layer never translates: it keeps the English message id and its fields.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark ``message`` for extraction; return it unchanged."""
    return message


class Message:
    """A reader-visible sentence kept apart from its values: an English template (the catalogs'
    message id) with named, typed placeholders, and the values to put in them.

    ``Message("{n:calls} after {start:date}.", n=7, start="2025-02-12")``. The type after the
    colon tells the publish layer how to format the value for each locale (a date, a count of
    calls, an amount in dollars…); plain ``{name}`` is inserted as it is.
    """

    __slots__ = ("fields", "key")

    def __init__(self, key: str, **fields: object):
        self.key = key
        self.fields = fields

    def as_record(self) -> dict:
        return {"key": self.key, "fields": dict(self.fields)}

    @classmethod
    def from_record(cls, record: dict) -> Message:
        return cls(record["key"], **record.get("fields", {}))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.fields.items()))))

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.fields!r})"


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (``ngettext``); return it unchanged."""
    return singular, plural
