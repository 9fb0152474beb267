"""Every account's path from the start page to a shared answer, with the test client."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PATHS = [
    (
        "a 401(k) whose money the saver is unsure of, emptied in 2017, depends",
        {
            "account": "traditional-401k",
            "contribution": "unsure",
            "event": "closed-at-loss",
            "year": "2017",
        },
        ["account", "contribution", "event", "year", "review"],
        "/results/?account=traditional-401k&contribution=unsure&event=closed-at-loss&year=2017",
    ),
    (
        "a Roth 401(k) emptied in 2020 skips the kind of money",
        {"account": "roth-401k", "event": "closed-at-loss", "year": "2020"},
        ["account", "event", "year", "review"],
        "/results/?account=roth-401k&event=closed-at-loss&year=2020",
    ),
    (
        "a 403(b) whose value fell skips the year",
        {"account": "403b", "contribution": "pre-tax", "event": "value-dropped"},
        ["account", "contribution", "event", "review"],
        "/results/?account=403b&event=value-dropped",
    ),
    (
        "a 457(b) rolled over skips the year",
        {"account": "457b", "contribution": "roth", "event": "rolled-over"},
        ["account", "contribution", "event", "review"],
        "/results/?account=457b&event=rolled-over",
    ),
    (
        "a traditional IRA with after-tax money emptied in 2026",
        {
            "account": "traditional-ira",
            "contribution": "after-tax",
            "event": "closed-at-loss",
            "year": "2026",
        },
        ["account", "contribution", "event", "year", "review"],
        "/results/?account=traditional-ira&contribution=after-tax&event=closed-at-loss&year=2026",
    ),
    (
        "a Roth IRA partial withdrawal skips kind and year",
        {"account": "roth-ira", "event": "partial-withdrawal"},
        ["account", "event", "review"],
        "/results/?account=roth-ira&event=partial-withdrawal",
    ),
    (
        "an HSA emptied at a loss skips kind and year",
        {"account": "hsa", "event": "closed-at-loss"},
        ["account", "event", "review"],
        "/results/?account=hsa&event=closed-at-loss",
    ),
    (
        "a taxable wash sale through an IRA skips kind and year",
        {"account": "taxable", "event": "wash-sale-ira"},
        ["account", "event", "review"],
        "/results/?account=taxable&event=wash-sale-ira",
    ),
]


@pytest.mark.parametrize(
    ("answers", "steps", "url"), [p[1:] for p in PATHS], ids=[p[0] for p in PATHS]
)
def test_every_account_reaches_its_answer(saver, client, answers, steps, url):
    r = saver.start()
    seen = []
    for _ in range(8):
        step = r.context["wizard"]["steps"].current
        seen.append(step)
        assert r.request["PATH_INFO"] == f"/check/{step}/"
        if step == "review":
            break
        r = saver.follow(saver.answer(step, answers[step]))
    assert seen == steps
    done = client.get(
        client.post("/check/review/", {"check_wizard-current_step": "review"})["Location"]
    )
    assert done.status_code == 302 and done["Location"] == url
    # The shared link, opened by someone with no cookie, gives the same page.
    page = client.get(url)
    assert page.status_code == 200
    fresh = type(client)()
    cold = fresh.get(url)
    assert cold.status_code == 200
    assert cold.content == page.content
    # The browser's Back button from the answer lands on the filled-in review page.
    review = client.get("/check/review/")
    assert review.status_code == 200
    assert review.content.count(b'class="summary-row"') == len(steps) - 1


def test_event_options_are_only_those_the_account_allows(saver):
    saver.start()
    r = saver.follow(saver.answer("account", "taxable"))
    values = [o["value"] for o in r.context["form"].options()]
    assert values == ["value-dropped", "sold-at-loss", "wash-sale", "wash-sale-ira", "worthless"]
    assert b"I sold it for less than I paid" in r.content


def test_progress_line_counts_the_questions_that_will_be_asked(saver):
    r = saver.start()
    assert b"Question 1 of 4" in r.content
    r = saver.follow(saver.answer("account", "roth-ira"))
    assert b"Question 2 of 3" in r.content  # kind of money is not asked
    r = saver.follow(saver.answer("event", "value-dropped"))
    assert r.context["wizard"]["steps"].current == "review"


def test_refreshing_after_finishing_gives_the_same_answer_not_a_second_one(saver, client):
    url = saver.walk(account="hsa", event="value-dropped")
    assert url == "/results/?account=hsa&event=value-dropped"
    # A second POST of the review page (a refresh or a double click) lands on the
    # same results URL: nothing is created or stored either time.
    again = client.post("/check/review/", {"check_wizard-current_step": "review"})
    assert client.get(again["Location"])["Location"] == url


def test_start_now_clears_earlier_answers(saver, client):
    saver.walk(account="hsa", event="value-dropped")
    r = client.get("/check/")
    assert r["Location"] == "/check/account/"
    assert client.get("/check/review/")["Location"] == "/check/account/?restarted=1"


def test_an_hsa_moves_only_to_another_hsa(saver):
    saver.start()
    r = saver.follow(saver.answer("account", "hsa"))
    labels = [o["label"] for o in r.context["form"].options()]
    assert "I moved it to another HSA" in labels
    assert not any("IRA" in label for label in labels)
