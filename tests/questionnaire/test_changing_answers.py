"""Changing an answer never blames the saver (UX review, problem 2).

After a new answer to an earlier question, by the wizard's Back link, by the
browser's Back button (a GET of the earlier page, then its form sent again), by
a Change link on check your answers, or by a Change link on a shared results
page opened with no cookie, a later question whose old answer no longer fits is
shown fresh: no error summary, no "Error:" in the title, a neutral notice. An
answer that no longer applies is dropped: never reused unseen, never listed on
check your answers.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.questionnaire.conftest import PREFIX

pytestmark = pytest.mark.django_db

COOKIE = f"wizard_{PREFIX}"
RETURN = {"return": "review"}


def _cookie_data(client) -> dict:
    from django.http import HttpRequest

    request = HttpRequest()
    request.COOKIES[COOKIE] = client.cookies[COOKIE].value
    return json.loads(request.get_signed_cookie(COOKIE))


def stored(client) -> dict[str, str]:
    """The answers in the wizard's cookie, by question."""
    return {
        step: values[f"{step}-{step}"][0]
        for step, values in _cookie_data(client)["step_data"].items()
        if f"{step}-{step}" in values
    }


def assert_fresh(page, question: str, notice: str | None) -> None:
    """The question is shown with nothing chosen and no error, with or without a notice."""
    html = page.content.decode()
    assert page.status_code == 200
    assert page.request["PATH_INFO"] == f"/check/{question}/"
    assert 'class="error-summary"' not in html
    assert "<title>Error:" not in html
    assert 'class="field-error"' not in html and "has-error" not in html
    assert " checked" not in html
    assert page.context["form"][question].value() in (None, "")
    if notice is None:
        assert 'class="notice"' not in html
    else:
        assert f'<p class="notice" role="status">{notice}</p>' in html


def review_values(client) -> list[str]:
    return [row["value"] for row in client.get("/check/review/").context["rows"]]


def _401k_after_tax_2017(saver):
    saver.start()
    saver.answer("account", "traditional-401k")
    saver.answer("event", "closed-at-loss")
    saver.answer("year", "2017")  # the year first (issue 25 #6)
    saver.answer("contribution", "after-tax")
    r = saver.follow(saver.answer("received", "below-basis"))
    assert r.context["wizard"]["steps"].current == "review"


# --- the account changed, by each way back


def test_back_link_to_the_account_then_a_new_account_shows_what_happened_fresh(saver, client):
    """The review's journey J7: 401(k), after-tax, closed, 2017; Back four times; Taxable."""
    _401k_after_tax_2017(saver)
    assert saver.back("review", to="year")["Location"] == "/check/year/"
    assert saver.back("year", to="received", value="2017")["Location"] == "/check/received/"
    saver.back("received", to="contribution", value="below-basis")
    saver.back("contribution", to="event", value="after-tax")
    r = saver.back("event", to="account", value="closed-at-loss")
    assert r["Location"] == "/check/account/"
    page = saver.follow(r)
    assert page.context["form"]["account"].value() == "traditional-401k"  # Back keeps answers
    r = saver.answer("account", "taxable")
    assert r["Location"] == "/check/event/"
    assert_fresh(
        saver.follow(r), "event", "You changed the account, so tell us again what happened."
    )
    # The kind of money and what came back mean nothing for a brokerage account: gone.
    # The year still fits, and is kept.
    assert stored(client) == {"account": "taxable", "year": "2017"}
    saver.follow(saver.answer("event", "sold-at-loss"))
    saver.follow(saver.answer("asset", "securities"))
    year = client.get("/check/year/")
    assert year.context["form"]["year"].value() == "2017"
    saver.follow(saver.answer("year", "2017"))
    assert review_values(client) == [
        "Taxable brokerage account",
        "I sold it for less than I paid",
        "Stocks, bonds, funds or ETFs",
        "2017",
    ]


def test_the_browser_s_back_button_then_a_new_account_sent_again(saver, client):
    """A GET of the earlier page (as the browser's Back button makes), then its form."""
    saver.walk(account="taxable", event="sold-at-loss", asset="crypto", year="2025")
    assert client.get("/check/account/").status_code == 200
    r = saver.answer("account", "roth-ira")
    assert r["Location"] == "/check/event/"
    assert_fresh(
        saver.follow(r), "event", "You changed the account, so tell us again what happened."
    )
    assert stored(client) == {"account": "roth-ira", "year": "2025"}
    # Once answered, the notice is gone and the saver carries on as usual.
    r = saver.follow(saver.answer("event", "closed-at-loss"))
    assert r.request["PATH_INFO"] == "/check/year/"
    assert 'class="notice"' not in r.content.decode()
    assert r.context["form"]["year"].value() == "2025"


