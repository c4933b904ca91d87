"""The data package keeps its contract: schema, citations with roles, independent origins, clean
URLs, declared coverage and knowability, documentation of every column."""

from __future__ import annotations

import csv
import hashlib
import re
from urllib.parse import urlsplit

import pytest

from analysis import paths
from analysis.io import integrity
from analysis.io.package import DataPackage
from analysis.io.validate import MAX_EXCERPT_WORDS
from conftest import project

DATA = paths.project_root() / "data"


def rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_package_validates():
    DataPackage.open(DATA)


def id_columns() -> dict[str, str]:
    """The tables whose rows cite sources, with the column that names a row (from the descriptor)."""
    return {name: project().id_column(name) for name in project().citing_tables}


def test_sources_are_complete():
    sources = rows("sources")
    assert len({s["source_id"] for s in sources}) == len(sources)
    for source in sources:
        for column in ("publisher", "title", "url", "date_accessed", "excerpt", "origin", "source_type"):
            assert source[column].strip(), f"{source['source_id']}: no {column}"
        assert source["date_published"] or source["date_note"], f"{source['source_id']}: no date and no reason"
        assert len(source["excerpt"].split()) <= MAX_EXCERPT_WORDS


#: URLs a reader cannot rely on: spaces and invisible characters, admin or CMS paths, search and
#: listing pages, beta or staging hosts, tracking parameters, a host ending in a dot.
BAD_URL = {
    "space or invisible character": re.compile(r"\s|%20(?=$|[?#])|%e2%80%a8", re.IGNORECASE),
    "admin or CMS path": re.compile(r"/wp-admin|/admin/|/translations/add|/edit(\?|$)|//(cms|d\d+\.cms)\."),
    "search or listing page": re.compile(r"/search(/|\?|$)|[?&](q|s|search|query)=|/tags?/|/page/\d+/?$"),
    "beta, staging or preview host": re.compile(r"//(beta|staging|preview|dev)[.-]|staging\."),
    "tracking parameter": re.compile(r"[?&](utm_[a-z]+|srsltid|fbclid|gclid)="),
    "AMP wrapper": re.compile(r"[?&]amp(=1)?(&|$)|/amp/|\.amp(\.html)?$|cdn\.ampproject\.org", re.IGNORECASE),
    "aggregator wrapper": re.compile(r"//news\.google\.com/|//(www\.)?flipboard\.com/|//(www\.)?msn\.com/.+/ar-"),
}
#: Placeholder text where a title or a publisher should be (the page's own words, or a plain description).
PLACEHOLDER = re.compile(r"\[description\]|\(URL slug|\(title from URL|^untitled$|^n/?a$|\?\?\?", re.IGNORECASE)
#: Hosts and mirrors that hold copies, never the issuer's own document.
COPY_HOSTS = re.compile(r"github\.com|githubusercontent|heinonline|everycrsreport|self-law|presidency\.ucsb\.edu|"
                        r"web\.archive\.org", re.IGNORECASE)


def test_no_placeholder_in_a_title_or_a_publisher():
    bad = [s["source_id"] for s in rows("sources") for field in ("title", "publisher") if PLACEHOLDER.search(s[field])]
    assert not bad, f"placeholder text in a title or publisher: {bad[:10]}"


def test_primary_means_the_issuers_own_document():
    """A copy (a mirror of congress.gov, a statute research copy, a reproduction of a readout) is
    secondary, however faithful."""
    bad = [s["source_id"] for s in rows("sources")
           if s["source_type"] == "primary" and (COPY_HOSTS.search(s["url"]) or COPY_HOSTS.search(s["archive_url"]))]
    assert not bad, f"primary sources read through a copy: {bad[:10]}"


def test_the_hygiene_rules_catch_what_they_say():
    assert PLACEHOLDER.search("[description] Putin and Biden talk") and not PLACEHOLDER.search("Putin, Biden talk")
    assert BAD_URL["AMP wrapper"].search("https://x.org/a?amp=1") and BAD_URL["AMP wrapper"].search("https://x.org/amp/a")
    assert not BAD_URL["AMP wrapper"].search("https://x.org/camp/a")
    assert COPY_HOSTS.search("https://github.com/Kourpa/api.congress.gov/blob/x/data.json")


@pytest.mark.parametrize("problem", sorted(BAD_URL))
def test_urls_are_stable(problem):
    bad = [s["source_id"] for s in rows("sources") if BAD_URL[problem].search(s["url"])]
    bad += [s["source_id"] for s in rows("sources") if (urlsplit(s["url"]).hostname or "").endswith(".")]
    assert not bad, f"{problem}: {bad}"


def test_the_url_rules_catch_what_they_say():
    for url in ("https://x.org/a b", "https://x.org/a%20", "https://x.org/wp-admin/post.php", "https://x.org/search/trump",
                "https://beta.x.org/a", "https://x.org/a?utm_source=x"):
        assert any(rule.search(url) for rule in BAD_URL.values()), url


