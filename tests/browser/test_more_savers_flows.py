"""The new accounts and "Something else", walked in a real browser from the start page:
two representatives, one on a phone's width and one on a laptop's. Every new account
and the conversion are walked with the test client, verdict, certainty and source
included (tests/questionnaire/test_journeys.py)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import choose, cont, walk

pytestmark = pytest.mark.django_db(transaction=True)

PATHS = [
    (
        360,
        dict(
            account="Inherited traditional IRA (kept as a beneficiary, not treated as your own)",
            event="I took everything out and got back less than was put in",
            contribution="After-tax money (not Roth)",
            received="Less than their after-tax money",
            year="2016",
        ),
        (
            "Too late to claim, usually",
            "Not settled",
            "Instructions for Form 8606, Nondeductible IRAs",
        ),
    ),
    (
        1280,
        dict(
            account="529 college savings or prepaid tuition plan",
            event="I took everything out and got back less than I put in",
            year="2014",
        ),
        (
            "Too late to claim, usually",
            "The IRS's position, not tested in court",
            "IRS Publication 970, Tax Benefits for Education (2017 edition)",
        ),
    ),
]


@pytest.mark.parametrize(("width", "answers", "expected"), PATHS, ids=["phone", "laptop"])
def test_a_saver_reaches_a_cited_answer(page, site, width, answers, expected):
    page.set_viewport_size({"width": width, "height": 800})
    walk(page, site, **answers)
    verdict, certainty, source = expected
    assert page.locator(".verdict-word").inner_text() == verdict
    assert page.locator(".certainty-badge").inner_text().rstrip(":") == certainty
    page.locator(".sources-more > summary").click()  # the sources sit behind a disclosure
    sources = page.locator(".sources li a")
    assert source in sources.all_inner_texts()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_something_else_leads_to_where_to_look_and_back(page, site):
    width = 360
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/")
    page.get_by_role("link", name="Start now").click()
    choose(page, "Something else")
    cont(page)
    page.wait_for_url(f"{site}/not-covered/")
    assert page.get_by_role("heading", level=1).inner_text() == "What this tool does not cover"
    assert page.get_by_role("link", name="IRS Publication 575, Pension and Annuity Income").count()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Back to the account question").click()
    assert page.get_by_role("heading", level=1).inner_text() == "What kind of account lost money?"
