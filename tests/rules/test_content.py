"""The shipped texts in rules/content/en/: every file read once, checked as a reviewer would.

What the loader does with them is tests/rules/test_content_loader.py; how a database
from before the content files upgrades is tests/rules/test_content_upgrade.py.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from pathlib import Path

import pytest

from rules import content
from rules.editor import markup, review, texts
from rules.law import audiences, engine
from rules.law import parameters as law
from rules.law.rulebook import RULES_BY_ID
from rules.models import Explanation
from rules.web import linking
from tests import spelling
from tests.conftest import CURRENT as NOW

SHIPPED = content.read("en")
FILES = sorted(content.folder("en").glob("*"))
FACTS = law.facts(NOW)
SLUG_IN_BACKTICKS = re.compile(r"`[a-z0-9]+(-[a-z0-9]+)+`")
HREF = re.compile(r'href="([^"]*)"')


@functools.cache
def html(rule_id: str) -> tuple[str, str]:
    text = SHIPPED[rule_id]
    return markup.render(text.explanation), markup.render(text.instead)


# --- The files


def test_every_rule_has_one_file_and_every_file_is_a_rule():
    assert [p.suffix for p in FILES] == [".md"] * len(FILES)  # nothing else in the folder
    assert set(SHIPPED) == set(RULES_BY_ID)
    assert [p.stem for p in FILES] == sorted(SHIPPED)


def test_english_and_its_spanish_translation_are_the_language_folders():
    assert content.languages() == ["en", "es"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_reads_back_as_it_would_be_written(path):
    # The files are in the one form rules.content.render writes, so a new rule's file
    # can be written the same way and a reviewer sees the same layout in every file.
    assert content.render(SHIPPED[path.stem]) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_the_front_matter_is_reviewed_noted_and_lists_the_rules_sources(rule_id):
    text = SHIPPED[rule_id]
    assert datetime.date(2026, 11, 1) <= text.reviewed <= datetime.date.today()
    assert text.editor_note
    # The reviewer reads the citations the rule rests on: every one of them, and no other.
    assert list(text.sources) == [content.source_line(c) for c in RULES_BY_ID[rule_id].references]


# --- Writing rules


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_no_british_spelling_in_the_texts_or_the_note(rule_id):
    text = SHIPPED[rule_id]
    why, steps = html(rule_id)
    assert spelling.british(spelling.visible_text(why + " " + steps)) == []
    assert spelling.british(text.editor_note) == []


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_the_texts_have_the_shape_of_the_results_page(rule_id):
    text = SHIPPED[rule_id]
    why, steps = html(rule_id)
    body = text.explanation + "\n" + text.instead
    assert len(re.findall(r"<p[ >]", why)) >= 2
    assert "<ul>" in steps and len(re.findall(r"<li[ >]", steps)) >= 2
    assert "<ol>" not in why + steps
    # No template braces, slugs or code; one line per paragraph or list item.
    assert "{" not in body and "`" not in body and not SLUG_IN_BACKTICKS.search(body)
    assert all(not line.startswith(" ") for line in body.split("\n"))
    for placeholder in ("TODO", "TBD", "lorem", "placeholder", "XXX"):
        assert placeholder.lower() not in body.lower()
    links = HREF.findall(why + steps)
    assert all(link.startswith("https://") for link in links), links


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_every_account_tag_names_accounts_we_know(rule_id):
    text = SHIPPED[rule_id]
    for source, rendered in zip((text.explanation, text.instead), html(rule_id), strict=True):
        assert audiences.unknown_names(source) == []
        assert "[For " not in rendered  # every tag became data-for


@functools.cache
def accounts_by_rule() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for a in engine.all_answers(NOW):
        found.setdefault(engine.determine(a).rule, set()).add(a.account)
    return found


@pytest.mark.parametrize("rule_id", sorted(RULES_BY_ID))
def test_every_saver_a_rule_answers_sees_some_text_and_one_to_three_steps(rule_id):
    why, steps = html(rule_id)
    for account in sorted(accounts_by_rule()[rule_id]):
        assert 2 <= len(re.findall(r"<p[ >]", linking.tailor(why, account))) <= 4, account
        shown = linking.tailor(steps, account)
        assert 1 <= len(re.findall(r"<li[ >]", shown)) <= 3, account


def test_an_ira_owner_is_not_told_about_457b_plans():
    _, steps = html("partial-withdrawal-no-loss")
    assert "457(b)" not in linking.tailor(steps, "traditional-ira")
    assert "457(b)" in linking.tailor(steps, "457b")


def test_an_answer_that_rests_on_our_reading_says_so():
    unsettled = [r.id for r in RULES_BY_ID.values() if r.certainty == "unsettled"]
    assert unsettled
    for rule_id in unsettled:
        assert "<strong>This answer is our reading, not settled law.</strong>" in html(rule_id)[0]


# --- The law each text rests on

# Facts and figures the text must carry over from the law the rule rests on.
SEEDED_FACTS = [
    # C4: California taxes HSA money and earnings (FTB Publication 1001).
    ("sheltered-no-realisation", ["408(e)(1)", "Fish v. Commissioner", "2015-176",
                                  "Publication 1001"]),
    ("rollover-carries-over", ["60 days", "1.408A-10", "Q&A-3", "Topic 413"]),
    # T13: the public-safety age 50 dated (72(t)(10): government plans from 2016,
    # private-sector firefighters from 2023).
    ("partial-withdrawal-no-loss", ["408(d)(2)", "59½", "10%", "72(t)", "72(t)(10)",
                                    "from 2016", "from 2023"]),
    ("pre-tax-no-basis", ["Publication 575", "590-B", "10%", "25%"]),
    ("hsa-no-basis", ["20%", "10%", "2011", "65", "Publication 969", "223(f)",
                      "Publication 1001"]),
    ("ira-basis-loss-2-percent", [FACTS["floor"], "67(a)", "408(d)(2)", "Form 8606",
                                  "alternative minimum tax"]),
    ("plan-basis-loss-2-percent", [FACTS["floor"], "67(a)", "72-305", "less certain"]),
    ("basis-loss-suspended-tcja", ["67(g)", "115-97", "2018 through 2025"]),
    ("basis-loss-terminated", ["67(h)", "119-21", "70110", "educator"]),
    ("taxable-unrealised", [FACTS["limit"], FACTS["limit_separate"], f"{FACTS['wash_days']} days"]),
    ("capital-loss-sale", [FACTS["limit"], FACTS["limit_separate"], "1211(b)", "1212(b)"]),
    ("worthless-security", ["165(g)", "last day", FACTS["limit"]]),
    ("wash-sale-deferred", [f"{FACTS['wash_days']} days", "61 days", "spouse", "1091"]),
    ("wash-sale-into-ira", ["2008-5", f"{FACTS['wash_days']} days", "for good"]),
    # Issue 23 item 7: a spouse's IRA, a 401(k), 403(b) or HSA: not settled.
    ("wash-sale-other-account", ["2008-5", "1091(a)", "Publication 550", "spouse", "401(k)",
                                 "HSA", "payroll contribution"]),
    ("unsure-depends", ["Form 8606", "before 2018"]),
    ("unsure-no-either-way", ["Form 8606", "2018"]),
    # Version 2's rules.
    ("hsa-partial-withdrawal", ["20%", "10%", "2011", "65", "223(f)", "Publication 969",
                                "Publication 1001"]),
    ("basis-covered-no-loss", ["408(d)(2)", "89-25", "72-305", "pre-tax", "Form 8606"]),
    ("related-party-sale", ["267(a)(1)", "267(d)", "1041", "McWilliams"]),
    ("section-1244-sale", ["1244(a) and (b)", "$50,000", "$100,000", FACTS["limit"], "Form 4797"]),
    ("section-1244-worthless", ["1244(a) and (b)", "165(g)", "6511(d)(1)", "7 years"]),
    ("worthless-crypto-2-percent", ["202302011", "2014-21", "165(c)(2)", "67(a)", FACTS["floor"]]),
    ("worthless-crypto-not-allowed", ["202302011", "2014-21", "67(g)", "67(h)", "119-21"]),
    (
        "crypto-no-wash-sale",
        ["1091(a)", "2014-21", f"{FACTS['wash_days']} days", FACTS["limit"], "Form 8949"],
    ),
    ("unsure-yes-either-way", ["1211(b)", "1244(b)", FACTS["limit"], "$50,000"]),
    # Issue 12's rules: inherited IRAs, 529 plans and Coverdell accounts.
    ("inherited-transfer-only", ["408(d)(3)(C)", "Publication 590-B", "trustee", "60 days"]),
    ("inherited-partial-withdrawal", ["72(t)(2)(A)(ii)", "Form 8606", "10%", "408A(d)(2)"]),
    ("inherited-no-basis", ["691(c)", "67(b)(7)", "72(t)(2)(A)(ii)", "Publication 559"]),
    ("inherited-basis-covered", ["Notice 89-25", "Form 8606", "590-B", "691(c)"]),
    ("inherited-basis-loss-2-percent", [FACTS["floor"], "67(a)", "Form 8606", "our reading"]),
    ("inherited-basis-loss-not-allowed", ["67(g)", "67(h)", "119-21", "691(c)"]),
    ("education-no-realisation", ["529(a)", "530(a)", "Publication 970", "529(b)(4)"]),
    ("education-rollover", ["529(c)(3)(C)", "530(d)(5)", "60 days", "$35,000", "ABLE"]),
    ("education-partial-withdrawal", ["529(c)(3)", "530(d)", "Form 1099-Q", "10%"]),
    ("education-loss-2-percent", [FACTS["floor"], "67(a)", "Publication 970", "114-113"]),
    ("education-loss-not-allowed", ["67(g)", "67(h)", "119-21", "Form 1099-Q"]),
    ("conversion-recharacterizable", ["408A(d)(3)", "408A(d)(6)", "1.408A-5", "$100,000"]),
    ("conversion-final", ["408A(d)(3)", "13611", "408A(d)(3)(F)", "Form 8606"]),
]


def test_the_facts_table_names_every_rule():
    assert {rule_id for rule_id, _ in SEEDED_FACTS} == set(RULES_BY_ID)


@pytest.mark.parametrize(("rule_id", "facts"), SEEDED_FACTS, ids=[r for r, _ in SEEDED_FACTS])
def test_the_text_carries_the_rules_facts_and_citations(rule_id, facts):
    text = SHIPPED[rule_id]
    body = text.explanation + " " + text.instead
    for fact in facts:
        assert fact in body, fact


# --- The database and the outage fallback hold the files' texts


@pytest.mark.django_db
def test_every_text_the_migrated_database_holds_is_in_a_content_file():
    rows = list(Explanation.objects.all())
    assert {row.rule_id for row in rows} == set(SHIPPED)
    for row in rows:
        shipped = SHIPPED[row.rule_id]
        assert (row.explanation, row.instead) == (shipped.explanation, shipped.instead)
        assert (row.editor_note, row.last_reviewed) == (shipped.editor_note, shipped.reviewed)
        assert row.reviewed_fingerprint == review.fingerprint(row.rule_id)
        first = Explanation.history.get(rule_id=row.rule_id)
        assert first.history_type == "+"
        assert first.history_change_reason == f"Shipped text added from content/en/{row.rule_id}.md"


def test_the_outage_fallback_is_the_files_rendered():
    seeded = texts.seeded()
    assert set(seeded) == set(SHIPPED)
    for rule_id, text in seeded.items():
        assert (text.explanation_html, text.instead_html) == html(rule_id)
        assert text.last_reviewed == SHIPPED[rule_id].reviewed


# --- Files the reader refuses


GOOD = (content.folder("en") / "capital-loss-sale.md").read_text(encoding="utf-8")
BROKEN = [
    ("no front matter", GOOD.split("---\n", 2)[2]),
    ("another rule's name", GOOD.replace("rule: capital-loss-sale", "rule: worthless-security")),
    ("a date that is not one", GOOD.replace("reviewed: 2026-11-28", "reviewed: last week")),
    ("no note", re.sub(r"editor_note:.*?---", "---", GOOD, flags=re.S)),
    ("no steps", GOOD.replace("# What to do next", "# Next")),
    (
        "steps before the why",
        GOOD.replace("# Explanation", "# X").replace("# What to do next", "# Explanation"),
    ),
    ("an empty text", GOOD.split("# What to do next")[0] + "# What to do next\n\n"),
    ("sources that are not a list", GOOD.replace("sources:\n", "sources: 26 U.S.C. 1211\nx:\n")),
]


@pytest.mark.parametrize(("why", "source"), BROKEN, ids=[w for w, _ in BROKEN])
def test_a_broken_file_is_refused_with_its_name(why, source):
    path = Path("rules/content/en/capital-loss-sale.md")
    with pytest.raises(content.ContentError, match="capital-loss-sale.md"):
        content.parse(source, path)


def test_the_good_file_behind_those_is_read():
    path = Path("rules/content/en/capital-loss-sale.md")
    assert content.parse(GOOD, path) == dataclasses.replace(SHIPPED["capital-loss-sale"], path=path)


# --- Migrations hold the schema, not the texts

MIGRATIONS = Path(content.__file__).resolve().parents[1] / "migrations"
PROSE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def prose_words(path: Path) -> int:
    """Every word in a module's string literals and comments (identifiers in strings too)."""
    import io
    import tokenize

    kinds = {tokenize.STRING, tokenize.COMMENT, getattr(tokenize, "FSTRING_MIDDLE", -1)}
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return sum(len(PROSE_WORD.findall(t.string)) for t in tokens if t.type in kinds)


def test_the_migrations_hold_at_most_800_words_and_no_shipped_text():
    modules = sorted(MIGRATIONS.glob("*.py"))
    assert len(modules) >= 10  # 0001-0009 and __init__
    assert sum(prose_words(p) for p in modules) <= 800
    source = "\n".join(p.read_text(encoding="utf-8") for p in modules)
    for text in SHIPPED.values():
        for paragraph in (text.explanation + "\n" + text.instead).split("\n"):
            # Any sentence of a shipped text would be a text back in a migration.
            assert paragraph[:60] not in source or len(paragraph) < 30, text.rule_id
