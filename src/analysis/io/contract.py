"""Names the code relies on in the data contract: id columns, clocks, statuses, roles.

Allowed values live in ``datapackage.json`` (Frictionless enforces them); this module only
names the few the code needs to reason with.
"""

from __future__ import annotations

#: The column that identifies a row, for every table whose rows cite sources.
ID_COLUMNS: dict[str, str] = {
    "contacts": "contact_id",
    "events": "event_id",
    "legislation": "item_id",
    "usai_history": "row_id",
    "supplementals": "row_id",
    "polls": "poll_id",
    "statements": "statement_id",
    "framing": "claim_id",
    "articles": "article_id",
}

#: Which column holds a contact's day on each clock (conventions: ``date`` is Washington, D.C.).
CLOCK_COLUMNS: dict[str, str] = {"washington": "date", "moscow": "date_moscow"}

CONTACT_TYPES: tuple[str, ...] = ("call", "meeting")
#: Row statuses, most to least certain (``data/README.md`` defines them).
STATUSES: tuple[str, ...] = ("confirmed", "one_source", "disputed", "unconfirmed", "refuted")
#: What a source does for a row it is cited by.
ROLES: tuple[str, ...] = ("supports", "contradicts", "context")
