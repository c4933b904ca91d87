"""Names the code relies on in the data contract: id columns, clocks, statuses, roles.

Allowed values, keys, date columns and coverage live in ``datapackage.json`` (Frictionless
enforces them; :class:`~analysis.io.package.DataPackage` reads them); this module only names the
few values the code needs to reason with.
"""

from __future__ import annotations

#: Which column holds a contact's day on each clock (conventions: ``date`` is Washington, D.C.).
CLOCK_COLUMNS: dict[str, str] = {"washington": "date", "moscow": "date_moscow"}

CONTACT_TYPES: tuple[str, ...] = ("call", "meeting")
#: Row statuses, most to least certain (``data/README.md`` defines them).
STATUSES: tuple[str, ...] = ("confirmed", "one_source", "disputed", "unconfirmed", "refuted")
#: What a source does for a row it is cited by.
ROLES: tuple[str, ...] = ("supports", "contradicts", "context")

#: Where an executed notebook's outputs carry what its run published (output metadata keys): its
#: verdict records, and the data tables it read (the build's record of its inputs).
METADATA_KEY = "analysis/verdict-records"
TABLES_KEY = "analysis/tables-read"
