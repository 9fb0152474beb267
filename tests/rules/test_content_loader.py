"""rules.content.loader: the shipped texts into the database, never over an editor's change."""

from __future__ import annotations

import dataclasses
import datetime
import io

import pytest
from django.core.management import call_command

from rules import content
from rules.apps import load_content_after_migrate
from rules.content.loader import load
from rules.editor import review
from rules.models import Explanation

pytestmark = pytest.mark.django_db

RULE = "capital-loss-sale"
SHIPPED = content.read("en")
LATER = datetime.date(2027, 1, 15)
NOTE_ADD = f"Shipped text added from content/en/{RULE}.md"


def shipped_with(rule_id: str = RULE, **changes) -> dict[str, content.ShippedText]:
    """The files as they would be after a release that changes one rule's file."""
    return {**SHIPPED, rule_id: dataclasses.replace(SHIPPED[rule_id], **changes)}


def row(rule_id: str = RULE) -> Explanation:
    return Explanation.objects.get(rule_id=rule_id)


def edit(rule_id: str = RULE, **fields) -> None:
    """An editor's change, saved as the admin saves it (with a history entry)."""
    text = row(rule_id)
    for name, value in fields.items():
        setattr(text, name, value)
    text._change_reason = "An editor's change"
    text.save()


def test_a_migrated_database_is_loaded_and_loading_again_changes_nothing():
    history = Explanation.history.count()
    report = load()
    assert report.unchanged == sorted(SHIPPED) and not report.changed
    assert Explanation.history.count() == history
    assert row().shipped_explanation == SHIPPED[RULE].explanation


def test_a_new_file_adds_its_row_with_a_first_history_entry():
    Explanation.objects.filter(rule_id=RULE).delete()
    Explanation.history.filter(rule_id=RULE).delete()
    assert load().added == [RULE]
    text = row()
    assert text.explanation == SHIPPED[RULE].explanation
    assert "Form 8949" in text.instead_html
    assert text.reviewed_fingerprint == review.fingerprint(RULE)
    (first,) = Explanation.history.filter(rule_id=RULE)
    assert (first.history_type, first.history_change_reason) == ("+", NOTE_ADD)


def test_a_changed_file_updates_a_text_no_editor_changed():
    new = "A new shipped **why**.\n\nA second paragraph."
    report = load(shipped_with(explanation=new, reviewed=LATER))
    assert report.updated == [RULE]
    text = row()
    assert text.explanation == text.shipped_explanation == new
    assert "<strong>why</strong>" in text.explanation_html
    assert text.last_reviewed == LATER
    assert not text.review_state(LATER).due
    latest = Explanation.history.filter(rule_id=RULE).first()
    assert latest.history_type == "~" and latest.explanation == new
    assert latest.history_change_reason == (
        f"Shipped text updated (explanation); from content/en/{RULE}.md"
    )
    # The page shows it (no editor's change stood in the way).
    assert load(shipped_with(explanation=new, reviewed=LATER)).unchanged == sorted(SHIPPED)


def test_a_later_review_date_alone_moves_an_unedited_row():
    load(shipped_with(reviewed=LATER))
    assert row().last_reviewed == LATER
    assert Explanation.history.filter(rule_id=RULE).first().history_change_reason == (
        f"Shipped text reviewed again; from content/en/{RULE}.md"
    )


def test_an_editors_change_is_kept_and_marked_due_for_review_with_the_earlier_text():
    old = SHIPPED[RULE]
    edit(explanation="An editor's own why.")
    new_why = old.explanation.replace("realizes a capital loss", "realizes a loss")
    new_steps = old.instead + "\n- A fourth step."
    report = load(shipped_with(explanation=new_why, instead=new_steps, reviewed=LATER))

    assert report.due_for_review == [RULE]
    text = row()
    assert text.explanation == "An editor's own why."  # kept
    assert text.instead == new_steps  # no editor changed it: updated beside it
    assert text.shipped_changes() == {"explanation": (old.explanation, new_why)}
    assert text.last_reviewed == old.reviewed  # the editor's text was not reviewed
    state = text.review_state(old.reviewed)
    assert state.reasons == (review.SHIPPED_CHANGED,)
    latest = Explanation.history.filter(rule_id=RULE).first()
    assert latest.history_change_reason.startswith(
        "Shipped text updated (instead); editor's explanation kept, due for review"
    )
    assert latest.explanation == "An editor's own why."

    # Loading again changes nothing, and a second change keeps the oldest base for the diff.
    history = Explanation.history.count()
    assert load(shipped_with(explanation=new_why, instead=new_steps)).due_for_review == []
    assert Explanation.history.count() == history
    load(shipped_with(explanation=new_why + " Again.", instead=new_steps))
    assert row().shipped_changes()["explanation"] == (old.explanation, new_why + " Again.")


