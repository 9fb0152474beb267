"""The back-clicker (the review's journey J7) and the broken link, in Chromium: a
changed answer never opens a page in an error state, on a phone or a desktop (each
journey on one of the two, both sizes covered; the wizard's logic is the server's and
the test client walks it at every step: tests/questionnaire/test_changing_answers.py)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import choose, cont

pytestmark = pytest.mark.django_db(transaction=True)

K401 = "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s"
TAXABLE = "Taxable brokerage account"
EMPTIED = "I took everything out and got back less than I put in"
AGAIN = "You changed the account, so tell us again what happened."
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture
def sized(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    try:
        yield context.new_page()
    finally:
        context.close()


def _to_review_401k_2017(page, site):
    page.goto(site + "/")
    page.get_by_role("link", name="Start now").click()
    choose(page, K401)
    cont(page)
    choose(page, EMPTIED)
    cont(page)
    page.get_by_label("Which tax year is this for?").fill("2017")  # the year first
    cont(page)
    choose(page, "After-tax money (not Roth)")
    cont(page)
    choose(page, "Less than my after-tax or Roth money")
    cont(page)
    page.wait_for_url(re.compile(r".*/check/review/$"))


def _assert_fresh_what_happened(page, notice: str = AGAIN):
    page.wait_for_url(re.compile(r".*/check/event/(\?return=review)?$"))
    assert page.locator(".error-summary").count() == 0
    assert page.locator(".field-error").count() == 0
    assert not page.title().startswith("Error:")
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.locator(".notice").inner_text() == notice
    assert page.locator("h1").inner_text() == "What happened?"


@pytest.mark.parametrize("sized", ["phone"], indirect=True)
def test_the_back_link_four_times_then_a_new_account(sized, site):
    page = sized
    _to_review_401k_2017(page, site)
    for _ in range(4):
        page.get_by_role("button", name="Back").click()
        page.wait_for_load_state("load")
    page.wait_for_url(re.compile(r".*/check/event/$"))
    assert page.get_by_label(EMPTIED).is_checked()  # Back keeps answers
    page.get_by_role("button", name="Back").click()
    page.wait_for_url(re.compile(r".*/check/account/$"))
    assert page.get_by_label(K401, exact=True).is_checked()
    choose(page, TAXABLE)
    cont(page)
    _assert_fresh_what_happened(page)
    choose(page, "I sold it for less than I paid")
    cont(page)
    choose(page, "Stocks, bonds, funds or ETFs")
    cont(page)
    # The year still fits a brokerage account: kept and shown, not a surprise.
    assert page.get_by_label("Which tax year is this for?").input_value() == "2017"
    cont(page)
    summary = page.locator(".summary").inner_text()
    assert "Kind of money" not in summary and "What you got back" not in summary


@pytest.mark.parametrize("sized", ["desktop"], indirect=True)
def test_the_browser_back_button_then_a_new_account(sized, site):
    page = sized
    _to_review_401k_2017(page, site)
    for _ in range(5):
        page.go_back()
    page.wait_for_url(re.compile(r".*/check/account/$"))
    choose(page, "Roth IRA")
    cont(page)
    # What happened still fits a Roth IRA: kept. The kind of money is implied: gone.
    page.wait_for_url(re.compile(r".*/check/event/$"))
    assert page.get_by_label(EMPTIED).is_checked()
    assert page.locator(".error-summary").count() == 0
    page.go_back()
    page.wait_for_url(re.compile(r".*/check/account/$"))
    choose(page, TAXABLE)
    cont(page)
    _assert_fresh_what_happened(page)


@pytest.mark.parametrize("sized", ["phone"], indirect=True)
def test_a_change_link_on_check_your_answers(sized, site):
    page = sized
    _to_review_401k_2017(page, site)
    page.get_by_role("link", name="Change account").click()
    choose(page, TAXABLE)
    cont(page)
    _assert_fresh_what_happened(page)
    choose(page, "The investment became worthless")
    cont(page)
    choose(page, "Stocks, bonds, funds or ETFs")
    cont(page)
    page.wait_for_url(re.compile(r".*/check/review/$"))  # the year 2017 still fits
    assert "Kind of money" not in page.locator(".summary").inner_text()
    # An account for which every answer still fits goes straight back, answers kept.
    page.get_by_role("link", name="Change account").click()
    choose(page, "Health savings account (HSA)")
    cont(page)
    page.wait_for_url(re.compile(r".*/check/event/\?return=review$"))
    _assert_fresh_what_happened(page)
    # An HSA owner reads nothing about IRAs or plans on this page.
    hints = page.locator(".radio-hint").all_inner_texts()
    assert not [h for h in hints if "IRA" in h or "plan" in h]
    choose(page, EMPTIED)
    cont(page)
    page.wait_for_url(re.compile(r".*/check/review/$"))
    # The button stands clear of the last answer.
    gap = page.evaluate(
        """() => document.querySelector('form#wizard-form .button').getBoundingClientRect().top
               - document.querySelector('.summary').getBoundingClientRect().bottom"""
    )
    assert gap >= 32


@pytest.mark.parametrize("sized", ["desktop"], indirect=True)
def test_a_change_link_on_a_shared_results_page_with_no_cookie(sized, site):
    page = sized
    page.goto(site + "/results/?account=taxable&event=wash-sale-ira&asset=securities")
    assert page.context.cookies() == []
    page.get_by_role("link", name="Change account").click()
    choose(page, "Roth IRA")
    cont(page)
    _assert_fresh_what_happened(page)
    # The way back for a wash sale bought back in an IRA.
    page.get_by_role("link", name=f"Go back and choose \u201c{TAXABLE}\u201d").click()
    page.wait_for_url(re.compile(r".*/check/account/$"))
    assert page.get_by_label("Roth IRA", exact=True).is_checked()


@pytest.mark.parametrize("sized", ["phone"], indirect=True)
def test_a_cut_off_link_carries_on_in_the_wizard(sized, site):
    page = sized
    page.goto(site + "/results/?account=traditional-ira&event=closed-at-lo")
    assert page.locator("h1").inner_text() == "This link looks incomplete"
    assert "Traditional IRA" in page.locator(".summary").inner_text()
    page.get_by_role("link", name="Answer the missing questions").click()
    page.wait_for_url(re.compile(r".*/check/event/\?return=review&resumed=1$"))
    assert page.locator(".error-summary").count() == 0
    assert "We filled in the answers we could read" in page.locator(".notice").inner_text()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