def test_every_citation_has_a_role_and_points_at_a_real_row():
    tables = {name: {r[column] for r in rows(name)} for name, column in id_columns().items()}
    for citation in rows("citations"):
        assert citation["role"] in ("supports", "contradicts", "context")
        assert citation["row_id"] in tables[citation["table"]], citation


def test_every_sourced_row_cites_something_and_contradictions_are_never_support():
    cited = rows("citations")
    for name, column in id_columns().items():
        if name in ("articles", "framing"):
            continue
        for row in rows(name):
            mine = [c for c in cited if c["table"] == name and c["row_id"] == row[column]]
            assert mine, f"{name}.csv {row[column]}: no source"
            if row.get("status") in ("confirmed", "one_source"):
                assert any(c["role"] == "supports" for c in mine), f"{name}.csv {row[column]}: no supporting source"


@pytest.mark.parametrize("check", sorted(integrity.CHECKS))
def test_integrity_checks_find_nothing(check):
    broken = integrity.CHECKS[check].find(project())
    assert broken.empty, broken.to_string()


def test_confirmed_needs_two_independent_origins(data_copy):
    """The rule bites: a confirmed contact whose second origin is removed is flagged."""
    cited = DataPackage.open(data_copy).citations
    support = cited[(cited["table"] == "contacts") & (cited["row_id"] == "2025-06-04-call")
                    & (cited["role"] == "supports")]
    keep = support["source_id"].iloc[0]
    origin = support["origin"].iloc[0]
    same = set(support.loc[support["origin"] == origin, "source_id"])
    lines = (data_copy / "citations.csv").read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not (ln.startswith("contacts,2025-06-04-call,") and ln.split(",")[2] not in same)]
    assert keep in same
    (data_copy / "citations.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    broken = integrity.status_without_origins("contacts")(DataPackage.open(data_copy))
    assert list(broken["contact_id"]) == ["2025-06-04-call"]


def test_dated_tables_declare_their_two_times_and_coverage():
    """Every table with a date of its own says which column dates a row (valid time), which says
    when it became public (knowledge time, where the two differ) and how far its research reaches."""
    for name in ("contacts", "prior_contacts", "events", "legislation", "polls", "statements", "usai_history"):
        facts = project().facts(name)
        assert facts.coverage is not None and facts.happened in facts.date_columns, name
    for name in ("contacts", "prior_contacts", "events", "legislation", "polls", "statements"):
        assert project().facts(name).published, name


@pytest.mark.parametrize("name", list(project().tables))
def test_every_column_is_documented_in_the_data_readme(name):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert f"`{name}.csv`" in readme, f"{name}.csv has no section in data/README.md"
    for column in project().facts(name).columns:
        assert f"`{column}`" in readme, f"{name}.csv column {column} missing from data/README.md"


def test_article_texts_match_their_registered_hash_and_their_readme():
    readme = (DATA / "articles" / "README.md").read_text(encoding="utf-8")
    for row in rows("articles"):
        digest = hashlib.sha256((DATA / "articles" / row["file"]).read_bytes()).hexdigest()
        assert digest == row["sha256"] and row["file"] in readme and digest in readme
    assert "rights" in readme.lower() or "droits" in readme.lower()


def test_statement_rows_say_what_was_said_and_both_languages():
    for row in rows("statements"):
        assert row["assessment_en"].strip() and row["assessment_fr"].strip(), row["statement_id"]
        if row["kind"] == "attribution" and row["rule"] != "not_found":
            assert row["said"].strip(), f"{row['statement_id']}: an attribution records the words said"


def test_every_hedge_column_allows_exactly_the_hedge_vocabulary():
    """The hedges and their meanings are defined once (analysis.verdicts.hedges); the descriptor's
    allowed values for every hedge column follow them."""
    from analysis.verdicts.hedges import HEDGES

    columns = [(name, column) for name, facts in project().tables.items() for column in facts.columns
               if column == "hedge" or column.endswith("_hedge")]
    assert columns
    for name, column in columns:
        assert project().facts(name).enum(column) == tuple(HEDGES), f"{name}.{column}"


def test_a_row_read_by_id_holds_what_the_frame_holds_value_for_value():
    """``DataPackage.row`` gives a row as a dict (a measure reads a few columns, and a Series' item
    cost more than the measure): each value is the frame's own, of the same type (``Timestamp``,
    ``NaT``, ``Int64``'s missing value, ``""``), on every row of every table, whole and as of a day."""
    import datetime

    import pandas as pd

    package = DataPackage.open()
    checked = 0
    for name in package.names:
        column = package.id_column(name) if name in package.citing_tables else None
        if column is None:
            continue
        for day in (None, datetime.date(2025, 12, 18)):
            frame = package.table(name) if day is None else package.public(name, day)
            for position, row_id in enumerate(frame[column]):
                row, expected = package.row(name, row_id, day), frame.iloc[position]
                assert list(row) == list(expected.index)
                for key, value in row.items():
                    assert type(value) is type(expected[key]), (name, row_id, key)
                    assert value is expected[key] or value == expected[key] or (pd.isna(value) and pd.isna(expected[key]))
                checked += 1
    assert checked > 100
