"""Forwarded headers are believed only from the proxies the operator names (DJANGO_TRUSTED_PROXIES):
the lockout bypass M3 and the HTTPS-header trust L1 of the security review."""

from __future__ import annotations

import http.client
import ipaddress
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from questionnaire.middleware import client_ip
from tests.production.env import production_environ, run_python
from tests.production.servers import HOST, gunicorn

PASSWORD = "correct horse battery staple"
PROXY = "10.0.0.2"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/29"), ipaddress.ip_network("::1")]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        (PROXY, "203.0.113.7", "203.0.113.7"),
        (PROXY, "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the left entry is the client's own
        (PROXY, "203.0.113.7, 10.0.0.3", "203.0.113.7"),  # two trusted proxies in a row
        (PROXY, "not-an-ip", PROXY),  # junk is never stored as an address
        (PROXY, "", PROXY),
        ("198.51.100.9", "203.0.113.7", "198.51.100.9"),  # not a proxy: header ignored
        ("::1", "2001:db8::5", "2001:db8::5"),
    ],
)
def test_the_client_address_is_read_from_forwarded_for_only_behind_a_named_proxy(
    rf, behind_proxy, remote, forwarded, client
):
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == client


def test_with_no_proxy_named_forwarded_for_is_never_read(rf, settings):
    settings.TRUSTED_PROXIES = []
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"


def login(client: Client, password: str, remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password, "next": "/admin/"},
        **extra,
    )


@pytest.mark.django_db
def test_m3_a_direct_client_cannot_dodge_the_lockout_by_changing_x_forwarded_for(behind_proxy):
    """The review's M3: behind a proxy, a client reaching the instance directly wrote a new
    X-Forwarded-For on every attempt and was never locked out."""
    get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    client = Client()
    statuses = [login(client, "wrong", "198.51.100.9", f"10.9.0.{i}").status_code for i in range(6)]
    assert statuses == [200, 200, 200, 200, 429, 429]
    # Nor by leaving the header out now: the address is the same.
    assert login(client, PASSWORD, "198.51.100.9").status_code == 429


@pytest.mark.django_db
def test_m3_through_the_proxy_the_lockout_follows_the_client_not_its_forged_entries(
    behind_proxy,
):
    get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    client = Client()
    statuses = [
        login(client, "wrong", PROXY, f"10.9.0.{i}, 203.0.113.7").status_code for i in range(5)
    ]
    assert statuses[-1] == 429
    # Another visitor behind the same proxy is not locked out.
    assert login(Client(), PASSWORD, PROXY, "198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_x_forwarded_proto_counts_only_from_a_named_proxy(client, behind_proxy):
    behind_proxy.SECURE_SSL_REDIRECT = True
    url = "/api/determination?account=taxable&event=worthless"
    direct = client.get(url, HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="198.51.100.9")
    assert direct.status_code == 301 and direct["Location"].startswith("https://")
    proxied = client.get(url, HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=PROXY)
    assert proxied.status_code == 200


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"DJANGO_TRUSTED_PROXIES": "10.0.0.0/33"}, "DJANGO_TRUSTED_PROXIES must list"),
        ({"DJANGO_PROXY_COUNT": "1"}, "DJANGO_PROXY_COUNT is gone"),
    ],
)
def test_bad_proxy_settings_stop_the_site_with_a_clear_message(tmp_path, extra, message):
    env = production_environ(tmp_path, **extra)
    result = run_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert message in result.stderr
    assert ImproperlyConfigured.__name__ in result.stderr


SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({"proxies": [str(n) for n in settings.TRUSTED_PROXIES],
                  "header": settings.SECURE_PROXY_SSL_HEADER}))
"""


@pytest.mark.parametrize(
    ("extra", "proxies"),
    [
        ({}, ["127.0.0.1/32", "::1/128"]),  # DJANGO_BEHIND_PROXY=true: nginx on this machine
        ({"DJANGO_BEHIND_PROXY": "false"}, []),
        ({"DJANGO_BEHIND_PROXY": "0", "DJANGO_TRUSTED_PROXIES": "10.1.0.0/16"}, ["10.1.0.0/16"]),
    ],
)
def test_trusted_proxies_from_the_environment(tmp_path, extra, proxies):
    env = production_environ(tmp_path, DJANGO_SETTINGS_MODULE="questionnaire.settings", **extra)
    result = run_python(["-c", SETTINGS], env)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["proxies"] == proxies
    assert out["header"] == (["HTTP_X_FORWARDED_PROTO", "https"] if proxies else None)


@pytest.mark.parametrize("trusted", ["", "127.0.0.1"])
def test_l1_gunicorn_believes_no_https_header_only_django_does_from_a_named_proxy(
    tmp_path, trusted
):
    """The review's L1: gunicorn took X-Forwarded-Ssl, X-Forwarded-Protocol or
    X-Forwarded-Proto from 127.0.0.1 as HTTPS whatever DJANGO_BEHIND_PROXY said."""
    url = "/api/determination?account=taxable&event=worthless"
    with gunicorn(
        tmp_path,
        tmp_path / "static",  # the API renders no template
        f"sqlite:///{tmp_path / 'db.sqlite3'}",
        workers=1,
        DJANGO_SECURE_SSL_REDIRECT="true",
        DJANGO_BEHIND_PROXY="false",
        DJANGO_TRUSTED_PROXIES=trusted,
        ready="/healthz",
    ) as port:

        def status(header: str, value: str) -> int:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", url, headers={"Host": HOST, header: value})
                return conn.getresponse().status
            finally:
                conn.close()

        assert status("X-Forwarded-Ssl", "on") == 301
        assert status("X-Forwarded-Protocol", "https") == 301
        assert status("X-Forwarded-Proto", "https") == (200 if trusted else 301)
