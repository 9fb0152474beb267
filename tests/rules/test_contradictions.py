"""Contradictory answers are a 400 that says why, in the API and on the results page;
answers that only do not matter are dropped by the canonical link (issue 23 item 10,
LAW-FINDINGS-3 part 5)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
API = "/api/v1/determination"
PRE_TAX_BELOW = {
    "account": "traditional-401k",
    "event": "closed-at-loss",
    "contribution": "pre-tax",
    "received": "below-basis",
    "year": "2016",
}


@pytest.mark.parametrize(
    "query",
    [
        PRE_TAX_BELOW,
        {**PRE_TAX_BELOW, "received": "covers-basis"},
        {**PRE_TAX_BELOW, "account": "traditional-ira"},
        {**PRE_TAX_BELOW, "account": "inherited-ira"},
    ],
)
def test_got_back_less_than_basis_with_only_pre_tax_money_is_refused(client, query):
    r = client.get(API, query)
    assert r.status_code == 400
    (message,) = r.json()["errors"]["received"]
    assert "does not fit pre-tax money" in message
    page = client.get("/results/", query)
    assert page.status_code == 400
    html = page.content.decode()
    assert "do not fit together" in html and "does not fit pre-tax money" in html
    assert "cut short" not in html


def test_a_whole_event_another_starts_with_is_contradictory_not_cut_short(client):
    html = client.get("/results/", {"account": "hsa", "event": "wash-sale", "year": "2020"})
    text = html.content.decode()
    assert html.status_code == 400
    assert "do not fit together" in text and "cut short" not in text
    # A value that is only the start of one is still a link cut off.
    cut = client.get("/results/", {"account": "taxable", "event": "wash-sa", "year": "2020"})
    assert "cut short" in cut.content.decode()


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ({**PRE_TAX_BELOW, "received": "unsure"}, "event=closed-at-loss&contribution=pre-tax"),
        (
            {"account": "roth-ira", "event": "closed-at-loss", "asset": "crypto", "year": "2016"},
            "account=roth-ira&event=closed-at-loss&year=2016",
        ),
    ],
)
def test_an_answer_that_does_not_matter_is_still_dropped(client, query, kept):
    r = client.get("/results/", query)
    assert r.status_code == 302 and r["Location"].endswith(kept)
    assert client.get(API, query).status_code == 200


@pytest.mark.parametrize("received", ["below-basis", "covers-basis"])
def test_an_unsure_kind_of_money_drops_the_pre_tax_reading_the_other_answers_rule_out(received):
    """Getting back less than (or at least) the after-tax or Roth money says some money was
    after-tax or Roth, so a pre-tax-only reading cannot be one of the saver's readings (the
    same contradiction the validator refuses when pre-tax is chosen: 26 U.S.C. 72(b), (e)(8))."""
    from rules.law import engine
    from rules.law.answers import answers

    a = answers("traditional-401k", "closed-at-loss", "unsure", received, year=2017)
    readings = engine.readings(a)
    assert readings and all(r.contribution != "pre-tax" for r in readings)
    d = engine.determine(a)
    assert all(b.contribution != "pre-tax" for b in d.branches)
    if received == "below-basis":
        assert d.deductible is True
