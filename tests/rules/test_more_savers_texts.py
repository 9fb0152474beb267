"""Migration 0008: editor text for the rules issue 12 adds (inherited IRAs, 529 plans and
Coverdell accounts, Roth conversions), and the review of a rule it widened.
"""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rules import review
from rules.models import Explanation
from rules.rulebook import RULES_BY_ID

pytestmark = pytest.mark.django_db

MIGRATION = "0008_more_savers_texts"
texts = importlib.import_module(f"rules.migrations.{MIGRATION}")
NEW = texts.new_texts()
WIDENED = "sheltered-no-realisation"


def state_apps():
    """The models as this migration sees them (no history signals, no custom save)."""
    return MigrationExecutor(connection).loader.project_state(("rules", MIGRATION)).apps


def test_the_new_texts_are_for_the_rules_this_issue_adds():
    new_rules = {
        r.id
        for r in RULES_BY_ID.values()
        if r.id.startswith(("inherited-", "education-", "conversion-"))
    }
    assert set(NEW) == new_rules


@pytest.mark.parametrize("rule_id", sorted(NEW))
def test_every_new_rule_has_its_text_reviewed_against_its_law_and_a_first_history_entry(
    rule_id,
):
    row = Explanation.objects.get(rule_id=rule_id)
    assert (row.explanation, row.instead) == (NEW[rule_id]["explanation"], NEW[rule_id]["instead"])
    assert row.last_reviewed == texts.REVIEWED
    assert row.reviewed_fingerprint == review.fingerprint(rule_id)
    first = Explanation.history.get(rule_id=rule_id, history_type="+")
    assert first.history_change_reason == texts.ADD_REASON


def test_the_widened_rule_is_reviewed_again_only_if_it_was_reviewed_against_the_old_law():
    before = texts.fingerprint_before(WIDENED)
    assert before != review.fingerprint(WIDENED)  # the rule did change
    Explanation.objects.filter(rule_id=WIDENED).update(reviewed_fingerprint=before)
    texts.forward(state_apps(), None)
    assert Explanation.objects.get(rule_id=WIDENED).reviewed_fingerprint == review.fingerprint(
        WIDENED
    )
    # Reviewed against some other law (an editor's review of an older rule): still due.
    Explanation.objects.filter(rule_id=WIDENED).update(reviewed_fingerprint="0123456789abcdef")
    texts.forward(state_apps(), None)
    assert Explanation.objects.get(rule_id=WIDENED).reviewed_fingerprint == "0123456789abcdef"


def test_an_edited_new_text_survives_a_rerun_and_a_rerun_changes_nothing():
    Explanation.objects.filter(rule_id="education-rollover").update(explanation="Edited.")
    history = Explanation.history.count()
    texts.forward(state_apps(), None)
    assert Explanation.objects.get(rule_id="education-rollover").explanation == "Edited."
    assert Explanation.history.count() == history


def test_reversing_removes_the_new_texts_and_forward_puts_them_back():
    apps = state_apps()
    texts.backward(apps, None)
    assert not Explanation.objects.filter(rule_id__in=NEW).exists()
    assert not Explanation.history.filter(history_change_reason=texts.ADD_REASON).exists()
    widened = Explanation.objects.get(rule_id=WIDENED)
    assert widened.reviewed_fingerprint == texts.fingerprint_before(WIDENED)

    texts.forward(apps, None)
    assert set(Explanation.objects.values_list("rule_id", flat=True)) == set(RULES_BY_ID)
    assert Explanation.objects.get(rule_id=WIDENED).reviewed_fingerprint == (
        review.fingerprint(WIDENED)
    )


def test_the_uncertain_answer_says_so_in_its_text():
    # The beneficiary's loss rests on our reading (certainty "unsettled"): the text says it.
    row = Explanation.objects.get(rule_id="inherited-basis-loss-2-percent")
    assert RULES_BY_ID["inherited-basis-loss-2-percent"].certainty == "unsettled"
    assert "<strong>This answer is our reading, not settled law.</strong>" in row.explanation_html
