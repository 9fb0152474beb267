"""The start page follows GOV.UK's start page pattern (UX review, problem 23)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def start(client) -> str:
    r = client.get("/")
    assert r.status_code == 200
    return r.content.decode()


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_service_name_is_the_heading_and_the_title(start):
    assert f"<h1>{settings.SITE_NAME}</h1>" in start
    assert f"<title>{settings.SITE_NAME}</title>" in start


def test_it_says_what_the_service_is_for_before_you_start_and_what_it_does_not_cover(start):
    main = _main(start)
    assert '<p class="lead">Use this service to find out whether' in main
    sections = re.findall(r"<h2>(.*?)</h2>", main)
    assert sections[:2] == ["Before you start", "This service does not cover"]
    before = main.split("<h2>Before you start</h2>", 1)[1].split("<h2>", 1)[0]
    for needed in ("tax year", "statements", "Form 8606", "Form 1099-R", "Not sure"):
        assert needed in before, needed
    not_covered = main.split("<h2>This service does not cover</h2>", 1)[1].split("<h2>", 1)[0]
    for item in ("state", "business", "annuities", "futures", "outside the United States"):
        assert item in not_covered, item


def test_the_start_button_comes_before_the_details_and_has_a_chevron(start):
    main = _main(start)
    button = re.search(r'<a class="button button-start" href="/check/"[^>]*>(.*?)</a>', main, re.S)
    assert button, "no start button"
    assert button.group(1).startswith("Start now<svg")
    assert 'aria-hidden="true"' in button.group(1) and 'focusable="false"' in button.group(1)
    assert main.index("button-start") < main.index("Before you start")


def test_the_disclaimer_is_said_once(start):
    assert start.count("not tax advice") == 1


def test_no_progress_count_is_promised(start):
    assert not re.search(r"\b(four|six|\d+) (short )?questions\b", start)


def test_the_page_kept_for_the_process_is_the_page_rendered_in_each_language_and_host(client):
    """The start page is rendered once per language and address (questionnaire/pages.py):
    the second visit is the first one's page, never another language's or host's."""
    first = {lang: client.get(f"{lang}/").content for lang in ("", "/es")}
    assert b'<html lang="es">' in first["/es"] and b'<html lang="en">' in first[""]
    assert {lang: client.get(f"{lang}/").content for lang in ("", "/es")} == first
    other = client.get("/", HTTP_HOST="127.0.0.1").content.decode()
    assert 'hreflang="es" href="http://127.0.0.1/es/"' in other
    # A query string is named in the links to the other language: such a page is its own.
    assert 'href="/es/?from=mail"' in client.get("/?from=mail").content.decode()
