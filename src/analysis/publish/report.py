"""The report a reader opens: French first (``index.html``), English beside it (``en.html``), a
method page in each language, a page per notebook, and the ClaimReview records.

Everything a reader sees comes from the verdict records and the data, through the message
catalogs: no sentence is typed in a language here. Pages are self-contained (inline styles, no
script but the JSON-LD, images as data URIs) and :func:`render` is pure: it returns the pages as
text and the runner stages and publishes them.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import pandas as pd
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, select_autoescape
from markupsafe import Markup

from analysis import collector, fork, json_text, paths
from analysis.io import provenance
from analysis.io.datapackage import Coverage
from analysis.io.package import DataPackage
from analysis.io.publication import corrections, publication
from analysis.messages import N_
from analysis.publish import chart_data, charts, claimreview, notebook_page
from analysis.publish.formatting import day, format_claimed, format_computed, percent, word
from analysis.publish.formatting import render as render_message
from analysis.publish.i18n import gettext_for, ngettext_for
from analysis.publish.themes import THEMES
from analysis.verdicts.kinds import KINDS
from analysis.verdicts.scale import COLOURS, FIDELITY_RULES, SYMBOLS, Fault, Verdict

PAGES = {"fr": "index.html", "en": "en.html"}
METHOD_PAGES = {"fr": "methode.html", "en": "method.html"}
ROLE_WORDS = {"supports": N_("supports"), "contradicts": N_("contradicts"), "context": N_("context")}
STATUS_WORDS = {"confirmed": N_("confirmed: two independent origins, or both sides"),
                "one_source": N_("one independent origin"), "disputed": N_("disputed: one side denies it"),
                "unconfirmed": N_("claimed, neither confirmed nor denied"),
                "refuted": N_("refuted: shown to be something else (never counted)")}
EXCLUSION_WORDS = {"page_furniture": N_("page furniture"), "footnote": N_("footnote markers"),
                   "bibliography": N_("the list of sources"), "proper_name": N_("numbers inside proper names"),
                   "designation": N_("designations, not figures"), "opinion": N_("opinions and interpretations"),
                   "forecast": N_("guesses about what would happen"),
                   "no_measure_yet": N_("statements no measure can check yet"),
                   "draft": N_("drafts still to review (found by add-article, not yet completed into claims)")}


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else ``None``: nothing else ever becomes a link."""
    text = str(url or "").strip()
    return text if urlsplit(text).scheme in ("http", "https") and " " not in text else None


def json_ld(text: str) -> Markup:
    """JSON text for a ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped so no
    string from the data can close the script element."""
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


@dataclass
class Card:
    """One claim as a reader sees it, in one language."""

    record: dict
    verdict: Verdict
    claimed: str
    computed: str
    explanation: list[str]
    notes: list[str]
    sources: list[dict]
    notebook_page: str
    said_lang: str = "en"
    caveats: list[str] = field(default_factory=list)  # shown where the figure is shown
    quote_lang: str = "fr"  # the article's language: its quotes stay in it
    gloss: str = ""  # the claim in the page's language, where the article is in another
    source_items: list[Markup] = field(default_factory=list)  # its sources as the page lists them (HTML)

    @property
    def missing_copies(self) -> int:
        """How many of its sources' pages were not found again on a stored copy."""
        return sum(1 for source in self.sources if source["not_found_on"])


#: How the templates are compiled (and the key of what is cached of them: see :class:`_CompiledTemplates`).
_TEMPLATE_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True,
                     "extensions": ["jinja2.ext.i18n"]}
_AUTOESCAPED = ["html", "j2"]
_NEWSTYLE_GETTEXT = True


