"""Load one table of the data package, validated, with typed columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.io import datapackage as dp
from analysis.io.validate import raw, validate_package

#: Names of the tables loaded in this process: a notebook reports them so the runner knows which
#: data files its outputs depend on.
TABLES_READ: set[str] = set()


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One table, validated, with typed columns.

    Dates become ``datetime64[ns]`` (missing: ``NaT``), integers nullable ``Int64``, numbers
    ``float64``; strings stay strings with empty cells as ``""``.
    """
    validate_package(data_dir)
    TABLES_READ.add(name)
    frame = raw(name, data_dir)
    for field in dp.resource(name, data_dir)["schema"]["fields"]:
        column, kind = field["name"], field.get("type", "string")
        if column not in frame.columns:
            continue
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d").astype(
                "datetime64[ns]")
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("Int64")
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype("float64")
    return frame
