"""The time to claim of a combined ("not sure") answer comes from the readings that give
a deduction, and each branch has its own (LAW-FINDINGS-3 Q26; issue 23 item 1).

A reading that gives no deduction has nothing to claim, so its window cannot close a
combined answer's: worthless stock of unknown kind for 2019 to 2022 keeps the 7 years of
26 U.S.C. 6511(d)(1) of its securities and Section 1244 readings, although the
cryptocurrency reading (no deduction from 2018) would have 3. Before 2018 the crypto
reading gives a deduction too (a miscellaneous itemized one, 3 years under 6511(a)):
the windows differ, and each branch says its own.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules.law import claims, engine
from rules.web import presenters
from tests.conftest import CURRENT, TODAY

pytestmark = pytest.mark.django_db
API = "/api/v1/determination"
WORTHLESS = {"account": "taxable", "event": "worthless", "asset": "unsure"}


@pytest.mark.parametrize(
    ("year", "last_day"),
    [(2019, "2027-04-15"), (2020, "2028-04-18"), (2021, "2029-04-17"), (2022, "2030-04-15")],
)
def test_worthless_of_unknown_kind_keeps_the_seven_years_of_its_deductible_readings(
    client, year, last_day
):
    data = client.get(API, {**WORTHLESS, "year": year}).json()
    assert data["outcome"] == "depends"
    assert data["claim"] == {"last_day": last_day, "open": True, "years": 7}
    by_rule = {b["rule"]: b for b in data["branches"]}
    assert by_rule["worthless-security"]["claim"] == data["claim"]
    assert by_rule["section-1244-worthless"]["claim"] == data["claim"]
    assert "claim" not in by_rule["worthless-crypto-not-allowed"]  # nothing to claim
    html = client.get("/results/", {**WORTHLESS, "year": year}).content.decode()
    assert "You can still claim this." in html
    assert "7 years after it was due" in html


def test_when_the_deductible_readings_windows_differ_each_branch_shows_its_own(client):
    data = client.get(API, {**WORTHLESS, "year": 2010}).json()
    assert "claim" not in data  # no single window
    by_rule = {b["rule"]: b["claim"] for b in data["branches"]}
    assert by_rule == {
        "worthless-security": {"last_day": "2018-04-17", "open": False, "years": 7},
        "section-1244-worthless": {"last_day": "2018-04-17", "open": False, "years": 7},
        "worthless-crypto-2-percent": {"last_day": "2014-04-15", "open": False, "years": 3},
    }
    html = client.get("/results/", {**WORTHLESS, "year": 2010}).content.decode()
    # Every window has closed: the page says so once, with the latest last day, and each
    # possibility still shows its own.
    assert "The usual time to claim this has passed." in html
    assert "was <time datetime=\"2018-04-17\">April 17, 2018</time>, whichever" in html
    assert html.count('class="branch-claim"') == 3
    assert "until <time datetime=\"2014-04-15\">" in html


def _expected_windows(d: engine.Determination, today: date) -> set[claims.Claim]:
    """Worked out from the rulebook, not from what the engine kept on the branches."""
    return {
        claims.claim(b.answers.year, engine.rule_for(b.answers).long_claim, today)
        for b in d.branches
        if b.deductible is not False
    }


def test_every_combined_answer_claims_what_its_deductible_readings_claim():
    """The whole input space: for every answer with branches, the combined claim is the
    one window of its deductible readings, or there is none and each branch says its
    own. (A fault taking the window of all readings, or of any, fails here.)"""
    seen = {"one": 0, "per-branch": 0}
    for a in engine.all_answers(CURRENT):
        d = engine.determine(a)
        if not d.branches or a.year >= CURRENT or d.deductible is False:
            continue
        expected = _expected_windows(d, TODAY)
        for b in d.branches:
            own = presenters.branch_claim(b, TODAY)
            if b.deductible is False:
                assert own is None, a
            else:
                assert own in expected, a
        if len(expected) == 1:
            assert presenters.claim_for(d, TODAY) == expected.pop(), a
            assert presenters.claim_windows(d, TODAY) == [], a
            seen["one"] += 1
        else:
            assert presenters.claim_for(d, TODAY) is None, a
            assert set(presenters.claim_windows(d, TODAY)) == expected, a
            seen["per-branch"] += 1
    assert seen["one"] > 100 and seen["per-branch"] > 10  # both cases occur


@pytest.mark.parametrize(
    ("query", "says", "never"),
    [
        # 3 years: a late or extended filer counts from filing, or 2 years from payment.
        ({"account": "taxable", "event": "sold-at-loss", "year": 2021}, "6511(a)", "6511(d)(1)"),
        ({"account": "taxable", "event": "worthless", "year": 2020}, "6511(d)(1)", "6511(a)"),
    ],
)
def test_every_claim_box_says_what_its_date_assumes(client, query, says, never):
    """Issue 23 item 3 (LAW-FINDINGS-3 Q30): late and extended filers, payment, and
    disaster postponements under 7508A, next to the date."""
    html = client.get("/results/", {**query, "asset": "securities"}, follow=True).content.decode()
    box = html[html.index('class="claim'):html.index('id="next-heading"')]
    assert says in box and never not in box
    assert "7508A" in box
    if says == "6511(a)":
        assert "2 years from when you paid the tax" in box


def test_a_2019_claim_box_gives_the_early_filers_date_and_the_postponed_filers_rule(client):
    html = client.get(
        "/results/", {"account": "taxable", "event": "sold-at-loss", "asset": "securities",
                      "year": 2019},
        follow=True,
    ).content.decode()
    box = html[html.index('class="claim'):html.index('id="next-heading"')]
    assert '<time datetime="2023-04-18">' in box
    assert "filed by April 15, 2020" in box and "July 15, 2020" in box
    assert "Notice 2023-21" in box and "our reading" in box


@pytest.mark.parametrize(
    ("year", "names"),
    [
        # The notices that postponed the 2019 and 2020 due dates, and the one that left the
        # postponements out of the lookback of 6511(b)(2)(A) (later review, item 8).
        (2019, ("IRS Notice 2020-23 postponed the due date to July 15, 2020", "Notice 2023-21",
                "lookback")),
        (2020, ("IRS Notice 2021-21 postponed the due date to May 17, 2021", "Notice 2023-21",
                "lookback")),
        # A 2016 or 2017 last day that fell in a general postponement says which moved it.
        (2016, ("would have been April 15, 2020; IRS Notice 2020-23 moved",)),
        (2017, ("would have been April 15, 2021; IRS Notice 2021-21 moved",)),
        (2021, ("federally declared disaster",)),
    ],
)
def test_a_claim_box_names_the_notices_that_moved_its_dates(client, year, names):
    html = client.get(
        "/results/", {"account": "taxable", "event": "sold-at-loss", "asset": "securities",
                      "year": year},
        follow=True,
    ).content.decode()
    box = " ".join(html[html.index('class="claim'):html.index('id="next-heading"')].split())
    assert all(n in box for n in names), box
    assert "federally declared disaster" in box
    if year in (2016, 2017, 2021):
        assert "Notice 2023-21" not in box
    if year in (2019, 2020, 2021):
        assert "would have been" not in box


@pytest.mark.parametrize(
    ("year", "said"), [(2018, False), (2019, True), (2020, True), (2021, False)]
)
def test_a_7_year_box_says_when_its_start_is_not_settled(client, year, said):
    # LAW-FINDINGS-3 part 7: whether the 2020 and 2021 postponements moved the start of
    # the 7 years of 6511(d)(1) is not settled; the date counts from April 15.
    html = client.get(
        "/results/", {"account": "taxable", "event": "worthless", "asset": "securities",
                      "year": year},
        follow=True,
    ).content.decode()
    box = " ".join(html[html.index('class="claim'):html.index('id="next-heading"')].split())
    assert ("moved the start of the 7 years is not settled" in box) is said
