"""Editor text on the results page: seeded for every rule, one query, cacheable, safe."""

from __future__ import annotations

import datetime
import functools
import re

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from questionnaire import versioning
from rules import engine, law, linking
from rules.answers import answers as A
from rules.models import Explanation
from rules.rulebook import RULES_BY_ID
from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db
FACTS = law.facts(NOW)
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


# Facts and figures the text must carry over from the law the rule rests on.
SEEDED_FACTS = [
    ("sheltered-no-realisation", ["408(e)(1)", "Fish v. Commissioner", "2015-176"]),
    ("rollover-carries-over", ["60 days", "1.408A-10", "Q&A-3", "Topic 413"]),
    ("partial-withdrawal-no-loss", ["408(d)(2)", "59½", "10%", "72(t)"]),
    ("pre-tax-no-basis", ["Publication 575", "590-B", "10%", "25%"]),
    ("hsa-no-basis", ["20%", "10%", "2011", "65", "Publication 969", "223(f)"]),
    ("ira-basis-loss-2-percent", [FACTS["floor"], "67(a)", "408(d)(2)", "Form 8606", "56(b)"]),
    ("plan-basis-loss-2-percent", [FACTS["floor"], "67(a)", "72-305", "less certain"]),
    ("basis-loss-suspended-tcja", ["67(g)", "115-97", "2018 through 2025"]),
    ("basis-loss-terminated", ["67(h)", "119-21", "70110", "educator"]),
    ("taxable-unrealised", [FACTS["limit"], FACTS["limit_separate"], f"{FACTS['wash_days']} days"]),
    ("capital-loss-sale", [FACTS["limit"], FACTS["limit_separate"], "1211(b)", "1212(b)"]),
    ("worthless-security", ["165(g)", "last day", FACTS["limit"]]),
    ("wash-sale-deferred", [f"{FACTS['wash_days']} days", "61 days", "spouse", "1091"]),
    ("wash-sale-into-ira", ["2008-5", f"{FACTS['wash_days']} days", "for good"]),
    ("unsure-depends", ["Form 8606", "before 2018"]),
    ("unsure-no-either-way", ["Form 8606", "2018"]),
    # Version 2's rules (migration 0006).
    ("hsa-partial-withdrawal", ["20%", "10%", "2011", "65", "223(f)", "Publication 969"]),
    ("basis-covered-no-loss", ["408(d)(2)", "89-25", "72-305", "pre-tax", "Form 8606"]),
    ("related-party-sale", ["267(a)(1)", "267(d)", "1041"]),
    ("section-1244-sale", ["$50,000", "$100,000", "Form 4797"]),
    ("section-1244-worthless", ["165(g)", "6511(d)(1)", "7 years"]),
    ("worthless-crypto-2-percent", ["202302011", "2014-21", "165(c)(2)", "67(a)"]),
    ("worthless-crypto-not-allowed", ["202302011", "2014-21", "67(g)", "67(h)"]),
    ("crypto-no-wash-sale", ["1091(a)", "2014-21", f"{FACTS['wash_days']} days"]),
    ("unsure-yes-either-way", ["1211(b)", "1244(b)"]),
]


def test_the_facts_table_names_every_rule():
    assert {rule_id for rule_id, _ in SEEDED_FACTS} == set(RULES_BY_ID)


@pytest.mark.parametrize(("rule_id", "facts"), SEEDED_FACTS, ids=[r for r, _ in SEEDED_FACTS])
def test_the_seeded_text_carries_the_rules_facts_and_citations(rule_id, facts):
    text = Explanation.objects.get(rule_id=rule_id)
    body = text.explanation + " " + text.instead
    for fact in facts:
        assert fact in body, fact


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


def test_a_not_sure_answer_shows_how_to_find_out_right_after_its_branches(client):
    r = client.get(DEPENDS)
    assert r.context["determination"].rule == "unsure-depends"
    html = r.content.decode()
    after = html.split('id="branches-heading"')[1].split("</section>", 1)[1]
    find_out = after.split('id="next-heading">', 1)[1].split("</section>")[0]
    assert find_out.startswith("How to find out which kind you have</h2>")
    # The 401(k) saver's steps, not the IRA owner's or the brokerage customer's.
    assert "the plan's statements or your pay stubs show" in find_out
    assert "Form 8606, filed with your tax returns" not in find_out
    assert "Form 1099-B" not in find_out
