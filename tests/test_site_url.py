"""L2: share and canonical links name the configured site address (DJANGO_SITE_URL), not
the Host header a client sent straight to gunicorn (the review's `Host: LOCALHOST.:1`)."""

from __future__ import annotations

import re

import pytest

from questionnaire import site

pytestmark = pytest.mark.django_db
RESULTS = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)
WORKSHEET = "/amounts/section-1244/?filing=single&year=2026&loss=1000&share=1"
ODD_HOST = "LOCALHOST.:1"


@pytest.fixture
def any_host(settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://deduct.example.org"


def test_the_results_page_names_the_configured_address_whatever_the_host(client, any_host):
    html = client.get(RESULTS, HTTP_HOST=ODD_HOST).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.startswith("https://deduct.example.org/results/?account=traditional-ira")
    assert 'content="https://deduct.example.org/results/?' in html  # og:url
    assert ODD_HOST not in html and "LOCALHOST" not in html


def test_two_hosts_get_one_page_and_one_etag(client, any_host):
    one = client.get(RESULTS, HTTP_HOST=ODD_HOST)
    two = client.get(RESULTS, HTTP_HOST="deduct.example.org")
    assert one["ETag"] == two["ETag"] and one.content == two.content


def test_the_api_guide_and_worksheet_share_link_name_it_too(client, any_host):
    guide = client.get("/api/", HTTP_HOST=ODD_HOST).content.decode()
    assert "curl 'https://deduct.example.org/api/v1/determination?" in guide
    assert "LOCALHOST" not in guide
    sheet = client.get(WORKSHEET, HTTP_HOST=ODD_HOST).content.decode()
    assert "https://deduct.example.org/amounts/section-1244/" in sheet
    assert "LOCALHOST" not in sheet


def test_without_it_the_checked_host_is_used(rf, settings):
    settings.SITE_URL = ""
    request = rf.get("/", HTTP_HOST="testserver")
    assert site.absolute(request, "/results/?a=b") == "http://testserver/results/?a=b"
    settings.SITE_URL = "https://deduct.example.org"
    assert site.absolute(request, "/results/?a=b") == "https://deduct.example.org/results/?a=b"


def test_the_setting_takes_one_address_with_no_path(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from questionnaire.env import envorigins

    monkeypatch.setenv("DJANGO_SITE_URL", "https://deduct.example.org/some/path")
    with pytest.raises(ImproperlyConfigured):
        envorigins("DJANGO_SITE_URL")
