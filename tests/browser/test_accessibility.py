"""axe-core on every page and state: zero WCAG 2.1 A and AA violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import PAGES, reach

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_21_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
axe = Axe()


def _violations(page) -> list[str]:
    results = axe.run(page, options=WCAG_21_A_AA)
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("name", PAGES)
def test_no_wcag_21_a_or_aa_violations(page, site, name):
    reach(page, site, name)
    assert _violations(page) == []


def test_no_violations_on_a_phone_either(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        for name in ("tables", "results-depends", "question-event"):
            reach(page, site, name)
            assert _violations(page) == [], name
    finally:
        context.close()
