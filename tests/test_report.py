"""The report: French first with English beside it, every reader-visible sentence from the catalogs,
a summary per article, a method page, offline and safe, ClaimReview that validates."""

from __future__ import annotations

import io
import json
import os
import re

import extruct
import jsonschema
import pandas as pd
import pytest

from analysis import paths
from analysis.pipeline.publication import records_in
from analysis.publish import readme, report
from analysis.publish.language import english_sentences, visible
from conftest import TEST_BASE_URL, project

ROOT = paths.project_root()
@pytest.fixture(scope="module")
def built(fresh_build):
    return fresh_build / "report"


@pytest.fixture(scope="module")
def records(fresh_build):
    return records_in(fresh_build / "results")


def test_the_french_pages_have_no_english_sentence(built):
    for page in ("index.html", "methode.html"):
        assert english_sentences((built / page).read_text("utf-8")) == [], page
    assert english_sentences((built / "en.html").read_text("utf-8")), "the test can see English"


@pytest.mark.parametrize("page", ["index.html", "en.html"])
def test_one_card_per_verdict_record(built, records, page):
    rows = [a for t, a in visible((built / page).read_text("utf-8")).tags if "verdict-row" in a.get("class", "")]
    assert sorted(a["id"] for a in rows) == sorted(r["claim_id"] for r in records)


def test_each_article_opens_with_what_we_checked(built, records):
    html = (built / "index.html").read_text("utf-8")
    assert html.count("Ce que nous avons vérifié") == len(project().table("articles")) and "Ce qui est faux, trompeur ou approximatif" in html
    first_claim = html.index("verdict-row")
    assert html.index("Ce que nous avons vérifié") < first_claim
    sections = html.split('<section class="article"')[1:] if '<section class="article"' in html else [html]
    for article_id in project().table("articles")["article_id"]:
        section = next((s for s in sections if f'id="{next((r["claim_id"] for r in records if r["article_id"] == article_id), "")}"' in s), "")
        if "Jours de la semaine" not in section:
            continue
        calendar = section.index("Jours de la semaine")
        substantive = [section.index(f'id="{r["claim_id"]}"') for r in records
                       if r["article_id"] == article_id and r["theme"] != "calendar"]
        assert max(substantive) < calendar, f"{article_id}: calendar checks come after the substantive claims"


def test_every_verdict_links_to_its_definition_on_the_method_page(built):
    index, method = (built / "index.html").read_text("utf-8"), (built / "methode.html").read_text("utf-8")
    for code in re.findall(r'data-verdict="([A-Z]+)"', index):
        assert f'href="methode.html#{code}"' in index and f'id="{code}"' in method
    assert "Corrections" in method and "Ce que nous n’avons pas vérifié" in method


@pytest.mark.parametrize("page", ["index.html", "en.html", "methode.html", "method.html", "notebooks/01_calls.html"])
def test_nothing_is_loaded_from_outside_the_report(built, page):
    html = (built / page).read_text("utf-8")
    for tag, attrs in visible(html).tags:
        assert "src" not in attrs or attrs["src"].startswith("data:"), (tag, attrs.get("src"))
        assert tag != "link", "no stylesheet or font is linked"
    assert "@import" not in html and "url(http" not in html


def test_dates_come_from_the_declared_configuration(built):
    html = (built / "index.html").read_text("utf-8")
    config = (ROOT / "publication" / "config.toml").read_text("utf-8")
    checked = re.search(r'checked_on = "(\d{4})-(\d{2})-(\d{2})"', config)
    assert f" {int(checked.group(3))} " in html and checked.group(1) in html


def test_claimreview_is_published_for_substantive_claims_and_validates(built, records):
    schema = json.loads((ROOT / "schemas" / "claimreview.schema.json").read_text("utf-8"))
    reviews = json.loads((built / "claimreview.jsonld").read_text("utf-8"))
    substantive = [r for r in records if r["theme"] != "calendar"]
    assert len(reviews) == len(substantive)
    for review in reviews:
        jsonschema.validate(review, schema)
        assert len(review["claimReviewed"]) <= 75 and review["dateModified"]
        # Google's required fields, and the recommended ones, offline:
        assert review["url"].startswith(TEST_BASE_URL) and review["reviewRating"]["alternateName"]
        assert review["reviewRating"]["ratingExplanation"] and "ratingExplanation" not in review
        for appearance in review["itemReviewed"]["appearance"]:
            assert "Inconnu" not in json.dumps(appearance, ensure_ascii=False)
    articles = project().table("articles").set_index("article_id")
    for review, record in zip(reviews, [r for r in records if r["theme"] != "calendar"], strict=True):
        article = articles.loc[record["article_id"]]
        appearance = review["itemReviewed"]["appearance"][0]
        assert ("headline" in appearance) == bool(article["title"])  # never a placeholder headline
        assert ("datePublished" in appearance) == pd.notna(article["date_published"])


