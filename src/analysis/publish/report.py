"""The HTML report a reader opens: verdicts in French and English, notebook pages, ClaimReview.

``build_report(out_dir)`` reads ``results/*.json`` and the data, and writes:

- ``index.html`` (French) and ``en.html`` (English): one row per verdict record;
- ``notebooks/<name>.html``: each notebook, code folded, linked both ways;
- ``claimreview.jsonld``: the ClaimReview records, also embedded in both pages.

Everything is self-contained: styles are inline, images are data URIs, no script is loaded.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from analysis.io.load import load
from analysis.publish import claimreview
from analysis.publish.formatting import format_claimed, format_computed, render as render_message
from analysis.verdicts.scale import COLOURS as VERDICT_COLOURS, SYMBOLS as VERDICT_SYMBOLS, Verdict

#: When the report is published (ClaimReview ``datePublished``). A fixed, reviewed date, never "today".
DATE_PUBLISHED = "2026-11-24"

TEXT = {
    "fr": {"title": "Trump et Poutine en 2025 : chaque chiffre vérifié", "lang_switch": "English",
           "claims_checked": "affirmations vérifiées", "quote": "Citation", "claimed": "Annoncé",
           "computed": "Calculé", "verdict": "Verdict", "links": "Calcul et sources", "notebook": "calcul",
           "article": "Article", "legend": "Codes", "headline": "Les chiffres clés",
           "method": "Chaque valeur est recalculée à partir de données sourcées ; la tolérance découle de la "
                     "précision de la formulation et est fixée avant le calcul.",
           "back": "Retour au rapport", "colon": "\u00a0: "},
    "en": {"title": "Trump and Putin in 2025: every figure checked", "lang_switch": "Français",
           "claims_checked": "claims checked", "quote": "Quote", "claimed": "Claimed",
           "computed": "Computed", "verdict": "Verdict", "links": "Computation and sources",
           "notebook": "computation", "article": "Article", "legend": "Codes", "headline": "Headline figures",
           "method": "Every value is recomputed from sourced data; the tolerance follows from the precision of "
                     "the wording and is declared before computing.",
           "back": "Back to the report", "colon": ": "},
}
PAGES = {"fr": "index.html", "en": "en.html"}


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else ``None``: nothing else ever becomes a link."""
    text = str(url or "").strip()
    return text if urlsplit(text).scheme in ("http", "https") else None


def json_ld(data: object) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped so no
    string from the data can close the script element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


@dataclass
class Row:
    """One claim as the page shows it."""

    record: dict
    verdict: Verdict
    claimed: dict[str, str]
    computed: dict[str, str]
    sources: list[dict]
    notebook_page: str


def environment() -> Environment:
    env = Environment(loader=PackageLoader("analysis.publish", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["safe_url"] = safe_url
    env.filters["json_ld"] = json_ld
    return env


def rows_for(records: list[dict], sources: pd.DataFrame) -> list[Row]:
    """The table rows, in register order."""
    by_id = sources.set_index("source_id")
    rows = []
    for record in records:
        cited = [
            {"publisher": by_id.loc[sid, "publisher"], "title": by_id.loc[sid, "title"], "url": by_id.loc[sid, "url"]}
            for sid in record["source_ids"] if sid in by_id.index
        ]
        rows.append(Row(
            record=record,
            verdict=Verdict(record["verdict"]),
            claimed={lang: format_claimed(record, lang) for lang in TEXT},
            computed={lang: format_computed(record, lang) for lang in TEXT},
            sources=cited,
            notebook_page=f"notebooks/{record['notebook']}.html",
        ))
    return rows


def claim_reviews(records: list[dict], articles: pd.DataFrame, sources: pd.DataFrame, base_url: str) -> list[dict]:
    by_article = articles.set_index("article_id")
    return [
        claimreview.claim_review(
            record, by_article.loc[record["article_id"]].fillna(""), sources,
            page_url=f"{base_url}index.html", notebook_url=f"{base_url}notebooks/{record['notebook']}.html",
            date_published=DATE_PUBLISHED,
        )
        for record in records
    ]


def render_pages(records: list[dict], sources: pd.DataFrame, articles: pd.DataFrame,
                 headline_ids: list[str], base_url: str = "") -> dict[str, str]:
    """The two language pages and the JSON-LD, as text (pure: no file is read or written)."""
    rows = rows_for(records, sources)
    reviews = claim_reviews(records, articles, sources, base_url)
    counts = Counter(row.verdict for row in rows)
    env = environment()
    template = env.get_template("report.html.j2")
    pages = {}
    for lang, page in PAGES.items():
        other = next(p for code, p in PAGES.items() if code != lang)
        pages[page] = template.render(
            lang=lang, text=TEXT[lang], other_page=other, rows=rows,
            headline=[r for r in rows if r.record["claim_id"] in headline_ids],
            counts=[(v, counts[v]) for v in Verdict if counts[v]], verdicts=list(Verdict),
            symbols=VERDICT_SYMBOLS, colours=VERDICT_COLOURS, reviews=reviews,
            articles=articles.fillna("").to_dict("records"),
        )
    pages["claimreview.jsonld"] = json.dumps(reviews, ensure_ascii=False, indent=1) + "\n"
    return pages


def render_notebook(notebook: Path, records: list[dict]) -> str:
    """One notebook as a page: outputs shown, code folded, links back to its claims."""
    from nbconvert import HTMLExporter
    from pygments.formatters import HtmlFormatter

    exporter = HTMLExporter(template_name="nbpage",
                            extra_template_basedirs=[str(Path(__file__).parent / "templates")])
    body, _ = exporter.from_filename(str(notebook))
    page = environment().get_template("notebook.html.j2")
    return page.render(title=notebook.stem, body=Markup(body), records=records, text=TEXT,
                       pygments_css=Markup(HtmlFormatter().get_style_defs(".highlight")))


def render(records: list[dict], notebooks_dir: Path, data_dir: Path | None, base_url: str = "",
           staged_notebooks: dict[str, Path] | None = None) -> dict[str, str]:
    """Every page of the report, as ``relative path -> text``."""
    staged_notebooks = staged_notebooks or {}
    for record in records:
        record["explanation_text"] = {lang: " ".join(render_message(m, lang) for m in record["explanation"])
                                      for lang in TEXT}
    sources = load("sources", data_dir)
    articles = load("articles", data_dir)
    articles["date_published"] = articles["date_published"].dt.strftime("%Y-%m-%d")
    headline_ids = [r["claim_id"] for r in records if r.get("headline")]
    pages = render_pages(records, sources, articles, headline_ids, base_url)
    for notebook in sorted(notebooks_dir.glob("[0-9]*.ipynb")):
        mine = [r for r in records if r["notebook"] == notebook.stem]
        path = staged_notebooks.get(notebook.name, notebook)
        pages[f"notebooks/{notebook.stem}.html"] = render_notebook(path, mine)
    return pages
