"""Every number in both articles is in the claim register or excused with a reason."""

from __future__ import annotations

import pytest

from analysis import coverage, loaders


def test_numbers_in_finds_digits_and_words():
    found = [n.text for n in coverage.numbers_in("Sept appels en 2025, la moitié en juin ; un seul.")]
    assert found == ["Sept", "2025", "moitié"]
    assert [n.text for n in coverage.numbers_in("un seul", include_weak=True)] == ["un"]


def test_uncovered_respects_snippets():
    text = "Il y a eu 7 appels et 2 rencontres."
    assert [n.text for n in coverage.uncovered(text, ["7 appels"])] == ["2"]
    assert coverage.uncovered(text, ["7 appels", "2 rencontres"]) == []


@pytest.mark.parametrize("article_id", ["dec2025", "rtl2025"])
def test_every_number_of_the_article_is_covered(article_id):
    text = loaders.article_text(article_id)
    claims = loaders.load("claims")
    excluded = loaders.load("claims_excluded")
    snippets = list(claims.loc[claims["article_id"] == article_id, "quote"]) + list(
        excluded.loc[excluded["article_id"] == article_id, "text"])
    missing = coverage.uncovered(text, snippets)
    assert not missing, "\n".join(f"{n.text!r} in …{n.context(text)}…" for n in missing)
