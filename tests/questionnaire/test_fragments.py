"""{% once %} (questionnaire/fragments.py): rendered once per language, from the site's
links only, never from one page's own context."""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils import translation

from questionnaire.context_processors import site_links

pytestmark = pytest.mark.django_db


def _render(template, language: str, **context) -> str:
    with translation.override(language):
        return template.render({"site": site_links(), **context})


def test_a_piece_is_kept_per_language_and_shows_no_page_variable():
    template = engines["django"].from_string(
        '{% once %}<a href="{{ site.tables }}">{% translate "Comparison tables" %}</a>'
        "[{{ secret }}]{% endonce %} {{ secret }}"
    )
    first = _render(template, "en", secret="ann")
    assert first == '<a href="/tables/">Comparison tables</a>[] ann'
    assert _render(template, "en", secret="bob") == '<a href="/tables/">Comparison tables</a>[] bob'
    spanish = _render(template, "es", secret="bob")
    assert spanish.startswith('<a href="/es/tables/">') and "Comparison tables" not in spanish


def test_a_page_without_the_sites_links_is_not_kept_for_the_others():
    template = engines["django"].from_string('{% once %}<a href="{{ site.start }}">{% endonce %}')
    with translation.override("en"):
        assert template.render({}) == '<a href="">'
    assert _render(template, "en") == '<a href="/">'


def test_every_page_shows_the_footer_in_its_language(client):
    english, spanish = client.get("/tables/").content, client.get("/es/tables/").content
    assert b'<a href="/glossary/">' in english and b'<a href="/es/glossary/">' in spanish
