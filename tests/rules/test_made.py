"""made=YYYY-MM-DD on results links (rules.web.made), the notice when the law changed the
answer since, /changes/ and its Atom feed (rules.web.changes), and the review-due flag for
texts whose rules a later change touched (issue 26)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from html import unescape

import pytest

from rules.editor import review
from rules.law import as_of
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

ROTH_2026 = "/results/?account=roth-ira&event=closed-at-loss&year=2026"
API = "/api/v1/determination?account=roth-ira&event=closed-at-loss&year=2026"
MADE_TODAY = f"made={TODAY.isoformat()}"
ATOM = "{http://www.w3.org/2005/Atom}"


def notice(html: str) -> str:
    found = re.search(r'<section class="law-changed".*?</section>', html, re.S)
    if not found:
        return ""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", found.group(0)))).strip()


def test_a_roth_ira_emptied_in_2026_linked_on_january_15_2025_names_the_2025_law(client):
    r = client.get(f"{ROTH_2026}&made=2025-01-15")
    assert r.status_code == 200
    said = notice(r.content.decode())
    assert said.startswith("The law changed since this link was made")
    assert "Since this link was made on January 15, 2025, the law changed: P.L. 119-21" in said
    assert "signed July 4, 2025, removed the end date of the suspension" in said
    # What it said then, and what it says now.
    assert "this page said: Yes, for that year" in said and "the answer is now No" in said
    assert "Miscellaneous itemized deduction above 2% of AGI. Now: That deduction" in said
    # The notice comes first, before the verdict.
    html = r.content.decode()
    assert html.index('class="law-changed"') < html.index('class="verdict')


@pytest.mark.parametrize(
    "url",
    [
        f"{ROTH_2026}&made=2025-08-01",  # made after the 2025 law: the answer is the same
        f"{ROTH_2026}&made=2025-07-04",  # on the day it was signed
        ROTH_2026,  # an old link, without made
        "/results/?account=roth-ira&event=closed-at-loss&year=2017&made=2025-01-15",
        "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2026&made=2025-01-15",
    ],
)
def test_no_notice_when_the_answer_did_not_change(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert "law-changed" not in r.content.decode()


def test_a_deadline_postponed_since_is_a_change_a_window_that_closed_is_not(client):
    said = notice(client.get(
        "/results/?account=roth-ira&event=closed-at-loss&year=2016&made=2020-01-01"
    ).content.decode())
    assert "Notice 2020-23, released April 9, 2020" in said
    assert "then: April 15, 2020. Now: July 15, 2020" in said
    # 2019's window (April 15, 2023) closed since the link was made: no change of the law.
    after = "/results/?account=roth-ira&event=closed-at-loss&year=2017&made=2021-06-01"
    assert "law-changed" not in client.get(after).content.decode()


def test_every_share_link_carries_made_and_the_canonical_url_does_not(client):
    html = client.get(f"{ROTH_2026}&made=2025-01-15").content.decode()
    shared = unescape(re.search(r'id="share-url"[^>]*value="([^"]*)"', html)[1])
    assert shared == f"http://testserver{ROTH_2026}&{MADE_TODAY}"
    printed = unescape(re.search(r'<p class="print-only">(.*?)</p>', html, re.S)[1])
    assert f"Link to this answer: http://testserver{ROTH_2026}&{MADE_TODAY}." in printed
    assert f'<link rel="canonical" href="http://testserver{ROTH_2026.replace("&", "&amp;")}">' in (
        html
    )
    assert 'og:url" content="http://testserver' in html and "made=" not in re.search(
        r'og:url" content="([^"]*)"', html
    )[1]
    assert client.get(API).json()["results_url"] == f"{ROTH_2026}&{MADE_TODAY}"


@pytest.mark.parametrize(
    ("made", "said"),
    [
        ("made=", "is empty"),
        ("made=2025-1-15", "is not a day written as year-month-day"),
        ("made=20250115", "is not a day written as year-month-day"),
        ("made=yesterday", "is not a day written as year-month-day"),
        ("made=2025-02-30", "is not a day of the calendar"),
        ("made=2026-11-29", "later than today (November 28, 2026)"),
        ("made=2025-01-15&made=2025-01-15", "more than one day"),
    ],
)
def test_a_bad_made_is_a_400_that_explains_on_the_page_and_in_the_api(client, made, said):
    r = client.get(f"{ROTH_2026}&{made}")
    assert r.status_code == 400
    html = unescape(r.content.decode())
    assert "<h1>The day this link was made cannot be read</h1>" in html and said in html
    assert f'href="{ROTH_2026}"'.replace("&", "&amp;") in r.content.decode()  # the way on
    api = client.get(f"{API}&{made}")
    assert api.status_code == 400
    assert said in api.json()["errors"]["made"][0]


def test_a_bad_made_and_a_bad_answer_are_both_said(client):
    r = client.get("/results/?account=taxable&event=rolled-over&made=2025-02-30")
    assert r.status_code == 400
    assert "is not a day of the calendar" in unescape(r.content.decode())
    errors = client.get("/api/v1/determination?account=taxable&event=rolled-over&made=x").json()
    assert set(errors["errors"]) == {"event", "made"}


def test_a_redirect_to_the_canonical_url_keeps_made(client):
    r = client.get("/results/?year=2026&account=roth-ira&event=closed-at-loss&made=2025-01-15")
    assert r.status_code == 301 and r["Location"] == f"{ROTH_2026}&made=2025-01-15"


def test_the_etag_names_the_made_day_only_when_the_answer_changed_since(client):
    plain = client.get(ROTH_2026)["ETag"]
    assert client.get(f"{ROTH_2026}&made=2025-08-01")["ETag"] == plain
    changed = client.get(f"{ROTH_2026}&made=2025-01-15")["ETag"]
    other = client.get(f"{ROTH_2026}&made=2025-01-16")["ETag"]
    assert len({plain, changed, other}) == 3
    assert client.get(f"{ROTH_2026}&made=2025-01-15", HTTP_IF_NONE_MATCH=changed).status_code == 304
    stale = client.get(f"{ROTH_2026}&made=2025-01-15", HTTP_IF_NONE_MATCH=plain)
    assert stale.status_code == 200 and "law-changed" in stale.content.decode()


def test_the_api_says_what_changed_since_made(client):
    data = client.get(f"{API}&made=2025-01-15").json()
    assert data["outcome"] == "itemized-suspended"
    changed = data["changed_since_made"]
    assert changed["made"] == "2025-01-15"
    assert changed["outcome"] == "itemized-2-percent" and changed["deductible"] is True
    assert changed["certainty"] == "irs-position"
    (law,) = changed["changes"]
    assert law["date"] == "2025-07-04" and law["citation"]["pinpoint"] == "sec. 70110"
    assert "P.L. 119-21" not in law["change"] and "Public Law 119-21" in law["citation"]["title"]
    assert client.get(f"{API}&made=2025-08-01").json()["changed_since_made"] is None
    assert "changed_since_made" not in client.get(API).json()


def test_changes_page_lists_every_change_newest_first_without_the_database(
    client, django_assert_num_queries
):
    client.get("/changes/")  # the first request of a process may read the session machinery
    from django.core.cache import cache

    cache.clear()
    with django_assert_num_queries(0):
        r = client.get("/changes/")
    assert r.status_code == 200
    html = unescape(r.content.decode())
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    found = as_of.changes()
    ids = re.findall(r'<li id="([^"]+)">', html)
    assert ids == [c.slug for c in found] and len(set(ids)) == len(ids)
    suspension = text.index("P.L. 115-97 (sec. 11045)")
    assert "suspended miscellaneous itemized deductions for 2018–2025" in text[suspension:]
    assert "Tax years 2018–2025" in text[suspension:]
    assert text.index("P.L. 119-21") < suspension  # newest first
    for short in ("Notice 2021-21", "Notice 2020-23", "P.L. 115-97 (sec. 13611)", "P.L. 105-34",
                  "P.L. 108-173", "P.L. 99-514", "Notice 2014-21"):
        assert short in text
    examples = re.findall(r'An example: <a href="([^"]+)"', r.content.decode())
    assert len(examples) == len(found)
    first = unescape(examples[0])
    assert first.endswith("&made=2025-07-03")  # made the day before: the page names the law
    assert "P.L. 119-21" in notice(client.get(first).content.decode())
    for url in examples:
        assert client.get(unescape(url)).status_code == 200


def test_the_tables_page_and_every_page_footer_link_the_changes(client):
    for url in ("/tables/", "/", ROTH_2026):
        assert 'href="/changes/"' in client.get(url).content.decode()


def _feed(client, host: str = "testserver") -> ET.Element:
    r = client.get("/changes/feed/", HTTP_HOST=host)
    assert r.status_code == 200 and r["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(r.content)


def test_the_feed_is_atom_with_the_elements_it_requires(client):
    feed = _feed(client)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith("/changes/feed/")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(as_of.changes())
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    for e in entries:
        assert e.find(f"{ATOM}title").text
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00\+00:00", e.find(f"{ATOM}updated").text)
        assert "/changes/#" in e.find(f"{ATOM}link").get("href")
    assert feed.find(f"{ATOM}updated").text == "2025-07-04T00:00:00+00:00"
    # The ids name the change, not the host the feed was read from.
    other = _feed(client, "localhost")
    assert [e.find(f"{ATOM}id").text for e in other.findall(f"{ATOM}entry")] == ids
    assert feed.find(f"{ATOM}id").text == other.find(f"{ATOM}id").text
    assert "testserver" not in feed.find(f"{ATOM}id").text


def test_change_slugs_are_unique_and_name_the_section():
    slugs = [c.slug for c in as_of.changes()]
    assert len(set(slugs)) == len(slugs)
    assert "2017-12-22-p-l-115-97-sec-11045" in slugs and "2017-12-22-p-l-115-97-sec-13611" in slugs


def test_a_text_reviewed_before_a_change_that_touched_its_rule_is_due():
    touched = as_of.rules_touched(TODAY.year)
    assert "basis-loss-terminated" in touched and "capital-loss-sale" in touched
    assert "wash-sale-deferred" not in touched  # no change moved a wash sale's answer
    fingerprint = review.fingerprint("basis-loss-terminated")
    before = review.state("basis-loss-terminated", date(2025, 1, 15), fingerprint, TODAY)
    assert before.due and any("P.L. 119-21, July 4, 2025" in r for r in before.reasons)
    after = review.state("basis-loss-terminated", date(2026, 1, 15), fingerprint, TODAY)
    assert not after.due
    # A text reviewed on the day of the change has seen it.
    seen = review.state(
        "capital-loss-sale", date(2021, 3, 29), review.fingerprint("capital-loss-sale"),
        date(2021, 12, 1),
    )
    assert not seen.due