def environment(locale: str) -> Environment:
    """The pages' templates, with ``locale``'s translations and formats."""
    env = Environment(loader=PackageLoader("analysis.publish", "templates"), autoescape=select_autoescape(_AUTOESCAPED),
                      auto_reload=False,  # the templates do not change during a build: no stat per include
                      bytecode_cache=_CompiledTemplates.here(), **_TEMPLATE_OPTIONS)
    env.install_gettext_callables(gettext_for(locale), ngettext_for(locale), newstyle=_NEWSTYLE_GETTEXT)
    env.filters["safe_url"] = safe_url
    env.filters["day"] = lambda iso: day(iso, locale) if iso else ""
    env.filters["percent"] = lambda share: percent(100 * share, locale)
    env.filters["fidelity_word"] = lambda label: word("fidelity", label, locale)
    env.filters["status_word"] = lambda status: word("status", status, locale)
    return env


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, in ``build/cache/templates`` (compiling them took about
    70 ms in each process that draws pages, every build). Jinja keys a template by its name and
    checks its source; the key here also holds Jinja's version and how the templates are compiled
    (:data:`_TEMPLATE_OPTIONS`), so another Jinja or other options never reuse what was compiled
    before. A cache that cannot be read or written only costs the compiling."""

    SALT = json_text.compact([jinja2.__version__, _TEMPLATE_OPTIONS, _AUTOESCAPED, _NEWSTYLE_GETTEXT])

    @classmethod
    def here(cls) -> _CompiledTemplates | None:
        """The project's cache, or None where there is no project folder to keep it in."""
        try:
            folder = paths.build_dir() / "cache" / "templates"
            folder.mkdir(parents=True, exist_ok=True)
        except (OSError, RuntimeError):
            return None
        return cls(str(folder))

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.SALT}|{name}", filename)

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)


#: A parenthetical gloss of a publisher's label that is English prose ("citing TASS", "copy on HeinOnline",
#: "English"): shown on the English page only; a wire's or an outlet's own name ("(AFP)") is kept.
_GLOSS = re.compile(r"\s*\(([^()]*)\)")
_ENGLISH_WORDS = re.compile(r"(?<![\w.])[a-z][a-z]+|English|Russian|Ukrainian|Transcript|Copy|Repost", re.UNICODE)


def publisher_label(publisher: str, locale: str) -> str:
    """A source's publisher as the page's reader sees it: on the French page without an English gloss.

    >>> publisher_label("Eleousa (reproduction of kremlin.ru readout)", "fr"), publisher_label("Blick (AFP)", "fr")
    ('Eleousa', 'Blick (AFP)')
    """
    if locale == "en":
        return publisher
    return _GLOSS.sub(lambda m: "" if _ENGLISH_WORDS.search(m.group(1)) else m.group(0), publisher).strip()


def _source_view(row: dict, locale: str) -> dict:
    """What a card shows of one source, whatever the role it has for a claim (made once a source
    and page: most sources back many claims)."""
    published = row["date_published"].date().isoformat() if pd.notna(row["date_published"]) else ""
    return {"publisher": publisher_label(row["publisher"], locale), "title": row["title"], "url": row["url"],
            "link": safe_url(row["url"]), "language": row["language"], "date": published,
            "date_words": day(published, locale) if published else "", "primary": row["source_type"] == "primary",
            "not_found_on": row["checked_on"].date().isoformat()
            if row.get("copy_found") == "not_found" and pd.notna(row.get("checked_on")) else ""}


def _sources(record: dict, by_id: dict[str, dict], locale: str, views: dict[str, dict] | None = None) -> list[dict]:
    """A record's sources as its card lists them: supporting first, primary first, then by
    publisher. ``views``: each source's :func:`_source_view` already made for this page."""
    _ = gettext_for(locale)
    views = {} if views is None else views
    seen, cited = set(), []
    for ref in record["sources"]:
        source_id = ref["source_id"]
        if source_id in seen or source_id not in by_id:
            continue
        seen.add(source_id)
        view = views.get(source_id)
        if view is None:
            view = views[source_id] = _source_view(by_id[source_id], locale)
        role_word = _(ROLE_WORDS[ref["role"]])
        if ref.get("aspect"):
            role_word += f" ({word('column', ref['aspect'], locale)})"
        cited.append({"source_id": source_id, "role": ref["role"], "role_word": role_word, **view})
    order = {"supports": 0, "contradicts": 1, "context": 2}
    return sorted(cited, key=lambda c: (order[c["role"]], not c["primary"], c["publisher"]))


