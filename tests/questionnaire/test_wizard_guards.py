"""Errors, skipped-ahead URLs and broken cookies."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_nothing_chosen_shows_an_error_summary_and_the_message_by_the_field(saver):
    saver.start()
    r = saver.answer("account", None)
    assert r.status_code == 200
    html = r.content.decode()
    assert "<title>Error: " in html
    assert 'class="error-summary"' in html
    assert '<a href="#id_account-account_0">Choose the kind of account.</a>' in html
    assert 'id="id_account-account-error"' in html


def test_a_year_out_of_range_uses_the_engine_s_message(saver):
    saver.start()
    saver.answer("account", "roth-ira")
    r = saver.answer("event", "closed-at-loss")
    assert r["Location"] == "/check/year/"
    r = saver.answer("year", "1990")
    assert r.status_code == 200
    assert "Roth IRAs began in tax year 1998" in r.content.decode()
    r = saver.answer("year", "soon")
    assert "four digits" in r.content.decode()


def test_a_later_question_before_the_earlier_ones_redirects_to_the_first_unanswered(saver, client):
    saver.start()
    saver.answer("account", "traditional-401k")
    r = client.get("/check/year/")
    assert r.status_code == 302 and r["Location"] == "/check/event/"


def test_a_question_that_is_not_asked_redirects(saver, client):
    saver.start()
    saver.answer("account", "hsa")
    r = client.get("/check/contribution/")
    assert r["Location"] == "/check/event/"


def test_an_unknown_step_is_not_found(client):
    assert client.get("/check/nonsense/").status_code == 404


def test_no_cookie_on_a_later_question_restarts_with_a_message(client):
    r = client.get("/check/event/")
    assert r["Location"] == "/check/account/?restarted=1"
    page = client.get(r["Location"])
    assert "started again" in page.content.decode()


@pytest.mark.parametrize(
    "value", ["garbage", "eyJzdGVwIjoiZXZlbnQifQ:1abc:forged", "", "\u00e9" * 10, "a" * 4000]
)
def test_a_tampered_or_truncated_cookie_restarts_instead_of_failing(saver, client, value):
    saver.start()
    saver.answer("account", "hsa")
    client.cookies["wizard_check_wizard"] = value
    r = client.get("/check/event/")
    assert r.status_code == 302 and r["Location"] == "/check/account/?restarted=1"
    r = saver.answer("event", "value-dropped")
    assert r.status_code == 302 and r["Location"] == "/check/account/?restarted=1"


def test_a_truncated_signed_cookie_restarts(saver, client):
    saver.start()
    saver.answer("account", "hsa")
    cookie = client.cookies["wizard_check_wizard"].value
    client.cookies["wizard_check_wizard"] = cookie[: len(cookie) // 2]
    assert client.get("/check/event/")["Location"] == "/check/account/?restarted=1"


def test_an_expired_cookie_restarts(saver, client, monkeypatch):
    saver.start()
    saver.answer("account", "hsa")
    import time

    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 2 * 24 * 3600)
    assert client.get("/check/event/")["Location"] == "/check/account/?restarted=1"


def test_a_post_with_no_step_marker_is_not_a_500(client):
    client.get("/check/")
    r = client.post("/check/account/", {"account-account": "hsa"})
    assert r.status_code in (302, 400)


def test_a_post_for_an_unreached_step_restarts(client):
    client.get("/check/")
    r = client.post("/check/year/", {"check_wizard-current_step": "year", "year-year": "2017"})
    assert r["Location"] == "/check/account/?restarted=1"


def test_the_cookie_is_httponly_and_holds_only_answers(saver, client):
    saver.start()
    saver.answer("account", "hsa")
    morsel = client.cookies["wizard_check_wizard"]
    assert morsel["httponly"] and morsel["samesite"] == "Lax"
    assert "csrfmiddlewaretoken" not in morsel.value


def test_the_cookie_keeps_the_cleaned_year_not_the_padding_typed_around_it(saver, client):
    """The review's L3: a year padded with 6,000 spaces made a 6 kB cookie browsers drop."""
    saver.start()
    saver.answer("account", "roth-ira")
    saver.answer("event", "closed-at-loss")
    r = saver.answer("year", "2017" + " " * 6000)
    assert r.status_code == 302
    cookie = next(c for name, c in client.cookies.items() if name.startswith("wizard"))
    assert len(cookie.value) < 1000
    assert "2017 " not in cookie.value
