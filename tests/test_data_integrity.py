"""The data package keeps its contract: schema, sources, keys, dates, statuses."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import pytest

from analysis import loaders, paths
from analysis.contacts import STATUSES

DATA = paths.project_root() / "data"


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def test_the_package_validates():
    loaders.validate_package(DATA)


def test_sources_are_complete():
    sources = raw("sources")
    assert not sources["source_id"].duplicated().any()
    for column in ("publisher", "title", "url", "date_accessed", "excerpt"):
        assert (sources[column].str.strip() != "").all(), f"a source has no {column}"
    assert sources["url"].str.match(r"https?://").all()
    assert (sources["excerpt"].str.split().str.len() <= loaders.MAX_EXCERPT_WORDS).all()


def test_every_row_names_known_sources():
    known = set(raw("sources")["source_id"])
    for name in ("contacts", "legislation", "usai_history", "supplementals", "polls", "events", "framing"):
        table = raw(name)
        for line, cell in enumerate(table["source_ids"], start=2):
            ids = loaders.split_ids(cell)
            assert ids, f"{name}.csv line {line}: no source"
            assert set(ids) <= known, f"{name}.csv line {line}: unknown {set(ids) - known}"


def test_confirmed_contacts_have_two_sources_and_every_contact_a_dated_one():
    contacts, sources = raw("contacts"), raw("sources").set_index("source_id")
    for _, row in contacts.iterrows():
        ids = loaders.split_ids(row["source_ids"])
        if row["status"] == "confirmed":
            assert len(ids) >= 2, row["contact_id"]
        assert (sources.loc[ids, "date_published"] != "").any(), f"{row['contact_id']}: no dated source"


def test_contacts_dates_statuses_and_duplicates():
    contacts = raw("contacts")
    assert set(contacts["status"]) <= set(STATUSES)
    iso = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    for column in ("date", "date_moscow"):
        filled = contacts[column][contacts[column] != ""]
        assert filled.map(lambda v: bool(iso.match(v))).all()
    dated = contacts[contacts["date"] != ""]
    assert not dated.duplicated(["date", "type", "status"]).any()
    assert not contacts["contact_id"].duplicated().any()


def test_article_texts_match_their_registered_hash():
    for _, row in raw("articles").iterrows():
        digest = hashlib.sha256((DATA / "articles" / row["file"]).read_bytes()).hexdigest()
        assert digest == row["sha256"], row["file"]
        if not row["source_ids"]:
            assert row["note"], f"{row['article_id']}: no source and no note saying why"


def test_every_claim_quote_is_verbatim_and_has_a_notebook():
    articles = raw("articles").set_index("article_id")
    notebooks = {p.stem for p in paths.notebooks_dir().glob("*.ipynb")}
    for _, row in raw("claims").iterrows():
        text = (DATA / "articles" / articles.loc[row["article_id"], "file"]).read_text("utf-8")
        assert row["quote"] in text, row["claim_id"]
        assert row["notebook"] in notebooks, row["claim_id"]


@pytest.mark.parametrize(
    "name", ["sources", "contacts", "articles", "claims", "legislation", "usai_history", "supplementals", "polls",
             "events", "claims_excluded", "framing"]
)
def test_every_column_is_documented_in_the_data_readme(name):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for column in raw(name).columns:
        assert f"`{column}`" in readme, f"{name}.csv column {column} missing from data/README.md"


def test_house_party_splits_add_up():
    votes = raw("legislation").set_index("item_id")
    for column in ("yea", "nay"):
        parts = sum(int(votes.loc[f"ndaa26-house-passage-{party}", column]) for party in ("republicans", "democrats"))
        assert parts == int(votes.loc["ndaa26-house-passage", column])


def test_legislation_money_rows_have_amounts_and_fiscal_years():
    table = raw("legislation")
    money = table[table["item"] == "usai_authorization"]
    assert (money["amount_usd"] != "").all() and money["fiscal_year"].str.fullmatch(r"\d{4}").all()


def test_poll_rows_are_unique_per_series_wave_and_group():
    table = raw("polls")
    assert not table.duplicated(["series_id", "wave", "group"]).any()
    values = table[["pct_favor", "pct_oppose"]].replace("", None).astype(float)
    assert values.notna().any(axis=1).all(), "a poll row with no figure"


def test_timeline_claims_name_an_event_and_events_are_ordered():
    claims, events = raw("claims"), raw("events")
    timeline = claims[claims["notebook"] == "04_timeline"]
    assert (timeline["event_id"] != "").all()
    assert set(timeline["event_id"]) <= set(events["event_id"])
    assert (events["date_start"] <= events["date_end"]).all()


def test_articles_readme_gives_each_text_and_its_sha256():
    readme = (DATA / "articles" / "README.md").read_text(encoding="utf-8")
    for _, row in raw("articles").iterrows():
        digest = hashlib.sha256((DATA / "articles" / row["file"]).read_bytes()).hexdigest()
        assert row["file"] in readme and digest in readme, row["file"]
