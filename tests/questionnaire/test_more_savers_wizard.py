"""The new accounts and the Roth conversion in the wizard: each reaches its answer asking
only what matters, and the hints route savers to the right account."""

from __future__ import annotations

import pytest

from rules.law import vocabulary as v

pytestmark = pytest.mark.django_db

PATHS = [
    (
        "an inherited IRA with the owner's nondeductible money, emptied below it in 2016",
        {
            "account": "inherited-ira",
            "event": "closed-at-loss",
            "contribution": "after-tax",
            "received": "below-basis",
            "year": "2016",
        },
        ["account", "event", "year", "contribution", "received", "review"],
        "/results/?account=inherited-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2016",
    ),
    (
        "an inherited Roth IRA moved to another trustee skips the kind and the year",
        {"account": "inherited-roth-ira", "event": "rolled-over"},
        ["account", "event", "review"],
        "/results/?account=inherited-roth-ira&event=rolled-over",
    ),
    (
        "a 529 plan emptied below the contributions asks only the year",
        {"account": "529", "event": "closed-at-loss", "year": "2014"},
        ["account", "event", "year", "review"],
        "/results/?account=529&event=closed-at-loss&year=2014",
    ),
    (
        "a Coverdell account emptied in 2020 asks only the year",
        {"account": "coverdell-esa", "event": "closed-at-loss", "year": "2020"},
        ["account", "event", "year", "review"],
        "/results/?account=coverdell-esa&event=closed-at-loss&year=2020",
    ),
    (
        "a 401(k) converted to Roth in 2020 skips the kind of money",
        {"account": "traditional-401k", "event": "converted", "year": "2020"},
        ["account", "event", "year", "review"],
        "/results/?account=traditional-401k&event=converted&year=2020",
    ),
]


@pytest.mark.parametrize(
    ("answers", "steps", "url"), [p[1:] for p in PATHS], ids=[p[0] for p in PATHS]
)
def test_every_new_account_and_the_conversion_reach_their_answer(saver, client, answers, steps,
                                                                  url):
    r = saver.start()
    seen = []
    for _ in range(8):
        step = r.context["wizard"]["steps"].current
        seen.append(step)
        if step == "review":
            break
        r = saver.follow(saver.answer(step, answers[step]))
    assert seen == steps
    done = client.get(
        client.post("/check/review/", {"check_wizard-current_step": "review"})["Location"]
    )
    assert done.status_code == 302 and done["Location"] == url
    page = client.get(url)
    assert page.status_code == 200
    # The answer names its sources.
    assert 'aria-labelledby="sources-heading"' in page.content.decode()


def test_the_account_question_offers_every_account_with_routing_hints(saver):
    html = saver.start().content.decode()
    for account in v.ACCOUNTS.values():
        assert f'value="{account.slug}"' in html
    assert "Thrift Savings Plan" in html and "Part Roth? Choose this too." in html
    # The longer notes moved to the page on what is covered under another name.
    assert "SIMPLE IRAs" in html
    assert "Education IRA before 2002" in html


def test_a_plan_conversion_before_2008_is_refused_at_the_year_question_with_the_reason(saver):
    saver.start()
    saver.follow(saver.answer("account", "403b"))
    r = saver.follow(saver.answer("event", "converted"))
    assert r.context["wizard"]["steps"].current == "year"
    assert "from 2008 to 2026" in r.content.decode()
    r = saver.answer("year", "2007")
    assert r.status_code == 200
    assert "Pension Protection Act of 2006" in r.content.decode()


def test_a_401k_emptied_explains_employer_shares_paid_out_as_shares(saver):
    saver.start()
    html = saver.follow(saver.answer("account", "traditional-401k")).content.decode()
    assert "shares paid out to you as shares are not a loss when they come out" in html


def test_the_inherited_ira_questions_speak_of_the_person_who_died(saver):
    saver.start()
    saver.follow(saver.answer("account", "inherited-ira"))
    saver.answer("event", "closed-at-loss")
    html = saver.follow(saver.answer("year", "2016")).content.decode()
    assert "Answer for the money of the person who died" in html
    html = saver.follow(saver.answer("contribution", "after-tax")).content.decode()
    assert "from all the IRAs you inherited from the same person" in html