def cards(records: list[dict], sources: pd.DataFrame, locale: str, languages: dict[str, str] | None = None) -> list[Card]:
    """Each record as a reader of ``locale`` sees it. ``languages`` gives each article's language: a
    quote stays in it, with the claim rendered in the page's language beside it when they differ."""
    by_id = {row["source_id"]: row for row in sources.to_dict("records")}
    views: dict[str, dict] = {}
    languages = languages or {}
    made = []
    for r in records:
        quote_lang = languages.get(r["article_id"], "fr")
        gloss = "" if quote_lang == locale else (r.get("claim_fr") or "" if locale == "fr" else r["claim_en"])
        made.append(Card(record=r, verdict=Verdict(r["verdict"]), claimed=format_claimed(r, locale),
                         computed=format_computed(r, locale),
                         explanation=[render_message(m, locale) for m in r["explanation"]],
                         notes=[render_message(m, locale) for m in r["notes"]],
                         caveats=[render_message(m, locale) for m in r.get("caveats", [])],
                         sources=_sources(r, by_id, locale, views),
                         notebook_page=f"notebooks/{r['notebook']}.html#{r['claim_id']}",
                         quote_lang=quote_lang, gloss=gloss))
    return made


def summary(records: list[dict]) -> dict:
    """What a reader should know first about one article's claims, from the records alone."""
    counts = Counter(Verdict(r["verdict"]) for r in records)
    substantive = [r for r in records if r["theme"] != "calendar"]
    return {
        "total": len(records),
        "hold": counts[Verdict.EXACT] + counts[Verdict.ROUNDED],
        "counts": [(v, counts[v]) for v in Verdict if counts[v]],
        "headline": [r["claim_id"] for r in records if r.get("headline")],
        # The worst first: wrong, then misleading, then loose.
        "not_holding": [r["claim_id"] for code in ("INACCURATE", "MISLEADING", "IMPRECISE")
                        for r in substantive if r["verdict"] == code],
        "unverifiable": [r["claim_id"] for r in substantive if r["verdict"] == "UNVERIFIABLE"],
    }


def _article_rows(articles: pd.DataFrame) -> list[dict]:
    rows = []
    for _, a in articles.iterrows():
        rows.append({"article_id": a["article_id"], "publisher": a["publisher"], "title": a["title"],
                     "author": a["author"], "url": a["url"],
                     "date_published": a["date_published"].date().isoformat() if pd.notna(a["date_published"]) else "",
                     "speaks_from": a["speaks_from"].date().isoformat()})
    return rows


def variant_changes(records: list[dict], published: dict[str, str]) -> list[dict]:
    """What a re-run changed against the published verdicts: ``claim_id``, quote, before, after."""
    return [{"claim_id": r["claim_id"], "quote": r["quote"], "before": Verdict(published[r["claim_id"]]),
             "after": Verdict(r["verdict"])}
            for r in records if r["claim_id"] in published and published[r["claim_id"]] != r["verdict"]]


#: Parameters a claim's wording can override, and the reading dimension each sets.
PARAMETER_READINGS = {"contact_types": ("types", lambda v: ";".join(v) if isinstance(v, list) else str(v)),
                      "clock": ("clock", str)}


def overridden(records: list[dict]) -> list[tuple[str, int]]:
    """The settings a re-run asked for that the wording of some claims fixed otherwise: ``(parameter,
    number of claims)`` (« discussion téléphonique » keeps calls only, whatever ``contact_types``)."""
    counts: Counter = Counter()
    for record in records:
        for parameter, (dimension, as_reading) in PARAMETER_READINGS.items():
            asked = record.get("parameters", {}).get(parameter)
            read = record.get("reading", {}).get(dimension)
            if asked is not None and read is not None and as_reading(asked) != read:
                counts[parameter] += 1
    return sorted(counts.items())


def render_pages(records: list[dict], sources: pd.DataFrame, articles: pd.DataFrame, excluded: pd.DataFrame,
                 coverage: list[Coverage], base_url: str = "", variant: str = "",
                 drafts: pd.DataFrame | None = None, published: dict[str, str] | None = None,
                 figures: dict[str, list[dict]] | None = None,
                 timelines: dict[str, dict[str, dict]] | None = None) -> dict[str, str]:
    """The language pages, the method pages and the JSON-LD, as text (pure). ``variant`` names the
    settings of a re-run that is not the publication (``as_of=2025-06-01``): its pages say so at
    the top and it gets no ClaimReview. ``coverage`` is the coverage of the data package the records
    were made from (a ``--data-dir`` build publishes its own). ``figures`` (locale -> charts, each
    placed in the theme of the claim it illustrates) and ``timelines`` (locale -> article -> chart)
    come from :func:`charts_for`."""
    inputs = _page_inputs(records, sources, articles, excluded, coverage, variant, drafts, published, figures,
                          timelines)
    pages, reviews_text = {}, claimreview_text(records, articles, sources, base_url, variant)
    for index, locale in enumerate(PAGES):
        pages.update(_locale_pages(locale, inputs, reviews_text if index == 0 else ""))
    if reviews_text:
        pages["claimreview.jsonld"] = reviews_text + "\n"
    return pages


