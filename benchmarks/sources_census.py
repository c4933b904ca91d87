"""The census of the sources (data/source_checks.csv), measured: how many sources a reader can find
again on a stored copy, overall and by what they do in the record (role, citing table, language),
and which rows have a supporting origin that rests only on pages not found.

The rule is analysis.io.provenance.verifiable (the one the report uses). Prints tables; asserts
nothing. Run: python3 benchmarks/sources_census.py   (from the project root, with its .venv).
"""

from __future__ import annotations

import sys

import pandas as pd

from analysis import paths
from analysis.io import provenance
from analysis.io.package import DataPackage


def by(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    table = frame.groupby(column)["verifiable"].agg(verifiable="sum", sources="count")
    table["share"] = (table["verifiable"] / table["sources"]).round(3)
    return table.sort_values("sources", ascending=False)


def main() -> int:
    data = DataPackage.open(paths.data_dir())
    sources = provenance.annotate(data.table("sources"), data.table("source_checks"))
    counted = provenance.share(sources["verifiable"])
    low, high = counted.interval()
    day = sources["checked_on"].max().date()
    print(f"Census of {day}: {counted.verifiable} of {counted.total} sources verifiable "
          f"= {counted.share:.1%} (a census, not a sample; Wilson 95 % for a sample this size: {low:.1%}–{high:.1%})")
    print("\nBy what the census found:")
    print(sources.groupby("copy_found")["verifiable"].agg(verifiable="sum", sources="count").to_string())
    cited = data.table("citations").merge(sources[["source_id", "verifiable", "copy_found", "language"]],
                                          on="source_id")
    print("\nBy role (a source cited with two roles counts in each):")
    print(by(cited.drop_duplicates(["source_id", "role"]), "role").to_string())
    print("\nBy citing table:")
    print(by(cited.drop_duplicates(["source_id", "table"]), "table").to_string())
    print("\nBy language:")
    print(by(sources, "language").to_string())
    support = cited[cited["role"] == "supports"].merge(sources[["source_id", "origin"]], on="source_id")
    origins = support.groupby(["table", "row_id", "origin"])["verifiable"].any().reset_index()
    weak = origins[~origins["verifiable"]]
    rows = origins.groupby(["table", "row_id"])["verifiable"].agg(["any", "count"])
    print(f"\nSupporting origins resting only on sources not verifiable: {len(weak)} of {len(origins)} "
          f"(rows with no verifiable support at all: {int((~rows['any']).sum())} of {len(rows)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
