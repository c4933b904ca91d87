"""Two times, never confused (issue "Two times and the items of the record"): a claim about the
state of things on 18 December 2025 keeps speaking of that day whatever the date checked; what
``as_of`` changes is only what was known. Re-anchoring (``speaks_from``) is the separate question
"what would the figures be if the article were published that day". And unknown is never zero.
All in-process: the engine, no kernel."""

from __future__ import annotations

import pytest

from analysis.io import parameters
from analysis.io.package import DataPackage
from analysis.verdicts import engine
from analysis.verdicts.measures import measure
from conftest import project, replace_cell

AS_OF = ["2025-03-01", "2025-12-17", "2025-12-31", "2026-03-01", "2026-05-01", "2026-07-22"]
ARTICLE_DAY = "2025-12-18"


def check(claim_id: str, data: DataPackage | None = None, **params) -> dict:
    data = data or project()
    values = parameters.validate(**{"as_of": "article", "speaks_from": "article", **params})
    return engine.check(data.claim(claim_id), values, data).as_json


def state_claims() -> list[str]:
    """The December article's claims about the state of things on its day."""
    return [c.claim_id for c in project().claims
            if project().speaks_from(c.article_id).isoformat() == ARTICLE_DAY and measure(c.measure).current]


@pytest.mark.parametrize("as_of", AS_OF)
def test_a_claim_about_18_december_is_never_re_dated(as_of):
    claims = state_claims()
    assert len(claims) >= 6  # the calls, the 63 days, the longest stretch, the last call, the polls
    for claim_id in claims:
        published, later = check(claim_id), check(claim_id, as_of=as_of)
        assert later["knowledge"]["speaks_of"] == ARTICLE_DAY, claim_id
        if as_of < ARTICLE_DAY:
            assert later["verdict"] == "UNVERIFIABLE" and later["explanation"][0]["key"].startswith("Not yet"), \
                claim_id
        elif later["knowledge"]["revealed_later"]:
            assert later["notes"], f"{claim_id}: the record names what was revealed later"
        else:
            assert (later["computed"], later["verdict"]) == (published["computed"], published["verdict"]), claim_id


def test_re_anchoring_gives_the_figures_of_the_new_day():
    # Re-anchored on 31 December 2025: the calls of 28 and 29 December count (7 + 2 = 9) and the
    # last call is the 29th, 2 days before.
    assert check("dec-calls-since-feb12", speaks_from="2025-12-31")["computed"] == 9
    assert check("dec-days-since-last-call", speaks_from="2025-12-31")["computed"] == 2
    # As of (not re-anchored on) the same day, the figures stay those of 18 December.
    assert check("dec-calls-since-feb12", as_of="2025-12-31")["computed"] == 7


def test_a_dated_fact_stays_checkable_whatever_the_date_checked():
    for as_of in AS_OF[2:]:
        assert check("dec-ndaa-senate-date", as_of=as_of)["verdict"] == check("dec-ndaa-senate-date")["verdict"]


# --- unknown is never zero -------------------------------------------------------------------------

def test_an_appropriation_of_unknown_amount_makes_a_bound_not_zero(data_copy):
    # The FY2026 defence appropriations (enacted 3 February 2026, USAI amount not found), moved to
    # before the article's day: the money appropriated is "at least $0", never "$0".
    replace_cell(data_copy / "usai_history.csv", "2026-appropriation,", ",2026-02-03,", ",2025-12-10,")
    replace_cell(data_copy / "legislation.csv", "law-2026-02-consolidated-approps,", "2026-02-03,2026-02-03",
                 "2025-12-10,2025-12-10")
    record = check("dec-ndaa-800m", DataPackage.open(data_copy))
    message = record["explanation"][0]["fields"]["appropriated"]
    assert message["key"].startswith("appropriated by an act enacted by {on:date}: at least")
    assert "Consolidated Appropriations Act, 2026" in message["fields"]["acts"]


def test_a_law_whose_ukraine_money_is_unknown_leaves_the_first_unsettled(data_copy):
    # The November 2025 continuing resolution marked 'unknown' instead of 'none_reported': it may
    # have carried Ukraine money, so « premier texte » cannot be settled (before: 0 shown).
    replace_cell(data_copy / "legislation.csv", "law-2025-11-cr,", ",none_reported,", ",unknown,")
    record = check("dec-ndaa-first-aid-law", DataPackage.open(data_copy))
    assert "unsettled" in {f["fault"] for f in record["faults"]}  # said beside the established loose detail
    assert record["computed"]["unknown"] == 2  # the March CR was already unknown


def test_an_unknown_initiator_is_unverifiable_not_wrong():
    record = check("dec-feb12-initiator")
    assert record["computed"] == "unknown" and record["verdict"] == "UNVERIFIABLE"


def test_a_contact_without_a_length_makes_a_rank_a_range(data_copy):
    # Every 2025 call's Kremlin length is known but the 29 December call's; blanking the 16 October
    # one too makes its rank among the December calls unknown, never "the shortest".
    from test_items import FIXTURE, add_fixture

    add_fixture(data_copy, FIXTURE)
    replace_cell(data_copy / "contacts.csv", "2025-10-16-call,", ",150,about,", ",,,")
    record = check("fx-en-longest", DataPackage.open(data_copy))
    assert record["verdict"] == "UNVERIFIABLE" and "no figure" in record["explanation"][0]["key"]
