"""I1: question pages are never stored; results pages only in the browser, revalidated by
their ETag; pages that say what they want (the API, static files, /healthz) keep it.
I8: an admin session lasts hours, not two weeks."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

RESULTS = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=unsure&year=2017"
)


def test_a_question_page_is_never_stored(saver, client):
    saver.start()
    r = client.get("/check/account/")
    assert r.status_code == 200
    assert r["Cache-Control"] == "private, no-store"


def test_a_results_page_is_private_and_revalidated_with_its_etag(client):
    r = client.get(RESULTS)
    assert r.status_code == 200 and r["ETag"]
    assert r["Cache-Control"] == "private, no-cache"
    again = client.get(RESULTS, HTTP_IF_NONE_MATCH=r["ETag"])
    assert again.status_code == 304


def test_pages_with_their_own_cache_control_keep_it(client):
    assert client.get("/healthz")["Cache-Control"] == "no-store"
    api = client.get("/api/determination?account=taxable&event=worthless")
    assert "public" in api["Cache-Control"]


def test_admin_sessions_last_hours_not_two_weeks():
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
