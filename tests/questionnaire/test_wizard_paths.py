"""Every account's path from the start page to a shared answer, with the test client."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PATHS = [
    (
        "a 401(k) whose money the saver is unsure of, emptied in 2017, depends",
        {
            "account": "traditional-401k",
            "event": "closed-at-loss",
            "contribution": "unsure",
            "received": "unsure",
            "year": "2017",
        },
        ["account", "event", "year", "contribution", "received", "review"],
        "/results/?account=traditional-401k&event=closed-at-loss&contribution=unsure"
        "&received=unsure&year=2017",
    ),
    (
        "a Roth 401(k) emptied in 2020 skips the kind of money and what came back",
        {"account": "roth-401k", "event": "closed-at-loss", "year": "2020"},
        ["account", "event", "year", "review"],
        "/results/?account=roth-401k&event=closed-at-loss&year=2020",
    ),
    (
        "a 403(b) whose value fell skips the kind of money and the year",
        {"account": "403b", "event": "value-dropped"},
        ["account", "event", "review"],
        "/results/?account=403b&event=value-dropped",
    ),
    (
        "a 457(b) rolled over skips the kind of money",
        {"account": "457b", "event": "rolled-over", "year": "2024"},
        ["account", "event", "year", "review"],
        "/results/?account=457b&event=rolled-over&year=2024",
    ),
    (
        "a traditional IRA emptied in 2026 asks the year first, then nothing the year makes "
        "moot (issue 25 #6)",
        {"account": "traditional-ira", "event": "closed-at-loss", "year": "2026"},
        ["account", "event", "year", "review"],
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=unsure"
        "&received=unsure&year=2026",
    ),
    (
        "a traditional IRA with after-tax money emptied for less than its basis in 2016",
        {
            "account": "traditional-ira",
            "event": "closed-at-loss",
            "contribution": "after-tax",
            "received": "below-basis",
            "year": "2016",
        },
        ["account", "event", "year", "contribution", "received", "review"],
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2016",
    ),
    (
        "a traditional IRA of pre-tax money emptied skips what came back",
        {"account": "traditional-ira", "event": "closed-at-loss", "contribution": "pre-tax",
         "year": "2016"},
        # The year comes first; the link leaves it out, as it does not change this answer.
        ["account", "event", "year", "contribution", "review"],
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=pre-tax",
    ),
    (
        "a Roth IRA partial withdrawal skips kind and year",
        {"account": "roth-ira", "event": "partial-withdrawal"},
        ["account", "event", "review"],
        "/results/?account=roth-ira&event=partial-withdrawal",
    ),
    (
        "an HSA emptied at a loss asks the year: the additional tax changed in 2011",
        {"account": "hsa", "event": "closed-at-loss", "year": "2008"},
        ["account", "event", "year", "review"],
        "/results/?account=hsa&event=closed-at-loss&year=2008",
    ),
    (
        "a taxable wash sale through an IRA asks what was sold, not the year",
        {"account": "taxable", "event": "wash-sale-ira", "asset": "securities"},
        ["account", "event", "asset", "review"],
        "/results/?account=taxable&event=wash-sale-ira&asset=securities",
    ),
    (
        "bitcoin sold and bought back asks what was sold and the year",
        {"account": "taxable", "event": "wash-sale", "asset": "crypto", "year": "2025"},
        ["account", "event", "asset", "year", "review"],
        "/results/?account=taxable&event=wash-sale&asset=crypto&year=2025",
    ),
    (
        "a sale to a brother skips what was sold and the year",
        {"account": "taxable", "event": "sold-to-relative"},
        ["account", "event", "review"],
        "/results/?account=taxable&event=sold-to-relative",
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
    assert values == [
        "value-dropped",
        "sold-at-loss",
        "sold-to-relative",
        "wash-sale",
        "wash-sale-ira",
        "wash-sale-other-account",
        "worthless",
    ]
    assert b"I sold it for less than I paid" in r.content


def test_no_progress_line_promises_a_count_the_wizard_cannot_keep(saver):
    r = saver.start()
    assert b"Question 1 of" not in r.content
    r = saver.follow(saver.answer("account", "roth-ira"))
    r = saver.follow(saver.answer("event", "value-dropped"))
    assert r.context["wizard"]["steps"].current == "review"


def test_what_happened_is_asked_before_the_kind_of_money(saver):
    saver.start()
    r = saver.follow(saver.answer("account", "traditional-401k"))
    assert r.context["wizard"]["steps"].current == "event"


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


def test_a_question_the_year_makes_moot_is_said_so_on_the_answer(client):
    """Issue 25 #6 and #16: for 2026 the kind of money and what came back change nothing,
    so the wizard skips them; the answer says so, with no Change link leading nowhere."""
    page = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=unsure"
        "&received=unsure&year=2026"
    )
    rows = {r["field"]: r for r in page.context["answer_rows"]}
    for field in ("contribution", "received"):
        assert rows[field]["value"] == "Not asked: it does not change the answer for 2026"
        assert rows[field]["change_url"] == ""
    assert rows["year"]["change_url"]
    # For 2016 they matter, and can be changed.
    page = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2016"
    )
    assert all(r["change_url"] for r in page.context["answer_rows"])
