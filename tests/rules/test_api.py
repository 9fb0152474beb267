"""GET /api/determination: the 200 and 400 shapes, and never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.law import engine
from rules.law import vocabulary as v
from tests.conftest import CURRENT

pytestmark = pytest.mark.django_db(databases=[])
URL = "/api/determination"


def test_200_has_the_contract_shape(client):
    r = client.get(
        URL,
        {
            "account": "traditional-ira",
            "contribution": "after-tax",
            "event": "closed-at-loss",
            "received": "below-basis",
            "year": "2017",
        },
    )
    assert r.status_code == 200
    assert r["Content-Type"] == "application/json"
    data = r.json()
    assert data["answers"] == {
        "account": "traditional-ira",
        "event": "closed-at-loss",
        "contribution": "after-tax",
        "received": "below-basis",
        "year": 2017,
    }
    assert data["outcome"] == "itemized-2-percent"
    assert data["deductible"] is True
    assert data["certainty"] == "irs-position"
    # The suite's day is November 28, 2026: the 2017 refund window closed in 2021
    # (postponed from April 15 to May 17 that year).
    assert data["claim"] == {"last_day": "2021-05-17", "open": False, "years": 3}
    assert data["rule"] == "ira-basis-loss-2-percent"
    assert data["headline"].startswith("Yes, for 2017")
    assert all(set(c) == {"title", "url", "pinpoint"} for c in data["citations"])
    assert "IRS Notice 89-25" in data["citations"][0]["title"]
    assert data["results_url"] == (
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2017&made=2026-11-28"  # the day it was made: today
    )
    assert "changed_since_made" not in data  # only when the query gives made
    assert data["table_rows"] == [
        "/tables/#account-traditional-ira",
        "/tables/#situation-ira-basis-loss-2-percent",
    ]
    assert "branches" not in data
    assert set(data) == {
        "answers",
        "outcome",
        "deductible",
        "certainty",
        "claim",
        "rule",
        "headline",
        "citations",
        "results_url",
        "table_rows",
    }


def test_branches_are_only_for_answers_the_saver_was_not_sure_of(client):
    no_either_way = client.get(
        URL, {"account": "403b", "event": "closed-at-loss", "year": "2026"}
    ).json()
    assert no_either_way["outcome"] == "not-deductible" and no_either_way["deductible"] is False
    assert {b["rule"] for b in no_either_way["branches"]} == {
        "pre-tax-no-basis",
        "basis-loss-terminated",
        "basis-covered-no-loss",
    }
    sure = client.get(
        URL, {"account": "403b", "event": "closed-at-loss", "contribution": "pre-tax"}
    ).json()
    assert "branches" not in sure and "claim" not in sure


def test_depends_carries_a_branch_per_kind(client):
    data = client.get(
        URL, {"account": "traditional-401k", "event": "closed-at-loss", "year": "2017"}
    ).json()
    assert data["outcome"] == "depends" and data["deductible"] is None
    assert data["answers"]["contribution"] == "unsure"
    assert [
        (b["contribution"], b["answers"].get("received"), b["deductible"]) for b in data["branches"]
    ] == [
        ("pre-tax", None, False),
        ("after-tax", "below-basis", True),
        ("after-tax", "covers-basis", False),
        ("roth", "below-basis", True),
        ("roth", "covers-basis", False),
    ]
    assert data["branches"][1]["label"] == (
        "After-tax money (not Roth); Less than my after-tax or Roth money"
    )
    assert data["branches"][1]["results_url"].endswith(
        "contribution=after-tax&received=below-basis&year=2017"
    )


def test_every_reading_deductible_in_different_ways_is_depends_with_deductible_true(client):
    data = client.get(
        URL, {"account": "taxable", "event": "sold-at-loss", "asset": "unsure", "year": "2024"}
    ).json()
    assert data["outcome"] == "depends" and data["deductible"] is True
    assert [b["outcome"] for b in data["branches"]] == [
        "capital-loss",
        "capital-loss",
        "ordinary-loss",
    ]
    assert data["claim"] == {"last_day": "2028-04-18", "open": True, "years": 3}


def test_answers_leave_out_what_does_not_matter(client):
    data = client.get(URL, {"account": "taxable", "event": "wash-sale", "year": "2001"}).json()
    assert data["answers"] == {"account": "taxable", "event": "wash-sale", "asset": "securities"}
    assert data["results_url"] == (
        "/results/?account=taxable&event=wash-sale&asset=securities&made=2026-11-28"
    )


def test_a_governmental_457b_with_after_tax_money_is_explained_not_answered(client):
    r = client.get(URL, {"account": "457b", "contribution": "after-tax", "event": "closed-at-loss"})
    assert r.status_code == 400
    assert "never holds after-tax money other than Roth" in r.json()["errors"]["contribution"][0]


def test_400_lists_field_errors(client):
    r = client.get(URL, {"account": "taxable", "event": "rolled-over"})
    assert r.status_code == 400
    assert set(r.json()) == {"errors"}
    assert list(r.json()["errors"]) == ["event"]
    assert r.json()["errors"]["event"][0].startswith("\u201crolled-over\u201d cannot happen")


def test_400_for_an_empty_query_names_every_missing_field(client):
    assert set(client.get(URL).json()["errors"]) == {"account", "event"}


def test_post_is_refused_with_405_even_without_a_csrf_token():
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(URL).status_code == 405


def test_every_valid_answer_gets_200(client):
    # One pass over accounts x kinds x events at three years, through HTTP.
    for a in engine.all_answers(CURRENT):
        if a.year not in (2017, 2018, 2026):
            continue
        q = {"account": a.account, "event": a.event, "year": str(a.year)}
        if a.contribution and v.ACCOUNTS[a.account].asks_contribution:
            q["contribution"] = a.contribution
        assert client.get(URL, q).status_code == 200, q


_text = (
    st.text(max_size=200)
    | st.sampled_from(
        list(v.ACCOUNTS)
        + list(v.CONTRIBUTIONS)
        + list(v.RETIREMENT_EVENTS + v.TAXABLE_EVENTS)
        + ["2017", "1986", "0", "-1", "9" * 50, "", " ", "\x00", "\ud7ff"]
    )
    | st.text(min_size=5000, max_size=6000, alphabet="é€𝄞a")
)
_keys = st.sampled_from(["account", "contribution", "event", "year"]) | st.text(max_size=30)


# 100 examples, not 300: tests/production/test_abuse.py and Schemathesis fuzz the same
# endpoint; this one adds repeated keys, 5,000-character values and the errors' body.
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(_keys, _text), max_size=12))
def test_no_query_string_gives_a_500(client, pairs):
    # Repeated keys become lists, so a key can carry several values.
    query: dict[str, list[str]] = {}
    for key, value in pairs:
        query.setdefault(key, []).append(value)
    r = client.get(URL, query)
    assert r.status_code in (200, 400)
    if r.status_code == 400:
        assert r.json()["errors"]


@pytest.mark.parametrize(
    "raw",
    [
        b"account=%ff%fe&event=%c3",
        b"account=taxable&event=sold-at-loss&year=%E2%82%AC",
        b"%%%%&&==",
        b"account" * 2000,
    ],
)
def test_raw_bytes_in_the_query_string_give_a_4xx_not_a_500(client, raw):
    r = client.generic("GET", URL + "?" + raw.decode("latin-1"))
    assert r.status_code in (200, 400)


# --- The versioned path, caching headers and CORS

V1 = "/api/v1/determination"
QUERY = {"account": "taxable", "event": "sold-at-loss", "asset": "unsure", "year": "2024"}


def test_the_versioned_and_the_first_path_give_the_same_answers(client):
    for query in (QUERY, {"account": "taxable", "event": "rolled-over"}, {}):
        old, new = client.get(URL, query), client.get(V1, query)
        assert (old.status_code, old.content) == (new.status_code, new.content)


def test_an_answer_holds_until_midnight_us_eastern_and_says_so(client, monkeypatch):
    from datetime import datetime

    from rules.law import clock

    # 10:30 pm in New York on the suite's day: 90 minutes to go.
    monkeypatch.setattr(
        clock, "now", lambda: datetime(2026, 11, 28, 22, 30, tzinfo=clock.ZONE)
    )
    for query, status in ((QUERY, 200), ({"account": "nope"}, 400)):
        r = client.get(V1, query)
        assert r.status_code == status
        assert r["Cache-Control"] == "public, max-age=5400"


def test_the_etag_gives_a_304_while_it_holds(client):
    r = client.get(V1, QUERY)
    etag = r["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = client.get(V1, QUERY, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == r["Cache-Control"]
    assert client.get(V1, QUERY, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    other = client.get(V1, {**QUERY, "year": "2023"})
    assert other["ETag"] != etag


def test_the_etag_changes_with_the_day_when_the_body_does(client):
    from datetime import date

    from rules.law import clock

    past = {"account": "taxable", "event": "sold-at-loss", "year": "2022"}
    with clock.pinned(date(2026, 4, 15)):
        before = client.get(V1, past)
    with clock.pinned(date(2026, 4, 16)):
        after = client.get(V1, past)
    assert before.json()["claim"]["open"] != after.json()["claim"]["open"]
    assert before["ETag"] != after["ETag"]


def test_any_site_may_read_the_api_from_a_browser_without_credentials(client):
    origin = {"HTTP_ORIGIN": "https://adviser.example"}
    for url in (V1, URL, "/api/openapi.json"):
        r = client.get(url, QUERY, **origin)
        assert r["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in r
        assert r["Access-Control-Expose-Headers"] == "ETag"
        assert "origin" in r["Vary"].lower()
    assert client.get(V1, {"account": "nope"}, **origin)["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_is_answered_for_get_only(client):
    r = client.options(
        V1,
        HTTP_ORIGIN="https://adviser.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert r.status_code == 200 and r.content == b""
    assert r["Access-Control-Allow-Origin"] == "*"
    assert r["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in r["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in r


def test_only_the_json_is_open_to_other_sites_not_the_pages(client):
    origin = {"HTTP_ORIGIN": "https://adviser.example"}
    assert "Access-Control-Allow-Origin" not in client.get("/api/", **origin)
    assert "Access-Control-Allow-Origin" not in client.get("/tables/", **origin)
