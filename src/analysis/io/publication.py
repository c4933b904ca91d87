"""The publication's declared settings (``publication/config.toml``) and corrections log
(``publication/corrections.csv``). Dates come from here, never from the clock."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from analysis import paths
from analysis.errors import DataValidationError


@dataclass(frozen=True)
class Publication:
    checked_on: date
    published_on: date
    reviewer: str
    contact_url: str
    base_url: str


def config_path():
    return paths.project_root() / "publication" / "config.toml"


@lru_cache(maxsize=1)
def publication() -> Publication:
    path = config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return Publication(date.fromisoformat(raw["checked_on"]), date.fromisoformat(raw["published_on"]),
                           str(raw["reviewer"]), str(raw.get("contact_url", "")), str(raw.get("base_url", "")))
    except FileNotFoundError:
        raise DataValidationError(path, None, None, "file is missing", hint="Restore it with git.") from None
    except (tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise DataValidationError(path, None, None, f"not a valid publication config ({exc})",
                                  hint="Fix it (ISO dates for checked_on and published_on) and run again.") from None


@dataclass(frozen=True)
class Correction:
    date: date
    claim_id: str
    before: str
    after: str
    reason: dict[str, str]


CORRECTION_COLUMNS = ("date", "claim_id", "before", "after", "reason_en", "reason_fr")


def corrections() -> list[Correction]:
    """The corrections log, newest first."""
    path = paths.project_root() / "publication" / "corrections.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = reader.fieldnames or []
    missing = [c for c in CORRECTION_COLUMNS if c not in header]
    if missing:
        raise DataValidationError(path, 1, missing[0], f"the header lacks {', '.join(missing)}")
    found = []
    for line, row in enumerate(rows, start=2):
        if None in row:
            raise DataValidationError(path, line, None, f"{len(header) + len(row[None])} cells where the header has "
                                      f"{len(header)}: a comma inside a cell must be in double quotes")
        for column in CORRECTION_COLUMNS:
            if not (row.get(column) or "").strip():
                raise DataValidationError(path, line, column, "empty: every correction gives its date, claim, "
                                          "verdicts before and after, and its reason in both languages")
        try:
            day = date.fromisoformat(row["date"])
        except ValueError:
            raise DataValidationError(path, line, "date", f"{row['date']!r} is not a date (YYYY-MM-DD)") from None
        found.append(Correction(day, row["claim_id"], row["before"], row["after"],
                                {"en": row["reason_en"], "fr": row["reason_fr"]}))
    return sorted(found, key=lambda c: (c.date, c.claim_id), reverse=True)
