"""A "not sure" answer's headline says what is certain (issue 25 #12): the page names
what the saver was unsure of and what each possibility gives; the API keeps the engine's
headline (the contract)."""

from __future__ import annotations

import pytest

from rules.law import engine
from rules.web import unsure_words
from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db

CASES = {
    "/results/?account=traditional-401k&event=closed-at-loss&contribution=unsure"
    "&received=unsure&year=2017": "It depends on the kind of money and what you got back: "
    "no for pre-tax money; for after-tax or Roth money, yes only if you got back less than "
    "that money",
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=unsure&year=2025": "No for 2025, whatever you got back: no federal deduction",
    "/results/?account=taxable&event=worthless&asset=unsure&year=2019": "It depends on what "
    "you sold or lost: yes for stocks, bonds and funds or small business stock; no for "
    "cryptocurrency",
    f"/results/?account=taxable&event=sold-at-loss&asset=unsure&year={NOW}": f"Yes for {NOW}, "
    "whatever you sold or lost, but the kind of deduction differs",
}


@pytest.mark.parametrize(("url", "headline"), CASES.items())
def test_the_headline_names_what_is_certain(client, url, headline):
    html = client.get(url).content.decode()
    assert f"<h1>{headline}</h1>" in html.replace("&#x27;", "'")
    api = client.get("/api/determination?" + url.split("?", 1)[1]).json()
    assert api["headline"] != headline  # the API's headline is the engine's, unchanged


def test_every_combined_answer_gets_a_headline_without_these(settings):
    for a in engine.all_answers(NOW):
        d = engine.determine(a)
        h = unsure_words.headline(d)
        assert "these" not in h, (a, h)
        assert h.split(" ", 1)[0].rstrip(",:") in {"Yes", "No", "It", "Not"} or h == d.headline


def test_next_steps_follow_what_the_saver_was_unsure_of(client):
    """Issue 25 #26: sure of the kind of money, unsure only of what came back: no advice
    on finding out the kind of money."""
    sure = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=unsure&year=2025"
    ).content.decode()
    assert "show which kind you have" not in sure
    assert "compare it with the after-tax or Roth money you had not yet taken out" in sure
    unsure = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=unsure"
        "&received=unsure&year=2025"
    ).content.decode()
    assert "show which kind you have" in unsure
    depends = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=unsure&year=2017"
    ).content.decode()
    assert "Find out which kind of money you have" not in depends
    assert "Add up everything you were paid" in depends
