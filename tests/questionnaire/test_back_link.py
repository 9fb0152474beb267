"""The back link keeps answers and knows which questions were skipped."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_back_link_keeps_the_typed_answer(saver):
    saver.start()
    saver.answer("account", "traditional-ira")
    saver.answer("event", "closed-at-loss")
    saver.answer("year", "2017")  # asked before the kind of money (issue 25 #6)
    # Choose the kind of money, then go back without pressing Continue.
    r = saver.back("contribution", to="year", value="after-tax")
    assert r["Location"] == "/check/year/"
    page = saver.follow(r)
    assert page.context["form"]["year"].value() == "2017"
    forward = saver.follow(saver.answer("year", "2017"))
    assert forward.context["form"]["contribution"].value() == "after-tax"


def test_back_from_a_question_after_a_skipped_one_lands_on_the_one_before(saver):
    saver.start()
    r = saver.follow(saver.answer("account", "roth-ira"))
    assert r.context["wizard"]["steps"].current == "event"
    assert r.context["back_step"] == "account"
    assert b'value="account"' in r.content
    back = saver.back("event", to=r.context["back_step"])
    assert back["Location"] == "/check/account/"


def test_back_on_the_first_question_goes_to_the_start_page(saver):
    r = saver.start()
    assert b'<a class="back-link" href="/">Back</a>' in r.content


def test_back_with_nothing_chosen_still_goes_back(saver):
    saver.start()
    saver.answer("account", "taxable")
    r = saver.back("event", to="account")
    assert r["Location"] == "/check/account/"


def test_back_while_changing_an_answer_returns_to_the_review_page(saver, client):
    saver.start()
    saver.answer("account", "hsa")
    saver.answer("event", "value-dropped")
    page = client.get("/check/event/?return=review")
    assert page.context["back_step"] == "review"
    r = saver.back("event", to="review", value="reallocated", **{"return": "review"})
    assert r["Location"] == "/check/review/"
    values = [row["value"] for row in saver.follow(r).context["rows"]]
    assert "I sold or switched investments inside the account" in values


def test_the_year_question_is_not_filled_in_for_the_saver(saver):
    saver.start()
    saver.answer("account", "roth-ira")
    page = saver.follow(saver.answer("event", "closed-at-loss"))
    assert page.context["form"]["year"].value() in (None, "")


def _submit_buttons(html: str) -> list[dict[str, str]]:
    """The submit buttons that belong to the wizard's form, in the order of the page (the
    order a browser picks the default button from, for Enter)."""
    from html.parser import HTMLParser

    found: list[dict[str, str]] = []

    class Parser(HTMLParser):
        in_form = False

        def handle_starttag(self, tag, attrs):
            a = {k: v or "" for k, v in attrs}
            if tag == "form" and a.get("id") == "wizard-form":
                self.in_form = True
            if tag == "button" and a.get("type", "submit") == "submit" and (
                self.in_form or a.get("form") == "wizard-form"
            ):
                found.append(a)

        def handle_endtag(self, tag):
            if tag == "form":
                self.in_form = False

    Parser().feed(html)
    return found


@pytest.mark.parametrize(
    ("answers", "step"),
    [
        ({"account": "traditional-401k"}, "event"),
        ({"account": "traditional-401k", "event": "closed-at-loss"}, "year"),
        ({"account": "traditional-401k", "event": "closed-at-loss", "year": "2017"},
         "contribution"),
        (
            {"account": "traditional-401k", "event": "closed-at-loss", "year": "2017",
             "contribution": "after-tax"},
            "received",
        ),
        ({"account": "taxable", "event": "worthless"}, "asset"),
    ],
)
def test_enter_submits_continue_not_back(saver, answers, step):
    """A form's default button (the one Enter and a phone's Go key press) is its first
    submit button in the page: on every question with a Back button that must be a
    Continue, which the server treats as moving forward."""
    r = saver.start()
    for name, value in answers.items():
        r = saver.follow(saver.answer(name, value))
    assert r.context["wizard"]["steps"].current == step
    html = r.content.decode()
    assert "{#" not in html and "Back. Out of sight" not in html  # the comment stays one
    buttons = _submit_buttons(html)
    assert [b.get("name") for b in buttons].count("wizard_goto_step") == 1
    default = buttons[0]
    assert "name" not in default, default
    assert default.get("tabindex") == "-1" and default.get("aria-hidden") == "true"
