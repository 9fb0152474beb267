"""The "Work out how much" pages in a browser: from results, without JavaScript, on a phone."""

from __future__ import annotations

import pytest

from tests.pages import AMOUNTS, RESULTS

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def test_from_a_results_page_to_the_worksheet_with_javascript_off(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + RESULTS["capital-loss"])
        page.get_by_role("link", name="Work out how much").click()
        page.get_by_label("Filing status").select_option(label="Married filing separately")
        # A loss typed as the saver thinks of it: an amount, no minus sign.
        page.get_by_role("group", name="Losses this year").get_by_label("Short-term").fill(
            "10,000"
        )
        page.get_by_role("button", name="Work it out").click()
        page.get_by_role("heading", name="Your worksheet").wait_for()
        assert "($1,500.00)" in page.locator(".worksheet").inner_text()
        carried = page.locator(".worksheet .carry").inner_text()
        assert "Carryover Worksheet line 8" in carried and "$8,500.00" in carried
        # The address bar holds the figures (a GET form); the share link does not.
        assert "short_loss=" in page.url
        assert "short_loss=" not in page.locator("#share-url").input_value()
        page.get_by_role("link", name="Back to your answer").click()
        assert "/results/" in page.url
    finally:
        context.close()


def test_an_error_summary_takes_focus_and_links_to_the_field(page, site):
    page.goto(site + AMOUNTS["amounts capital-loss errors"])
    summary = page.locator(".error-summary")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "f-filing"


@pytest.mark.parametrize("slug", ["capital-loss", "section-1244", "wash-sale", "basis-loss"])
def test_the_form_fits_one_phone_screen(browser, site, slug):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{site}/amounts/{slug}/")
        button = page.get_by_role("button", name="Work it out").bounding_box()
        assert button["y"] + button["height"] <= PHONE["height"], button
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def test_no_horizontal_scrolling_with_a_filled_worksheet_on_a_phone(browser, site):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site + AMOUNTS["amounts capital-loss filled"])
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("javascript", [True, False])
def test_the_result_opens_in_view_and_a_screen_reader_is_taken_to_it(browser, site, javascript):
    """The review's J10: the worksheet appeared below the fold, nothing announced. Now the
    page opens at the result on a phone; with JavaScript its heading has focus."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(site + AMOUNTS["amounts capital-loss"])
        page.get_by_label("Filing status").select_option(label="Single")
        page.get_by_role("group", name="Losses this year").get_by_label("Long-term").fill("12000")
        page.get_by_role("button", name="Work it out").click()
        heading = page.get_by_role("heading", name="Your worksheet")
        heading.wait_for()
        assert page.url.endswith("#result")
        assert _in_view(page, heading)
        # The heading is the fragment's target and can take focus: Chromium focuses it
        # itself, and site.js does it for browsers that only scroll.
        assert page.evaluate("document.activeElement.id") == "result"
        if javascript:  # read out, and the deduction is the first thing after it
            first = page.locator(".worksheet-result dl .summary-row").first.inner_text()
            assert "Deducted from other income this year" in first and "$3,000.00" in first
    finally:
        context.close()


def test_an_error_keeps_the_page_at_its_top(page, site):
    page.goto(site + AMOUNTS["amounts capital-loss"])
    page.get_by_role("button", name="Work it out").click()
    page.locator(".error-summary").wait_for()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.evaluate("window.scrollY") < 200