def test_json_ld_is_once_in_the_page_that_shows_the_claims_and_is_the_published_file(built):
    extracted = extruct.extract((built / "index.html").read_text("utf-8"), syntaxes=["json-ld"])["json-ld"]
    published = json.loads((built / "claimreview.jsonld").read_text("utf-8"))
    assert extracted == [published] or extracted == published
    assert extruct.extract((built / "en.html").read_text("utf-8"), syntaxes=["json-ld"])["json-ld"] == []


def test_without_a_base_url_no_claimreview_is_written_and_the_build_says_what_to_set(records):
    pages = report.render_pages(records, project().table("sources"), project().table("articles"),
                                project().table("claims_excluded"), [], base_url="")
    assert "claimreview.jsonld" not in pages and "ld+json" not in pages["index.html"]
    from analysis.pipeline.runner import _publication_settings

    said = io.StringIO()
    _publication_settings("", "", said)
    assert "base_url" in said.getvalue() and "--base-url" in said.getvalue()


def test_hostile_strings_are_escaped_and_bad_urls_never_become_links(records):
    sources = project().table("sources")
    record = json.loads(json.dumps(records[0]))
    hostile = pd.DataFrame([{**sources.iloc[0].to_dict(), "source_id": "evil", "publisher": "<b>Evil</b>",
                             "title": "<script>alert('x')</script></script>", "url": "javascript:alert(1)"}])
    record["sources"] = [{"source_id": "evil", "role": "supports", "origin": "x", "table": "contacts", "row_id": "x"}]
    record["source_ids"] = ["evil"]
    record["quote"] = "<img src=x onerror=alert(1)>"
    record["explanation"] = [{"key": "{text:bilingual}", "fields": {"text": {"en": "</script><script>x", "fr": "<b>y"}}}]
    pages = report.render_pages([record], pd.concat([sources, hostile]), project().table("articles"),
                                project().table("claims_excluded"), [], base_url=TEST_BASE_URL)
    html = pages["index.html"]
    assert "<img src=x" not in html and "<b>Evil</b>" not in html and "<b>y" not in html
    assert not [a for t, a in visible(html).tags if t == "a" and a.get("href", "").lower().startswith("javascript")]
    assert [a for t, a in visible(html).tags if t == "script"] == [{"type": "application/ld+json"}]
    assert html.count("</script>") == 1


def test_safe_url():
    assert report.safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "ftp://x", "", None, "https://a b"):
        assert report.safe_url(bad) is None


def test_the_readme_table_matches_the_results_and_is_escaped(records):
    text = (ROOT / "README.md").read_text("utf-8")
    committed = records_in(paths.results_dir())
    assert readme.updated(text, committed) == text, "run `make report` to refresh README.md"
    table = re.search(re.escape(readme.START) + "(.*?)" + re.escape(readme.END), text, flags=re.DOTALL).group(1)
    assert table.count("\n| `") == len(committed)
    hostile = dict(committed[0], quote="a | b <script>x</script>")
    line = readme.verdict_table([hostile]).splitlines()[-1]
    assert "<script>" not in line and "a \\| b" in line and line.count(" | ") == 4


def test_a_re_run_says_what_it_changed_what_the_wording_fixed_and_shows_only_its_articles(records):
    rerun = [json.loads(json.dumps(r)) for r in records if r["notebook"] == "01_calls"]
    mine = next(r for r in rerun if r["claim_id"] == "dec-days-since-last-call")
    mine["verdict"], mine["parameters"]["contact_types"] = "IMPRECISE", ["call", "meeting"]
    published = {r["claim_id"]: r["verdict"] for r in records}
    pages = report.render_pages(rerun, project().table("sources"), project().table("articles"),
                                project().table("claims_excluded"), [], variant="contact_types=call,meeting",
                                published=published)
    html = pages["index.html"]
    assert "Ce qui change" in html and "Exact → Imprécis" in html
    assert "« contact_types »" in html
    shown = set(re.findall(r'id="article-([a-z0-9._-]+)"', html))
    assert shown == {r["article_id"] for r in rerun} and "0 affirmation" not in html


@pytest.mark.parametrize("page", ["index.html", "en.html"])
def test_charts_are_inline_svg_in_the_page_language_placed_with_the_claim_they_illustrate(built, page):
    html = (built / page).read_text("utf-8")
    sections = html.split('<section class="article"')[1:]
    for row in project().table("charts").itertuples():
        anchor = f'<figure class="chart" id="chart-{row.chart_id}">'
        section = next(s for s in sections if f'id="{row.claim_id}"' in s)
        assert anchor in section, f"{row.chart_id} is not in the section of {row.claim_id}"
        # In the claim's theme: no theme heading between the chart and the claim.
        between = section[section.index(anchor):section.index(f'id="{row.claim_id}"')]
        assert "<h3>" not in between and '<details class="theme">' not in between, row.chart_id
        figure = section[section.index(anchor):section.index("</figure>", section.index(anchor))]
        assert "<svg" in figure and "<img" not in figure and f'aria-labelledby="chart-{row.chart_id}-title"' in figure
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.DOTALL).group(1)
        assert re.search(r"\d", caption), "the text alternative gives the numbers"
        if page == "index.html":
            assert english_sentences(f"<p>{caption}</p>") == [], caption
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique across the page's charts"
    dated = {r["article_id"] for r in records_in(ROOT / "results") if r["kind"] in ("date", "month", "year")}
    for article_id in dated:
        assert f'id="chart-timeline-{article_id}"' in html


