"""The HTML report: one row per verdict, offline, safe, ClaimReview that validates and round-trips."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import extruct
import jsonschema
import pandas as pd
import pytest

from analysis import loaders, paths, readme, report, results

ROOT = paths.project_root()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    report.build_report(out)
    return out


@pytest.fixture(scope="module")
def records():
    return results.load_all(paths.results_dir())


class Tags(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("page", ["index.html", "en.html"])
def test_one_row_per_verdict_record(built, records, page):
    rows = [a for t, a in tags((built / page).read_text("utf-8")) if t == "tr" and "verdict-row" in a.get("class", "")]
    assert [a["id"] for a in rows] == [r["claim_id"] for r in records]


@pytest.mark.parametrize("page", ["index.html", "en.html", "notebooks/01_calls.html"])
def test_nothing_is_loaded_from_outside_the_report(built, page):
    html = (built / page).read_text("utf-8")
    for tag, attrs in tags(html):
        assert "src" not in attrs or attrs["src"].startswith("data:"), (tag, attrs.get("src"))
        assert tag != "link", "no stylesheet or font is linked"
    assert "@import" not in html and "url(http" not in html


def test_pages_link_both_ways(built):
    index = (built / "index.html").read_text("utf-8")
    for notebook in sorted(paths.notebooks_dir().glob("[0-9]*.ipynb")):
        assert f'href="notebooks/{notebook.stem}.html"' in index
        page = (built / "notebooks" / f"{notebook.stem}.html").read_text("utf-8")
        assert 'href="../index.html' in page


def test_claimreview_validates_against_the_profile(built, records):
    schema = json.loads((ROOT / "schemas" / "claimreview.schema.json").read_text("utf-8"))
    reviews = json.loads((built / "claimreview.jsonld").read_text("utf-8"))
    assert len(reviews) == len(records)
    for review in reviews:
        jsonschema.validate(review, schema)
        assert len(review["claimReviewed"]) <= 75


def test_the_schema_rejects_a_review_without_required_fields(built):
    schema = json.loads((ROOT / "schemas" / "claimreview.schema.json").read_text("utf-8"))
    review = json.loads((built / "claimreview.jsonld").read_text("utf-8"))[0]
    for field in ("claimReviewed", "reviewRating", "url"):
        broken = {k: v for k, v in review.items() if k != field}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**review, "claimReviewed": "x" * 76}, schema)


@pytest.mark.parametrize("page", ["index.html", "en.html"])
def test_json_ld_in_the_page_is_the_published_file(built, page):
    extracted = extruct.extract((built / page).read_text("utf-8"), syntaxes=["json-ld"])["json-ld"]
    published = json.loads((built / "claimreview.jsonld").read_text("utf-8"))
    assert extracted == [published] or extracted == published


def test_hostile_strings_are_escaped_and_bad_urls_never_become_links(records):
    sources = loaders.load("sources")
    record = dict(records[0])
    hostile = pd.DataFrame([{**sources.iloc[0].to_dict(), "source_id": "evil", "publisher": "<b>Evil</b>",
                             "title": "<script>alert('x')</script></script>", "url": "javascript:alert(1)"}])
    record["source_ids"] = ["evil"]
    record["explanation"] = "<img src=x onerror=alert(1)>"
    articles = loaders.load("articles")
    articles["date_published"] = articles["date_published"].dt.strftime("%Y-%m-%d")
    pages = report.render_pages([record], pd.concat([sources, hostile]), articles, headline_ids=[])
    html = pages["index.html"]
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Evil</b>" not in html
    assert "&lt;script&gt;alert" in html
    assert not [a for t, a in tags(html) if t == "a" and a.get("href", "").lower().startswith("javascript")]
    # Only the JSON-LD script element exists, and nothing in the data closes it early.
    scripts = [a for t, a in tags(html) if t == "script"]
    assert scripts == [{"type": "application/ld+json"}]
    assert html.count("</script>") == 1


def test_safe_url():
    assert report.safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "ftp://x", "", None):
        assert report.safe_url(bad) is None


def test_readme_table_matches_the_results(records):
    text = (ROOT / "README.md").read_text("utf-8")
    assert readme.updated(text, records) == text, "run `make report` to refresh README.md"
    table = re.search(re.escape(readme.START) + "(.*?)" + re.escape(readme.END), text, flags=re.DOTALL).group(1)
    assert table.count("\n| `") == len(records)
