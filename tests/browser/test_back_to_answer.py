"""From an answer to the tables or the glossary, and back to the same answer."""

from __future__ import annotations

import re

import pytest

from tests.browser.pages import RESULTS

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = RESULTS["results-depends"]


@pytest.mark.parametrize("link", [re.compile("in the accounts table"), "What the tax words"])
def test_a_page_reached_from_an_answer_leads_back_to_it(page, site, link):
    page.goto(site + ANSWER)
    page.get_by_role("link", name=link).first.click()
    back = page.get_by_role("link", name="Back to your answer")
    back.wait_for()
    back.click()
    page.wait_for_url(site + ANSWER)


def test_reached_any_other_way_it_offers_no_way_back(page, site):
    page.goto(site + "/tables/")
    assert not page.get_by_role("link", name="Back to your answer").is_visible()
    page.goto(site + "/glossary/")
    assert not page.get_by_role("link", name="Back to your answer").is_visible()
