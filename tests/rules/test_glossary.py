"""/glossary/: the tax words we cannot avoid, in plain words, reachable from where they
are used (results pages on first use, and the questions that turn on them)."""

from __future__ import annotations

import re

import pytest

from rules.law import engine
from rules.law import parameters as law
from rules.web import glossary
from tests.conftest import CURRENT
from tests.questionnaire.conftest import Saver

pytestmark = pytest.mark.django_db

# The words a review asked for, and the few others the answers use.
REQUIRED = [
    "basis",
    "realized",
    "itemize",
    "adjusted-gross-income",
    "substantially-identical",
    "capital-loss",
    "wash-sale",
    "roth",
    "rollover",
]
IRA_2017 = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)


def anchors(client) -> set[str]:
    html = client.get("/glossary/").content.decode()
    return set(re.findall(r'<dt id="([a-z0-9-]+)">', html))


def test_the_glossary_has_each_word_with_its_own_anchor_in_plain_words(client):
    r = client.get("/glossary/")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count("<h1") == 1 and "<h1>Tax words explained</h1>" in html
    assert set(REQUIRED) <= anchors(client) == {t.slug for t in glossary.TERMS}
    # Figures come from the dated law, as in the rules.
    limit = law.facts(CURRENT)["limit"]
    assert f"up to {limit} a year" in html
    for see_also in re.findall(r'See also: (.*?)\.</p>', html):
        for target in re.findall(r'href="#([a-z0-9-]+)"', see_also):
            assert target in anchors(client)


def test_each_term_matches_its_own_name_where_a_text_uses_it():
    for term in glossary.TERMS:
        name = term.term.split(" (")[0]
        assert term.pattern.search(f"the {name.lower()} here"), term.slug


def test_a_results_page_links_the_first_use_of_each_word_once(client):
    html = client.get(IRA_2017).content.decode()
    main = html.split("<main", 1)[1]
    links = re.findall(r'href="/glossary/#([a-z0-9-]+)"', main)
    assert "basis" in links and "adjusted-gross-income" in links
    assert {"itemize", "miscellaneous-itemized-deduction"} <= set(links)
    assert len(links) == len(set(links))
    # Not inside the headline.
    assert "/glossary/" not in main.split("</h1>", 1)[0]
    assert '<a href="/glossary/">What the tax words on this page mean</a>' in main


def test_every_glossary_link_on_every_answer_lands_on_a_word(client):
    known = anchors(client)
    for rule_id in sorted({engine.determine(a).rule for a in engine.all_answers(CURRENT)}):
        a = engine.example_answers(rule_id, CURRENT)
        query = "&".join(f"{k}={v}" for k, v in a.as_query().items())
        html = client.get(f"/results/?{query}", follow=True).content.decode()
        for target in re.findall(r'href="/glossary/#([a-z0-9-]+)"', html):
            assert target in known, (rule_id, target)


@pytest.mark.parametrize(("answered", "step", "anchor"), [
    (
        {"account": "traditional-401k", "event": "closed-at-loss", "year": "2017"},
        "contribution",
        "pre-tax-money",
    ),
    (
        {"account": "traditional-401k", "event": "closed-at-loss", "year": "2017",
         "contribution": "roth"},
        "received",
        "after-tax-money",
    ),
])
def test_the_questions_that_turn_on_a_tax_word_link_to_it(client, answered, step, anchor):
    saver = Saver(client)
    saver.start()
    for question, value in answered.items():
        saver.answer(question, value)
    html = client.get(f"/check/{step}/").content.decode()
    assert f'<a href="/glossary/#{anchor}">' in html
    assert anchor in anchors(client)


def test_a_question_with_no_tax_word_has_no_glossary_link(client):
    html = Saver(client).start().content.decode()
    assert "/glossary/" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_glossary_says_the_suspension_has_no_end_date_and_names_the_educator_exception():
    # P.L. 119-21 sec. 70110 struck the end date (now 67(h)) and took educator expenses
    # out of the miscellaneous itemized deductions from 2026 (67(b)(13), defined in 67(g)).
    from rules.web import glossary

    words = glossary.TERMS_BY_SLUG["miscellaneous-itemized-deduction"].meaning
    assert "end date" in words and "67(b)(13)" in words and "ended" not in words
