"""US English in everything a saver reads, and no notes meant for editors.

The lint (tests/spelling.py) runs over the templates, the string literals of the
rules, the shipped editor texts (rules/content/), and every page a saver can reach;
and it is tested on planted examples, both ways.
"""

from __future__ import annotations

import pytest

from rules.editor import texts
from rules.law import engine
from rules.law.rulebook import RULES_BY_ID
from rules.models import Explanation
from tests import spelling
from tests.conftest import CURRENT
from tests.pages import html_pages
from tests.test_pages import _get

PLANTED = [
    "itemise", "itemised", "itemising", "realise", "realised", "realisation", "unrealised",
    "recognises", "organise", "organisation", "minimise", "summarised", "prioritisation",
    "organisers", "analyse", "favour", "favourite", "colours", "behaviour", "honoured",
    "labelled", "labelling", "cancelled", "travelled", "cheque", "programme", "centre",
    "licence", "whilst", "amongst", "judgement", "28 November 2026", "4 Jul 2025",
    "1st of May, 2020", "28/11/2026",
]
US = (
    "advise advised advising exercise otherwise likewise rise rising arise precise surprise "
    "franchise enterprise premises revise comprise compromise promised supervise expertise "
    "merchandise wise noise raise raised praise adviser advertising improvisation crises "
    "itemize itemized realize realized unrealized recognizes organize organization minimize "
    "favor favorite color behavior honored labeled canceled traveled check program center "
    "license while among judgment basis analyses this November 28, 2026 Jul 4, 2025 "
    "11/28/2026 devised cruise noisy paradise"
)


@pytest.mark.parametrize("word", PLANTED)
def test_the_lint_catches_a_planted_british_spelling_or_date(word):
    assert spelling.british(f"The saver {word} here.") == [word]


def test_the_lint_lets_us_spellings_and_dates_through():
    assert spelling.british(US) == []


def test_the_lint_reads_template_text_but_not_markup_or_comments():
    source = (
        '{# a labelled comment #}<section aria-labelledby="x" class="colour">'
        '{% comment %}whilst{% endcomment %}<p title="our favourite">{{ realised }}Text</p>'
    )
    assert spelling.british(spelling.template_text(source)) == ["favourite"]


def test_the_lint_reads_string_literals_but_not_docstrings_or_slugs():
    source = (
        '"""A sanitised docstring."""\n'
        'RULE = "sheltered-no-realisation"\n'
        'TEXT = "The loss is realised."\n'
    )
    assert spelling.british(" ".join(spelling.string_literals(source))) == ["realised"]


@pytest.mark.parametrize("path", spelling.templates(), ids=lambda p: p.name)
def test_templates_are_in_us_english(path):
    assert spelling.british(spelling.template_text(path.read_text())) == []


@pytest.mark.parametrize(
    "path", spelling.rule_modules(), ids=lambda p: str(p.relative_to(spelling.ROOT))
)
def test_the_rules_texts_are_in_us_english(path):
    literals = spelling.string_literals(path.read_text())
    assert spelling.british("\n".join(literals)) == []


def test_the_seeded_editor_texts_are_in_us_english():
    for rule_id, text in texts.seeded().items():
        words = spelling.visible_text(text.explanation_html + " " + text.instead_html)
        assert spelling.british(words) == [], rule_id


@pytest.mark.django_db
def test_the_migrated_editor_texts_are_in_us_english():
    for row in Explanation.objects.all():
        words = spelling.visible_text(row.explanation_html + " " + row.instead_html)
        assert spelling.british(words) == [], row.rule_id


def _saver_pages() -> dict[str, str]:
    """Every example page, and a results page for every rule."""
    pages = dict(html_pages())
    for rule_id in sorted(RULES_BY_ID):
        answers = engine.example_answers(rule_id, CURRENT)
        if answers is not None:
            query = "&".join(f"{k}={v}" for k, v in answers.as_query().items())
            pages[f"results {rule_id}"] = f"/results/?{query}"
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "url"), list(_saver_pages().items()))
def test_every_page_a_saver_reads_is_in_us_english_without_notes_for_editors(
    client, label, url
):
    html = _get(client, url).content.decode()
    words = spelling.visible_text(html)
    assert spelling.british(words) == []
    for note in ("Editors can reword", "Editors check", "Every verdict here comes from"):
        assert note not in words