def test_a_change_link_on_check_your_answers(saver, client):
    _401k_after_tax_2017(saver)
    page = client.get("/check/account/?return=review")
    assert page.context["back_step"] == "review"
    r = saver.answer("account", "taxable", **RETURN)
    assert r["Location"] == "/check/event/?return=review"
    page = saver.follow(r)
    assert_fresh(page, "event", "You changed the account, so tell us again what happened.")
    assert page.context["returning"]
    r = saver.answer("event", "worthless", **RETURN)
    assert r["Location"] == "/check/asset/?return=review"
    assert_fresh(saver.follow(r), "asset", None)  # a new question, not a changed one
    r = saver.answer("asset", "securities", **RETURN)
    assert r["Location"] == "/check/review/"
    values = review_values(client)
    assert values == [
        "Taxable brokerage account",
        "The investment became worthless",
        "Stocks, bonds, funds or ETFs",
        "2017",
    ]
    assert not any("money" in value for value in values)


def test_a_change_link_on_a_shared_results_page_with_no_cookie(client):
    url = "/results/?account=taxable&event=wash-sale&asset=securities"
    links = {row["field"]: row["change_url"] for row in client.get(url).context["answer_rows"]}
    assert COOKIE not in client.cookies  # the spouse opening the link has no answers stored
    r = client.get(links["account"])
    assert r["Location"] == "/check/account/?return=review"
    page = client.get(r["Location"])
    assert page.context["form"]["account"].value() == "taxable"
    r = client.post(
        "/check/account/",
        {f"{PREFIX}-current_step": "account", "account-account": "hsa", **RETURN},
    )
    assert r["Location"] == "/check/event/?return=review"
    assert_fresh(
        client.get(r["Location"]),
        "event",
        "You changed the account, so tell us again what happened.",
    )
    assert stored(client) == {"account": "hsa"}


# --- each later question, shown fresh or dropped


def test_a_kind_of_money_the_new_account_cannot_hold_is_asked_again(saver, client):
    _401k_after_tax_2017(saver)
    # A governmental 457(b) holds no after-tax money other than Roth.
    r = saver.answer("account", "457b", **RETURN)
    assert r["Location"] == "/check/contribution/?return=review"
    assert_fresh(
        saver.follow(r),
        "contribution",
        "You changed the account, so tell us again what kind of money went into the account.",
    )
    assert stored(client) == {"account": "457b", "event": "closed-at-loss", "year": "2017"}


def test_what_came_back_is_dropped_when_it_no_longer_applies_and_asked_fresh_later(
    saver, client
):
    _401k_after_tax_2017(saver)
    r = saver.answer("contribution", "pre-tax", **RETURN)
    # Pre-tax money has no basis: what came back is not asked, and not kept.
    assert "received" not in stored(client)
    assert "Less than my after-tax or Roth money" not in review_values(client)
    saver.follow(r)
    r = saver.answer("contribution", "roth", **RETURN)
    assert r["Location"] == "/check/received/?return=review"
    assert_fresh(saver.follow(r), "received", None)  # not the old answer, reused unseen


def test_what_was_sold_is_dropped_when_it_no_longer_applies(saver, client):
    saver.walk(account="taxable", event="sold-at-loss", asset="crypto", year="2025")
    r = saver.answer("event", "value-dropped", **RETURN)
    assert r["Location"] == "/check/review/"
    assert stored(client) == {"account": "taxable", "event": "value-dropped"}
    assert review_values(client) == [
        "Taxable brokerage account",
        "The investment fell in value, and I still hold it",
    ]
    r = saver.answer("event", "worthless", **RETURN)
    assert r["Location"] == "/check/asset/?return=review"
    assert_fresh(saver.follow(r), "asset", None)


def test_a_year_before_the_new_account_existed_is_asked_again(saver, client):
    saver.walk(
        account="traditional-401k",
        event="closed-at-loss",
        contribution="unsure",
        received="unsure",
        year="1990",
    )
    r = saver.answer("account", "roth-ira", **RETURN)
    # Roth IRAs began in 1998: the year no longer fits; what happened still does.
    assert r["Location"] == "/check/year/?return=review"
    page = saver.follow(r)
    assert_fresh(
        page, "year", "You changed the account, so tell us again which tax year this is for."
    )
    assert "from 1998 to 2026" in page.content.decode()
    assert stored(client) == {"account": "roth-ira", "event": "closed-at-loss"}


