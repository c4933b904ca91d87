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


def corrections() -> list[Correction]:
    """The corrections log, newest first."""
    path = paths.project_root() / "publication" / "corrections.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = []
    for line, row in enumerate(rows, start=2):
        try:
            found.append(Correction(date.fromisoformat(row["date"]), row["claim_id"], row["before"], row["after"],
                                    {"en": row["reason_en"], "fr": row["reason_fr"]}))
        except (KeyError, ValueError) as exc:
            raise DataValidationError(path, line, None, f"bad correction row ({exc})") from None
    return sorted(found, key=lambda c: (c.date, c.claim_id), reverse=True)
