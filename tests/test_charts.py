"""The charts: drawn from the data for the claim they illustrate, in the reader's language, with
a text alternative that gives the numbers, and no label over a line or another label (measured
on the drawn figure). In-process: no kernel."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.publish import chart_data, charts
from analysis.publish.chart_layout import label_boxes, overlaps, place
from analysis.publish.formatting import number
from conftest import project

LOCALES = ("fr", "en")


@pytest.fixture(scope="module")
def data():
    return project()


def chart_rows(data) -> list[tuple[str, str, str]]:
    return [(r.chart_id, r.claim_id, r.chart) for r in data.table("charts").itertuples()]


def test_the_chart_kinds_of_the_data_contract_are_the_ones_the_code_draws(data):
    import json

    descriptor = json.loads((data.folder / "datapackage.json").read_text("utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "charts")
    field = next(f for f in resource["schema"]["fields"] if f["name"] == "chart")
    assert sorted(field["constraints"]["enum"]) == sorted(chart_data.CHART_KINDS)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_chart_reads_cleanly_no_label_over_a_line_or_a_label(data, locale):
    for chart_id, claim_id, kind in chart_rows(data):
        fig, alt = chart_data.figure(kind, data.claim(claim_id), {}, data, locale)
        try:
            assert overlaps(fig) == [], (chart_id, locale)
            assert alt.strip() and re.search(r"\d", alt), (chart_id, "a text alternative with its numbers")
        finally:
            plt.close(fig)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_timeline_of_each_article_reads_cleanly(locale):
    from analysis import paths
    from analysis.pipeline.publication import records_in

    records = records_in(paths.project_root() / "results")
    dated = chart_data.dated_claims(records)
    assert not dated.empty
    for article_id, table in dated.groupby("article_id"):
        fig, alt = charts.claims_timeline_chart(table, locale)
        try:
            assert overlaps(fig) == [], article_id
            assert str(len(table)) in alt or all(str(n) in alt for n in table["verdict"].value_counts()), alt
        finally:
            plt.close(fig)


def test_the_days_since_chart_states_the_stretch_the_verdict_found(data):
    """The alt text's longest stretch is the one the engine found for the claim (another code path:
    the claim's measure, not the chart's preparation): the longer of the open stretch and the
    longest closed one."""
    from analysis import paths
    from analysis.pipeline.publication import records_in

    record = next(r for r in records_in(paths.project_root() / "results") if r["claim_id"] == "dec-longest-gap")
    fig, alt = chart_data.figure("days_since", data.claim("dec-longest-gap"), record["parameters"], data, "en")
    plt.close(fig)
    assert f"the longest stretch is {max(record['computed'].values())} days" in alt


def test_chart_labels_follow_the_locale(data):
    fig_fr, alt_fr = chart_data.figure("usai_by_year", data.claim("dec-ndaa-800m"), {}, data, "fr")
    fig_en, alt_en = chart_data.figure("usai_by_year", data.claim("dec-ndaa-800m"), {}, data, "en")
    texts_fr = [t.get_text() for t in fig_fr.axes[0].texts] + [fig_fr.axes[0].get_title(loc="left")]
    plt.close(fig_fr), plt.close(fig_en)
    assert alt_fr != alt_en and "exercice" in alt_fr.lower() and "fiscal year" in alt_en
    history = data.table("usai_history")
    authorised = history[history["kind"] == "authorization"].groupby("fiscal_year")["amount_usd"].sum()
    assert {number(a / 1e6, "fr", 0) for a in authorised} <= set(texts_fr)


def test_the_overlap_check_can_fail_and_placement_clears_it():
    with plt.rc_context(charts.STYLE):
        fig, ax = plt.subplots(figsize=(6, 3))
        days = pd.date_range("2025-01-01", periods=30)
        ax.plot(days, [5] * 30, label="line")
        ax.set_ylim(0, 30)
        ax.axvline(days[15], linestyle="--", label="date checked")
        label = ax.annotate("a long label over the dashed line", xy=(days[15], 10), xytext=(-60, 0),
                            textcoords="offset points")
        other = ax.annotate("a second label", xy=(days[15], 10), xytext=(-40, 2), textcoords="offset points")
        found = overlaps(fig)
        assert any("crosses" in f for f in found) and any("overlaps" in f for f in found), found
        place([label, other])
        assert overlaps(fig) == []
        assert {b.name for b in label_boxes(fig)} >= {"label 'a long label over the dashed line'", "label 'a second label'"}
    plt.close(fig)


def test_inline_svg_is_stable_scalable_titled_and_its_ids_do_not_collide(data):
    def svg(key: str) -> str:
        fig, alt = chart_data.figure("poll_trend", data.claim("dec-poll-59"), {}, data, "fr")
        return str(charts.inline_svg(fig, key, alt)), alt

    first, _alt = svg("chart-a")
    again, _ = svg("chart-a")
    other, _ = svg("chart-b")
    assert first == again, "the same chart gives the same bytes"
    assert first.startswith("<svg") and "<?xml" not in first and "<!DOCTYPE" not in first
    assert not re.search(r'<svg[^>]*\swidth="', first) and 'viewBox="' in first
    assert '<title id="chart-a-title">' in first and 'aria-labelledby="chart-a-title"' in first
    ids_a, ids_b = set(re.findall(r'\bid="([^"]+)"', first)), set(re.findall(r'\bid="([^"]+)"', other))
    assert ids_a and not ids_a & ids_b, "two charts on one page share no id"
    for ref in re.findall(r'(?:href="#|url\(#)([^"\)]+)', first):
        assert ref in ids_a, f"a reference to a missing id: {ref}"


@pytest.mark.parametrize("value, expected", [("2025-10-16", "2025-10-16"), ("2025-08", "2025-08-01"),
                                             ("1987", "1987-01-01"), ("2025-02-12/2025-02-13", "2025-02-12"),
                                             ({"from": "2025-12-20", "to": "2025-12-21"}, "2025-12-20"),
                                             (None, None), ("not a date", None)])
def test_first_day_of_a_checked_value(value, expected):
    found = chart_data.first_day(value)
    assert (found.isoformat() if found else None) == expected
