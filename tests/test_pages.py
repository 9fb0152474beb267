"""Guards over every page: one h1, no inline script or style, no third-party requests."""

from __future__ import annotations

import re

import pytest

from tests.pages import EXAMPLES, html_pages, route_names
from tests.questionnaire.conftest import Saver

pytestmark = pytest.mark.django_db


def test_every_route_in_the_urlconf_has_an_example_page():
    assert route_names() == set(EXAMPLES)


def test_every_pure_page_is_served_by_the_short_path_for_its_url():
    from django.urls import reverse

    from questionnaire.middleware import pure_paths
    from rules.web import amount_views, views

    assert pure_paths() == {
        reverse("rules:results"): views.results,
        reverse("rules:api"): views.api_determination,
        reverse("rules:amounts-api"): amount_views.api_amounts,
        reverse("rules:amounts-api-v1"): amount_views.api_amounts,
        **{reverse(f"rules:amounts-{s}"): view for s, view in amount_views.PAGES.items()},
        reverse("rules:api-v1"): views.api_determination,
        reverse("rules:openapi"): views.openapi_document,
        # The same pages in Spanish (not the API, which is never prefixed).
        "/es" + reverse("rules:results"): views.results,
        **{"/es" + reverse(f"rules:amounts-{s}"): view for s, view in amount_views.PAGES.items()},
    }


def _get(client, url):
    """A page as a saver reaches it: a question or the review page after answering."""
    if url == "/check/review/" or url.startswith("/check/") and url != "/check/account/":
        saver = Saver(client)
        saver.start()
        saver.answer("account", "traditional-401k")
        saver.answer("contribution", "after-tax")
        saver.answer("event", "closed-at-loss")
        if url == "/check/review/":
            saver.answer("year", "2017")
    return client.get(url, follow=True)


@pytest.mark.parametrize(("label", "url"), list(html_pages().items()))
def test_every_page_has_one_h1_and_nothing_inline_or_remote(client, label, url):
    r = _get(client, url)
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
