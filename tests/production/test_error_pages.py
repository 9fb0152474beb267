"""404, 400, 403 and 500 pages are styled like the site and give nothing away."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client

from questionnaire import pages
from tests.production.urls_failing import SECRET_DETAIL

pytestmark = pytest.mark.django_db


def assert_styled_and_silent(response):
    html = response.content.decode()
    assert 'class="site-header"' in html and "css/site.css" in html  # the site's own page
    assert html.count("<h1") == 1
    for leak in (
        SECRET_DETAIL,
        "Traceback",
        "secret detail",
        str(django_settings.BASE_DIR),
        "settings.py",
        "DEBUG",
        "SECRET_KEY",
        "Request Method",
        "Django Version",
    ):
        assert leak not in html, leak


def test_debug_is_off_in_the_test_run():
    assert django_settings.DEBUG is False


def test_404_is_styled_and_silent(client):
    r = client.get("/no/such/page/")
    assert r.status_code == 404
    assert "Page not found" in r.content.decode()
    assert_styled_and_silent(r)


@pytest.mark.urls("tests.production.urls_failing")
def test_500_is_styled_and_silent():
    client = Client(raise_request_exception=False)
    r = client.get("/boom/")
    assert r.status_code == 500
    assert "something went wrong" in r.content.decode()
    assert_styled_and_silent(r)
    assert r["Content-Security-Policy"]


@pytest.mark.urls("tests.production.urls_failing")
def test_500_falls_back_to_plain_html_when_the_page_itself_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(pages.loader, "render_to_string", broken)
    r = Client(raise_request_exception=False).get("/boom/")
    assert r.status_code == 500
    assert r.content.decode() == pages.PLAIN_500


@pytest.mark.urls("tests.production.urls_failing")
def test_400_is_styled_and_silent(client):
    r = client.get("/suspicious/")
    assert r.status_code == 400
    assert_styled_and_silent(r)


@pytest.mark.urls("tests.production.urls_failing")
def test_403_is_styled_and_silent(client):
    r = client.get("/denied/")
    assert r.status_code == 403
    assert_styled_and_silent(r)


def test_a_wizard_post_without_the_csrf_token_gets_the_styled_expired_form_page():
    client = Client(enforce_csrf_checks=True)
    client.get("/check/account/")
    r = client.post("/check/account/", {"check_wizard-current_step": "account"})
    assert r.status_code == 403
    assert "This form has expired" in r.content.decode()
    assert_styled_and_silent(r)


def test_a_disallowed_host_gets_the_styled_400(client):
    r = client.get("/", HTTP_HOST="evil.example")
    assert r.status_code == 400
    assert_styled_and_silent(r)