def claimreview_text(records: list[dict], articles: pd.DataFrame, sources: pd.DataFrame, base_url: str = "",
                     variant: str = "") -> str:
    """The ClaimReview JSON of the substantive records ("" for a re-run, or without a base URL):
    the published file, and the same text in the first language's page."""
    config = publication()
    base_url = base_url or config.base_url
    if variant or not base_url:
        return ""
    reviews = claimreview.claim_reviews(records, articles, sources, base_url, config)
    return json_text.dumps(reviews, indent=1) if reviews else ""


def _page_inputs(records, sources, articles, excluded, coverage, variant="", drafts=None, published=None,
                 figures=None, timelines=None) -> _PageInputs:
    languages = dict(zip(articles["article_id"], articles["language"], strict=True))
    return _PageInputs(records, sources, articles, excluded, coverage, variant, drafts, published, figures or {},
                       timelines or {}, publication(), languages)


@dataclass(frozen=True)
class _PageInputs:
    """What every language's pages are made from (:func:`render_pages`'s arguments)."""

    records: list[dict]
    sources: pd.DataFrame
    articles: pd.DataFrame
    excluded: pd.DataFrame
    coverage: list[Coverage]
    variant: str
    drafts: pd.DataFrame | None
    published: dict[str, str] | None
    figures: dict[str, list[dict]]
    timelines: dict[str, dict[str, dict]]
    config: object
    languages: dict[str, str]


def _locale_pages(locale: str, inputs: _PageInputs, reviews_text: str = "") -> dict[str, str]:
    """One language's report page and method page; ``reviews_text``: the ClaimReview JSON its page
    carries (the first language's page only)."""
    records, variant, config = inputs.records, inputs.variant, inputs.config
    page = PAGES[locale]
    env = environment(locale)
    _ = gettext_for(locale)
    all_cards = cards(records, inputs.sources, locale, inputs.languages)
    _list_sources(all_cards, env)
    by_article = []
    for article in _article_rows(inputs.articles):
        mine = [c for c in all_cards if c.record["article_id"] == article["article_id"]]
        if variant and not mine:
            continue  # a re-run shows only the articles it checked
        themes = [(key, _(label), [c for c in mine if c.record["theme"] == key]) for key, label in THEMES.items()]
        placed = {c.record["claim_id"]: c.record["theme"] for c in mine}
        by_theme: dict[str, list[dict]] = {}
        for chart in inputs.figures.get(locale, []):
            if chart["claim_id"] in placed:
                by_theme.setdefault(placed[chart["claim_id"]], []).append(chart)
        by_article.append({"article": article, "summary": summary([c.record for c in mine]),
                           "cards": {c.record["claim_id"]: c for c in mine},
                           "themes": [t for t in themes if t[2]], "charts": by_theme,
                           "timeline": inputs.timelines.get(locale, {}).get(article["article_id"])})
    badge = env.get_template("_badge.html.j2")
    common = {"badges": {v: Markup(badge.render(verdict=v, colours=COLOURS, symbols=SYMBOLS)) for v in Verdict},
              "lang": locale, "other": next(p for code, p in PAGES.items() if code != locale),
              "method_page": METHOD_PAGES[locale], "index_page": page, "config": config, "symbols": SYMBOLS,
              "colours": COLOURS, "verdicts": list(Verdict), "colon": "\u00a0: " if locale == "fr" else ": ",
              "variant": variant,
              "changes": variant_changes(records, inputs.published or {}) if variant else [],
              "overridden": overridden(records) if variant else []}
    pages = {page: env.get_template("report.html.j2").render(
        **common, articles=by_article, reviews_ld=json_ld(reviews_text) if reviews_text else "", total=len(records))}
    pages[METHOD_PAGES[locale]] = env.get_template("method.html.j2").render(
        **common, other_method=next(p for code, p in METHOD_PAGES.items() if code != locale),
        faults=list(Fault), fidelity_rules=FIDELITY_RULES, kinds=sorted({r["kind"] for r in records}),
        kind_defs={k: v.definition for k, v in KINDS.items()}, kind_labels={k: v.label for k, v in KINDS.items()},
        status_words=STATUS_WORDS, coverage=[(c.table, c) for c in inputs.coverage], census=census(inputs.sources),
        exclusions=_exclusions(inputs.excluded, locale, inputs.languages, inputs.drafts),
        corrections=_corrections(records))
    return pages


