"""The editors' admin carries the product's name, tells editors how to get an
account, and its lockout page leads back to the site (UX review, problem 26)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

EDITORS = f"{settings.SITE_NAME} \u2013 editors"


def test_the_login_page_names_the_site_and_says_how_editors_get_an_account(client):
    html = client.get("/admin/login/").content.decode()
    assert f"<title>Log in | {EDITORS}</title>" in html
    assert f'<a href="/admin/">{EDITORS}</a>' in html
    assert "Django administration" not in html
    assert "<code>python manage.py create_editor YOUR-NAME --email YOUR-ADDRESS</code>" in html
    readme = (settings.BASE_DIR / "README.md").read_text()
    assert "manage.py create_editor" in readme and "## Editors" in readme


def test_the_admin_index_is_branded_and_links_back_to_the_site(client):
    user = get_user_model().objects.create_user("ed", password="x-long-pass-4", is_staff=True)
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert f"<title>Explanations and feedback | {EDITORS}</title>" in html
    assert '<a href="/">View site</a>' in html


def test_the_lockout_page_links_back_to_the_site():
    get_user_model().objects.create_user("editor", password="right-pass-5", is_staff=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        r = client.post(
            "/admin/login/?next=/admin/",
            {"username": "editor", "password": "wrong", "next": "/admin/"},
            REMOTE_ADDR="203.0.113.9",
        )
    assert r.status_code == 429
    html = r.content.decode()
    assert f'<a href="/">Go to the start page of {settings.SITE_NAME}</a>' in html
    assert html.count("<h1") == 1
