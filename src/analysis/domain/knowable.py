"""What was public on a date: rows are filtered by the day they became public.

A call counts from its announcement, a poll from its release, a vote from its date. A row without
a publication date counts from the day it happened; a row with neither (a standing description,
such as what a programme funds) is always known.
"""

from __future__ import annotations

import pandas as pd

from analysis.domain.dates import DateLike, as_day


def public_by(table: pd.DataFrame, as_of: DateLike, published: str, happened: str | None = None) -> pd.DataFrame:
    """The rows public on or before ``as_of`` (``published``, else ``happened``, decides)."""
    when = table[published]
    if happened is not None and happened in table.columns:
        when = when.fillna(table[happened])
    return table[when.isna() | (when <= as_day(as_of))]