@pytest.mark.skipif(not __import__("analysis.fork").fork.SUPPORTED, reason="the report forks on Linux only")
def test_the_pages_made_in_forks_are_the_ones_made_here(records, monkeypatch, capfd):
    """The other languages' charts and pages and the notebooks' pages are made in forks while this
    process makes the first language's; the report is the one this process makes alone, byte for
    byte, and a fork that fails leaves its pages to this process."""
    from analysis import fork

    # Forks are made even if another test in this worker left an idle thread (IPython's history
    # thread, after a notebook's cells ran in-process): tests/test_fork.py tests when one is safe.
    monkeypatch.setattr(fork, "safe_here", lambda: fork.SUPPORTED)
    delivered = []
    collect = fork.Later._collect

    def spied(later):
        payload, why = collect(later)
        delivered.append(why is None)
        return payload, why

    monkeypatch.setattr(fork.Later, "_collect", spied)
    forked = report.render(records, paths.notebooks_dir(), project(), TEST_BASE_URL)
    other_languages, notebooks_pages = len(report.PAGES) - 1, 1
    assert delivered == [True] * (other_languages + notebooks_pages), "every fork delivered its pages"
    with monkeypatch.context() as patched:
        patched.setattr(fork, "SUPPORTED", False)
        here = report.render(records, paths.notebooks_dir(), project(), TEST_BASE_URL)
    assert forked == here
    checked = {f"notebooks/{r['notebook']}.html" for r in records}
    assert {*report.PAGES.values(), *report.METHOD_PAGES.values(), "claimreview.jsonld", *checked} == set(here)
    parent, real = os.getpid(), report.notebook_pages

    def dies_in_a_fork(*args):
        if os.getpid() != parent:
            os._exit(3)
        return real(*args)

    monkeypatch.setattr(report, "notebook_pages", dies_in_a_fork)
    capfd.readouterr()
    assert report.render(records, paths.notebooks_dir(), project(), TEST_BASE_URL) == here
    assert "the notebooks' pages: the fork ended with exit status 3" in capfd.readouterr().err  # it died, and said so


@pytest.mark.parametrize("name", sorted(p.name for p in paths.notebooks_dir().glob("*.ipynb")))
def test_a_notebook_page_made_from_the_executed_notebook_is_the_one_made_from_its_file(name):
    """The build draws a notebook's page from the notebook it has just run, whose texts are whole
    strings where the file splits them into lines: the same page either way."""
    from analysis.publish import notebook_page

    path = paths.notebooks_dir() / name
    notebook = json.loads(path.read_text(encoding="utf-8"))

    def whole(value):
        return "".join(value) if isinstance(value, list) else value

    def executed(cell: dict) -> dict:  # what nbformat's split_lines splits, whole again
        outputs = [{**o, **({"text": whole(o["text"])} if "text" in o else {}),
                    **({"data": {k: whole(v) for k, v in o["data"].items()}} if "data" in o else {})}
                   for o in cell.get("outputs", [])]
        return {**cell, "source": whole(cell["source"]), **({"outputs": outputs} if "outputs" in cell else {})}

    in_memory = {**notebook, "cells": [executed(cell) for cell in notebook["cells"]]}
    assert in_memory != notebook  # the split texts were joined
    assert notebook_page.body(in_memory) == notebook_page.body(path)


def test_compiled_templates_are_kept_apart_by_jinja_version_and_options(tmp_path):
    """Jinja's own key is the template's name and source: a change of Jinja or of how the templates
    are compiled (trim_blocks…) must not reuse what was compiled before."""
    import jinja2

    from analysis.publish.report import _TEMPLATE_OPTIONS, _CompiledTemplates

    cache, other = _CompiledTemplates(str(tmp_path)), _CompiledTemplates(str(tmp_path))
    other.SALT = cache.SALT.replace('"trim_blocks":true', '"trim_blocks":false')
    assert other.SALT != cache.SALT and jinja2.__version__ in cache.SALT and _TEMPLATE_OPTIONS["trim_blocks"]
    assert cache.get_cache_key("report.html.j2") != other.get_cache_key("report.html.j2")


def test_a_template_cache_that_cannot_be_written_only_costs_the_compiling(tmp_path):
    """Its folder is a file here (what a read-only or full disk also gives: an OSError, even as root)."""
    from jinja2 import DictLoader, Environment

    from analysis.publish.report import _CompiledTemplates

    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("", encoding="utf-8")
    env = Environment(loader=DictLoader({"t.html": "{{ x }}"}), bytecode_cache=_CompiledTemplates(str(not_a_folder)))
    assert env.get_template("t.html").render(x=1) == "1"
