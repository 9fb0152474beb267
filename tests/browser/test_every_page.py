"""Every page and state of tests/browser/pages.py, reached once and checked for all the
page-level properties together:

- axe-core: zero WCAG 2.1 A and AA violations (on a desktop; on a phone too for a few
  pages whose layout changes most);
- a yellow-and-black focus ring on every control reached with the Tab key, and each
  kind of control the page is known to hold reached at least once;
- on a 360 px phone: every control at least 44 px each way (links inside a sentence
  excepted, as WCAG allows) and no horizontal scrolling;
- at 320 px with text at 200%: no horizontal scrolling (WCAG 1.4.10 reflow).

One visit instead of one per check: the page is reached at 1280 px, then the viewport
is resized (layout is recomputed by the browser as on a rotated phone). Every problem
of a page is reported together.
"""

from __future__ import annotations

import pytest

from tests.browser.checks import (
    CONTROLS_JS,
    FOCUS_KINDS,
    OVERFLOW_JS,
    TARGET,
    axe_violations,
    expected_focus_kinds,
    tab_through,
)
from tests.browser.pages import PAGES, reach

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
NARROW = {"width": 320, "height": 640}
# Pages whose phone layout differs most: axe runs on them at 360 px too.
AXE_ON_A_PHONE = {"tables", "results-depends", "question-event", "changes"}


def _tap_target_problems(name: str, controls: list[dict]) -> list[str]:
    measured = [c for c in controls if not c["inText"]]
    problems = [
        f"under {TARGET} px (a list of links only: ul.links; see site.css): "
        f"{c['kind']} {c['text']!r}: {c['width']:.0f} x {c['height']:.1f}"
        for c in measured
        if c["height"] < TARGET or c["width"] < TARGET
    ]
    kinds = {c["kind"] for c in measured}
    # The header's two links at least were measured, not skipped.
    if len(measured) < 2:
        problems.append(f"fewer than 2 controls measured: {controls}")
    radios = name.startswith("question-") and name != "question-year" and "error" not in name
    if radios and not {"label", "input[radio]"} <= kinds:
        problems.append(f"radios and their labels not measured: {kinds}")
    if name.startswith("amounts-") and not {"label", "input[checkbox]", "input[text]"} <= kinds:
        problems.append(f"the worksheet's fields not measured: {kinds}")
    if name == "review" and sum(c["text"].startswith("Change") for c in measured) < 2:
        problems.append(f"the Change links not measured: {measured}")
    problems += [f"an in-text control that is not a link: {c}" for c in controls
                 if c["inText"] and c["kind"] != "a"]
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_axe_focus_rings_tap_targets_and_reflow(browser, site, name):
    context = browser.new_context(viewport=DESKTOP)
    problems: list[str] = []
    try:
        page = context.new_page()
        reach(page, site, name)

        problems += [f"axe at 1280 px: {v}" for v in axe_violations(page)]

        page.evaluate("document.activeElement && document.activeElement.blur()")
        rings = tab_through(page)
        if not rings:
            problems.append("the Tab key reached no control")
        problems += [f"no yellow-and-black focus ring: {r}" for r in rings if not r["ok"]]
        reached = {r["kind"] for r in rings}
        missing = expected_focus_kinds(name) - reached
        if missing:
            problems.append(f"kinds of control never reached with Tab: {missing}; "
                            f"reached {reached}")
        page.evaluate("document.activeElement && document.activeElement.blur()")

        page.set_viewport_size(PHONE)
        if name in AXE_ON_A_PHONE:
            problems += [f"axe at 360 px: {v}" for v in axe_violations(page)]
        problems += _tap_target_problems(name, page.evaluate(CONTROLS_JS))
        found = page.evaluate(OVERFLOW_JS)
        if found["scroll"] > PHONE["width"]:
            problems.append(f"horizontal scrolling at 360 px: {found}")

        page.set_viewport_size(NARROW)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        size = page.evaluate("getComputedStyle(document.body).fontSize")
        if size != "34px":
            problems.append(f"text not at 200% (body font {size})")
        found = page.evaluate(OVERFLOW_JS)
        if found["scroll"] > NARROW["width"]:
            problems.append(f"horizontal scrolling at 320 px with text at 200%: {found}")
    finally:
        context.close()
    assert not problems, f"{name}:\n" + "\n".join(problems)


def test_the_pages_hold_every_kind_of_control_the_site_has():
    """Between them, the pages above are known to hold every kind of focusable control
    (and the test above checks each page reaches its kinds with Tab)."""
    covered = set().union(*(expected_focus_kinds(name) for name in PAGES))
    assert covered == FOCUS_KINDS, FOCUS_KINDS ^ covered
