"""Bad data stops with the file, the row and the column named."""

from __future__ import annotations

import pytest

from analysis import loaders
from analysis.errors import DataValidationError
from conftest import replace_cell


def error_after(data_copy, file: str, row_key: str, old: str, new: str) -> tuple[DataValidationError, int]:
    """Break one cell of a copy of the data; return the loader's error and the broken line."""
    line = replace_cell(data_copy / file, row_key, old, new)
    with pytest.raises(DataValidationError) as caught:
        loaders.load(file.removesuffix(".csv"), data_copy)
    return caught.value, line


@pytest.mark.parametrize(
    ("row_key", "old", "new", "column"),
    [
        ("2025-06-04-call", "2025-06-04,2025-06-04", "2025-06-31,2025-06-04", "date"),  # malformed date
        ("2025-10-16-call", "c2-rferl-2025-10-16", "c2-no-such-source", "source_ids"),  # unknown source id
        ("2025-07-03-call", ",confirmed,", ",probably,", "status"),  # status outside the allowed list
        ("2025-07-03-call", "2025-07-03,2025-07-03", "2025-07-03,2025-07-05", "date_moscow"),  # two days off
    ],
)
def test_bad_contacts_name_file_row_and_column(data_copy, row_key, old, new, column):
    error, line = error_after(data_copy, "contacts.csv", row_key, old, new)
    assert (error.path.name, error.line, error.column) == ("contacts.csv", line, column)
    assert f"contacts.csv, row {line}, column '{column}'" in str(error)


def test_the_error_names_the_bad_value(data_copy):
    error, _ = error_after(data_copy, "contacts.csv", "2025-10-16-call", "c2-rferl-2025-10-16", "c2-no-such-source")
    assert "c2-no-such-source" in str(error)


def test_a_quote_not_in_the_article_is_refused(data_copy):
    line = replace_cell(data_copy / "claims.csv", "dec-days-since-last-call", "63 jours", "64 jours")
    with pytest.raises(DataValidationError) as caught:
        loaders.load("claims", data_copy)
    assert (caught.value.path.name, caught.value.line, caught.value.column) == ("claims.csv", line, "quote")


def test_an_edited_article_text_is_refused(data_copy):
    text = data_copy / "articles" / "2025-12-18-trump-poutine-63-jours-sans-appel.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("63 jours", "64 jours"), encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        loaders.validate_package(data_copy)
    assert (caught.value.path.name, caught.value.column) == ("articles.csv", "sha256")
