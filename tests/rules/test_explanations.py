"""Editor text on the results page: seeded for every rule, one query, cacheable, safe."""

from __future__ import annotations

import datetime
import functools
import re
from html import unescape

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from questionnaire import versioning
from rules.law import engine
from rules.law.answers import answers as A
from rules.law.rulebook import RULES_BY_ID
from rules.models import Explanation
from rules.web import linking
from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db
SALE = f"/results/?account=taxable&event=sold-at-loss&asset=securities&year={NOW}"
DEPENDS = (
    "/results/?account=traditional-401k&event=closed-at-loss&contribution=unsure"
    "&received=unsure&year=2017"
)


def rule_messages(**kwargs) -> list[checks.CheckMessage]:
    return [m for m in checks.run_checks(**kwargs) if m.id and m.id.startswith("rules.")]


# --- The seeded texts


def test_the_seeded_texts_cover_every_rule_and_nothing_else():
    assert set(Explanation.objects.values_list("rule_id", flat=True)) == set(RULES_BY_ID)


def words(html: str) -> str:
    """The words of a bit of HTML, whatever links sit inside them."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@functools.cache
def accounts_by_rule() -> dict[str, set[str]]:
    """The accounts each rule answers for, "not sure" included."""
    found: dict[str, set[str]] = {}
    for a in engine.all_answers(NOW):
        found.setdefault(engine.determine(a).rule, set()).add(a.account)
    return found


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_every_seeded_text_is_real_reviewed_prose_with_one_to_three_next_steps(rule_id):
    text = Explanation.objects.get(rule_id=rule_id)
    # As each saver the rule answers sees it: only what is for their account.
    for account in sorted(accounts_by_rule()[rule_id]):
        why = linking.tailor(text.explanation_html, account)
        steps = linking.tailor(text.instead_html, account)
        assert 2 <= len(re.findall(r"<p[ >]", why)) <= 4, account
        assert "<ul>" in steps and 1 <= len(re.findall(r"<li[ >]", steps)) <= 3, account
    for placeholder in ("TODO", "TBD", "lorem", "placeholder", "{", "XXX"):
        assert placeholder.lower() not in (text.explanation + text.instead).lower()
    assert text.last_reviewed <= datetime.date.today()
    assert text.editor_note
    # One line per paragraph, as an editor would type it in the admin.
    assert all(line == "" or not line.startswith(" ") for line in text.explanation.split("\n"))
    assert Explanation.history.filter(rule_id=rule_id, history_type="+").exists()


# --- Saving


def test_saving_renders_the_markdown_and_sanitises_it():
    text = Explanation.objects.get(rule_id="capital-loss-sale")
    text.explanation = "A **new** reason. <script>alert(1)</script>[x](javascript:alert(1))"
    text.save()
    text.refresh_from_db()
    assert text.explanation_html.startswith("<p>A <strong>new</strong> reason.")
    assert "<script" not in text.explanation_html and "javascript:" not in text.explanation_html


def test_saving_only_the_source_still_updates_its_html():
    text = Explanation.objects.get(rule_id="capital-loss-sale")
    text.instead = "- one\n- two"
    text.save(update_fields=["instead"])
    text.refresh_from_db()
    assert text.instead_html == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"


# --- The results page


def test_the_results_page_shows_the_editor_text_the_review_date_and_the_engines_verdict(client):
    text = Explanation.objects.get(rule_id="capital-loss-sale")
    text.explanation = "Edited *why* paragraph."
    text.instead = "- Edited next step"
    text.last_reviewed = datetime.date(2026, 3, 2)
    text.save()
    html = client.get(SALE).content.decode()
    assert "<p>Edited <em>why</em> paragraph.</p>" in html
    assert "<li>Edited next step</li>" in html
    assert 'Last reviewed: <time datetime="2026-03-02">March 2, 2026</time>' in html
    # The verdict and headline are the engine's, whatever the text says.
    assert 'class="verdict-word">Yes<' in html
    assert engine.determine(A("taxable", "sold-at-loss", year=NOW)).headline in html


def test_a_not_sure_answer_says_how_to_find_out_then_the_answer_for_each_possibility(client):
    r = client.get(DEPENDS)
    assert r.context["determination"].rule == "unsure-depends"
    html = r.content.decode()
    assert html.index('id="next-heading"') < html.index('id="branches-heading"')
    find_out = html.split('id="next-heading">', 1)[1].split("</section>")[0]
    assert find_out.startswith("How to find out which kind you have</h2>")
    # The 401(k) saver's steps, not the IRA owner's or the brokerage customer's.
    assert "the plan's statements or your pay stubs show" in find_out
    assert "Form 8606, filed with your tax returns" not in find_out
    assert "Form 1099-B" not in find_out

def test_the_results_page_reads_the_text_in_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        r = client.get(SALE)
    assert r.status_code == 200


def test_a_missing_text_falls_back_to_the_engines_words(client, django_assert_num_queries):
    Explanation.objects.filter(rule_id="capital-loss-sale").delete()
    with django_assert_num_queries(1):
        r = client.get(SALE)
    assert r.status_code == 200
    d = r.context["determination"]
    html = r.content.decode()
    # The engine's own line, with its forms linked.
    assert words(d.instead) in words(html)
    assert "last reviewed" not in html.lower()


def test_a_database_error_still_gets_the_answer_with_the_seeded_text(client, monkeypatch):
    from rules.editor import texts

    # A query the database refuses, as it would if the table were missing or locked.
    monkeypatch.setattr(texts, "_ALL_SQL", "SELECT no_such_column FROM no_such_table")
    r = client.get(SALE)
    assert r.status_code == 200
    html = r.content.decode()
    seeded = texts.seeded()["capital-loss-sale"]
    # The page links glossary words and forms inside the text: compare the words.
    assert words(seeded.explanation_html) in words(html)
    assert words(seeded.instead_html) in words(html)


def test_redirects_and_bad_links_need_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get(SALE.replace("year=", "x=1&year=")).status_code == 301
        assert client.get("/results/?account=taxable&event=rolled-over").status_code == 400


# --- Conditional requests


def test_the_results_page_sends_an_etag_and_answers_a_match_with_304(
    client, django_assert_num_queries
):
    etag = client.get(SALE)["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    with django_assert_num_queries(1):
        r = client.get(SALE, HTTP_IF_NONE_MATCH=etag)
    assert r.status_code == 304
    assert r["ETag"] == etag and r.content == b""


def test_the_etag_changes_when_an_editor_saves_the_text(client):
    etag = client.get(SALE)["ETag"]
    Explanation.objects.get(rule_id="capital-loss-sale").save()
    r = client.get(SALE, HTTP_IF_NONE_MATCH=etag)
    assert r.status_code == 200
    assert r["ETag"] != etag


def test_an_editors_change_shows_at_once_on_a_page_this_process_has_rendered(client):
    # The linked texts are kept per process (rules.web.result_page._linked): keyed by the
    # text itself, so a saved edit is a new text, for this answer and for others.
    other = SALE.replace(f"year={NOW}", f"year={NOW - 1}")
    assert "A freshly edited reason" not in client.get(SALE).content.decode()
    text = Explanation.objects.get(rule_id="capital-loss-sale")
    text.explanation = "A freshly edited reason about basis."
    text.instead = "- Keep the freshly edited records."
    text.save()
    for url in (SALE, other):
        html = client.get(url).content.decode()
        assert "A freshly edited reason about" in html
        assert "Keep the freshly edited records." in html


def test_the_etag_differs_between_answers_and_with_the_site_version(client, monkeypatch):
    worthless = client.get(SALE.replace("sold-at-loss", "worthless"))["ETag"]
    sale = client.get(SALE)["ETag"]
    assert worthless != sale
    # The site version covers the rules, the templates and the static files.
    monkeypatch.setattr(versioning, "SITE_VERSION", "a-new-version")
    assert client.get(SALE)["ETag"] != sale


# --- The system check


def test_the_check_is_quiet_when_every_rule_has_a_text():
    assert rule_messages(databases=["default"]) == []
    call_command("check", "--database", "default", verbosity=0)


def test_the_check_reports_a_rule_without_text_and_a_text_without_rule(monkeypatch):
    from rules import content

    Explanation.objects.filter(rule_id__in=["wash-sale-deferred", "capital-loss-sale"]).delete()
    Explanation.objects.create(
        rule_id="retired-rule", explanation="x", instead="y", last_reviewed=datetime.date.today()
    )
    shipped = dict(content.read())
    del shipped["wash-sale-deferred"]  # no content file either
    monkeypatch.setattr(content, "read", lambda language="en": shipped)
    messages = rule_messages(databases=["default"])
    assert [(m.id, m.obj) for m in messages] == [
        ("rules.E001", "wash-sale-deferred"),
        ("rules.W002", "capital-loss-sale"),  # its file is loaded at the end of migrate
        ("rules.W001", "retired-rule"),
    ]
    assert [m.level for m in messages[1:]] == [checks.WARNING, checks.WARNING]
    with pytest.raises(SystemCheckError, match="wash-sale-deferred"):
        call_command("check", "--database", "default", verbosity=0)


def test_the_check_needs_the_database_option_so_ordinary_checks_touch_no_database(
    django_assert_num_queries,
):
    Explanation.objects.filter(rule_id="wash-sale-deferred").delete()
    with django_assert_num_queries(0):
        assert rule_messages() == []


def test_the_check_waits_for_the_table_and_for_pending_migrations(monkeypatch):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    Explanation.objects.filter(rule_id="wash-sale-deferred").delete()
    monkeypatch.setattr(
        MigrationExecutor, "migration_plan", lambda self, targets: [("rules", "9999_new")]
    )
    assert rule_messages(databases=["default"]) == []
    monkeypatch.undo()
    monkeypatch.setattr(connection.introspection, "table_names", lambda *a, **k: [])
    assert rule_messages(databases=["default"]) == []


def test_the_pre_tax_text_names_the_457b_exception():
    text = Explanation.objects.get(rule_id="pre-tax-no-basis")
    assert "A governmental 457(b) has no 10% additional tax" in text.instead
    assert "457(b)" in text.instead_html
