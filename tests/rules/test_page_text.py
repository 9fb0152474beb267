"""Results-page text fitted to the saver: editor text for some accounts only, and a link
on the first use of each glossary word and each IRS form (pure Python, and the pages)."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from rules.editor import markup
from rules.law import audiences, bibliography
from rules.models import Explanation
from rules.web import glossary, linking

STEPS = "- For everyone.\n- [For IRAs] For IRA owners.\n- [For 457(b)s and HSAs] For two kinds."


# --- "[For ...]": editor text for some accounts


def test_an_account_tag_becomes_data_for_and_leaves_the_text():
    html = markup.render(STEPS)
    assert '<li data-for="ira">For IRA owners.</li>' in html
    assert '<li data-for="457b hsa">For two kinds.</li>' in html
    assert "[For" not in html


def test_a_paragraph_and_an_item_of_a_loose_list_can_be_tagged_too():
    html = markup.render("[For workplace plans] Plans only.\n\nFor all.")
    assert html.startswith('<p data-for="plan">Plans only.</p>')
    loose = markup.render("- [For HSAs] One.\n\n- Two.")
    assert '<li data-for="hsa">\n<p>One.</p>' in loose


def test_a_tag_naming_no_account_we_know_stays_visible_and_the_admin_refuses_it():
    assert "[For pensions]" in markup.render("- [For pensions] Oops.")
    assert audiences.unknown_names("- [For pensions] Oops.\n- [For IRAs] Fine.") == [
        "[For pensions]"
    ]
    text = Explanation(rule_id="capital-loss-sale", explanation="Why.", instead=STEPS)
    text.instead += "\n- [For pensions] Oops."
    with pytest.raises(ValidationError) as refused:
        text.clean()
    assert "[For pensions] names something we do not know: “pensions”" in str(refused.value)


@pytest.mark.parametrize(
    ("account", "shown"),
    [
        ("traditional-ira", ["For everyone.", "For IRA owners."]),
        ("roth-ira", ["For everyone.", "For IRA owners."]),  # a family covers its accounts
        ("457b", ["For everyone.", "For two kinds."]),
        ("hsa", ["For everyone.", "For two kinds."]),
        ("traditional-401k", ["For everyone."]),
    ],
)
def test_tailoring_keeps_only_what_is_for_the_account(account, shown):
    html = linking.tailor(markup.render(STEPS), account)
    assert re.findall(r"<li[^>]*>([^<]*)</li>", html) == shown


def test_tailoring_drops_a_whole_item_with_a_list_inside_and_an_emptied_list():
    html = markup.render("- [For HSAs] Outer\n    - inner one\n    - inner two\n- Kept")
    assert linking.tailor(html, "roth-ira") == "<ul>\n<li>Kept</li>\n</ul>"
    assert linking.tailor(markup.render("- [For HSAs] Only"), "roth-ira") == ""


# --- Links on the first use of a word or a form


def linker() -> linking.Linker:
    return linking.Linker(
        linking.targets(
            ((t.slug, t.pattern, f"/glossary/#{t.slug}") for t in glossary.TERMS),
            ((f.name, f.pattern, f.url) for f in bibliography.FORMS),
        )
    )


def test_the_first_use_of_a_word_on_a_page_is_linked_and_later_ones_are_not():
    links = linker()
    first = links.text("Your basis is what you paid. Basis matters.")
    second = links.html("<p>Your basis again, on Form 8949 and Form 8949.</p>")
    assert first == 'Your <a href="/glossary/#basis">basis</a> is what you paid. Basis matters.'
    assert second == (
        '<p>Your basis again, on <a href="https://www.irs.gov/forms-pubs/about-form-8949" '
        'rel="noopener">Form 8949</a> and Form 8949.</p>'
    )


def test_no_link_goes_inside_a_link_a_heading_or_a_summary():
    html = '<a href="/x">basis</a><h3>basis</h3><summary>basis</summary><p>Itemized</p>'
    linked = linker().html(html)
    assert linked.count("glossary/#basis") == 0
    assert '<a href="/glossary/#itemize">Itemized</a>' in linked


def test_the_longest_term_wins_where_two_start_together():
    linked = linker().text("a miscellaneous itemized deduction, itemized")
    assert '<a href="/glossary/#miscellaneous-itemized-deduction">' in linked
    assert linked.endswith('<a href="/glossary/#itemize">itemized</a>')


def test_plain_text_is_escaped_before_it_is_linked():
    assert linker().text("<b>basis</b> & more") == (
        '&lt;b&gt;<a href="/glossary/#basis">basis</a>&lt;/b&gt; &amp; more'
    )


def test_a_form_name_does_not_match_a_longer_one():
    assert linking.forms_named_in("Form 1099-RA and Schedule D-1") == []
    assert [f.name for f in linking.forms_named_in("Form 1099-R, box 5; Schedule D")] == [
        "Schedule D",
        "Form 1099-R",
    ]


def test_every_form_has_an_irs_page_and_instructions():
    for form in bibliography.FORMS:
        assert form.url.startswith("https://www.irs.gov/forms-pubs/about-")
        assert form.instructions_url.startswith("https://www.irs.gov/instructions/i")
