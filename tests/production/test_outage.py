"""A database that refuses work (stopped, unreachable, disk full, read-only) gives a 503
page in words, not a 500 (issue 27: item 9, NL3). The feedback post of the review's outage
and the admin login of its full disk, with the database made to fail under them."""

from __future__ import annotations

import sqlite3

import pytest
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.test import Client

from questionnaire import outage
from rules.models import Feedback
from tests.production.test_error_pages import assert_styled_and_silent

pytestmark = pytest.mark.django_db
PAGE = "account=taxable&event=sold-at-loss&asset=securities&year=2026"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def full_disk(*args, **kwargs):
    # What SQLite says on a full disk, wrapped the way Django wraps it.
    try:
        raise sqlite3.OperationalError("database or disk is full")
    except sqlite3.OperationalError as error:
        raise OperationalError("database or disk is full") from error


def test_only_errors_of_the_database_itself_count_as_an_outage():
    assert outage.is_outage(OperationalError("server closed the connection unexpectedly"))
    assert outage.is_outage(InterfaceError("connection already closed"))
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = OperationalError("attempt to write a readonly database")
    assert outage.is_outage(wrapped)
    assert not outage.is_outage(ValueError("a bug"))
    assert not outage.is_outage(None)


def test_feedback_during_an_outage_gets_a_503_page_in_words(monkeypatch):
    monkeypatch.setattr(Feedback.objects, "create", full_disk)
    client = Client(raise_request_exception=False)
    r = client.post("/feedback/", {"page": PAGE, "useful": "yes"}, **SAME_SITE)
    assert r.status_code == 503
    html = r.content.decode()
    assert "Please try again in a few minutes" in html and "Nothing you sent has been kept" in html
    assert_styled_and_silent(r)
    assert r["Retry-After"] == "60" and r["Cache-Control"] == "no-store"
    assert r["Content-Security-Policy"]


def test_the_feedback_script_gets_json_during_an_outage(monkeypatch):
    monkeypatch.setattr(Feedback.objects, "create", full_disk)
    client = Client(raise_request_exception=False)
    r = client.post(
        "/feedback/", {"page": PAGE, "useful": "no"}, HTTP_ACCEPT="application/json", **SAME_SITE
    )
    assert r.status_code == 503
    assert r.json() == {"ok": False, "message": outage.MESSAGE}


def test_an_admin_login_on_a_read_only_database_gets_503_not_500(monkeypatch, django_user_model):
    django_user_model.objects.create_user("ann", password="a-long-test-passphrase-9", is_staff=True)

    def read_only(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise OperationalError("attempt to write a readonly database")
        return execute(sql, params, many, context)

    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(read_only):
        r = client.post(
            "/admin/login/?next=/admin/",
            {"username": "ann", "password": "a-long-test-passphrase-9"},
        )
    assert r.status_code == 503, r.status_code
    assert "Please try again in a few minutes" in r.content.decode()


@pytest.mark.urls("tests.production.urls_failing")
def test_any_other_error_is_still_the_500_page():
    r = Client(raise_request_exception=False).get("/boom/")
    assert r.status_code == 500
