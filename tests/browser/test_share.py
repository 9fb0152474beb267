"""Sharing an answer or a worksheet: the system share sheet (navigator.share) where the
browser has it, as on a phone; the Copy button where it does not, or when sharing fails;
the link in its field without JavaScript. Chromium on Linux has no navigator.share, so a
phone's is stood in for by a script run before the page's own."""

from __future__ import annotations

import pytest

from tests.pages import AMOUNTS, RESULTS

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
SHARE_SHEET = """
window.__shared = [];
navigator.share = function (data) {
  window.__shared.push(data);
  return window.__refuse ? Promise.reject(new DOMException(window.__refuse, window.__refuse))
                         : Promise.resolve();
};
"""
PAGES = [RESULTS["capital-loss"], AMOUNTS["amounts capital-loss"]]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.add_init_script(SHARE_SHEET)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_a_phone_shares_the_link_with_its_share_sheet(phone, site, path):
    page = phone
    page.goto(site + path)
    share = page.get_by_role("button", name="Share link")
    assert share.is_visible()
    assert not page.locator("[data-copy]").is_visible()  # one way to share, not two
    box = share.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    share.click()
    shared = page.evaluate("window.__shared")
    assert shared == [{"title": page.title(), "url": page.locator("#share-url").input_value()}]


def test_closing_the_share_sheet_changes_nothing(phone, site):
    page = phone
    page.goto(site + RESULTS["capital-loss"])
    page.evaluate("window.__refuse = 'AbortError'")
    page.get_by_role("button", name="Share link").click()
    page.wait_for_function("window.__shared.length === 1")
    assert page.get_by_role("button", name="Share link").is_visible()
    assert page.locator(".copy-status").inner_text() == ""


def test_when_sharing_fails_the_copy_button_takes_over(phone, site):
    page = phone
    page.goto(site + RESULTS["capital-loss"])
    page.evaluate("window.__refuse = 'NotAllowedError'")
    page.get_by_role("button", name="Share link").click()
    copy = page.get_by_role("button", name="Copy link")
    copy.wait_for()
    assert not page.locator("[data-share]").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('data-copy')") == "share-url"
    assert "copy it instead" in page.locator(".copy-status").inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_without_a_share_sheet_the_copy_button_is_offered(browser, site, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site + path)
        assert page.evaluate("typeof navigator.share") == "undefined"
        assert page.get_by_role("button", name="Copy link").is_visible()
        assert not page.locator("[data-share]").is_visible()
    finally:
        context.close()


def test_without_javascript_the_link_is_in_its_field(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + RESULTS["capital-loss"])
        assert "/results/?" in page.get_by_label("Link to this answer").input_value()
        assert not page.locator("[data-share]").is_visible()
        assert not page.locator("[data-copy]").is_visible()
    finally:
        context.close()
