"""The new accounts, the Roth conversion and "Something else", walked in a real browser
from the start page, on a phone's width and a laptop's."""

from __future__ import annotations

import pytest

from tests.browser.conftest import choose, cont, walk

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [360, 1280]
PATHS = [
    (
        dict(
            account="Inherited traditional IRA (kept as a beneficiary, not treated as your own)",
            event="I took everything out and got back less than was put in",
            contribution="After-tax money (not Roth)",
            received="Less than my after-tax or Roth money",
            year="2016",
        ),
        ("Yes, for that year", "Not settled", "Instructions for Form 8606, Nondeductible IRAs"),
    ),
    (
        dict(account="Inherited Roth IRA", event="I moved it to another inherited Roth IRA"),
        ("No", "Settled law", "26 U.S.C. 408, Individual retirement accounts"),
    ),
    (
        dict(
            account="529 college savings or prepaid tuition plan",
            event="I took everything out and got back less than I put in",
            year="2014",
        ),
        ("Yes, for that year", "The IRS's view", "IRS Publication 970, Tax Benefits for "
         "Education (2017 edition)"),
    ),
    (
        dict(
            account="Coverdell education savings account (an Education IRA before 2002)",
            event="I took everything out and got back less than I put in",
            year="2020",
        ),
        ("No", "Settled law", "Tax Cuts and Jobs Act, Public Law 115-97 (December 22, 2017)"),
    ),
    (
        dict(
            account="Traditional IRA, including SEP and SIMPLE IRAs",
            event="I converted it to a Roth IRA",
            year="2017",
        ),
        ("No", "Settled law", "Treas. Reg. 1.408A-5, Recharacterized contributions"),
    ),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("answers", "expected"), PATHS, ids=[p[0]["account"][:24] for p in PATHS])
def test_a_saver_reaches_a_cited_answer(page, site, width, answers, expected):
    page.set_viewport_size({"width": width, "height": 800})
    walk(page, site, **answers)
    verdict, certainty, source = expected
    assert page.locator(".verdict-word").inner_text() == verdict
    assert page.locator(".certainty-badge").inner_text().rstrip(":") == certainty
    sources = page.locator(".sources li a")
    assert source in sources.all_inner_texts()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_something_else_leads_to_where_to_look_and_back(page, site, width):
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
