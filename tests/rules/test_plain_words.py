"""Migration 0007: plain words and each account's own next steps in the seeded texts.

It rewrites only fields still as migrations 0002, 0004 and 0006 left them, records
each change in the history, records the law each reviewed text was checked
against, and can be reversed; rules.texts.seeded() repeats it for a database
outage.
"""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rules import linking, review, texts
from rules.models import Explanation
from rules.rulebook import RULES_BY_ID

pytestmark = pytest.mark.django_db

MIGRATION = "0007_plain_words"
plain = importlib.import_module(f"rules.migrations.{MIGRATION}")
OURS = plain.new_texts()
RULE = "partial-withdrawal-no-loss"


def state_apps():
    return MigrationExecutor(connection).loader.project_state(("rules", MIGRATION)).apps


def test_it_rewrites_rules_of_the_rulebook_only_and_says_why_for_each():
    assert set(OURS) <= set(RULES_BY_ID)
    assert set(plain.REASONS) == set(OURS)
    assert all(len(reason) <= 90 for reason in plain.REASONS.values())


@pytest.mark.parametrize("rule_id", sorted(OURS))
def test_every_rewrite_reaches_a_seeded_text_and_is_in_the_history(rule_id):
    row = Explanation.objects.get(rule_id=rule_id)
    for field, value in OURS[rule_id].items():
        assert getattr(row, field) == value, field
    change = Explanation.history.filter(
        rule_id=rule_id, history_change_reason__endswith="(0007)"
    ).get()
    assert change.history_type == "~"
    assert (change.explanation, change.instead) == (row.explanation, row.instead)
    assert row.last_reviewed == plain.REVIEWED
    assert row.reviewed_fingerprint == review.fingerprint(rule_id)


@pytest.mark.parametrize("rule_id", sorted(OURS))
def test_every_account_tag_names_accounts_we_know(rule_id):
    row = Explanation.objects.get(rule_id=rule_id)
    for field in ("explanation", "instead"):
        assert "[For " not in getattr(row, f"{field}_html"), field  # all became data-for
    row.full_clean()


def test_an_editors_wording_is_kept_and_a_seeded_field_beside_it_is_rewritten():
    earlier = plain.earlier_versions(RULE, "instead")[-1]
    Explanation.objects.filter(rule_id=RULE).update(explanation="An editor's why.", instead=earlier)

    plain.forward(state_apps(), None)

    row = Explanation.objects.get(rule_id=RULE)
    assert row.explanation == "An editor's why."
    assert row.instead == OURS[RULE]["instead"]
    assert 'data-for="ira"' in row.instead_html
    latest = Explanation.history.filter(rule_id=RULE).first()
    assert latest.history_change_reason.endswith("(0007)")
    assert latest.explanation == "An editor's why."


def test_every_earlier_seeded_wording_counts_as_seeded():
    # 0002's wording of pre-tax-no-basis, before 0004 and 0006 corrected it.
    oldest = plain.earlier_versions("pre-tax-no-basis", "instead")[0]
    assert len(plain.earlier_versions("pre-tax-no-basis", "instead")) == 3
    Explanation.objects.filter(rule_id="pre-tax-no-basis").update(instead=oldest)
    plain.forward(state_apps(), None)
    assert (
        Explanation.objects.get(rule_id="pre-tax-no-basis").instead
        == OURS["pre-tax-no-basis"]["instead"]
    )


def test_a_text_an_editor_rewrote_entirely_is_left_alone():
    Explanation.objects.filter(rule_id=RULE).update(explanation="Mine.", instead="- one\n- two")
    plain.forward(state_apps(), None)
    row = Explanation.objects.get(rule_id=RULE)
    assert (row.explanation, row.instead) == ("Mine.", "- one\n- two")


def test_running_it_again_changes_nothing():
    before = list(Explanation.objects.order_by("rule_id").values_list("explanation", "instead"))
    history = Explanation.history.count()
    plain.forward(state_apps(), None)
    after = list(Explanation.objects.order_by("rule_id").values_list("explanation", "instead"))
    assert after == before and Explanation.history.count() == history


def test_reversing_puts_back_the_earlier_wording_but_not_over_an_editor():
    Explanation.objects.filter(rule_id="worthless-security").update(instead="- edited\n- twice")
    plain.backward(state_apps(), None)
    row = Explanation.objects.get(rule_id=RULE)
    assert row.instead == plain.earlier_versions(RULE, "instead")[-1]
    assert row.explanation == plain.earlier_versions(RULE, "explanation")[-1]
    assert "data-for" not in row.instead_html
    assert Explanation.objects.get(rule_id="worthless-security").instead == "- edited\n- twice"
    plain.forward(state_apps(), None)
    assert Explanation.objects.get(rule_id=RULE).instead == OURS[RULE]["instead"]


def test_the_seeded_texts_for_an_outage_include_this_migration():
    seeded = texts.seeded()[RULE]
    row = Explanation.objects.get(rule_id=RULE)
    assert seeded.instead_html == row.instead_html
    assert "457(b)" not in linking.tailor(seeded.instead_html, "traditional-ira")
    assert "457(b)" in linking.tailor(seeded.instead_html, "457b")
