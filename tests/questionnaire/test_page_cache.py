"""Question pages come from a cache of rendered pages; the CSRF token never does."""

from __future__ import annotations

import re

import pytest

from questionnaire.views import CSRF_HOLE

pytestmark = pytest.mark.django_db
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_each_visitor_gets_their_own_csrf_token_on_a_cached_page(client):
    from django.test import Client

    first = client.get("/check/account/")
    second = Client().get("/check/account/")
    assert first.context is not None and second.context is None  # the second was cached
    tokens = [TOKEN.search(r.content).group(1) for r in (first, second)]
    assert tokens[0] != tokens[1]
    assert CSRF_HOLE.encode() not in first.content + second.content
    # Apart from the token, the pages are the same.
    assert TOKEN.sub(b"", first.content) == TOKEN.sub(b"", second.content)
    assert "csrftoken" in second.cookies


def test_a_token_from_a_cached_page_is_accepted(saver):
    from django.test import Client

    Client().get("/check/account/")  # fills the cache
    client = Client(enforce_csrf_checks=True)
    page = client.get("/check/account/")
    token = TOKEN.search(page.content).group(1).decode()
    r = client.post(
        "/check/account/",
        {
            "csrfmiddlewaretoken": token,
            "check_wizard-current_step": "account",
            "account-account": "hsa",
        },
    )
    assert r.status_code == 302 and r["Location"] == "/check/event/"


def test_different_states_are_different_pages(saver, client):
    empty = saver.start().content
    saver.answer("account", "hsa")
    chosen = client.get("/check/account/").content
    assert b"checked" not in empty and b'value="hsa" checked' in chosen
    error = saver.answer("account", None)
    assert b"There is a problem" in error.content
