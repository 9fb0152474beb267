"""Check your answers: every answer with a Change link, and back to this page after."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _to_review(saver):
    saver.start()
    saver.answer("account", "traditional-401k")
    saver.answer("event", "closed-at-loss")
    saver.answer("year", "2017")  # the year first (issue 25 #6)
    saver.answer("contribution", "after-tax")
    r = saver.follow(saver.answer("received", "below-basis"))
    assert r.context["wizard"]["steps"].current == "review"
    return r


def test_review_lists_every_answer_with_a_change_link(saver):
    r = _to_review(saver)
    values = [row["value"] for row in r.context["rows"]]
    assert values == [
        "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s",
        "I took everything out and got back less than I put in",
        "2017",
        "After-tax money (not Roth)",
        "Less than my after-tax or Roth money",
    ]
    assert [row["label"] for row in r.context["rows"]] == [
        "Account",
        "What happened",
        "Tax year",
        "Kind of money",
        "What you got back",
    ]
    assert [row["url"] for row in r.context["rows"]] == [
        f"/check/{s}/?return=review"
        for s in ("account", "event", "year", "contribution", "received")
    ]


def test_after_a_change_the_saver_returns_to_the_review_page(saver, client):
    _to_review(saver)
    page = client.get("/check/year/?return=review")
    assert b'name="return" value="review"' in page.content
    r = saver.answer("year", "2020", **{"return": "review"})
    assert r["Location"] == "/check/review/"
    assert "2020" in [row["value"] for row in saver.follow(r).context["rows"]]


def test_a_change_that_opens_a_new_question_asks_it_before_returning(saver):
    _to_review(saver)
    # From a 401(k) to a taxable account: the old event no longer fits.
    r = saver.answer("account", "taxable", **{"return": "review"})
    assert r["Location"] == "/check/event/?return=review"
    r = saver.answer("event", "sold-at-loss", **{"return": "review"})
    assert r["Location"] == "/check/asset/?return=review"
    r = saver.answer("asset", "crypto", **{"return": "review"})
    # The year was answered before and still applies: straight back to the review.
    assert r["Location"] == "/check/review/"
    rows = saver.follow(r).context["rows"]
    assert [row["value"] for row in rows] == [
        "Taxable brokerage account",
        "I sold it for less than I paid",
        "Cryptocurrency or another digital asset",
        "2017",
    ]


def test_change_links_on_the_results_page_reopen_the_wizard_prefilled(client):
    url = (
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2017"
    )
    page = client.get(url)
    links = {row["field"]: row["change_url"] for row in page.context["answer_rows"]}
    assert set(links) == {"account", "contribution", "event", "received", "year"}
    r = client.get(links["event"])
    assert r["Location"] == "/check/event/?return=review"
    form = client.get(r["Location"]).context["form"]
    assert form["event"].value() == "closed-at-loss"
    # Straight to review, then to the same answer.
    r = client.post(
        "/check/event/",
        {"check_wizard-current_step": "event", "event-event": "closed-at-loss", "return": "review"},
    )
    assert r["Location"] == "/check/review/"
    r = client.post("/check/review/", {"check_wizard-current_step": "review"})
    assert client.get(r["Location"])["Location"] == url


def test_a_change_that_makes_the_year_matter_asks_for_it(client):
    # The value fell: neither the year nor the kind of money mattered, so the link has neither.
    page = client.get("/results/?account=traditional-ira&event=value-dropped")
    links = {row["field"]: row["change_url"] for row in page.context["answer_rows"]}
    assert "year=" not in links["event"]
    r = client.get(links["event"])
    assert r["Location"] == "/check/event/?return=review"
    r = client.post(
        "/check/event/",
        {"check_wizard-current_step": "event", "event-event": "closed-at-loss", "return": "review"},
    )
    # Now the year and what came back matter: the wizard asks for them instead of
    # assuming, the year first. (A kind of money left out of a link reads as "not sure",
    # as the API reads it.)
    assert r["Location"] == "/check/year/?return=review"
    r = client.post(
        "/check/year/",
        {"check_wizard-current_step": "year", "year-year": "2016", "return": "review"},
    )
    assert r["Location"] == "/check/received/?return=review"
    r = client.post(
        "/check/received/",
        {
            "check_wizard-current_step": "received",
            "received-received": "unsure",
            "return": "review",
        },
    )
    assert r["Location"] == "/check/review/"
    values = [row["value"] for row in client.get("/check/review/").context["rows"]]
    assert values[1:] == [
        "I took everything out and got back less than I put in",
        "2016",
        "Not sure",
        "Not sure",
    ]
