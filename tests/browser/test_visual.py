"""What a saver sees and touches: 44 px tap targets on a phone, a focus ring on every
control, reflow at 320 px with 200% text, and tables that use a desktop screen.

Measured in Chromium on the pages of tests/browser/pages.py.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGES, RESULTS, reach

PHONE = {"width": 360, "height": 740}
TARGET = 44  # px: WCAG 2.5.5 (AAA) and GOV.UK's size for anything a thumb must hit


# Every control on the page with its box. A link whose block holds other words is a
# link in running text (a sentence, a citation followed by its pinpoint): WCAG exempts
# it ("the target is in a sentence"), and making it taller would pull the lines apart.
# Off-page controls are left out: the skip link (on the page only while focused) and
# the feedback form's honeypot (aria-hidden, for robots only).
CONTROLS_JS = r"""() => {
  const words = el => el.textContent.replace(/\s+/g, ' ').trim();
  const blockOf = el => {
    let p = el.parentElement;
    while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
    return p;
  };
  const found = [];
  const query = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '.radio label, .check label';
  for (const el of document.querySelectorAll(query)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('[aria-hidden="true"]') || el.classList.contains('skip-link')) continue;
    let kind = el.matches('.radio label, .check label') ? 'label' : el.tagName.toLowerCase();
    if (el.type) kind += '[' + el.type + ']';
    let inText = false;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      inText = words(blockOf(el)) !== words(el);
    }
    found.push({kind, inText, text: words(el).slice(0, 50) || el.id || el.name,
                width: r.width, height: r.height});
  }
  return found;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_control_is_at_least_44px_each_way_on_a_phone(phone, site, name):
    reach(phone, site, name)
    controls = phone.evaluate(CONTROLS_JS)
    measured = [c for c in controls if not c["inText"]]
    small = [
        f"{c['kind']} {c['text']!r}: {c['width']:.0f} x {c['height']:.1f}"
        for c in measured
        if c["height"] < TARGET or c["width"] < TARGET
    ]
    assert not small, (
        f"{name}: under {TARGET} px (a list of links only: ul.links; see site.css): {small}"
    )
    kinds = {c["kind"] for c in measured}
    # The header's two links at least were measured, not skipped.
    assert len(measured) >= 2, controls
    if name.startswith("question-") and name != "question-year" and "error" not in name:
        assert "label" in kinds and "input[radio]" in kinds, kinds
    if name.startswith("amounts-"):
        assert {"label", "input[checkbox]", "input[text]"} <= kinds, kinds
    if name == "review":
        assert sum(c["text"].startswith("Change") for c in measured) >= 2, measured
    for c in controls:
        if c["inText"]:
            assert c["kind"] == "a", c


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


# The focus ring of the focused element: yellow (an outline of 3 px or more, or a
# box-shadow) with black around it, so it shows on white and on the blue buttons.
# A radio's ring is drawn on its circle (the label's ::before): the input is invisible;
# the same for the worksheets' checkbox.
RING_JS = r"""() => {
  const YELLOW = 'rgb(255, 191, 71)', BLACK = 'rgb(27, 31, 36)';
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const radio = el.matches('.radio input, .check input');
  const s = getComputedStyle(radio ? el.labels[0] : el, radio ? '::before' : null);
  const shadows = s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/).map(part => {
    const color = (part.match(/rgba?\([^)]*\)/) || [''])[0];
    const sizes = part.replace(color, '').trim().split(/\s+/).map(parseFloat);
    return {color, spread: sizes[3] || 0};
  });
  const outline = s.outlineStyle !== 'none' && s.outlineColor === YELLOW
    ? parseFloat(s.outlineWidth) + Math.max(0, parseFloat(s.outlineOffset)) : 0;
  const yellowShadow = Math.max(0, ...shadows.filter(x => x.color === YELLOW).map(x => x.spread));
  const yellow = Math.max(outline >= 3 ? outline : 0, yellowShadow >= 3 ? yellowShadow : 0);
  const black = Math.max(0, ...shadows.filter(x => x.color === BLACK).map(x => x.spread));
  let kind = el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '');
  if (el.classList.contains('button')) kind += '.button';
  if (el.classList.contains('back-link')) kind += '.back-link';
  if (el.getAttribute('role') === 'region') kind += '[region]';
  return {kind, ok: yellow > 0 && black > yellow,
          html: el.outerHTML.slice(0, 120), outline: s.outline, shadow: s.boxShadow};
}"""


def _tab_through(page) -> list[dict]:
    """Press Tab from the top of the page until focus leaves it or comes round again."""
    seen, rings = set(), []
    for _ in range(200):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING_JS)
        if ring is None or ring["html"] in seen:
            break
        seen.add(ring["html"])
        rings.append(ring)
    return rings


FOCUS_KINDS = {
    "a",
    "a.button",
    "a.back-link",
    "button[submit].back-link",
    "button[submit].button",
    "button[button].button",
    "input[radio]",
    "input[text]",
    "input[url]",
    "input[checkbox]",
    "select[select-one]",
    "textarea[textarea]",
    "summary",
    "div[region]",
}


def test_a_focus_ring_shows_on_every_control_reached_with_the_tab_key(browser, site):
    kinds, missing = set(), []
    for name in PAGES:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            reach(page, site, name)
            page.evaluate("document.activeElement && document.activeElement.blur()")
            rings = _tab_through(page)
            assert rings, name
            kinds |= {r["kind"] for r in rings}
            missing += [f"{name}: {r}" for r in rings if not r["ok"]]
        finally:
            context.close()
    assert not missing, "\n".join(missing)
    # Every kind of control the site has was focused at least once.
    assert kinds >= FOCUS_KINDS, FOCUS_KINDS - kinds


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


OVERFLOW_JS = r"""() => {
  const width = document.documentElement.clientWidth;
  const over = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5 && !el.closest('.table-wrap, pre, .visually-hidden')
        && getComputedStyle(el).position !== 'absolute') {
      over.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 8)};
}"""


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_at_320px_with_text_at_200_percent(browser, site, name):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        reach(page, site, name)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert page.evaluate("getComputedStyle(document.body).fontSize") == "34px"
        found = page.evaluate(OVERFLOW_JS)
        assert found["scroll"] <= 320, found
    finally:
        context.close()


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
