"""Item 9: a feedback post during a database outage is answered 503 in words, never 500;
a retry of a vote whose row was stored (a post answered 502 by the proxy after the row was
written) is not stored twice: the page's script sends one random request_key per vote."""

from __future__ import annotations

import pytest
from django.test import Client

from rules.models import Feedback
from tests.production.test_outage import full_disk

pytestmark = pytest.mark.django_db
PAGE = "account=taxable&event=sold-at-loss&asset=securities&year=2026"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}
JSON = {"HTTP_ACCEPT": "application/json", **SAME_SITE}
KEY = "3f9a0c1b2d4e5f60718293a4b5c6d7e8"


def test_the_vote_form_carries_an_empty_request_key_for_the_script(client):
    html = client.get(f"/results/?{PAGE}").content.decode()
    assert '<input type="hidden" name="request_key" value="">' in html  # not one for all


def test_a_retried_vote_with_the_same_key_is_stored_once_and_answered_the_same(client):
    first = client.post("/feedback/", {"page": PAGE, "useful": "no", "request_key": KEY}, **JSON)
    again = client.post("/feedback/", {"page": PAGE, "useful": "no", "request_key": KEY}, **JSON)
    assert first.status_code == again.status_code == 200
    assert Feedback.objects.count() == 1
    assert first.json() == again.json()  # the same token for the comment that follows
    other = client.post(
        "/feedback/", {"page": PAGE, "useful": "yes", "request_key": KEY[::-1]}, **JSON
    )
    assert other.status_code == 200 and Feedback.objects.count() == 2


def test_without_javascript_there_is_no_key_and_each_post_is_a_vote(client):
    for _ in range(2):
        r = client.post("/feedback/", {"page": PAGE, "useful": "yes"}, **SAME_SITE)
        assert r.status_code in (200, 303)
    assert Feedback.objects.count() == 2
    assert set(Feedback.objects.values_list("request_key", flat=True)) == {None}


def test_a_key_that_is_not_one_gets_a_clear_400(client):
    r = client.post("/feedback/", {"page": PAGE, "useful": "yes", "request_key": "<x>"}, **JSON)
    assert r.status_code == 400
    assert r.json()["message"] == "This feedback could not be read. Reload the page and try again."
    assert not Feedback.objects.exists()


def test_a_vote_during_an_outage_is_503_and_its_retry_afterwards_is_stored_once(monkeypatch):
    client = Client(raise_request_exception=False)
    data = {"page": PAGE, "useful": "yes", "request_key": KEY}
    with monkeypatch.context() as patched:
        patched.setattr(Feedback.objects, "create", full_disk)
        down = client.post("/feedback/", data, **JSON)
    assert down.status_code == 503 and "try again" in down.json()["message"]
    assert not Feedback.objects.exists()
    for _ in range(2):  # the database is back; the saver (or the script) tries again
        assert client.post("/feedback/", data, **JSON).status_code == 200
    assert Feedback.objects.filter(request_key=KEY).count() == 1
