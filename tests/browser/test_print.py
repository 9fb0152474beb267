"""Print or save an answer: a real button where the script can print, a hint where it
cannot; the printout keeps the verdict, the disclaimer, the date, the link and the
sources, and leaves out buttons, feedback and links for changing answers."""

from __future__ import annotations

import pytest

from tests.browser.pages import RESULTS

pytestmark = pytest.mark.django_db(transaction=True)

IRA_2017 = RESULTS["results-itemized-2-percent"]


def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def explained(page) -> bool:
    """Whether the editor's explanation (under "More about the law") can be seen."""
    return page.get_by_text("one narrow way to deduct a loss in an IRA").first.is_visible()


def test_the_button_prints_and_replaces_the_hint(page, site):
    page.goto(site + IRA_2017)
    # Count the calls instead of opening the print dialog.
    page.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }")
    button = page.get_by_role("button", name="Print or save this answer")
    assert button.is_visible()
    assert not visible(page, "[data-print-hint]")
    button.click()
    assert page.evaluate("window.__printed") == 1


def test_without_javascript_there_is_no_dead_button_but_a_hint(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + IRA_2017)
        assert not page.get_by_role("button", name="Print or save this answer").is_visible()
        hint = page.locator("[data-print-hint]")
        assert hint.is_visible() and "Ctrl+P" in hint.inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_printout_keeps_what_an_accountant_needs_and_drops_the_controls(
    browser, site, javascript
):
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(site + IRA_2017)
        page.emulate_media(media="print")
        # Kept: verdict, headline, the disclaimer, the date, the full link, the sources.
        assert visible(page, ".verdict-word") and visible(page, "h1")
        footer = page.locator(".site-footer")
        assert footer.is_visible() and "not tax advice" in footer.inner_text()
        printed = page.locator(".print-only")
        assert printed.is_visible()
        text = printed.inner_text()
        assert f"{site}{IRA_2017}" in text and "Printed November 28, 2026" in text
        assert visible(page, "#sources-heading") and visible(page, ".sources a")
        source = page.locator(".sources a").first
        after = source.evaluate("a => getComputedStyle(a, '::after').content")
        assert source.get_attribute("href") in after  # the address, in full
        assert visible(page, ".reviewed")
        # The explanation prints open.
        assert explained(page)
        # Left out: buttons, feedback, share box, links for changing answers.
        for selector in (
            "[data-print]",
            "[data-print-hint]",
            ".feedback",
            ".share",
            ".summary-row dd.no-print",
            ".how-much",
            "details.more > summary",
        ):
            assert not visible(page, selector), selector
        assert not page.get_by_role("link", name="Start again").is_visible()
    finally:
        context.close()


def test_on_screen_the_explanation_waits_behind_more_about_the_law(page, site):
    page.goto(site + IRA_2017)
    more = page.locator("details.more", has_text="More about the law behind this answer")
    assert not more.evaluate("d => d.open")
    assert not explained(page)
    page.get_by_text("More about the law behind this answer").click()
    assert explained(page)


def test_a_spanish_answer_prints_with_its_disclaimer(page, site):
    page.goto(site + "/es" + IRA_2017)
    page.emulate_media(media="print")
    assert visible(page, ".verdict-word") and visible(page, "h1")
    footer = page.locator(".site-footer")
    assert footer.is_visible() and "no asesoría tributaria" in footer.inner_text()
    text = page.locator(".print-only").inner_text()
    assert f"{site}/es{IRA_2017}" in text and "Impreso el 28 de noviembre de 2026" in text
    assert page.locator("html").get_attribute("lang") == "es"
