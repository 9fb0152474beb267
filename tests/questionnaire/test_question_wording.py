"""What the question pages say: one year range in the hint and every message
(problem 19), a way back for a wash sale bought back in an IRA (problem 16), and
hints worded for the saver's own kind of account (problem 18)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

TAXABLE = "Taxable brokerage account"


def _to_year(saver, **answers):
    saver.start()
    for step, value in answers.items():
        saver.answer(step, value)
    page = saver.client.get("/check/year/")
    assert page.status_code == 200, page.get("Location")
    return page


def _message(response) -> str:
    (message,) = re.findall(
        r'<p class="field-error"[^>]*><span class="visually-hidden">Error:</span> (.*?)</p>',
        response.content.decode(),
    )
    return message


@pytest.mark.parametrize(
    ("answers", "span"),
    [
        ({"account": "roth-ira", "event": "closed-at-loss"}, "from 1998 to 2026"),
        ({"account": "hsa", "event": "closed-at-loss"}, "from 2004 to 2026"),
        # The year comes before the kind of money (issue 25 #6): a Roth 401(k) gives the
        # later range; a 401(k)'s Roth money is then offered only from 2006 (below).
        ({"account": "roth-401k", "event": "closed-at-loss"}, "from 2006 to 2026"),
        (
            {"account": "taxable", "event": "sold-at-loss", "asset": "securities"},
            "from 1987 to 2026",
        ),
    ],
    ids=["Roth IRA", "HSA", "Roth money in a 401(k)", "brokerage account"],
)
def test_the_hint_and_every_year_message_give_the_same_range(saver, answers, span):
    page = _to_year(saver, **answers)
    assert page.context["question"]["hint"].endswith(f"{span}.")
    start = int(span.split()[1])
    for typed in ("", "19", "soon", "2031", str(start - 1), "1900", "12345"):
        r = saver.answer("year", typed)
        assert r.status_code == 200, typed
        message = _message(r)
        assert span in message, (typed, message)
        assert "or later" not in message and "We answer for" not in message
        if start != 1987:
            assert "1987" not in message  # no second range beside the account's own


def test_a_year_before_the_account_existed_also_says_why(saver):
    _to_year(saver, account="roth-ira", event="closed-at-loss")
    message = _message(saver.answer("year", "1990"))
    assert message == (
        "Roth IRAs began in tax year 1998 (Taxpayer Relief Act of 1997). "
        "Enter a year from 1998 to 2026."
    )


@pytest.mark.parametrize("account", ["traditional-ira", "roth-ira"])
def test_ira_what_happened_offers_a_way_back_for_a_wash_sale_in_an_ira(saver, account):
    saver.start()
    page = saver.follow(saver.answer("account", account))
    html = page.content.decode()
    hint = re.search(r'<p class="hint" id="id_event-event-hint">(.*?)</p>', html).group(1)
    assert hint == (
        "Sold in a brokerage account and bought it back in your IRA? "
        f'<a href="/check/account/">Go back and choose \u201c{TAXABLE}\u201d</a>.'
    )
    # The link leads to the account question, still answered, and a new account works.
    account_page = saver.client.get("/check/account/")
    assert account_page.context["form"]["account"].value() == account
    r = saver.follow(saver.answer("account", "taxable"))
    labels = [o["label"] for o in r.context["form"].options()]
    assert "I sold at a loss and bought it back inside my own IRA within 30 days" in labels


@pytest.mark.parametrize("account", ["traditional-401k", "403b", "457b", "hsa", "taxable"])
def test_no_other_account_reads_the_ira_routing_hint(saver, account):
    saver.start()
    html = saver.follow(saver.answer("account", account)).content.decode()
    assert "bought it back in your IRA" not in html


@pytest.mark.parametrize(
    ("account", "hint"),
    [
        # A 401(k)'s own wording comes first: it adds employer shares paid out as shares.
        # For Roth money in the plan, the designated Roth account on its own (402A(d)(4)).
        ("traditional-401k", "Your whole balance in that plan, paid out in cash (for its Roth "
         "part: the whole designated Roth account, 26 U.S.C. 402A(d)(4)). Your employer's "
         "shares paid out to you as shares are not a loss when they come out: they keep a tax "
         "basis, and a fall below it counts when you sell them, as in a brokerage account."),
        ("403b", "Your whole balance in the plan, paid out to you in cash (for its Roth part: "
         "the whole designated Roth account)."),
        ("roth-401k", "Your whole balance in the plan, paid out to you in cash (for its Roth "
         "part: the whole designated Roth account)."),
        ("traditional-ira", "All your IRAs of this kind, counted together, are now empty."),
        ("roth-ira", "All your IRAs of this kind, counted together, are now empty."),
        ("hsa", "Your whole HSA balance, paid out to you."),
        ("inherited-ira", None),
    ],
)
def test_emptying_the_account_is_worded_for_that_kind_of_account(saver, account, hint):
    saver.start()
    page = saver.follow(saver.answer("account", account))
    options = {o["value"]: o["hint"] for o in page.context["form"].options()}
    assert hint is None or options["closed-at-loss"] == hint
    if account == "inherited-ira":
        assert "IRAs of this kind" not in options["closed-at-loss"]
    hints = " ".join(options.values())
    if account in ("traditional-401k", "403b", "hsa"):
        assert "IRAs:" not in hints and "for IRAs" not in hints.lower()
    if account == "hsa":
        assert "plan" not in hints


def test_check_your_answers_uses_the_short_keys_and_spaces_the_button(saver):
    saver.walk(account="hsa", event="value-dropped")
    page = saver.client.get("/check/review/")
    assert [row["label"] for row in page.context["rows"]] == ["Account", "What happened"]
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert ".summary + form { margin-top: 2rem; }" in css
    assert '</dl>\n<form method="post"' in page.content.decode()


@pytest.mark.parametrize(
    ("account", "contribution"),
    [("inherited-ira", "after-tax"), ("inherited-ira", "unsure")],
)
def test_a_beneficiary_is_asked_about_the_money_of_the_person_who_died(
    saver, account, contribution
):
    """The review's J3: an inherited IRA's beneficiary was asked about money "you put in"
    and offered "Less than my after-tax or Roth money". The basis is the money of the
    person who died, passed to the beneficiary."""
    saver.start()
    page = saver.follow(saver.answer("account", account))
    saver.answer("event", "closed-at-loss")
    page = saver.follow(saver.answer("year", "2017"))
    assert page.context["wizard"]["steps"].current == "contribution"
    options = page.context["form"].options()
    words = " ".join(f"{o['label']} {o['hint']}" for o in options)
    assert "person who died" in words and "you deducted" not in words
    assert "you reported" not in words
    page = saver.follow(saver.answer("contribution", contribution))
    assert page.context["wizard"]["steps"].current == "received"
    html = page.content.decode()
    view = page.context["question"]
    assert "person who died" in view["question"] and "you put in" not in view["question"]
    assert "person who died" in view["hint"]
    options = page.context["form"].options()
    labels = [o["label"] for o in options]
    assert labels[0].startswith("Less than their ") and "my" not in " ".join(labels).split()
    assert "you had put in" not in html and "you put in" not in html
    # Check your answers says it the same way.
    page = saver.follow(saver.answer("received", "below-basis"))
    rows = {r["label"]: r["value"] for r in page.context["rows"]}
    assert rows["What you got back"].startswith("Less than their ")


def test_an_own_ira_still_says_my_money(saver):
    saver.start()
    saver.answer("account", "traditional-ira")
    saver.answer("event", "closed-at-loss")
    saver.answer("year", "2017")
    page = saver.follow(saver.answer("contribution", "after-tax"))
    labels = [o["label"] for o in page.context["form"].options()]
    assert labels[0] == "Less than my after-tax or Roth money"
    assert page.context["question"]["question"] == (
        "Was everything you got back less than your after-tax money?"
    )


def test_a_year_before_roth_money_existed_offers_no_roth_money(saver):
    """The year is asked first (issue 25 #6): the kind of money then offers only what
    the account could hold that year (designated Roth accounts from 2006)."""
    saver.start()
    saver.answer("account", "traditional-401k")
    saver.answer("event", "closed-at-loss")
    page = saver.follow(saver.answer("year", "2003"))
    assert page.context["wizard"]["steps"].current == "contribution"
    values = [o["value"] for o in page.context["form"].options()]
    assert "roth" not in values and "after-tax" in values and "unsure" in values
    r = saver.answer("contribution", "roth")  # from a page left open: asked afresh
    assert r["Location"] == "/check/contribution/"
