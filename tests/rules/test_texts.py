"""rules/editor/texts.py: the results page answers with editor text with or without a database."""

from __future__ import annotations

import re

import pytest
from django.db import OperationalError

from rules.editor import texts
from rules.models import Explanation

pytestmark = pytest.mark.django_db
def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


SALE = "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2026"
RULE = "capital-loss-sale"


class BrokenDatabase:
    """Stands in for django.db.connection when the database is down or hangs past its timeout."""

    calls = 0

    def cursor(self):
        BrokenDatabase.calls += 1
        raise OperationalError("connection timeout expired")


@pytest.fixture
def broken(monkeypatch):
    BrokenDatabase.calls = 0
    real = texts.connection
    monkeypatch.setattr(texts, "connection", BrokenDatabase())
    return lambda: monkeypatch.setattr(texts, "connection", real)


def test_the_seeded_texts_in_memory_are_the_migrated_rows():
    seeded = texts.seeded()
    rows = {row.rule_id: row for row in Explanation.objects.all()}
    assert set(seeded) == set(rows)
    for rule_id, row in rows.items():
        assert seeded[rule_id].explanation_html == row.explanation_html, rule_id
        assert seeded[rule_id].instead_html == row.instead_html, rule_id
        assert seeded[rule_id].last_reviewed == row.last_reviewed, rule_id


def test_before_the_database_ever_answered_the_page_has_the_seeded_text(client, broken):
    r = client.get(SALE)
    assert r.status_code == 200
    html = r.content.decode()
    seeded = texts.seeded()[RULE]
    # The page links glossary words and forms inside the text: compare the words.
    assert words(seeded.explanation_html) in words(html)
    assert words(seeded.instead_html) in words(html)
    assert "last reviewed" in html.lower()
    assert BrokenDatabase.calls == 1


def test_after_a_failure_the_database_is_left_alone_for_the_retry_period(client, broken, settings):
    settings.DB_RETRY_SECONDS = 60
    for _ in range(5):
        assert client.get(SALE).status_code == 200
        assert (
            client.get(
                "/results/?account=taxable&event=worthless&asset=securities&year=2026"
            ).status_code
            == 200
        )
    assert BrokenDatabase.calls == 1


def test_when_the_database_fails_the_last_text_it_gave_is_shown(client, broken, monkeypatch):
    restore = broken
    restore()
    row = Explanation.objects.get(rule_id=RULE)
    row.explanation = "An editor's own words, saved before the outage."
    row.save()
    assert "own words" in client.get(SALE).content.decode()  # loads every text into memory

    monkeypatch.setattr(texts, "connection", BrokenDatabase())
    etag = None
    for _ in range(2):
        r = client.get(SALE)
        assert r.status_code == 200 and "own words" in r.content.decode()
        assert etag in (None, r["ETag"])
        etag = r["ETag"]
    assert BrokenDatabase.calls == 1


def test_when_the_database_answers_again_the_texts_are_refreshed(
    client, broken, settings, django_assert_num_queries
):
    settings.DB_RETRY_SECONDS = 0  # ask again at once
    seeded_etag = client.get(SALE)["ETag"]
    broken()  # the database is back
    row = Explanation.objects.get(rule_id=RULE)
    row.explanation = "Changed while the site could not see the database."
    row.save()
    with django_assert_num_queries(1):  # every text again, in the page's one query
        r = client.get(SALE)
    assert "could not see" in r.content.decode()
    assert r["ETag"] != seeded_etag
    remembered = texts.remembered(RULE).updated_at.replace(tzinfo=None)  # naive from SQLite
    assert remembered == Explanation.objects.get(rule_id=RULE).updated_at.replace(tzinfo=None)
    with django_assert_num_queries(1):  # then one rule's text a page, as before
        client.get(SALE)


def test_a_text_deleted_in_the_database_is_forgotten_in_memory_too(client, monkeypatch):
    client.get(SALE)
    Explanation.objects.filter(rule_id=RULE).delete()
    client.get(SALE)
    assert texts.remembered(RULE) is None
    assert texts.remembered("worthless-security") is not None
