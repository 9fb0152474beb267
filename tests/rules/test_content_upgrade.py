"""A database migrated to main's rules 0001-0008 (texts seeded by data migrations) upgrades
to the content files with every editor's change and its history intact.

tests/rules/fixtures/texts_at_0008.json holds the rows and history a new database had
after `migrate` on main at c0080da, when migrations 0002-0008 still wrote the texts.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from rules import content
from rules.content.loader import load
from rules.editor import review
from rules.models import Explanation

FIXTURE = Path(__file__).parent / "fixtures" / "texts_at_0008.json"
AT_0008 = ("rules", "0008_more_savers_texts")
EDITED = "capital-loss-sale"
EDITORS_WHY = "An editor's own *why*, saved in the admin before the upgrade."


def state_at_0008():
    executor = MigrationExecutor(connection)
    executor.migrate([AT_0008])
    return MigrationExecutor(connection).loader.project_state(AT_0008).apps


def seed_as_main_did(apps, editor: User) -> None:
    """main's rows and history, then an editor's change with its history entry."""
    Row = apps.get_model("rules", "Explanation")
    History = apps.get_model("rules", "HistoricalExplanation")
    Row.objects.all().delete()
    History.objects.all().delete()
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    now = timezone.now() - datetime.timedelta(days=30)
    for fields in data["explanations"]:
        Row.objects.create(**fields)
    created = {r.rule_id: r.created_at for r in Row.objects.all()}
    for i, fields in enumerate(data["history"]):
        History.objects.create(
            **fields,
            created_at=created[fields["rule_id"]],
            history_date=now + datetime.timedelta(seconds=i),
        )
    row = Row.objects.get(rule_id=EDITED)
    row.explanation = EDITORS_WHY
    row.explanation_html = "<p>An editor's own <em>why</em>, saved in the admin.</p>"
    row.save()
    History.objects.create(
        rule_id=EDITED,
        explanation=row.explanation,
        instead=row.instead,
        editor_note=row.editor_note,
        last_reviewed=row.last_reviewed,
        reviewed_fingerprint=row.reviewed_fingerprint,
        created_at=row.created_at,
        history_date=timezone.now() - datetime.timedelta(days=1),
        history_type="~",
        history_user_id=editor.pk,
        history_change_reason="",
    )


def history_of(rule_id: str) -> list[tuple]:
    return list(
        Explanation.history.filter(rule_id=rule_id)
        .order_by("history_date", "history_id")
        .values_list("history_type", "history_change_reason", "explanation", "instead")
    )


@pytest.mark.django_db(transaction=True)
def test_a_database_at_0008_upgrades_with_the_editors_change_and_all_history_intact():
    editor = User.objects.create_user("eddie", is_staff=True)
    apps = state_at_0008()
    seed_as_main_did(apps, editor)
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    before = {r: history_of(r) for r in {h["rule_id"] for h in fixture["history"]}}
    assert before[EDITED][-1][2] == EDITORS_WHY

    # The release: `migrate` applies 0009, then loads the content files (post_migrate).
    call_command("migrate", "rules", verbosity=0)

    shipped = content.read("en")
    rows = {r.rule_id: r for r in Explanation.objects.all()}
    assert set(rows) == set(shipped)
    edited = rows.pop(EDITED)
    assert edited.explanation == EDITORS_WHY  # the editor's change stands
    assert edited.instead == shipped[EDITED].instead
    assert "<em>why</em>" in edited.explanation_html
    # Texts shipped since 0008 (issue 22 item 2 tagged some by whom they are true for):
    # a database that skipped the release in between cannot tell them from an editor's
    # change, so it keeps the 0008 words and flags them for review, never overwriting.
    at_0008 = {e["rule_id"]: e for e in fixture["explanations"]}
    reworded = {
        r
        for r in rows
        if r in at_0008  # a rule added since has no row at 0008: the loader adds it
        and (at_0008[r]["explanation"], at_0008[r]["instead"])
        != (shipped[r].explanation, shipped[r].instead)
    }
    for rule_id, text in rows.items():  # every other row is the file's text
        if rule_id in reworded:
            assert (text.explanation, text.instead) == (
                at_0008[rule_id]["explanation"],
                at_0008[rule_id]["instead"],
            ), rule_id
            continue
        assert (text.explanation, text.instead) == (
            shipped[rule_id].explanation,
            shipped[rule_id].instead,
        ), rule_id
        assert text.shipped_changes() == {} and text.shipped_explanation == text.explanation
    # Every history entry is still there, in order, the editor's with its user; the
    # upgrade itself added only the Spanish (rules/content/es/, migration 0010), one entry
    # a row, with no change to the English.
    after = {r: history_of(r) for r in before}
    for rule_id, entries in before.items():
        assert after[rule_id][: len(entries)] == entries, rule_id
        added = after[rule_id][len(entries) :]
        assert [(kind, why.split(" (")[0]) for kind, why, *_ in added] == [
            ("~", "Shipped text updated")
        ], rule_id
        assert added[0][2:] == entries[-1][2:], rule_id  # the English as it was
    edited_history = Explanation.history.filter(rule_id=EDITED).order_by("history_date")
    assert list(edited_history)[-2].history_user == editor
    # The reviews as main recorded them: nothing became due, except a row under a rule
    # whose law (citations, answers or certainty) changed since 0008: it keeps the law it
    # was reviewed against, and is due for review because that law changed.
    for text in Explanation.objects.all():
        if text.rule_id not in at_0008:  # added since, with its file's review date
            assert text.last_reviewed == shipped[text.rule_id].reviewed
            continue
        assert text.last_reviewed == datetime.date(2026, 11, 28)
        then = at_0008.get(text.rule_id, {}).get("reviewed_fingerprint")
        if then is not None and then != review.fingerprint(text.rule_id):
            assert text.reviewed_fingerprint == then, text.rule_id
            assert text.review_state(datetime.date(2027, 1, 1)).due, text.rule_id
            continue
        assert text.reviewed_fingerprint == review.fingerprint(text.rule_id)
        if text.rule_id not in reworded:
            assert not text.review_state(datetime.date(2027, 1, 1)).due, text.rule_id

    # A later release that rewords the edited rule's shipped text: still the editor's,
    # now due for review, with the diff from the text the editor started from.
    later = {**shipped}
    later[EDITED] = type(shipped[EDITED])(
        **{**shipped[EDITED].__dict__, "explanation": "A reworded shipped why.\n\nMore."}
    )
    assert load(later).due_for_review == [EDITED]
    text = Explanation.objects.get(rule_id=EDITED)
    assert text.explanation == EDITORS_WHY
    assert text.shipped_changes() == {
        "explanation": (shipped[EDITED].explanation, "A reworded shipped why.\n\nMore.")
    }