def test_taking_the_shipped_text_over_or_a_new_review_date_clears_it():
    edit(explanation="Mine.", instead="- Mine too.\n- And this.")
    new_why = "Shipped why.\n\nMore."
    new_steps = "- Shipped step.\n- Another."
    load(shipped_with(explanation=new_why, instead=new_steps))
    assert set(row().shipped_changes()) == {"explanation", "instead"}

    edit(explanation=new_why)  # the editor takes the new text over
    assert set(row().shipped_changes()) == {"instead"}

    text = row()
    text.mark_shipped_changes_reviewed()
    text.last_reviewed = LATER
    text.save()
    text = row()
    assert text.shipped_changes() == {} and not text.review_state(LATER).due
    assert text.instead == "- Mine too.\n- And this."


def test_an_editor_who_already_wrote_the_new_text_has_nothing_to_review():
    new = "The same words.\n\nTwice."
    edit(explanation=new)
    load(shipped_with(explanation=new))
    assert row().shipped_changes() == {}


def test_an_editors_note_is_kept_and_an_unedited_note_follows_the_file():
    load(shipped_with(editor_note="Shipped note, checked again."))
    assert row().editor_note == "Shipped note, checked again."
    edit(editor_note="My own note.")
    load(shipped_with(editor_note="A third shipped note."))
    text = row()
    assert text.editor_note == "My own note." and text.shipped_note == "A third shipped note."
    assert not text.review_state(text.last_reviewed).due  # a note is not for savers


def test_a_row_from_before_the_content_files_keeps_an_editors_text_without_a_diff():
    # Rows migrated to 0008 had no record of what shipped: the loader takes a field
    # equal to its file as shipped, and any other as an editor's change.
    Explanation.objects.filter(rule_id=RULE).update(
        explanation="Edited before the files.", shipped_explanation="", shipped_instead=""
    )
    history = Explanation.history.count()
    assert RULE in load().unchanged
    text = row()
    assert text.explanation == "Edited before the files."
    assert text.shipped_explanation == SHIPPED[RULE].explanation
    assert text.shipped_instead == text.instead == SHIPPED[RULE].instead
    assert text.shipped_changes() == {}
    assert Explanation.history.count() == history  # bookkeeping only
    # From now on a change in the file under it is flagged.
    load(shipped_with(explanation="New shipped why.\n\nMore."))
    assert row().shipped_changes()["explanation"][0] == SHIPPED[RULE].explanation


STRAY = {"no-such-rule": dataclasses.replace(SHIPPED[RULE], rule_id="no-such-rule")}
UNKNOWN_TAG = shipped_with(instead="- [For pension funds] A step.\n- Another.")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({**SHIPPED, **STRAY}, "'no-such-rule' is not a rule in the engine"),
        (UNKNOWN_TAG, r"\[For pension funds\] names something we do not know"),
    ],
    ids=["unknown rule", "unknown account"],
)
def test_a_file_the_site_cannot_use_stops_the_load_and_writes_nothing(files, message):
    Explanation.objects.filter(rule_id="worthless-security").delete()
    with pytest.raises(content.ContentError, match=message):
        load(files)
    assert not Explanation.objects.filter(rule_id="worthless-security").exists()


def test_a_row_without_a_file_is_reported_not_deleted():
    report = load({k: v for k, v in SHIPPED.items() if k != RULE})
    assert report.without_file == [RULE] and Explanation.objects.filter(rule_id=RULE).exists()


def test_the_command_loads_and_says_what_it_did():
    Explanation.objects.filter(rule_id=RULE).delete()
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert out.getvalue().startswith("Content: 1 added, 0 updated")
    assert row().explanation == SHIPPED[RULE].explanation


def test_after_migrate_it_runs_only_once_the_schema_has_its_columns():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    Explanation.objects.filter(rule_id=RULE).delete()
    loader = MigrationExecutor(connection).loader
    for older in ("0008_more_savers_texts", "0009_shipped_text"):  # 0010 added the Spanish
        before = loader.project_state(("rules", older)).apps
        rules_app = before.get_app_config("rules")
        load_content_after_migrate(None, rules_app, "default", before, verbosity=0)
        assert not Explanation.objects.filter(rule_id=RULE).exists()
    latest = [node for node in loader.graph.leaf_nodes() if node[0] == "rules"]
    now = loader.project_state(latest).apps
    load_content_after_migrate(None, now.get_app_config("rules"), "default", now, verbosity=0)
    assert row().explanation == SHIPPED[RULE].explanation
