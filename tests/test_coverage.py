"""Every checkable statement of both articles is in the claim register or excused with a reason:
numbers, quotations, superlatives and absolutes, titles and roles."""

from __future__ import annotations

import pytest

from analysis.io.statement_coverage import aspects_uncovered, statements_in, uncovered
from conftest import project


def test_the_scan_finds_each_kind():
    found = {(f.kind, f.text) for f in statements_in("Sept appels, le « premier » porte-parole n’a jamais dit \"non\".")}
    assert ("number", "Sept") in found and ("quotation", "« premier »") in found
    assert ("absolute", "jamais") in found and ("title", "porte-parole") in found
    assert ("quotation", '"non"') in found


def test_uncovered_respects_snippets():
    text = "Il y a eu 7 appels et 2 rencontres."
    assert [n.text for n in uncovered(text, ["7 appels"])] == ["2"]
    assert uncovered(text, ["7 appels", "2 rencontres"]) == []


def test_the_english_scan_finds_each_kind():
    found = {(f.kind, f.text) for f in statements_in('The first of seven calls, the spokesman said "never".', "en")}
    assert ("number", "seven") in found and ("absolute", "first") in found or ("number", "first") in found
    assert ("title", "spokesman") in found and ("quotation", '"never"') in found


@pytest.mark.parametrize("article_id", list(project().table("articles")["article_id"]))
def test_every_statement_of_the_article_is_covered(article_id):
    """Every checkable span of every article is a claim, a draft or an exclusion with its reason."""
    text = project().text(article_id)
    language = project().article(article_id)["language"]
    claims, excluded, drafts = (project().table(t) for t in ("claims", "claims_excluded", "drafts"))
    snippets = [*claims.loc[claims["article_id"] == article_id, "quote"],
                *excluded.loc[excluded["article_id"] == article_id, "text"],
                *drafts.loc[drafts["article_id"] == article_id, "quote"]]
    missing = uncovered(text, snippets, language=language)
    assert not missing, "\n".join(f"{n.kind} {n.text!r} in …{n.context(text)}…" for n in missing)


def test_opinions_and_forecasts_are_excluded_with_a_reason():
    excluded = project().table("claims_excluded")
    assert {"opinion", "forecast"} <= set(excluded["category"])
    assert (excluded["reason"].str.split().str.len() >= 4).all()


def test_no_passage_is_both_checked_and_listed_as_not_checked():
    """The method page lists the exclusions as « what we did not check »: a passage the register
    checks (or one inside a checked quote) must not be there too."""
    def norm(text: str) -> str:
        return " ".join(text.replace("’", "'").lower().split())

    claims, excluded = project().table("claims"), project().table("claims_excluded")
    both = [(row["article_id"], row["text"], q["claim_id"])
            for _, row in excluded.iterrows()
            for _, q in claims[claims["article_id"] == row["article_id"]].iterrows()
            if norm(row["text"]) in norm(q["quote"]) or norm(q["quote"]) in norm(row["text"])]
    assert both == []


@pytest.mark.parametrize("article_id", list(project().table("articles")["article_id"]))
def test_every_aspect_of_the_article_is_checked_or_excused(article_id):
    """Spans are not enough: a place, a time of day or an attribution inside a quote whose record
    checks something else is unchecked. Each must lie in a claim that says it checks that aspect,
    a draft, or an exclusion with its reason."""
    text = project().text(article_id)
    claims, excluded, drafts = (project().table(t) for t in ("claims", "claims_excluded", "drafts"))
    mine = claims[claims["article_id"] == article_id]
    checked = [(q, set(a.split(";"))) for q, a in zip(mine["quote"], mine["aspects"], strict=True)]
    passages = [*excluded.loc[excluded["article_id"] == article_id, "text"],
                *drafts.loc[drafts["article_id"] == article_id, "quote"]]
    missing = aspects_uncovered(text, project().article(article_id)["language"], checked, passages)
    assert not missing, "\n".join(f"{n.kind} {n.text!r} in …{n.context(text)}…" for n in missing)


def test_the_aspect_scan_bites():
    text = "Ils se sont rencontrés à Anchorage, dans la soirée, selon le Kremlin."
    found = {(f.kind, f.text) for f in aspects_uncovered(text, "fr", [(text, {"date"})], [])}
    assert found == {("place", "à Anchorage"), ("time_of_day", "dans la soirée"), ("attribution", "selon")}
    assert aspects_uncovered(text, "fr", [(text, {"place", "time_of_day", "attribution"})], []) == []
