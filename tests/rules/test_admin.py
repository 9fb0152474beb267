"""Editors change explanation texts in the admin, and nothing else."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError

from rules.law.rulebook import ALL_RULES
from rules.models import EDITORS_GROUP, Explanation

pytestmark = pytest.mark.django_db
RULE = "wash-sale-deferred"
CHANGE = f"/admin/rules/explanation/{RULE}/change/"
HISTORY = f"/admin/rules/explanation/{RULE}/history/"
RESULTS = "/results/?account=taxable&event=wash-sale&asset=securities"
PASSWORD = "a-long-test-passphrase-9"


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("eddie", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def form_data(text: Explanation, **changes) -> dict[str, str]:
    data = {
        "explanation": text.explanation,
        "instead": text.instead,
        "last_reviewed": text.last_reviewed.isoformat(),
        "editor_note": text.editor_note,
        "explanation_es": text.explanation_es,
        "instead_es": text.instead_es,
        "_save": "Save",
    }
    data.update(changes)
    return data


def test_the_editor_account_is_staff_but_not_superuser_and_has_only_text_permissions(editor):
    assert editor.is_staff and not editor.is_superuser
    assert editor.get_all_permissions() == {
        "rules.view_explanation",
        "rules.change_explanation",
        "rules.view_historicalexplanation",
        # Savers' feedback: read it and mark it dealt with (rules/feedback/admin.py).
        "rules.view_feedback",
        "rules.change_feedback",
    }


@pytest.mark.parametrize("url", ["/admin/", "/admin/rules/explanation/", CHANGE])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    r = client.get(url)
    assert r.status_code == 302
    assert r["Location"].startswith("/admin/login/")


def test_a_signed_in_user_who_is_not_staff_is_sent_to_the_login_page(client):
    client.force_login(User.objects.create_user("saver", password=PASSWORD))
    r = client.get("/admin/rules/explanation/")
    assert r.status_code == 302 and r["Location"].startswith("/admin/login/")


def test_an_editor_sees_only_the_explanations_and_the_feedback(editor_client):
    r = editor_client.get("/admin/")
    assert [app["app_label"] for app in r.context["app_list"]] == ["rules"]
    models = [m["object_name"] for m in r.context["app_list"][0]["models"]]
    assert models == ["Explanation", "Feedback"]
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_an_editor_can_sign_in_with_a_password(client, editor):
    r = client.post(
        "/admin/login/?next=/admin/", {"username": "eddie", "password": PASSWORD}, follow=True
    )
    assert r.status_code == 200 and r.context["user"] == editor


def test_the_list_shows_rule_outcome_review_date_and_update_and_can_be_searched(editor_client):
    r = editor_client.get("/admin/rules/explanation/")
    assert r.status_code == 200
    html = r.content.decode()
    for column in ("column-rule_id", "column-outcome", "column-last_reviewed", "column-updated_at"):
        assert column in html
    assert r.context["cl"].result_count == len(ALL_RULES)
    assert '<td class="field-outcome">Not now: the loss moves to the replacement</td>' in html
    found = editor_client.get("/admin/rules/explanation/?q=2008-5").context["cl"].result_list
    assert [t.rule_id for t in found] == ["wash-sale-into-ira", "wash-sale-other-account"]


def test_an_edit_in_the_admin_shows_on_the_results_page(editor_client):
    before = editor_client.get(RESULTS).content.decode()
    assert "sell it outside the window" not in before
    text = Explanation.objects.get(rule_id=RULE)
    r = editor_client.post(
        CHANGE,
        form_data(
            text,
            explanation="You bought it back too soon. The loss waits in the new shares "
            "until you **sell it outside the window**.",
            last_reviewed="2026-11-28",
        ),
    )
    assert r.status_code == 302, r.context["adminform"].form.errors if r.context else r
    after = editor_client.get(RESULTS).content.decode()
    assert "until you <strong>sell it outside the window</strong>." in after
    assert '<time datetime="2026-11-28">November 28, 2026</time>' in after
    assert 'class="verdict-word">Not now<' in after  # the engine's verdict, unchanged


def test_the_rule_id_cannot_be_changed_and_rows_cannot_be_added_or_deleted(editor_client):
    text = Explanation.objects.get(rule_id=RULE)
    editor_client.post(CHANGE, form_data(text, rule_id="invented-rule"))
    assert not Explanation.objects.filter(rule_id="invented-rule").exists()
    assert editor_client.get("/admin/rules/explanation/add/").status_code == 403
    assert editor_client.post(f"/admin/rules/explanation/{RULE}/delete/").status_code == 403
    assert Explanation.objects.filter(rule_id=RULE).exists()
    changelist = editor_client.get("/admin/rules/explanation/").content.decode()
    assert "/admin/rules/explanation/add/" not in changelist
    assert 'value="delete_selected"' not in changelist


def test_a_superuser_cannot_add_or_delete_either(client):
    client.force_login(User.objects.create_superuser("root", password=PASSWORD))
    assert client.get("/admin/rules/explanation/add/").status_code == 403
    assert client.post(f"/admin/rules/explanation/{RULE}/delete/").status_code == 403


def test_the_change_form_has_help_a_sanitised_preview_and_a_live_link(editor_client):
    text = Explanation.objects.get(rule_id=RULE)
    text.explanation = 'Fine **text**. <script>alert(1)</script><img src=x onerror="alert(1)">'
    text.save()
    r = editor_client.get(CHANGE)
    html = r.content.decode()
    assert "Markdown: leave a blank line between paragraphs" in html  # help text
    preview = html.split("field-preview")[1].split("field-created_at")[0]
    assert "Fine <strong>text</strong>." in preview
    assert "<script" not in preview and "onerror" not in preview and "<img" not in preview
    assert f'<a href="{RESULTS.replace("&", "&amp;")}">' in html
    assert "within 30 days before or after" in html  # the engine's reason, filled in
    assert "{wash_days}" not in html
    # The rendered copies are not editable fields.
    assert 'name="explanation_html"' not in html and 'name="instead_html"' not in html


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rules_live_link_opens_a_page_decided_by_that_rule(editor_client, rule):
    html = editor_client.get(f"/admin/rules/explanation/{rule.id}/change/").content.decode()
    url = re.search(r'<a href="(/results/\?[^"]+)">', html).group(1).replace("&amp;", "&")
    r = editor_client.get(url)
    assert r.status_code == 200
    assert r.context["determination"].rule == rule.id


def test_history_records_who_changed_what_and_revert_restores_it(editor_client, editor):
    text = Explanation.objects.get(rule_id=RULE)
    original = text.explanation
    editor_client.post(CHANGE, form_data(text, explanation="A shorter reason."))
    assert Explanation.objects.get(rule_id=RULE).explanation == "A shorter reason."

    r = editor_client.get(HISTORY)
    assert r.status_code == 200
    html = r.content.decode()
    assert "eddie" in html  # who
    # The editor's change, then the shipped text the content loader added.
    latest, shipped = list(Explanation.history.filter(rule_id=RULE))
    assert latest.history_user == editor and shipped.history_user is None
    assert (latest.history_date.date() == datetime.date.today()) and shipped.history_type == "+"
    assert shipped.history_change_reason == f"Shipped text added from content/en/{RULE}.md"
    changes = {c["field"]: c for c in r.context["page_obj"][0].history_delta_changes}
    assert set(changes) == {"Explanation"}  # the diff shows the one field that changed
    assert str(changes["Explanation"]["new"]) == "A shorter reason."

    revert_url = f"{HISTORY}{shipped.history_id}/"
    form = editor_client.get(revert_url).context["adminform"].form
    assert form.initial["explanation"] == original
    names = ("explanation", "instead", "editor_note", "explanation_es", "instead_es")
    data = {name: form.initial[name] for name in names}
    data["last_reviewed"] = form.initial["last_reviewed"].isoformat()
    r = editor_client.post(revert_url, data)
    assert r.status_code == 302
    restored = Explanation.objects.get(rule_id=RULE)
    assert restored.explanation == original
    assert "61 days" in restored.explanation_html  # re-rendered on save
    assert Explanation.history.filter(rule_id=RULE).count() == 3
    # Back to the shipped text: the loader takes the row as unedited again.
    assert restored.explanation == restored.shipped_explanation
    assert "61 days" in editor_client.get(RESULTS).content.decode()


# --- manage.py create_editor


def test_create_editor_makes_a_staff_account_in_the_editors_group(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)
    call_command("create_editor", "ann", "--email", "ann@example.org", "--noinput")
    ann = User.objects.get(username="ann")
    assert ann.is_staff and not ann.is_superuser and ann.check_password(PASSWORD)
    assert list(ann.groups.values_list("name", flat=True)) == [EDITORS_GROUP]


def test_create_editor_prompts_for_the_password(monkeypatch):
    answers = iter(["mismatch-1-long-enough", "mismatch-2-long-enough", PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_editor", "bea")
    assert User.objects.get(username="bea").check_password(PASSWORD)


def test_create_editor_turns_an_existing_user_into_an_editor_without_touching_the_password():
    User.objects.create_user("cy", password=PASSWORD)
    call_command("create_editor", "cy", "--noinput")
    cy = User.objects.get(username="cy")
    assert cy.is_staff and cy.groups.filter(name=EDITORS_GROUP).exists()
    assert cy.check_password(PASSWORD)


def test_create_editor_refuses_a_weak_or_missing_password(monkeypatch):
    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        call_command("create_editor", "dee", "--noinput")
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "123")
    with pytest.raises(CommandError, match="too short"):
        call_command("create_editor", "dee", "--noinput")
    assert not User.objects.filter(username="dee").exists()


# --- A shipped text that changed under an editor's change


def shipped_change_under_an_edit() -> tuple[str, str]:
    """An editor's change to RULE's explanation, then a release that rewords its file."""
    from rules import content
    from rules.content.loader import load

    text = Explanation.objects.get(rule_id=RULE)
    text.explanation = "The editor's own why.\n\nIn two paragraphs."
    text.save()
    shipped = content.read("en")
    old = shipped[RULE].explanation
    new = old.replace("wash sale", "wash-sale purchase", 1)
    assert new != old
    files = {**shipped, RULE: dataclasses.replace(shipped[RULE], explanation=new)}
    assert load(files).due_for_review == [RULE]
    return old, new


def test_the_list_shows_a_shipped_change_under_an_edit_as_due_for_review(editor_client):
    shipped_change_under_an_edit()
    html = editor_client.get("/admin/rules/explanation/").content.decode()
    assert html.count('class="review-due"') == 1
    assert "Due for review: the shipped text changed under an editor’s change" in html
    r = editor_client.get("/admin/rules/explanation/?review=due")
    assert [t.rule_id for t in r.context["cl"].result_list] == [RULE]


def test_the_change_form_shows_the_diff_and_a_new_review_date_clears_it(editor_client):
    shipped_change_under_an_edit()
    html = editor_client.get(CHANGE).content.decode()
    diff = html.split('<div class="shipped-diff">', 1)[1].split("</div>", 1)[0]
    assert diff.startswith(
        "A <del>wash</del><ins>wash-sale</ins> <del>sale</del><ins>purchase</ins>"
    )
    # The new shipped text in full, to copy from.
    assert "A wash-sale purchase happens when" in html.split('<div class="shipped-new">', 1)[1]
    assert "Struck-through words left the shipped text" in html

    text = Explanation.objects.get(rule_id=RULE)
    # Saving without a new review date keeps it due; with one, it is reviewed.
    assert editor_client.post(CHANGE, form_data(text)).status_code == 302
    assert Explanation.objects.get(rule_id=RULE).shipped_changes()
    later = (text.last_reviewed + datetime.timedelta(days=1)).isoformat()
    assert editor_client.post(CHANGE, form_data(text, last_reviewed=later)).status_code == 302
    text = Explanation.objects.get(rule_id=RULE)
    assert text.shipped_changes() == {}
    assert text.explanation == "The editor's own why.\n\nIn two paragraphs."
    assert "No change in the shipped text is waiting" in editor_client.get(CHANGE).content.decode()


def test_a_text_sent_back_unedited_with_cr_lf_is_not_changed(editor_client):
    """Issue 25 #21: a browser ends a text box's lines with CR LF; the text kept is the
    same, so the history shows no phantom change to it."""
    text = Explanation.objects.get(rule_id=RULE)
    assert "\n" in text.explanation and "\r" not in text.explanation
    r = editor_client.post(
        CHANGE,
        form_data(
            text,
            explanation=text.explanation.replace("\n", "\r\n"),
            instead=text.instead.replace("\n", "\r\n") + "\r\n- Keep the trade confirmations.",
            last_reviewed="2026-11-28",
        ),
    )
    assert r.status_code == 302
    saved = Explanation.objects.get(rule_id=RULE)
    assert saved.explanation == text.explanation
    assert "\r" not in saved.instead and saved.instead.endswith("- Keep the trade confirmations.")


def test_the_history_marks_the_live_version_and_an_older_shipped_one(editor_client):
    """Issue 25 #21: the revert list had no "live" marker, and an old shipped text went
    live with no word of warning."""
    text = Explanation.objects.get(rule_id=RULE)
    editor_client.post(CHANGE, form_data(text, explanation="A shorter reason."))
    html = editor_client.get(HISTORY).content.decode()
    assert html.count("Live now") == 1
    assert "Older shipped text" not in html  # the shipped text is still today's
    # An update of the site ships new words: the first version is now an older one.
    Explanation.objects.filter(rule_id=RULE).update(shipped_explanation="Newer words.")
    html = editor_client.get(HISTORY).content.decode()
    assert html.count("Live now") == 1
    assert "Older shipped text: reverting brings back words an update replaced" in html
