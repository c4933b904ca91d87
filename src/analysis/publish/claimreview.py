"""schema.org ClaimReview records for the claims a fact-checker would publish (not calendar checks),
in the profile fact-check databases read.

Google's required fields (``claimReviewed`` of at most 75 characters, ``reviewRating`` with an
``alternateName``, ``url``: absolute, so the build writes no ClaimReview without a base URL), its
recommended ones (``author``, ``datePublished``, ``itemReviewed`` as a ``Claim`` with ``appearance``,
``author`` and ``datePublished`` where the data establish them, never a placeholder), plus the
rating's ``ratingExplanation`` (schema.org puts it on the Rating), ``citation`` (the sources the
check rests on, supporting ones first) and ``isBasedOn`` (the notebook). The report is French
first, so the records are in French (``inLanguage``). ``schemas/claimreview.schema.json`` is the
profile; the tests validate every record against it.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.io.publication import Publication
from analysis.publish.formatting import render
from analysis.publish.i18n import gettext_for
from analysis.verdicts.scale import Verdict

MAX_CLAIM_REVIEWED = 75
LOCALE = "fr"
#: Themes whose claims are published as ClaimReview (weekday and heading checks are not).
PUBLISHED_THEMES = ("calls", "ndaa", "polls", "diplomacy", "relationship")


def shorten(text: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """Cut at a word boundary with an ellipsis so the result has at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def _rating(verdict: Verdict, explanation: str) -> dict:
    rating = {"@type": "Rating", "alternateName": gettext_for(LOCALE)(verdict.label), "bestRating": 5,
              "worstRating": 1, "ratingExplanation": explanation}
    if verdict.rating is not None:
        rating["ratingValue"] = verdict.rating
    return rating


def _appearance(article: Mapping) -> dict:
    """Where the claim appeared: what the data establish about the article, and nothing they do not
    (a field not established is left out, never filled with a placeholder)."""
    work: dict = {"@type": "NewsArticle"}
    if article["title"]:
        work["headline"] = article["title"]
    if article["publisher"]:
        work["publisher"] = {"@type": "Organization", "name": article["publisher"]}
    if article["url"]:
        work["url"] = article["url"]
    if pd.notna(article["date_published"]):
        work["datePublished"] = article["date_published"].date().isoformat()
    return work


def _by_id(sources: pd.DataFrame) -> dict[str, dict]:
    return {row["source_id"]: row for row in sources.to_dict("records")}


def claim_review(record: dict, article: Mapping, sources: pd.DataFrame | dict[str, dict], page_url: str,
                 notebook_url: str, config: Publication) -> dict:
    """The ClaimReview of one verdict record. ``sources``: the sources table, or its rows by id
    (:func:`claim_reviews` indexes it once for all records)."""
    by_id = sources if isinstance(sources, dict) else _by_id(sources)
    verdict = Verdict(record["verdict"])
    order = {"supports": 0, "contradicts": 1, "context": 2}
    refs = sorted(record["sources"], key=lambda ref: order[ref["role"]])
    consulted = list(dict.fromkeys(ref["source_id"] for ref in refs))  # supporting first, then the others
    cited = [by_id[s] for s in consulted if s in by_id]
    item: dict = {"@type": "Claim", "appearance": [_appearance(article)]}
    if article["publisher"]:
        item["author"] = {"@type": "Organization", "name": article["publisher"]}
    if pd.notna(article["date_published"]):
        item["datePublished"] = article["date_published"].date().isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page_url}#{record['claim_id']}",
        "inLanguage": LOCALE,
        "claimReviewed": shorten(record["quote"]),
        "author": {"@type": "Organization", "name": config.reviewer},
        "datePublished": config.published_on.isoformat(),
        "dateModified": config.checked_on.isoformat(),
        "reviewRating": _rating(verdict, " ".join(render(m, LOCALE) for m in [*record["explanation"],
                                                                              *record.get("caveats", [])])),
        "itemReviewed": item,
        "citation": [{"@type": "CreativeWork", "name": f"{row['publisher']} : {row['title']}", "url": row["url"]}
                     for row in cited if str(row["url"]).startswith(("http://", "https://"))],
        "isBasedOn": {"@type": "SoftwareSourceCode", "name": record["notebook"], "url": notebook_url},
    }


def claim_reviews(records: list[dict], articles: pd.DataFrame, sources: pd.DataFrame, base_url: str,
                  config: Publication) -> list[dict]:
    by_article = {row["article_id"]: row for row in articles.to_dict("records")}
    by_id = _by_id(sources)
    return [claim_review(r, by_article[r["article_id"]], by_id, f"{base_url}index.html",
                         f"{base_url}notebooks/{r['notebook']}.html", config)
            for r in records if r["theme"] in PUBLISHED_THEMES]