def test_a_year_before_roth_money_existed_asks_the_kind_of_money_again(saver, client):
    """The year is asked first (issue 25 #6), so it is the year that can make a kind of
    money impossible: Roth money in a 401(k) began in 2006."""
    saver.walk(
        account="traditional-401k",
        event="closed-at-loss",
        year="2010",
        contribution="roth",
        received="below-basis",
    )
    r = saver.answer("year", "2003", **RETURN)
    assert r["Location"] == "/check/contribution/?return=review"
    page = saver.follow(r)
    assert_fresh(
        page,
        "contribution",
        "You changed the tax year, so tell us again what kind of money went into the account.",
    )
    assert 'value="roth"' not in page.content.decode()
    # What came back was asked of the Roth money: it goes with it.
    assert stored(client) == {
        "account": "traditional-401k",
        "event": "closed-at-loss",
        "year": "2003",
    }


def test_the_same_answer_sent_again_keeps_everything(saver, client):
    _401k_after_tax_2017(saver)
    before = stored(client)
    r = saver.answer("account", "traditional-401k", **RETURN)
    assert r["Location"] == "/check/review/"
    assert stored(client) == before


def test_the_back_link_after_a_new_answer_drops_what_no_longer_fits(saver, client):
    """Choosing a new answer and pressing Back (not Continue) keeps it, and so drops what
    no longer fits after it."""
    saver.walk(account="taxable", event="sold-at-loss", asset="crypto", year="2025")
    r = saver.back("event", to="account", value="sold-to-relative")
    assert r["Location"] == "/check/account/"
    assert stored(client) == {"account": "taxable", "event": "sold-to-relative"}


def test_the_fresh_question_still_asks_for_an_answer(saver, client):
    """Continue with nothing chosen on the fresh page is the saver's own error, and says so."""
    _401k_after_tax_2017(saver)
    saver.follow(saver.answer("account", "taxable", **RETURN))
    r = saver.answer("event", None, **RETURN)
    html = r.content.decode()
    assert r.status_code == 200 and "<title>Error: " in html
    assert "Choose what happened to the investment." in html
    assert 'class="notice"' not in html


# --- pages left open


def test_a_choice_sent_from_a_page_left_open_is_asked_again_not_blamed(saver, client):
    """The old "What happened?" page for a 401(k), sent after the account became taxable."""
    saver.start()
    saver.answer("account", "traditional-401k")
    saver.answer("account", "taxable")
    r = saver.answer("event", "closed-at-loss")
    assert r.status_code == 302 and r["Location"] == "/check/event/"
    assert_fresh(
        saver.follow(r), "event", "Your earlier answers changed, so tell us again what happened."
    )


def test_a_page_left_open_for_a_question_no_longer_asked_moves_on_without_restarting(
    saver, client
):
    _401k_after_tax_2017(saver)
    saver.answer("account", "taxable", **RETURN)
    r = saver.answer("contribution", "after-tax", **RETURN)
    assert r["Location"] == "/check/event/?return=review"  # no "started again": nothing was lost
    assert "contribution" not in stored(client)


def test_an_old_cookie_holding_an_answer_that_no_longer_fits_is_shown_fresh(saver, client):
    """A cookie written before answers were dropped on change (or by any other path)."""
    from django.core import signing

    saver.start()
    saver.answer("account", "taxable")
    data = _cookie_data(client)
    data["step_data"]["event"] = {"event-event": ["closed-at-loss"]}
    client.cookies[COOKIE] = signing.get_cookie_signer(salt=COOKIE).sign(json.dumps(data))
    assert_fresh(
        client.get("/check/event/"),
        "event",
        "Your earlier answers changed, so tell us again what happened.",
    )


# --- no count the wizard cannot keep


QUESTION_N_OF_M = re.compile(r"Question\s+\d+\s+of\s+\d+", re.I)


@pytest.mark.parametrize(
    "answers",
    [
        dict(
            account="traditional-401k",
            event="closed-at-loss",
            contribution="unsure",
            received="unsure",
            year="2017",
        ),
        dict(account="taxable", event="wash-sale", asset="crypto", year="2025"),
        dict(account="hsa", event="value-dropped"),
    ],
    ids=["six questions", "four questions", "two questions"],
)
def test_no_question_page_shows_a_count_of_questions(saver, answers):
    r = saver.start()
    pages = 0
    while r.context["wizard"]["steps"].current != "review":
        step = r.context["wizard"]["steps"].current
        assert not QUESTION_N_OF_M.search(r.content.decode()), step
        assert not QUESTION_N_OF_M.search(saver.answer(step, None).content.decode()), step
        r = saver.follow(saver.answer(step, answers[step]))
        pages += 1
    assert pages == len(answers)
    assert not QUESTION_N_OF_M.search(r.content.decode())


def test_a_choice_no_page_ever_offered_is_still_an_error(saver):
    saver.start()
    saver.answer("account", "taxable")
    r = saver.answer("event", "exploded")
    assert r.status_code == 200
    assert "Choose one of the answers listed." in r.content.decode()
