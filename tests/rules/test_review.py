"""Explanations say when they were last reviewed, and the admin flags the ones due again."""

from __future__ import annotations

import ast
import dataclasses
import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from rules.editor import review
from rules.law import parameters as law
from rules.law import rulebook
from rules.models import EDITORS_GROUP, Explanation

RULE = "capital-loss-sale"
TODAY = datetime.date(2026, 11, 28)


# --- The fingerprint (plain Python)


def test_the_review_module_imports_nothing_from_django():
    tree = ast.parse((Path(review.__file__)).read_text())
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m.startswith("django") for m in modules)


def test_every_rule_has_a_distinct_stable_fingerprint():
    prints = {r.id: review.fingerprint(r.id) for r in rulebook.ALL_RULES}
    assert len(set(prints.values())) == len(prints)
    assert all(len(p) == 16 for p in prints.values())
    assert prints == {r.id: review.fingerprint(r.id) for r in rulebook.ALL_RULES}
    assert review.fingerprint("no-such-rule") == ""


def _with_rule(monkeypatch, rule_id: str, **changes) -> None:
    changed = dataclasses.replace(rulebook.RULES_BY_ID[rule_id], **changes)
    monkeypatch.setitem(rulebook.RULES_BY_ID, rule_id, changed)


@pytest.mark.parametrize(
    "change",
    [
        {"years": law.years(2018, None)},
        {"outcome": "not-deductible"},
        {"references": ()},
        {"accounts": frozenset({"taxable", "hsa"})},
    ],
    ids=["years", "outcome", "citations", "accounts"],
)
def test_a_change_in_the_rules_law_changes_its_fingerprint(monkeypatch, change):
    before = review.fingerprint(RULE)
    _with_rule(monkeypatch, RULE, **change)
    assert review.fingerprint(RULE) != before


def test_rewording_the_engines_headline_is_not_a_change_in_the_law(monkeypatch):
    before = review.fingerprint(RULE)
    _with_rule(monkeypatch, RULE, headline="Reworded", reason="Reworded too")
    assert review.fingerprint(RULE) == before


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [
        (datetime.date(2026, 11, 28), False),
        (datetime.date(2025, 11, 28), False),  # exactly a year: not yet
        (datetime.date(2025, 11, 27), True),  # a year and a day
    ],
)
def test_a_review_is_due_after_a_year(reviewed, due):
    state = review.state(RULE, reviewed, review.fingerprint(RULE), TODAY)
    assert state.due is due
    assert (review.TOO_OLD in state.reasons) is due


def test_a_year_before_the_29th_of_february_is_the_28th():
    assert review.a_year_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_a_review_is_due_when_the_law_changed_since(monkeypatch):
    recorded = review.fingerprint(RULE)
    _with_rule(monkeypatch, RULE, years=law.years(2020, None))
    state = review.state(RULE, TODAY, recorded, TODAY)
    assert state.reasons == (review.LAW_CHANGED,)
    assert str(state) == "Due for review: the rule’s law changed since the review"


# --- The model records the fingerprint when the review date changes

pytestmark = pytest.mark.django_db


def test_the_seeded_texts_are_up_to_date_on_the_day_they_were_reviewed():
    for text in Explanation.objects.all():
        assert text.reviewed_fingerprint == review.fingerprint(text.rule_id)
        assert not text.review_state(TODAY).due, text.rule_id


def test_a_new_review_date_records_the_law_as_it_is_now(monkeypatch):
    text = Explanation.objects.get(rule_id=RULE)
    _with_rule(monkeypatch, RULE, outcome="not-deductible")
    assert text.review_state(TODAY).reasons == (review.LAW_CHANGED,)
    text.explanation = "Checked again."
    text.save()  # same review date: still due
    text.refresh_from_db()
    assert text.review_state(TODAY).due
    text.last_reviewed = TODAY + datetime.timedelta(days=1)
    text.save()
    text.refresh_from_db()
    assert text.reviewed_fingerprint == review.fingerprint(RULE)
    assert not text.review_state(TODAY).due


# --- The admin list and form


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("ed", password="a-long-test-passphrase-9", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return client


def test_the_admin_list_flags_texts_due_for_review_and_filters_them(editor_client, monkeypatch):
    Explanation.objects.filter(rule_id="wash-sale-deferred").update(
        last_reviewed=datetime.date(2020, 1, 2)
    )
    _with_rule(monkeypatch, RULE, references=())
    html = editor_client.get("/admin/rules/explanation/").content.decode()
    assert html.count('class="review-due"') == 2
    assert "Due for review: reviewed over a year ago" in html
    assert "Due for review: the rule’s law changed since the review" in html
    r = editor_client.get("/admin/rules/explanation/?review=due")
    assert sorted(t.rule_id for t in r.context["cl"].result_list) == [
        RULE,
        "wash-sale-deferred",
    ]
    r = editor_client.get("/admin/rules/explanation/?review=ok")
    assert r.context["cl"].result_count == len(rulebook.ALL_RULES) - 2


def test_an_editor_setting_a_new_review_date_clears_the_flag(editor_client, monkeypatch):
    _with_rule(monkeypatch, RULE, references=())
    text = Explanation.objects.get(rule_id=RULE)
    url = f"/admin/rules/explanation/{RULE}/change/"
    assert "the rule’s law changed since" in editor_client.get(url).content.decode()
    data = {
        "explanation": text.explanation,
        "instead": text.instead,
        "last_reviewed": "2026-11-29",
        "editor_note": text.editor_note,
        "explanation_es": text.explanation_es,
        "instead_es": text.instead_es,
        "_save": "Save",
    }
    assert editor_client.post(url, data).status_code == 302
    text.refresh_from_db()
    assert text.reviewed_fingerprint == review.fingerprint(RULE)
