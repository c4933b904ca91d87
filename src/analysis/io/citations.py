"""Which sources a data row cites, and what each does for it: supports, contradicts, context.

``data/citations.csv`` links a row of a table (``table``, ``row_id``) to a source
(``source_id``) with a ``role``, limited to one column of the row when ``aspect`` names it
(a source that confirms a call but gives another duration contradicts ``duration_min`` only). A contradicting source is never counted as support, and sources
that relay one origin (one wire story, one spokesperson) count as one: ``sources.csv`` gives each
source's ``origin``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.io.load import load

COLUMNS = ["table", "row_id", "source_id", "role", "aspect", "origin", "source_type", "publisher", "title", "url",
           "date_published", "language", "excerpt", "note"]


def citations(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every citation joined with its source's record, in file order."""
    links = load("citations", data_dir)
    sources = load("sources", data_dir).drop(columns=["date_accessed", "archive_url", "date_note"],
                                             errors="ignore")
    joined = links.merge(sources, on="source_id", how="left", validate="many_to_one")
    return joined[[c for c in COLUMNS if c in joined.columns]]


def for_rows(table: str, row_ids: Iterable[str], data_dir: Path | str | None = None,
             cited: pd.DataFrame | None = None) -> pd.DataFrame:
    """The citations of some rows of one table, supporting sources first."""
    cited = citations(data_dir) if cited is None else cited
    ids = list(dict.fromkeys(str(r) for r in row_ids))
    chosen = cited[(cited["table"] == table) & cited["row_id"].isin(ids)].copy()
    order = {"supports": 0, "contradicts": 1, "context": 2}
    chosen["_order"] = chosen["role"].map(order)
    chosen["_row"] = chosen["row_id"].map({r: i for i, r in enumerate(ids)})
    return chosen.sort_values(["_row", "_order", "source_id"]).drop(columns=["_order", "_row"]).reset_index(
        drop=True)


def supporting_origins(links: pd.DataFrame) -> list[str]:
    """The distinct origins among the supporting sources of some citations."""
    return sorted(set(links.loc[links["role"] == "supports", "origin"]))