def _list_sources(all_cards: list[Card], env: Environment) -> None:
    """Each card's sources as HTML list items, each item drawn once a page for a source and its role
    (``_source.html.j2``): most sources back many claims."""
    template = env.get_template("_source.html.j2")
    drawn: dict[tuple[str, str, str], Markup] = {}
    for card in all_cards:
        for source in card.sources:
            key = (source["source_id"], source["role"], source["role_word"])
            item = drawn.get(key)
            if item is None:
                item = drawn[key] = Markup(template.render(source=source).removesuffix("\n"))
            card.source_items.append(item)


def census(sources: pd.DataFrame) -> dict | None:
    """What the method page says of the census of the sources (``sources`` as
    :func:`analysis.io.provenance.annotate` gives them); None when the sources were not checked."""
    if "verifiable" not in sources.columns or sources["checked_on"].isna().all():
        return None
    counted = provenance.share(sources["verifiable"])
    return {"day": sources["checked_on"].max().date().isoformat(), "total": counted.total,
            "verifiable": counted.verifiable, "share": counted.share,
            "not_found": int((sources["copy_found"] == "not_found").sum())}


def _corrections(records: list[dict]) -> list[dict]:
    codes = {v.value for v in Verdict}
    quotes = {r["claim_id"]: r["quote"] for r in records}
    return [{"date": c.date, "claim_id": c.claim_id, "quote": quotes.get(c.claim_id, ""), "before": c.before, "after": c.after, "reason": c.reason,
             "before_label": Verdict(c.before).label if c.before in codes else "",
             "after_label": Verdict(c.after).label if c.after in codes else ""} for c in corrections()]


