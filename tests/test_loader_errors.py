"""Bad data stops with the file, the row and the column named."""

from __future__ import annotations

import pytest

from analysis import loaders
from analysis.errors import DataValidationError
from conftest import replace_cell


def test_malformed_date_names_file_row_and_column(data_copy):
    line = replace_cell(data_copy / "contacts.csv", "2025-06-04-call", "2025-06-04,2025-06-04", "2025-06-31,2025-06-04")
    with pytest.raises(DataValidationError) as caught:
        loaders.load("contacts", data_copy)
    error = caught.value
    assert (error.path.name, error.line, error.column) == ("contacts.csv", line, "date")
    assert "contacts.csv" in str(error) and f"row {line}" in str(error) and "'date'" in str(error)


def test_unknown_source_id_names_file_row_and_column(data_copy):
    line = replace_cell(data_copy / "contacts.csv", "2025-10-16-call", "c2-rferl-2025-10-16", "c2-no-such-source")
    with pytest.raises(DataValidationError) as caught:
        loaders.load("contacts", data_copy)
    error = caught.value
    assert (error.path.name, error.line, error.column) == ("contacts.csv", line, "source_ids")
    assert "c2-no-such-source" in str(error)


def test_bad_status_is_refused(data_copy):
    line = replace_cell(data_copy / "contacts.csv", "2025-07-03-call", ",confirmed,", ",probably,")
    with pytest.raises(DataValidationError) as caught:
        loaders.load("contacts", data_copy)
    assert (caught.value.line, caught.value.column) == (line, "status")


def test_moscow_date_two_days_off_is_refused(data_copy):
    line = replace_cell(data_copy / "contacts.csv", "2025-07-03-call", "2025-07-03,2025-07-03", "2025-07-03,2025-07-05")
    with pytest.raises(DataValidationError) as caught:
        loaders.load("contacts", data_copy)
    assert (caught.value.line, caught.value.column) == (line, "date_moscow")


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
