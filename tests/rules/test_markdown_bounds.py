"""NL2: editor Markdown is bounded. Python-Markdown scans ahead for a closing bracket from
every "[", so a paragraph of brackets took minutes ("[" x 20,000: over 60 s to render, 0.085 s
with the bound, measured with the review's md_bombs.py shapes). The bound is checked here by
what reaches Markdown, not by a clock: a crowded paragraph reaches it with no bracket left."""

from __future__ import annotations

import markdown
import pytest

from rules.editor import markup
from rules.models import Explanation
from tests.rules.test_admin import CHANGE, RULE, editor, editor_client, form_data  # noqa: F401

SHAPES = {
    "[ x 20,000": "[" * 20_000,
    "![ x 10,000": "![" * 10_000,
    "[a]( x 5,000": "[a](" * 5_000,
    "< x 20,000": "<" * 20_000,
    "<https:// x 2,000": "<https://" * 2_000,
    "[ on lines": "[\n" * 10_000,
}


@pytest.fixture
def seen(monkeypatch) -> list[str]:
    """What markup.render hands to Markdown."""
    sources: list[str] = []
    real = markdown.markdown
    monkeypatch.setattr(
        markdown, "markdown", lambda text, **kw: sources.append(text) or real(text, **kw)
    )
    return sources


@pytest.mark.parametrize("source", SHAPES.values(), ids=SHAPES.keys())
def test_a_crowded_paragraph_reaches_markdown_without_brackets_and_reads_as_typed(seen, source):
    html = markup.render(source)
    assert len(seen) == 1 and not any(c in seen[0] for c in "[]<>")
    shown = html.replace("&#91;", "[").replace("&#93;", "]").replace("&lt;", "<")
    assert shown.removeprefix("<p>").removesuffix("</p>").strip() == source.strip()
    assert "<a " not in html


def test_longer_sources_are_cut_at_the_limit(seen):
    markup.render("word " * 10_000)
    assert len(seen[0]) == markup.MAX_SOURCE


def test_ordinary_text_keeps_its_links_tags_and_brackets():
    source = (
        "[For IRAs] See [Publication 590-B](https://www.irs.gov/publications/p590b) and "
        "[Form 8606](https://www.irs.gov/forms-pubs/about-form-8606) [sic].\n\n"
        + "[x] "
        * 20  # 40 brackets: under the bound
    )
    html = markup.render(source)
    assert html.count("<a href=") == 2 and 'data-for="ira"' in html
    assert "[sic]" in html and html.count("[x]") == 20


def test_editors_cannot_type_the_set_aside_characters_into_a_page():
    assert markup.render("a \ue000 b \ue003") == "<p>a  b </p>"


@pytest.mark.django_db
def test_the_admin_refuses_a_text_over_the_limit_in_words(editor_client):  # noqa: F811
    text = Explanation.objects.get(rule_id=RULE)
    long = "word " * 4_001  # 20,004 characters once the form strips the last space
    r = editor_client.post(CHANGE, form_data(text, explanation=long))
    assert r.status_code == 200
    errors = r.context["adminform"].form.errors["explanation"]
    assert errors == [
        "This text has 20,004 characters; the most a text may have is 20,000. "
        "Shorten it: a results page is read on a phone."
    ]
    assert Explanation.objects.get(rule_id=RULE).explanation == text.explanation
    ok = editor_client.post(CHANGE, form_data(text, explanation="word " * 3_999))
    assert ok.status_code == 302
