"""A saver tells the editors whether a page helped: with JavaScript and without."""

from __future__ import annotations

import re

import pytest

from rules.models import Feedback
from tests.browser.pages import NO, RESULTS, YES

pytestmark = pytest.mark.django_db(transaction=True)

SALE = RESULTS["results-capital-loss"]
COMMENT = "Which line of Schedule D? Reach me at jane.doe@gmail.com or (415) 867-5309."
SCRUBBED = "Which line of Schedule D? Reach me at [email removed] or [phone number removed]."


def test_with_javascript_no_and_a_comment_are_sent_without_leaving_the_page(page, site):
    page.goto(site + SALE)
    page.get_by_role("button", name=NO).click()
    box = page.get_by_label("What were you trying to find out? (optional)")
    box.wait_for()
    assert page.locator(".feedback-status").inner_text().startswith("Thank you.")
    assert box.evaluate("el => el === document.activeElement")
    box.fill(COMMENT)
    page.get_by_role("button", name="Send").click()
    status = page.locator(".feedback-status")
    status.filter(has_text="An editor will read your comment").wait_for()
    assert page.url == site + SALE  # never left the page
    assert not box.is_visible()
    f = Feedback.objects.get()
    assert (f.rule_id, f.useful, f.comment) == ("capital-loss-sale", False, SCRUBBED)
    assert f.answers == SALE.split("?", 1)[1]


def test_with_javascript_yes_on_the_tables_page_thanks_in_place(page, site):
    page.goto(site + "/tables/")
    page.get_by_role("button", name=YES).click()
    page.locator(".feedback-status").filter(has_text="Thank you for your feedback.").wait_for()
    assert page.url == site + "/tables/"
    assert not page.get_by_role("button", name=YES).is_visible()
    f = Feedback.objects.get()
    assert (f.rule_id, f.useful) == ("tables", True)


def test_without_javascript_no_leads_to_a_comment_page_and_back(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + SALE)
        # The comment box waits for "No"; the plain form posts and the server answers.
        assert not page.get_by_label("What were you trying to find out? (optional)").is_visible()
        page.get_by_role("button", name=NO).click()
        page.wait_for_url(re.compile(r".*/feedback/comment/\?token=.*"))
        assert page.locator("h1").inner_text() == "What were you trying to find out?"
        page.get_by_label("What were you trying to find out?").fill(COMMENT)
        page.get_by_role("button", name="Send").click()
        page.wait_for_url(re.compile(r".*/feedback/thanks/.*"))
        assert "An editor will read your comment" in page.locator("main").inner_text()
        page.get_by_role("link", name="Back to your answer").click()
        page.wait_for_url(site + SALE)
        assert context.cookies() == []  # no cookie at any step
    finally:
        context.close()
    f = Feedback.objects.get()
    assert (f.useful, f.comment) == (False, SCRUBBED)


def test_without_javascript_a_too_long_comment_shows_the_error_summary(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + SALE)
        page.get_by_role("button", name=NO).click()
        page.wait_for_url(re.compile(r".*/feedback/comment/.*"))
        # Past the textarea's own limit, as a script or an old browser might send.
        page.evaluate("document.querySelector('textarea').removeAttribute('maxlength')")
        page.get_by_label("What were you trying to find out?").fill("a" * 1001)
        page.get_by_role("button", name="Send").click()
        summary = page.locator(".error-summary")
        assert "1,000 characters or fewer" in summary.inner_text()
        assert page.title().startswith("Error:")
    finally:
        context.close()
    assert Feedback.objects.get().comment == ""


def test_the_editors_feedback_list_has_no_accessibility_violations(page, site):
    from django.contrib.auth.models import Group, User

    from rules.models import EDITORS_GROUP
    from tests.browser.checks import axe_violations

    Feedback.objects.create(rule_id="capital-loss-sale", answers="x=y", useful=False, comment="Hm")
    user = User.objects.create_user("fb-editor", password="a-long-passphrase-55", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill("fb-editor")
    page.get_by_label("Password").fill("a-long-passphrase-55")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(site + "/admin/")
    page.goto(site + "/admin/rules/feedback/")
    assert page.get_by_role("heading", name="Feedback per page").is_visible()
    assert axe_violations(page) == []


def test_a_vote_answered_502_after_it_was_stored_is_not_stored_again_on_retry(page, site):
    """Item 9: the proxy answers 502 although the vote reached the database; the script
    falls back to the plain form post with the same request_key: one row."""
    posts = []

    def first_post_lost(route):
        posts.append(route.request.post_data or "")
        if len(posts) == 1:
            route.fetch()  # the server stores the vote...
            route.fulfill(status=502, body="<h1>Bad gateway</h1>", content_type="text/html")
        else:
            route.continue_()

    page.route("**/feedback/", first_post_lost)
    page.goto(site + SALE)
    page.get_by_role("button", name=YES).click()
    page.wait_for_url(re.compile(r".*/feedback/thanks/.*"))
    assert len(posts) == 2
    keys = [re.search(r"request_key=([0-9a-f]{32})", p).group(1) for p in posts]
    assert keys[0] == keys[1]
    f = Feedback.objects.get()  # one row, not two
    assert (f.rule_id, f.useful, f.request_key) == ("capital-loss-sale", True, keys[0])
