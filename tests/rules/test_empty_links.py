"""No results page has a link without words (reviewer's finding: a "not sure" page's
branch whose headline is only a verdict rendered `<a href=...></a>`)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from rules.law import engine, questions
from tests.conftest import CURRENT

pytestmark = pytest.mark.django_db
LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)


def test_no_results_page_in_the_whole_input_space_has_an_empty_link(client):
    empty, seen = [], set()
    for a in engine.all_answers(CURRENT):
        query = urlencode(questions.canonical(a, CURRENT))
        if query in seen:
            continue
        seen.add(query)
        r = client.get(f"/results/?{query}")
        assert r.status_code == 200, a
        if any(not re.sub(r"<[^>]+>", "", t).strip() for t in LINK.findall(r.content.decode())):
            empty.append(query)
    assert not empty, empty[:5]


def test_a_branch_whose_headline_is_only_a_verdict_links_its_words(client):
    html = client.get("/results/?account=taxable&event=worthless&asset=unsure&year=2019")
    assert "unless you sell it</a>" in html.content.decode()
