"""Enter (and a phone keyboard's Go key, which submits the same way) always moves the
saver forward: on every question, after choosing with the keyboard or typing the year, it
goes to the next question, and with nothing chosen it shows the error summary. It never
goes back a question (the Back button is outside the form, before it in the page, and a
form's default button is its first submit button in the page)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import choose, cont

pytestmark = pytest.mark.django_db(transaction=True)

K401 = "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s"
TAXABLE = "Taxable brokerage account"
EMPTIED = "I took everything out and got back less than I put in"
AFTER_TAX = "After-tax money (not Roth)"
LESS = "Less than my after-tax or Roth money"
YEAR = "Which tax year is this for?"

# Each question with a Back button: the answers that reach it, what to choose on it, and
# the page Enter must then open.
QUESTIONS = {
    "event": ([K401], EMPTIED, "year"),
    "year": ([K401, EMPTIED], "2017", "contribution"),  # the year first (issue 25 #6)
    "contribution": ([K401, EMPTIED, "2017"], AFTER_TAX, "received"),
    "received": ([K401, EMPTIED, "2017", AFTER_TAX], LESS, "review"),
    "asset": ([TAXABLE, "The investment became worthless"], "Stocks, bonds, funds or ETFs",
              "year"),
}


def _reach(page, site, labels, step):
    page.goto(site + "/check/")
    for label in labels:
        if label.isdigit():
            page.get_by_label(YEAR).fill(label)
        else:
            choose(page, label)
        cont(page)
    page.wait_for_url(re.compile(rf".*/check/{step}/$"))


def _arrow_to(page, answer):
    radios = page.locator("input[type=radio]")
    labels = radios.evaluate_all("els => els.map(el => el.labels[0].innerText.trim())")
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range(labels.index(answer)):
        page.keyboard.press("ArrowDown")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("step", QUESTIONS)
def test_enter_after_answering_moves_forward(phone, site, step):
    page = phone
    earlier, answer, following = QUESTIONS[step]
    _reach(page, site, earlier, step)
    if step == "year":
        page.get_by_label(YEAR).fill(answer)  # typed, as on a phone, then Go
        page.get_by_label(YEAR).press("Enter")
    else:
        # From the keyboard alone: Space on the first radio, arrow to the answer, Enter.
        _arrow_to(page, answer)
        assert page.get_by_label(answer, exact=True).is_checked()
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf".*/check/{following}/$"))
    assert page.locator(".error-summary").count() == 0
    # And Back from there still returns here with the answer kept.
    page.get_by_role("button", name="Back").click()
    page.wait_for_url(re.compile(rf".*/check/{step}/$"))
    if step == "year":
        assert page.get_by_label(YEAR).input_value() == answer
    else:
        assert page.get_by_label(answer, exact=True).is_checked()


@pytest.mark.parametrize("step", QUESTIONS)
def test_enter_with_nothing_chosen_shows_the_error_not_the_question_before(phone, site, step):
    page = phone
    earlier, _, _ = QUESTIONS[step]
    _reach(page, site, earlier, step)
    if step == "year":
        page.get_by_label(YEAR).press("Enter")
    else:
        page.locator("input[type=radio]").first.focus()
        page.locator("input[type=radio]").first.evaluate("el => { el.checked = false; }")
        page.keyboard.press("Enter")
    page.locator(".error-summary").wait_for()
    assert page.url.endswith(f"/check/{step}/")
    assert page.title().startswith("Error:")
    # The error summary has focus (site.js), as after pressing Continue.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")


def test_a_keyboard_alone_reaches_an_answer_by_enter(phone, site):
    """The whole journey with keys only: Tab to Start now, arrows and Enter on each
    question, the year typed and Enter, Enter on "See the answer"."""
    page = phone
    page.goto(site + "/")
    page.get_by_role("link", name="Start now").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/check/account/$"))
    _arrow_to(page, TAXABLE)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/check/event/$"))
    page.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # "I sold it for less than I paid"
    assert page.get_by_label("I sold it for less than I paid").is_checked()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/check/asset/$"))
    page.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/check/year/$"))
    page.get_by_label(YEAR).focus()
    page.keyboard.type("2024")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/check/review/$"))
    page.get_by_role("button", name="See the answer").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/results/\?.*year=2024"))
    assert "account=taxable" in page.url and "event=sold-at-loss" in page.url


def test_enter_moves_forward_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        _reach(page, site, [K401, EMPTIED], "year")
        page.get_by_label(YEAR).fill("2017")
        page.get_by_label(YEAR).press("Enter")
        page.wait_for_url(re.compile(r".*/check/contribution/$"))
    finally:
        context.close()
