"""Each kind's judge on hand-made claims and evidence: the fault it names and the code it gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from analysis.io.register import Claim
from analysis.messages import Message
from analysis.verdicts import kinds
from analysis.verdicts.evidence import Evidence
from analysis.verdicts.scale import Verdict
from analysis.verdicts.tolerance import Interval, hedged

BASE = Claim(claim_id="c", article_id="a", quote="q", claim_en="e", theme="calls", kind="count", measure="m",
             subject="", claimed="7", unit="calls", hedge="exact", precision=None, point_margin=1.0, window_start=None,
             window_end=None, tense="past", notebook="n", headline=False, line=2)


def claim(**changes) -> Claim:
    return replace(BASE, **changes)


def verdict(c: Claim, evidence: Evidence) -> Verdict:
    return kinds.judge(c, evidence).verdict


def number(x: float) -> Evidence:
    return Evidence(value=x, interval=Interval.point(x))


@pytest.mark.parametrize(("x", "expected"), [(7, Verdict.EXACT), (8, Verdict.IMPRECISE), (6, Verdict.IMPRECISE),
                                             (9, Verdict.INACCURATE)])
def test_counts(x, expected):
    assert verdict(claim(), number(x)) is expected


def test_a_mean_stated_to_the_day_rounds():
    mean = claim(kind="interval_mean", claimed="34", unit="days", precision=1.0, point_margin=3.4)
    assert verdict(mean, number(269 / 8)) is Verdict.ROUNDED  # 33.625 rounds to 34
    assert verdict(mean, number(246 / 7)) is Verdict.IMPRECISE  # 35.1: off by 1.1, within 3.4
    assert verdict(mean, number(29.9)) is Verdict.INACCURATE  # off by 4.1


def test_a_dropped_hedge_is_a_loose_detail():
    judgement = kinds.judge(claim(point_margin=0.0), Evidence(value=7, interval=hedged(7, "at_most")))
    assert judgement.verdict is Verdict.IMPRECISE and judgement.faults[0].value == "loose_detail"


def test_missing_evidence_is_unverifiable_whatever_the_kind():
    for name, kind in kinds.KINDS.items():
        claimed = "1" if kind.numeric else "2025-01-01"
        assert verdict(claim(kind=name, claimed=claimed), Evidence.missing(Message("why"))) is Verdict.UNVERIFIABLE


def period(a: str, b: str | None = None) -> Evidence:
    return Evidence(period=(date.fromisoformat(a), date.fromisoformat(b or a)))


def test_dates_months_years_decades_periods():
    day = claim(kind="date", claimed="2025-08-16", point_margin=1.0)
    assert verdict(day, period("2025-08-16")) is Verdict.EXACT
    assert verdict(day, period("2025-08-15")) is Verdict.IMPRECISE  # a day off: another clock
    assert verdict(day, period("2025-08-13")) is Verdict.INACCURATE
    weekend = claim(kind="date", claimed="2025-12-20", window_start=date(2025, 12, 20), window_end=date(2025, 12, 21))
    assert verdict(weekend, period("2025-12-21")) is Verdict.EXACT
    assert verdict(claim(kind="month", claimed="2022-02", point_margin=0.0), period("2022-02-22")) is Verdict.EXACT
    assert verdict(claim(kind="month", claimed="2022-02", point_margin=0.0), period("2022-03-01")) is Verdict.INACCURATE
    assert verdict(claim(kind="year", claimed="2016", point_margin=0.0), period("2015-12-17")) is Verdict.INACCURATE
    assert verdict(claim(kind="decade", claimed="1980"), period("1987-07-01", "1987-07-31")) is Verdict.EXACT
    campaign = claim(kind="period", claimed="2015-06-16/2016-11-08", window_start=date(2015, 6, 16),
                     window_end=date(2016, 11, 8))
    assert verdict(campaign, period("2015-12-17")) is Verdict.EXACT


def test_a_day_more_precise_than_the_sources_is_loose():
    evidence = Evidence(period=(date(1987, 7, 1), date(1987, 7, 31)), facts={"date_precision": "month"})
    assert verdict(claim(kind="date", claimed="1987-07-04"), evidence) is Verdict.IMPRECISE


def test_since_a_date():
    since = claim(kind="since", claimed="2025-01-20", point_margin=90.0)
    assert verdict(since, period("2025-02-01")) is Verdict.EXACT
    assert verdict(since, period("2024-11-08", "2024-11-14")) is Verdict.IMPRECISE  # 73 days before
    assert verdict(since, period("2024-06-01")) is Verdict.INACCURATE


def test_weekdays_names_roles():
    assert verdict(claim(kind="weekday", claimed="mercredi"), Evidence(text="mercredi")) is Verdict.EXACT
    assert verdict(claim(kind="weekday", claimed="mercredi"), Evidence(text="jeudi")) is Verdict.INACCURATE
    assert verdict(claim(kind="name", claimed="USAI"), Evidence(text="USAI")) is Verdict.EXACT
    roles = claim(kind="roles", claimed="buyer=ukraine;seller=us_industry")
    assert verdict(roles, Evidence(text="buyer=us_dod;seller=us_industry")) is Verdict.IMPRECISE
    assert verdict(roles, Evidence(text="buyer=ukraine;seller=russia")) is Verdict.INACCURATE


def test_first_and_longest():
    first = claim(kind="first", claimed="true")
    assert verdict(first, Evidence(facts={"known_earlier": 0, "unknown_earlier": 0})) is Verdict.EXACT
    assert verdict(first, Evidence(facts={"known_earlier": 1, "unknown_earlier": 0})) is Verdict.INACCURATE
    assert verdict(first, Evidence(facts={"known_earlier": 0, "unknown_earlier": 1})) is Verdict.UNVERIFIABLE
    longest = claim(kind="longest", claimed="true")
    assert verdict(longest, Evidence(facts={"margin": 1, "current": 63, "runner_up": 62})) is Verdict.EXACT
    assert verdict(longest, Evidence(facts={"margin": 0, "current": 62, "runner_up": 62})) is Verdict.IMPRECISE
    assert verdict(longest, Evidence(facts={"margin": -1, "current": 61, "runner_up": 62})) is Verdict.INACCURATE


@pytest.mark.parametrize(("fidelity", "expected"), [("faithful", Verdict.EXACT), ("loose", Verdict.IMPRECISE),
                                                    ("misattributed", Verdict.INACCURATE),
                                                    ("not_found", Verdict.UNVERIFIABLE)])
def test_reported_speech_is_graded_on_fidelity(fidelity, expected):
    evidence = Evidence(text=fidelity, facts={"assessment": Message("x")}, established="no")
    assert verdict(claim(kind="attribution", claimed="true"), evidence) is expected


def test_initiator():
    assert verdict(claim(kind="initiator", claimed="trump"), Evidence(text="trump")) is Verdict.EXACT
    assert verdict(claim(kind="initiator", claimed="trump"), Evidence(text="unknown")) is Verdict.UNVERIFIABLE
    assert verdict(claim(kind="initiator", claimed="trump"), Evidence(text="putin")) is Verdict.INACCURATE


def test_every_kind_of_the_register_has_a_judge():
    from conftest import project

    assert {c.kind for c in project().claims} <= set(kinds.KINDS)
