"""Guards over every page: one h1, no inline script or style, no third-party requests."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/check/account/",
    "/tables/",
    "/results/?account=taxable&event=sold-at-loss",
    "/results/?account=traditional-401k&contribution=unsure&event=closed-at-loss&year=2017",
    "/results/?account=taxable&event=rolled-over",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_one_h1_and_nothing_inline_or_remote(client, url):
    r = client.get(url)
    assert r.status_code in (200, 400)
    html = r.content.decode()
    assert html.count("<h1") == 1
    assert "style=" not in html and "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert (
        re.findall(r'(?:src|href)="(?:https?:)?//(?!testserver)[^"]*"', html.split("<main")[0])
        == []
    )
    assert 'name="description"' in html


def test_pending_migrations_are_none():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
