"""The two articles checked: their registered texts and metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from analysis.errors import DataValidationError
from analysis.io import datapackage as dp
from analysis.io.load import load


def articles(data_dir: Path | str | None = None) -> pd.DataFrame:
    return load("articles", data_dir)


def article(article_id: str, data_dir: Path | str | None = None) -> pd.Series:
    table = articles(data_dir)
    rows = table[table["article_id"] == article_id]
    if rows.empty:
        raise DataValidationError(dp.table_path("articles", data_dir), None, "article_id",
                                  f"unknown article {article_id!r}")
    return rows.iloc[0]


def text(article_id: str, data_dir: Path | str | None = None) -> str:
    """The text of one article, as registered in ``articles.csv``."""
    return (dp.resolve(data_dir) / "articles" / article(article_id, data_dir)["file"]).read_text(encoding="utf-8")


def speaks_from(article_id: str, data_dir: Path | str | None = None) -> date:
    """The date an article speaks from by its own words ("aujourd’hui, jeudi 18")."""
    return pd.Timestamp(article(article_id, data_dir)["speaks_from"]).date()
