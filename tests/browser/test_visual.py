"""What a saver sees and touches, beyond the checks every page gets in one visit
(tests/browser/test_every_page.py: tap targets, focus rings, reflow, axe): radios and
checkboxes drawn to size, the focused button's ring, and tables that use a desktop
screen."""

from __future__ import annotations

import pytest

from tests.browser.checks import TARGET
from tests.browser.pages import RESULTS

BOX_JS = """selector => {
    const s = getComputedStyle(document.querySelector(selector), '::before');
    return [s.width, s.height, s.borderTopWidth, s.borderTopColor, s.borderRadius];
}"""


def test_a_radio_is_a_40px_circle_with_a_2px_dark_border_and_a_checkbox_a_square(page, site):
    page.goto(site + "/check/account/")
    dark = "rgb(27, 31, 36)"
    assert page.evaluate(BOX_JS, ".radio label") == ["40px", "40px", "2px", dark, "50%"]
    page.goto(site + "/amounts/capital-loss/")
    assert page.evaluate(BOX_JS, ".check label") == ["40px", "40px", "2px", dark, "0px"]


def test_choosing_a_radio_or_ticking_the_box_shows_its_mark(page, site):
    page.goto(site + "/check/account/")
    mark = "el => getComputedStyle(el, '::after').opacity"
    label = page.locator(".radio label").first
    assert label.evaluate(mark) == "0"
    label.click()
    assert label.evaluate(mark) == "1"
    page.goto(site + "/amounts/capital-loss/")
    box = page.get_by_label("Include my figures in the share link")
    box.check()
    assert page.locator(".check label").evaluate(mark) == "1"
    assert box.is_checked()


def test_a_focused_button_shows_black_around_yellow_not_only_yellow(page, site):
    page.goto(site + "/check/account/")
    button = page.get_by_role("button", name="Continue")
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); "
        "return [s.outlineColor, s.outlineWidth, s.boxShadow]; }"
    )
    assert style == ["rgb(255, 191, 71)", "3px", "rgb(27, 31, 36) 0px 0px 0px 5px"]


@pytest.mark.parametrize("width", [660, 800, 1024, 1280, 1600])
def test_the_tables_use_the_width_of_a_desktop_screen_and_the_text_keeps_its_measure(
    browser, site, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(site + "/tables/")
        rem = 16
        boxes = page.evaluate(
            """() => ({
                tables: [...document.querySelectorAll('.table-wrap')].map(
                    el => el.getBoundingClientRect().toJSON()),
                text: document.querySelector('main > p').getBoundingClientRect().width,
                scroll: document.documentElement.scrollWidth,
                client: document.documentElement.clientWidth,
            })"""
        )
        assert boxes["scroll"] <= boxes["client"], boxes
        assert len(boxes["tables"]) == 2
        for box in boxes["tables"]:
            assert box["left"] >= rem and box["right"] <= width - rem, box
            if width >= 1280:
                assert box["width"] > 44 * rem, box
            # Centred on the screen, and no narrower than the text column.
            assert abs(box["left"] - (width - box["right"])) <= 1, box
            assert box["width"] >= boxes["text"], box
        assert boxes["text"] <= 44 * rem, boxes
    finally:
        context.close()


def test_the_comparison_links_on_a_results_page_are_44px_even_on_one_line(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site + RESULTS["results-not-deductible"])
        heights = page.evaluate(
            "[...document.querySelectorAll('ul.links a')]"
            ".map(a => a.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= TARGET, heights
    finally:
        context.close()
