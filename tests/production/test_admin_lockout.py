"""Admin login: 5 failed attempts for a username from one address lock it out for an hour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)


def login(client: Client, password: str, ip: str = "203.0.113.5"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def test_the_sixth_attempt_after_five_failures_is_refused_even_with_the_right_password(editor):
    client = Client()
    for _ in range(4):
        r = login(client, "wrong")
        assert r.status_code == 200  # the login form again, with an error
    assert login(client, "wrong").status_code == 429  # the fifth failure locks
    r = login(client, PASSWORD)
    assert r.status_code == 429
    assert "Too many failed logins" in r.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_the_lockout_is_per_username_and_address(editor):
    client = Client()
    for _ in range(5):
        login(client, "wrong")
    r = login(Client(), PASSWORD, ip="198.51.100.9")
    assert r.status_code == 302 and r["Location"] == "/admin/"


def test_a_success_clears_the_count(editor):
    client = Client()
    for _ in range(4):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302


def test_the_lockout_lifts_after_an_hour(editor):
    client = Client()
    for _ in range(5):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 429
    # An hour passes for the recorded failures.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(hours=1, minutes=1))
    assert login(client, PASSWORD).status_code == 302


def test_force_login_still_works_for_tests(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("next_url", ["//evil.example", "https://evil.example/", "/\\evil.example"])
def test_a_refused_next_lands_on_the_admin_not_a_dead_end(editor, next_url):
    r = Client().post(
        f"/admin/login/?next={next_url}",
        {"username": "editor", "password": PASSWORD, "next": next_url},
        REMOTE_ADDR="203.0.113.5",
    )
    assert r.status_code == 302 and r["Location"] == "/admin/"
