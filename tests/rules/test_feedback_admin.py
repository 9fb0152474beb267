"""Editors read savers' feedback per page, mark it dealt with and download it; only
administrators delete it."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from rules.feedback.admin import per_page_counts
from rules.models import EDITORS_GROUP, Feedback

pytestmark = pytest.mark.django_db
LIST = "/admin/rules/feedback/"
SALE = "account=taxable&event=sold-at-loss&asset=securities&year=2026"
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


@pytest.fixture
def admin_client_(client):
    client.force_login(User.objects.create_superuser("root", password=PASSWORD))
    return client


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def feedback(db) -> list[Feedback]:
    rows = [
        # (page, answers, useful, comment, days ago)
        ("capital-loss-sale", SALE, True, "", 1),
        ("capital-loss-sale", SALE, False, "Where does this go on Schedule D?", 2),
        ("capital-loss-sale", SALE, False, "", 29),  # still within the last 30 days
        ("capital-loss-sale", SALE, False, "Old question", 30),  # just outside
        ("tables", "", False, '=HYPERLINK("http://x")', 3),
        ("wash-sale-deferred", "account=taxable&event=wash-sale&asset=securities", True, "", 100),
    ]
    return [
        Feedback.objects.create(rule_id=p, answers=a, useful=u, comment=c, created_on=days_ago(d))
        for p, a, u, c, d in rows
    ]


def test_counts_per_page_for_the_last_30_days_and_all_time(feedback):
    rows = {r["rule_id"]: r for r in per_page_counts(Feedback.objects.all(), timezone.localdate())}
    sale = rows["capital-loss-sale"]
    assert (sale["useful_recent"], sale["not_useful_recent"]) == (1, 2)
    assert (sale["useful_all"], sale["not_useful_all"]) == (1, 3)
    assert sale["open_comments"] == 2
    assert rows["tables"]["label"] == "Comparison tables"
    assert (
        rows["wash-sale-deferred"]["useful_recent"],
        rows["wash-sale-deferred"]["useful_all"],
    ) == (
        0,
        1,
    )
    # The page with the most "not useful" lately first.
    order = [r["rule_id"] for r in per_page_counts(Feedback.objects.all(), timezone.localdate())]
    assert order[0] == "capital-loss-sale"


def test_the_editors_list_shows_the_counts_table_and_the_comments(
    editor_client, feedback, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        r = editor_client.get(LIST)
    assert r.status_code == 200
    html = r.content.decode()
    assert '<h2 id="per-page-heading">Feedback per page</h2>' in html
    assert "Where does this go on Schedule D?" in html
    assert ('<a href="?page=capital-loss-sale">An investment in a taxable account was sold at a '
            'loss (capital-loss-sale)</a>') in html  # what the saver saw, then the rule
    assert 'href="/admin/rules/explanation/capital-loss-sale/change/"' in html
    assert r.context["cl"].result_count == 6


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("page=capital-loss-sale", 4),
        ("page=tables", 1),
        ("useful__exact=1", 2),
        ("comment=open", 3),
        ("comment=none", 3),
        ("dealt_with__exact=0", 6),
        (f"created_on__gte={days_ago(7).isoformat()}", 3),
        ("q=Schedule", 1),
    ],
)
def test_filters_by_page_usefulness_comment_date_and_search(editor_client, feedback, query, count):
    r = editor_client.get(f"{LIST}?{query}")
    assert r.status_code == 200
    assert r.context["cl"].result_count == count


def test_an_editor_marks_comments_as_dealt_with(editor_client, feedback):
    ids = [str(f.pk) for f in feedback if f.comment]
    r = editor_client.post(
        LIST, {"action": "mark_dealt_with", "_selected_action": ids}, follow=True
    )
    assert r.status_code == 200
    assert "3 marked as dealt with." in r.content.decode()
    assert Feedback.objects.filter(dealt_with=True).count() == 3
    assert editor_client.get(f"{LIST}?comment=open").context["cl"].result_count == 0


def test_an_editor_can_tick_dealt_with_on_one_feedback_but_change_nothing_else(
    editor_client, feedback
):
    f = feedback[1]
    url = f"{LIST}{f.pk}/change/"
    r = editor_client.get(url)
    assert r.status_code == 200
    form = r.context["adminform"].form
    assert list(form.fields) == ["dealt_with"]
    r = editor_client.post(url, {"dealt_with": "on", "comment": "rewritten", "useful": "on"})
    assert r.status_code == 302
    f.refresh_from_db()
    assert f.dealt_with and f.comment == "Where does this go on Schedule D?" and not f.useful


def test_csv_export_of_the_selected_feedback_defuses_formulas(editor_client, feedback):
    r = editor_client.post(
        LIST, {"action": "export_csv", "_selected_action": [str(f.pk) for f in feedback]}
    )
    assert r.status_code == 200
    assert r["Content-Type"] == "text/csv; charset=utf-8"
    assert r["Content-Disposition"].startswith('attachment; filename="feedback-')
    assert r.streaming  # written a few rows at a time, never built whole in memory
    rows = list(csv.reader(io.StringIO(b"".join(r.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["date", "page", "answers", "useful", "comment", "dealt with"]
    assert len(rows) == 7
    assert [days_ago(1).isoformat(), "capital-loss-sale", SALE, "yes", "", "no"] in rows
    tables = next(row for row in rows if row[1] == "tables")
    assert tables[4] == '\'=HYPERLINK("http://x")'


def test_editors_cannot_add_or_delete_feedback(editor_client, feedback):
    f = feedback[0]
    assert editor_client.get(f"{LIST}add/").status_code == 403
    assert editor_client.get(f"{LIST}{f.pk}/delete/").status_code == 403
    r = editor_client.post(LIST, {"action": "delete_selected", "_selected_action": [str(f.pk)]})
    assert Feedback.objects.filter(pk=f.pk).exists()
    assert r.status_code in (200, 302)
    actions = editor_client.get(LIST).context["action_form"].fields["action"].choices
    assert "delete_selected" not in [a for a, _ in actions]


def test_an_administrator_can_delete_feedback(admin_client_, feedback):
    f = feedback[0]
    r = admin_client_.post(f"{LIST}{f.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302
    assert not Feedback.objects.filter(pk=f.pk).exists()


def test_a_comment_posted_from_a_results_page_reaches_the_editors_list_scrubbed(client, editor):
    r = client.post("/feedback/", {"page": SALE, "useful": "no"}, HTTP_ORIGIN="http://testserver")
    token = r["Location"].split("token=")[1]
    from urllib.parse import unquote

    client.post(
        "/feedback/",
        {"token": unquote(token), "comment": "Call me on 415-867-5309 about line 7"},
        HTTP_ORIGIN="http://testserver",
    )
    client.force_login(editor)
    html = client.get(f"{LIST}?comment=open").content.decode()
    assert "Call me on [phone number removed] about line 7" in html
    assert "867-5309" not in html
