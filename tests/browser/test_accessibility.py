"""axe-core on the admin: zero WCAG 2.1 A and AA violations (every page and state of the
site is checked in tests/browser/test_every_page.py), and an editor's change in a real
browser."""

from __future__ import annotations

import pytest

from tests.browser.checks import axe_violations as _violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-browser-passphrase-7"


@pytest.fixture
def editor_page(page, site):
    from django.contrib.auth.models import Group, User

    from rules.models import EDITORS_GROUP

    user = User.objects.create_user("axe-editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill("axe-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(site + "/admin/")
    return page


def test_the_admin_login_page_has_no_violations(page, site):
    page.goto(site + "/admin/login/")
    assert _violations(page) == []


def test_the_admin_change_form_has_no_violations(editor_page, site):
    editor_page.goto(site + "/admin/rules/explanation/capital-loss-sale/change/")
    editor_page.locator("#id_explanation").wait_for()
    assert _violations(editor_page) == []


def test_the_admin_change_form_with_a_shipped_change_to_review_has_no_violations(editor_page, site):
    import dataclasses

    from rules import content
    from rules.content.loader import load
    from rules.models import Explanation

    rule = "capital-loss-sale"
    text = Explanation.objects.get(rule_id=rule)
    text.explanation = "An editor's own why.\n\nIn two paragraphs."
    text.save()
    shipped = content.read("en")
    reworded = shipped[rule].explanation.replace("capital loss", "loss on capital", 1)
    load({**shipped, rule: dataclasses.replace(shipped[rule], explanation=reworded)})

    editor_page.goto(site + "/admin/rules/explanation/?review=due")
    assert (
        "the shipped text changed under an editor"
        in editor_page.locator("#result_list").inner_text()
    )
    assert _violations(editor_page) == []
    editor_page.goto(site + f"/admin/rules/explanation/{rule}/change/")
    editor_page.locator(".shipped-diff del").first.wait_for()
    assert _violations(editor_page) == []


def test_an_editor_change_made_in_the_browser_shows_on_the_results_page(editor_page, site):
    page = editor_page
    page.goto(site + "/admin/rules/explanation/capital-loss-sale/change/")
    field = page.locator("#id_explanation")
    field.fill(field.input_value() + "\n\nEdited in a real browser <script>alert(1)</script>.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto(site + "/results/?account=taxable&event=sold-at-loss")
    page.get_by_text("More about the law behind this answer").click()  # where "Why" goes on
    body = page.locator("main").inner_text()
    assert "Edited in a real browser" in body
    assert page.locator("main script").count() == 0
