"""Migration 0006: editor text for the version 2 rules and the legal review's corrections.

It adds a text for each new rule, corrects seeded texts only while an editor has
not reworded them, records each change in the history, and can be reversed.
"""

from __future__ import annotations

import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rules.models import Explanation
from rules.rulebook import RULES_BY_ID

pytestmark = pytest.mark.django_db

MIGRATION = "0006_law_v2_texts"
texts = importlib.import_module(f"rules.migrations.{MIGRATION}")
NEW = texts.new_texts()
UPDATED = texts.updated_texts()
EDITED_RULE = "capital-loss-sale"
later = importlib.import_module("rules.migrations.0007_plain_words")
LATER = later.new_texts()

BRITISH = re.compile(
    r"\b(\w*(realis|itemis|recognis|organis|summaris|categoris|authoris)\w*"
    r"|analys(e|es|ed|ing)"
    r"|\w*(favour|behaviour|colour|honour|labour|neighbour|endeavour)\w*"
    r"|cheque|licence|defence|offence|judgement|programme|centre|cancelled|labelled)\b",
    re.IGNORECASE,
)
SLUG_IN_BACKTICKS = re.compile(r"`[a-z0-9]+(-[a-z0-9]+)+`")
HREF = re.compile(r'href="([^"]*)"')

# Facts and citations each new text must carry over from the law it rests on.
NEW_FACTS = [
    ("hsa-partial-withdrawal", ["20%", "10%", "2011", "65", "223(f)", "Publication 969"]),
    ("basis-covered-no-loss", ["408(d)(2)", "89-25", "72-305", "pre-tax", "Form 8606"]),
    ("related-party-sale", ["267(a)(1)", "267(d)", "1041", "McWilliams"]),
    ("section-1244-sale", ["1244(a) and (b)", "$50,000", "$100,000", "$3,000", "Form 4797"]),
    ("section-1244-worthless", ["1244(a) and (b)", "165(g)", "6511(d)(1)", "7 years"]),
    ("worthless-crypto-2-percent", ["202302011", "2014-21", "165(c)(2)", "67(a)", "2%"]),
    ("worthless-crypto-not-allowed", ["202302011", "2014-21", "67(g)", "67(h)", "119-21"]),
    ("crypto-no-wash-sale", ["1091(a)", "2014-21", "30 days", "$3,000", "Form 8949"]),
    ("unsure-yes-either-way", ["1211(b)", "1244(b)", "$3,000", "$50,000"]),
]


def state_apps():
    """The models as this migration sees them (no history signals, no custom save)."""
    return MigrationExecutor(connection).loader.project_state(("rules", MIGRATION)).apps


def all_texts(row: Explanation) -> str:
    return "\n".join((row.explanation, row.instead, row.editor_note))


# --- What a migrated database holds


def test_the_new_rules_are_the_rulebooks_and_every_rule_has_a_text():
    assert set(NEW) <= set(RULES_BY_ID)
    assert set(UPDATED) <= set(RULES_BY_ID)
    assert set(Explanation.objects.values_list("rule_id", flat=True)) == set(RULES_BY_ID)


@pytest.mark.parametrize("rule_id", sorted(NEW))
def test_every_new_rule_has_its_text_and_a_first_history_entry(rule_id):
    row = Explanation.objects.get(rule_id=rule_id)
    assert (row.explanation, row.instead) == (NEW[rule_id]["explanation"], NEW[rule_id]["instead"])
    assert row.last_reviewed == texts.REVIEWED
    first = Explanation.history.get(rule_id=rule_id, history_type="+")
    assert first.history_change_reason == texts.ADD_REASON


@pytest.mark.parametrize("rule_id", sorted(UPDATED))
def test_every_correction_reaches_a_seeded_text_and_is_in_the_history(rule_id):
    row = Explanation.objects.get(rule_id=rule_id)
    for field, value in UPDATED[rule_id].items():
        # Migration 0007 puts some of them in plainer words again.
        assert getattr(row, field) == LATER.get(rule_id, {}).get(field, value), field
    change = Explanation.history.filter(
        rule_id=rule_id, history_type="~", history_change_reason__endswith="(0006)"
    ).first()
    assert len(change.history_change_reason) <= 100
    for field in ("explanation", "instead"):
        assert getattr(change, field) == UPDATED[rule_id].get(field, getattr(change, field))


@pytest.mark.parametrize(("rule_id", "facts"), NEW_FACTS, ids=[r for r, _ in NEW_FACTS])
def test_a_new_text_names_the_law_and_figures_it_rests_on(rule_id, facts):
    row = Explanation.objects.get(rule_id=rule_id)
    body = row.explanation + " " + row.instead
    for fact in facts:
        assert fact in body, fact


def test_the_facts_table_covers_every_new_rule():
    assert {rule_id for rule_id, _ in NEW_FACTS} == set(NEW)


# --- Writing rules, over every text in the database


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_no_text_uses_british_spelling(rule_id):
    found = BRITISH.findall(all_texts(Explanation.objects.get(rule_id=rule_id)))
    assert not found, found


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_no_text_shows_a_slug_in_backticks(rule_id):
    body = all_texts(Explanation.objects.get(rule_id=rule_id))
    assert not SLUG_IN_BACKTICKS.search(body)
    assert "`" not in body


