"""The back link keeps answers and knows which questions were skipped."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_back_link_keeps_the_typed_answer(saver):
    saver.start()
    saver.answer("account", "traditional-ira")
    saver.answer("contribution", "after-tax")
    # Choose an event, then go back without pressing Continue.
    r = saver.back("event", to="contribution", value="closed-at-loss")
    assert r["Location"] == "/check/contribution/"
    page = saver.follow(r)
    assert page.context["form"]["contribution"].value() == "after-tax"
    forward = saver.follow(saver.answer("contribution", "after-tax"))
    assert forward.context["form"]["event"].value() == "closed-at-loss"


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