def _exclusions(excluded: pd.DataFrame, locale: str, languages: dict[str, str],
                drafts: pd.DataFrame | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """What was not checked, by reason: ``(label, [(passage, its language), …])``; drafts last."""
    _ = gettext_for(locale)
    rows = excluded[["article_id", "text", "category"]]
    if drafts is not None and not drafts.empty:
        rows = pd.concat([rows, drafts[["article_id", "span"]].rename(columns={"span": "text"}).assign(category="draft")])
    groups = []
    for category, label in EXCLUSION_WORDS.items():
        mine = rows[rows["category"] == category]
        if not mine.empty:
            groups.append((_(label), [(t, languages.get(a, "fr")) for a, t in zip(mine["article_id"], mine["text"],
                                                                                    strict=True)]))
    return groups


def charts_for(records: list[dict], data: DataPackage, locales: tuple[str, ...] = tuple(PAGES)
               ) -> tuple[dict[str, list[dict]], dict[str, dict[str, dict]]]:
    """The report's charts in each language of ``locales``, as inline SVG with their text
    alternative: one per row of ``charts.csv`` whose claim was checked (drawn with the parameters
    of that claim's run), and a timeline of the dated claims of each article."""
    by_id = {r["claim_id"]: r for r in records}
    rows = data.table("charts") if "charts" in data.tables else pd.DataFrame(columns=["chart_id", "claim_id", "chart"])
    figures: dict[str, list[dict]] = {locale: [] for locale in locales}
    timelines: dict[str, dict[str, dict]] = {locale: {} for locale in locales}
    for locale in locales:
        for row in rows.itertuples():
            if row.claim_id not in by_id:
                continue  # a re-run that did not check the claim draws no chart for it
            fig, alt = chart_data.figure(row.chart, data.claim(row.claim_id), by_id[row.claim_id]["parameters"],
                                         data, locale)
            figures[locale].append({"key": f"chart-{row.chart_id}", "claim_id": row.claim_id, "alt": alt,
                                    "svg": charts.inline_svg(fig, f"chart-{row.chart_id}", alt)})
        dated = chart_data.dated_claims(records)
        for article_id, table in dated.groupby("article_id", sort=True):
            fig, alt = charts.claims_timeline_chart(table, locale)
            key = f"chart-timeline-{article_id}"
            timelines[locale][article_id] = {"key": key, "claim_id": "", "alt": alt,
                                             "svg": charts.inline_svg(fig, key, alt)}
    return figures, timelines


def render_notebook(notebook: Path | Mapping, records: list[dict], title: str) -> str:
    """One notebook as a page (English, as the notebooks narrate): outputs shown, code folded,
    everything from the notebook sanitised (:mod:`analysis.publish.notebook_page`). ``title`` is the
    notebook's own name (the file read may be a staged copy; ``notebook`` may be the executed
    notebook itself)."""
    page = environment("en").get_template("notebook.html.j2")
    return page.render(title=title, body=Markup(notebook_page.body(notebook)), records=records,
                       pygments_css=Markup(notebook_page.pygments_css()))


def notebook_pages(notebooks: dict[str, Path | Mapping], records: list[dict]) -> dict[str, str]:
    """Each notebook's page (``notebooks/<stem>.html``), from its file or the executed notebook
    itself (``notebooks``: stem -> path or notebook)."""
    return {f"notebooks/{stem}.html": render_notebook(path, [r for r in records if r["notebook"] == stem], stem)
            for stem, path in notebooks.items()}


def render(records: list[dict], notebooks_dir: Path, data: DataPackage, base_url: str = "",
           staged_notebooks: dict[str, Path | Mapping] | None = None, variant: str = "",
           published: dict[str, str] | None = None) -> dict[str, str]:
    """Every page of the report, as ``relative path -> text``. ``staged_notebooks``: the notebooks
    the build has just run (file name -> staged file, or the executed notebook itself), shown in
    place of those in ``notebooks_dir``. ``published``: the published verdicts (claim id -> code),
    against which a re-run says what it changed."""
    with collector.paused():  # drawing makes many short-lived objects
        return _render(records, notebooks_dir, data, base_url, staged_notebooks or {}, variant, published)


def _render(records: list[dict], notebooks_dir: Path, data: DataPackage, base_url: str,
            staged_notebooks: dict[str, Path | Mapping], variant: str, published: dict[str, str] | None
            ) -> dict[str, str]:
    """Each language's charts and pages are independent, and so are the notebooks' pages: the other
    languages' and the notebooks' are made in forks of this process (:mod:`analysis.fork`; two
    cores share the three processes) while this process makes the first language's and the
    ClaimReview. The pages never depend on where they were made. :func:`render_pages` makes the
    same language pages in this process alone (the tests compare the two)."""
    notebooks = {stem: staged_notebooks.get(f"{stem}.ipynb", notebooks_dir / f"{stem}.ipynb")
                 for stem in sorted({r["notebook"] for r in records})}
    coverage = [c for c in (data.coverage(name) for name in data.names) if c is not None]
    sources = data.table("sources")
    if "source_checks" in data.tables:
        sources = provenance.annotate(sources, data.table("source_checks"))
    drafts = data.table("drafts") if "drafts" in data.tables else None
    articles, excluded = data.table("articles"), data.table("claims_excluded")

    def language(locale: str, reviews_text: str = "") -> dict[str, str]:
        figures, timelines = charts_for(records, data, (locale,))
        inputs = _page_inputs(records, sources, articles, excluded, coverage, variant, drafts, published, figures,
                              timelines)
        return _locale_pages(locale, inputs, reviews_text)

    first, *others = PAGES
    later = [fork.in_fork(partial(language, locale), f"the {locale} pages") for locale in others]
    later.append(fork.in_fork(partial(notebook_pages, notebooks, records), "the notebooks' pages"))
    try:
        reviews_text = claimreview_text(records, articles, sources, base_url, variant)
        pages = language(first, reviews_text)
        for other in later:
            pages.update(other())
    finally:
        for other in later:
            other.cancel()  # after an error here: no fork is left waiting to be read
    if reviews_text:
        pages["claimreview.jsonld"] = reviews_text + "\n"
    return pages
