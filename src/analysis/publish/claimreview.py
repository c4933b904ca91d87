"""schema.org ClaimReview records, one per verdict, in the profile fact-check databases read.

Google's required fields (``claimReviewed`` of at most 75 characters, ``reviewRating`` with an
``alternateName``, ``url``), its recommended ones (``author``, ``datePublished``, ``itemReviewed``
as a ``Claim`` with ``appearance``, ``author`` and ``datePublished``), plus ``ratingExplanation``,
``citation`` (the sources) and ``isBasedOn`` (the notebook). ``schemas/claimreview.schema.json``
is the profile; the tests validate every record against it.
"""

from __future__ import annotations

import pandas as pd

from analysis.verdicts.scale import Verdict

MAX_CLAIM_REVIEWED = 75
#: The reviewing organisation, as it signs every record.
REVIEWER = {"@type": "Organization", "name": "Trump–Putin 2025: a reproducible fact-check"}


def shorten(text: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """Cut at a word boundary with an ellipsis so the result has at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def _rating(verdict: Verdict) -> dict:
    rating = {"@type": "Rating", "alternateName": verdict.label,
              "bestRating": 5, "worstRating": 1}
    if verdict.rating is not None:
        rating["ratingValue"] = verdict.rating
    return rating


def _appearance(article: pd.Series) -> dict:
    work = {"@type": "NewsArticle", "headline": article["title"]}
    if article["url"]:
        work["url"] = article["url"]
    if article["publisher"]:
        work["publisher"] = {"@type": "Organization", "name": article["publisher"]}
    if article["date_published"]:
        work["datePublished"] = article["date_published"]
    return work


def claim_review(record: dict, article: pd.Series, sources: pd.DataFrame, page_url: str,
                 notebook_url: str, date_published: str) -> dict:
    """The ClaimReview of one verdict record."""
    verdict = Verdict(record["verdict"])
    claim_author = article["publisher"] or "Unknown publisher (not established)"
    cited = sources[sources["source_id"].isin(record["source_ids"])]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page_url}#{record['claim_id']}",
        "claimReviewed": shorten(record["quote"]),
        "author": REVIEWER,
        "datePublished": date_published,
        "reviewRating": _rating(verdict),
        "ratingExplanation": record["explanation_text"]["en"],
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": claim_author},
            **({"datePublished": article["date_published"]} if article["date_published"] else {}),
            "appearance": [_appearance(article)],
        },
        "citation": [
            {"@type": "CreativeWork", "name": f"{row.publisher}: {row.title}", "url": row.url}
            for row in cited.itertuples()
            if str(row.url).startswith(("http://", "https://"))
        ],
        "isBasedOn": {"@type": "SoftwareSourceCode", "name": record["notebook"], "url": notebook_url},
    }
