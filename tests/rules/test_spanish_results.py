"""Results pages, their broken-link pages and the API in Spanish (issue 24).

The engine's sentences are refilled in Spanish from the rule's templates
(rules.web.engine_words): the English refill must be the engine's own text, or the
Spanish would translate a different sentence. English pages keep their words.
"""

from __future__ import annotations

import re
from string import Formatter

import pytest
from django.utils import translation

from rules.law import clock, engine
from rules.law.answers import answers
from rules.law.rulebook import ALL_RULES, RULES_BY_ID
from rules.web import engine_words
from tests.pages import RESULTS, RESULTS_400, RESULTS_MADE
from tests.test_spanish_pages import english_sentences

pytestmark = pytest.mark.django_db

TIMELINE = re.compile(r'<section[^>]*timeline-heading.*?</section>', re.S)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in Formatter().parse(text) if f}


def test_the_english_refill_is_the_engines_own_text_for_every_answer():
    checked = 0
    for a in engine.all_answers(clock.current_tax_year()):
        d = engine.determine(a)
        filled = engine_words._filled_from(d.rule, d.answers)
        for field in engine_words.FIELDS:
            assert engine_words.fill(getattr(RULES_BY_ID[d.rule], field), filled) == getattr(
                d, field
            ), (a, field)
            checked += 1
        for b in d.branches:
            assert engine_words.fill(RULES_BY_ID[b.rule].headline, b.answers) == b.headline
    assert checked > 10_000


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_template_is_in_spanish_with_the_same_placeholders(rule):
    with translation.override("es"):
        for field in ("headline", "reason", "instead", "situation"):
            english = getattr(rule, field)
            spanish = translation.gettext(english)
            assert spanish != english, (rule.id, field)
            assert _fields(spanish) == _fields(english), (rule.id, field)


def test_a_spanish_headline_keeps_the_verdict_the_pill_takes_off():
    a = answers("taxable", "sold-at-loss", asset="securities", year=2026)
    with translation.override("es"):
        d = engine_words.determination(engine.determine(a))
    assert d.headline.startswith("Sí: puede deducirla como pérdida de capital")
    assert "$3,000" in d.headline  # US Spanish: dollars as $3,000


def test_english_determinations_are_left_alone():
    d = engine.determine(answers("traditional-401k", "value-dropped", year=2026))
    with translation.override("en"):
        assert engine_words.determination(d) is d


def _spanish_page(client, url):
    r = client.get("/es" + url)
    html = r.content.decode()
    assert '<html lang="es">' in html
    return r, html


@pytest.mark.parametrize("label", sorted(RESULTS))
def test_spanish_results_pages_have_no_english_outside_the_timeline(client, label):
    r, html = _spanish_page(client, RESULTS[label])
    assert r.status_code == 200
    assert english_sentences(TIMELINE.sub(" ", html)) == []


def test_every_rule_in_spanish_past_and_present(client):
    """One answer a rule, this year and 2017: no English sentence outside the timeline."""
    current = clock.current_tax_year()
    seen = set()
    for a in engine.all_answers(current):
        key = (engine.determine(a).rule, a.year in (2017, current))
        if key in seen or not key[1]:
            continue
        seen.add(key)
        r = client.get("/es/results/?" + "&".join(f"{k}={v}" for k, v in a.as_query().items()),
                       follow=True)
        assert english_sentences(TIMELINE.sub(" ", r.content.decode())) == [], a
    assert len(seen) > 25


def test_the_claim_dates_are_spanish(client):
    _, html = _spanish_page(client, RESULTS["capital-loss-claim-closed"])
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", html)
    assert not re.search(r"(January|April|October) \d", TIMELINE.sub(" ", html))


def test_the_law_changed_notice_is_spanish(client):
    _, html = _spanish_page(client, RESULTS_MADE)
    assert "La ley cambió desde que se hizo este enlace" in html
    assert "15 de enero de 2025" in html
    assert "firmada" in html


def test_a_broken_link_is_explained_in_spanish(client):
    r, html = _spanish_page(client, RESULTS_400)
    assert r.status_code == 400
    assert "no puede ocurrir en una cuenta del tipo" in html
    assert english_sentences(html) == []


def test_results_pages_are_cached_per_language(client, monkeypatch):
    from rules.web import views

    keys = []
    real = views.cache.set
    monkeypatch.setattr(
        views.cache, "set", lambda k, *a, **kw: (keys.append(k), real(k, *a, **kw))
    )
    url = RESULTS["not-deductible"]
    english = client.get(url).content.decode()
    spanish = client.get("/es" + url).content.decode()
    assert any(k.startswith("results:en:") for k in keys)
    assert any(k.startswith("results:es:") for k in keys)
    assert "deductible while the money stays" in english and "no es deducible" in spanish


def test_the_api_answers_in_spanish_with_the_pages_words(client):
    query = RESULTS["depends"].split("?", 1)[1]
    es = client.get(f"/api/determination?{query}&lang=es").json()
    en = client.get(f"/api/determination?{query}").json()
    assert es["headline"] == "Depende de cuál de estas situaciones se aplique a usted"
    assert en["headline"] == "It depends on which of these applies to you"
    for b_es, b_en in zip(es["branches"], en["branches"], strict=True):
        assert b_es["headline"] != b_en["headline"]
        assert english_sentences(f"<body><p>{b_es['headline']}. {b_es['reason']}</p>") == []


def test_a_spanish_page_links_and_lists_the_forms_by_their_spanish_names(client):
    _, html = _spanish_page(client, RESULTS["capital-loss-claim-closed"])
    assert re.search(r'<a href="https://www.irs.gov/forms-pubs/about-form-8949"[^>]*>Formulario '
                     r'8949</a>', html)
    assert "Formularios del IRS mencionados en esta página" in html
    assert ">Formulario 1040-X</a>" in html  # the claim box
