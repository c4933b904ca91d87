"""Message catalogs: every sentence a reader sees is an English message id translated with gettext.

The catalogs live in ``publish/locale/<lang>/LC_MESSAGES/messages.po`` and are managed with Babel
(``make messages`` runs ``pybabel extract`` and ``pybabel update``). They are compiled in memory
when loaded, so no binary file is committed; ``pybabel compile`` gives the same result.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
LOCALES = ("fr", "en")
DOMAIN = "messages"


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=4)
def translations(locale: str) -> gettext.NullTranslations:
    """The translations of one locale (English is the identity: message ids are English)."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; use one of {LOCALES}")
    path = po_path(locale)
    if locale == "en" or not path.is_file():
        return gettext.NullTranslations()
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(locale: str):
    """``_`` for one locale."""
    return translations(locale).gettext


def ngettext_for(locale: str):
    return translations(locale).ngettext
