"""Every kind of response carries the security headers, and the CSP is strict."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from tests.pages import EXAMPLES

pytestmark = pytest.mark.django_db

RESULTS = "/results/?account=traditional-ira&contribution=after-tax&event=closed-at-loss&year=2017"
PAGES = {
    **{label: url for examples in EXAMPLES.values() for label, url in examples.items()},
    "404": "/no/such/page/",
    "healthz": "/healthz",
    "static file": "/static/css/site.css",
}


def csp_directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.strip() for d in header.split(";") if d.strip()}


def assert_security_headers(response):
    csp = csp_directives(response)
    assert csp["default-src"] == "default-src 'self'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["form-action"] == "form-action 'self'"
    assert csp["base-uri"] == "base-uri 'none'"
    assert csp["object-src"] == "object-src 'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_every_page_type_has_the_security_headers(client, url):
    r = client.get(url)
    assert_security_headers(r)  # redirects too
    r = client.get(url, follow=True)
    assert r.status_code in (200, 400, 404)
    assert_security_headers(r)


def test_the_review_page_has_the_security_headers(saver, client):
    saver.start()
    saver.answer("account", "hsa")
    saver.answer("event", "value-dropped")
    r = client.get("/check/review/")
    assert r.status_code == 200 and r.context["wizard"]["steps"].current == "review"
    assert_security_headers(r)


def test_a_wizard_post_and_its_redirect_have_the_security_headers(saver):
    saver.start()
    r = saver.answer("account", "hsa")
    assert r.status_code == 302
    assert_security_headers(r)


def test_hsts_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    r = client.get("/", secure=True)
    assert r["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_pages_cannot_be_framed(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"


def _no_inline_script_or_style(html: str) -> None:
    assert "style=" not in html and "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_the_admin_login_works_under_the_strict_csp(client):
    """Django 5.2's admin needs no inline script or style, so it needs no CSP exception."""
    r = client.get("/admin/login/")
    assert r.status_code == 200
    _no_inline_script_or_style(r.content.decode())
    user = get_user_model().objects.create_user("editor", password="a long enough passphrase")
    user.is_staff = True
    user.save()
    r = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "a long enough passphrase", "next": "/admin/"},
    )
    assert r.status_code == 302 and r["Location"] == "/admin/"
    r = client.get("/admin/")
    assert r.status_code == 200
    assert_security_headers(r)
    _no_inline_script_or_style(r.content.decode())