@pytest.mark.parametrize("rule_id", sorted(set(NEW) | set(UPDATED)))
def test_a_new_or_corrected_text_keeps_the_shape_of_the_results_page(rule_id):
    row = Explanation.objects.get(rule_id=rule_id)
    # Paragraphs and steps for some accounts only ("[For IRAs]") carry data-for; how
    # many each saver sees is tests/rules/test_explanations.py's business.
    assert len(re.findall(r"<p[ >]", row.explanation_html)) >= 2
    assert "<ul>" in row.instead_html and len(re.findall(r"<li[ >]", row.instead_html)) >= 2
    assert "<ol>" not in row.explanation_html + row.instead_html
    assert "{" not in row.explanation + row.instead
    assert all(
        not line.startswith(" ") for line in (row.explanation + "\n" + row.instead).split("\n")
    )
    links = HREF.findall(row.explanation_html + row.instead_html)
    assert all(link.startswith("https://") for link in links), links


# --- An editor's wording is never overwritten


def _seeded(rule_id: str, field: str) -> str:
    return texts.seeded_versions(rule_id, field)[-1]


def test_an_edited_field_is_kept_and_a_seeded_one_beside_it_is_corrected():
    Explanation.objects.filter(rule_id=EDITED_RULE).update(
        explanation="An editor's own *why*.",
        instead=_seeded(EDITED_RULE, "instead"),
        editor_note=_seeded(EDITED_RULE, "editor_note"),
    )
    before = Explanation.history.filter(rule_id=EDITED_RULE).count()

    texts.forward(state_apps(), None)

    row = Explanation.objects.get(rule_id=EDITED_RULE)
    assert row.explanation == "An editor's own *why*."
    assert row.instead == UPDATED[EDITED_RULE]["instead"]
    assert row.editor_note == UPDATED[EDITED_RULE]["editor_note"]
    assert "Form 8949" in row.instead_html and "<em>why</em>" in row.explanation_html
    assert Explanation.history.filter(rule_id=EDITED_RULE).count() == before + 1
    latest = Explanation.history.filter(rule_id=EDITED_RULE).first()
    assert latest.history_type == "~" and latest.explanation == "An editor's own *why*."


def test_a_row_an_editor_rewrote_entirely_is_left_alone():
    Explanation.objects.filter(rule_id=EDITED_RULE).update(
        explanation="Editor's why.", instead="- one\n- two", editor_note="Mine."
    )
    texts.forward(state_apps(), None)
    row = Explanation.objects.get(rule_id=EDITED_RULE)
    assert (row.explanation, row.instead, row.editor_note) == (
        "Editor's why.",
        "- one\n- two",
        "Mine.",
    )


def test_an_edited_new_rule_text_survives_a_rerun():
    Explanation.objects.filter(rule_id="related-party-sale").update(explanation="Edited.")
    texts.forward(state_apps(), None)
    assert Explanation.objects.get(rule_id="related-party-sale").explanation == "Edited."


def test_running_it_again_changes_nothing():
    before = list(Explanation.objects.order_by("rule_id").values_list("rule_id", "instead"))
    history = Explanation.history.count()
    texts.forward(state_apps(), None)
    assert list(Explanation.objects.order_by("rule_id").values_list("rule_id", "instead")) == before
    assert Explanation.history.count() == history


def test_the_0004_wording_and_the_0002_wording_both_count_as_seeded():
    versions = texts.seeded_versions("pre-tax-no-basis", "instead")
    assert len(versions) == 2 and "governmental 457(b)" in versions[1]
    Explanation.objects.filter(rule_id="pre-tax-no-basis").update(instead=versions[0])
    texts.forward(state_apps(), None)
    assert (
        Explanation.objects.get(rule_id="pre-tax-no-basis").instead
        == (UPDATED["pre-tax-no-basis"]["instead"])
    )


# --- Reverse


def test_reversing_deletes_the_added_rows_and_restores_the_seeded_wording():
    Explanation.objects.filter(rule_id="wash-sale-deferred").update(instead="- edited\n- twice")
    apps = state_apps()

    # As Django reverses: 0007 first, then this one.
    later.backward(apps, None)
    texts.backward(apps, None)

    assert not Explanation.objects.filter(rule_id__in=NEW).exists()
    assert not Explanation.history.filter(history_change_reason=texts.ADD_REASON).exists()
    row = Explanation.objects.get(rule_id=EDITED_RULE)
    assert row.explanation == _seeded(EDITED_RULE, "explanation")
    assert row.instead == _seeded(EDITED_RULE, "instead")
    assert Explanation.objects.get(rule_id="pre-tax-no-basis").instead == _seeded(
        "pre-tax-no-basis", "instead"
    )
    # An editor's change made after the migration stays.
    assert Explanation.objects.get(rule_id="wash-sale-deferred").instead == "- edited\n- twice"

    texts.forward(apps, None)
    assert Explanation.objects.get(rule_id=EDITED_RULE).instead == UPDATED[EDITED_RULE]["instead"]
    assert set(Explanation.objects.values_list("rule_id", flat=True)) == set(RULES_BY_ID)
