"""Whatever is posted to /feedback/, the answer is a 2xx, 3xx or 4xx, never a 500, and
nothing unscrubbed or oversized is stored."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.feedback.scrub import scrub
from rules.models import COMMENT_MAX_LENGTH, Feedback

pytestmark = pytest.mark.django_db

URL = "/feedback/"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}
SALE = "account=taxable&event=sold-at-loss&asset=securities&year=2026"
fuzz = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

keys = st.sampled_from(["page", "useful", "comment", "token", "website"]) | st.text(max_size=20)
values = (
    st.text(max_size=200)
    | st.sampled_from(["yes", "no", "tables", SALE, "", "\x00", "1:abc:def"])
    | st.text(min_size=990, max_size=1100)
)
raw_bytes = st.binary(max_size=400)


def ok(response) -> bool:
    return 200 <= response.status_code < 500


def fresh_client() -> Client:
    # Each example starts under the flood limit, so the view itself is exercised.
    from questionnaire import limits
    from questionnaire.models import ClientCount

    ClientCount.objects.all().delete()
    limits._over.clear()
    return Client()


@fuzz
@given(st.lists(st.tuples(keys, values), max_size=8), st.booleans())
def test_any_form_body_is_not_a_500(pairs, as_json):
    client = fresh_client()
    headers = {**SAME_SITE, **({"HTTP_ACCEPT": "application/json"} if as_json else {})}
    r = client.post(
        URL, urlencode(pairs), content_type="application/x-www-form-urlencoded", **headers
    )
    assert ok(r), (pairs, r.status_code)
    for f in Feedback.objects.all():
        assert len(f.comment) <= COMMENT_MAX_LENGTH
        assert scrub(f.comment) == f.comment
        assert f.rule_id and len(f.answers) <= 200


@fuzz
@given(
    raw_bytes,
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/json",
            "text/plain",
        ]
    ),
)
def test_any_raw_body_is_not_a_500(body, content_type):
    r = fresh_client().post(URL, body, content_type=content_type, **SAME_SITE)
    assert ok(r), (body, content_type, r.status_code)


@fuzz
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_origin_or_referer_is_not_a_500(origin, referer):
    headers = {"HTTP_ORIGIN": origin.encode("utf-8", "replace").decode("latin-1")}
    headers["HTTP_REFERER"] = referer.encode("utf-8", "replace").decode("latin-1")
    r = fresh_client().post(URL, {"page": SALE, "useful": "yes"}, **headers)
    assert r.status_code in (303, 403)


@pytest.mark.parametrize(
    "body",
    [
        b"page=%ff%fe&useful=yes",
        b"page=\xff\xfe&useful=no&comment=\xc3\x28",
        b"page=" + b"a" * 10_000 + b"&useful=yes",
        b"useful=no&comment=" + b"x" * 200_000,
        b"%%%%&&==;;",
        b"page=tables&useful=yes&" + b"x=1&" * 1200,  # more fields than Django accepts
    ],
)
def test_broken_non_utf8_and_huge_bodies_are_refused_politely(client, body):
    r = client.post(URL, body, content_type="application/x-www-form-urlencoded", **SAME_SITE)
    assert ok(r)
    assert len(r.content) < 20_000  # nothing echoed back in full
    assert not Feedback.objects.filter(comment__startswith="xxx").exists()


def test_a_body_over_djangos_upload_limit_is_a_400(client):
    body = b"page=tables&useful=no&comment=" + b"x" * (3 * 1024 * 1024)
    r = client.post(URL, body, content_type="application/x-www-form-urlencoded", **SAME_SITE)
    assert r.status_code == 400


@fuzz
@given(st.text(max_size=300))
def test_any_token_on_the_comment_page_is_not_a_500(token):
    r = fresh_client().get("/feedback/comment/", {"token": token})
    assert r.status_code in (200, 400)
    r = fresh_client().get("/feedback/thanks/", {"token": token})
    assert r.status_code == 200


@pytest.mark.parametrize("address", ["", "not-an-address", "::1", "fe80::1%eth0"])
def test_an_odd_client_address_is_not_a_500(client, address):
    r = client.post(URL, {"page": SALE, "useful": "yes"}, REMOTE_ADDR=address, **SAME_SITE)
    assert r.status_code == 303
