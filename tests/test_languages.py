"""English at today's addresses, Spanish under /es/: chosen by the address alone,
named in <html lang>, linked both ways (hreflang and a language link that keeps the
saver's answers); the API in Spanish when asked."""

from __future__ import annotations

import re

import pytest

from questionnaire.language import in_language, language_of
from tests.pages import RESULTS, html_pages
from tests.questionnaire.conftest import Saver

pytestmark = pytest.mark.django_db

RESULT = RESULTS["capital-loss"]
API = "/api/v1/determination?" + RESULT.split("?", 1)[1]


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def _language_link(html: str) -> tuple[str, str]:
    m = re.search(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">', html)
    assert m, "no language link"
    return m.group(1).replace("&amp;", "&"), m.group(2)


def test_language_of_a_path():
    assert language_of("/") == "en"
    assert language_of("/results/") == "en"
    assert language_of("/es/") == "es"
    assert language_of("/es") == "es"
    assert language_of("/es/check/account/") == "es"
    assert language_of("/es/api/v1/determination") == "en"  # the API is never prefixed
    assert language_of("/es/api/") == "es"  # its guide is a page
    assert language_of("/estate/") == "en"
    assert in_language("/tables/", "es") == "/es/tables/"
    assert in_language("/es/tables/", "en") == "/tables/"
    assert in_language("/es/", "en") == "/"
    assert in_language("/", "es") == "/es/"


@pytest.mark.parametrize(("label", "url"), list(html_pages().items()))
def test_every_page_in_both_languages_names_its_language_and_its_alternates(
    client, label, url
):
    if url.startswith("/check/") and url != "/check/account/" or label == "wizard start":
        saver = Saver(client)
        saver.start()
        for step, value in (("account", "traditional-401k"), ("contribution", "after-tax"),
                            ("event", "closed-at-loss"), ("year", "2017")):
            saver.answer(step, value)
    path, _, query = url.partition("?")
    suffix = f"?{query}" if query else ""
    for lang, other, address in (("en", "es", url), ("es", "en", "/es" + url)):
        r = client.get(address)
        if r.status_code in (301, 302):
            continue  # a redirect (the wizard's first step) has no page to name
        html = r.content.decode()
        assert f'<html lang="{lang}">' in html, address
        assert r["Content-Language"] == lang
        found = _alternates(html)
        english = "http://testserver" + path + suffix
        spanish = "http://testserver/es" + path + suffix
        assert {k: v.replace("&amp;", "&") for k, v in found.items()} == {
            "en": english, "es": spanish, "x-default": english
        }, address
        link, code = _language_link(html)
        assert code == other
        assert link == (("/es" + url) if lang == "en" else url)


def test_english_pages_keep_their_addresses_and_words(client):
    r = client.get("/")
    html = r.content.decode()
    assert r.status_code == 200 and '<html lang="en">' in html
    assert "Start now" in html and "Before you start" in html
    assert client.get(RESULT).status_code == 200
    assert client.get("/check/").status_code == 302


def test_nothing_but_the_address_chooses_the_language(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="es", HTTP_COOKIE="django_language=es")
    assert '<html lang="en">' in html.content.decode()
    assert "Vary" not in html or "Accept-Language" not in html["Vary"]
    assert not html.cookies
    assert '<html lang="es">' in client.get("/es/").content.decode()


def test_the_api_is_not_prefixed(client):
    assert client.get("/es" + API).status_code == 404
    assert client.get("/es/api/openapi.json").status_code == 404
    guide = client.get("/es/api/")
    assert guide.status_code == 200  # the guide is a page for people
    assert 'href="/api/openapi.json"' in guide.content.decode()
    assert "/es/api/openapi.json" not in guide.content.decode()
    assert client.get("/es/admin/").status_code == 404


def test_a_spanish_results_page_links_to_the_same_answers_in_english(client):
    html = client.get("/es" + RESULT).content.decode()
    assert _language_link(html) == (RESULT, "en")
    html = client.get(RESULT).content.decode()
    assert _language_link(html) == ("/es" + RESULT, "es")


def test_the_language_link_on_a_wizard_step_keeps_the_answers(client):
    saver = Saver(client)
    saver.start()
    saver.answer("account", "taxable")
    html = client.get("/check/event/").content.decode()
    link, code = _language_link(html)
    assert (link, code) == ("/es/check/event/", "es")
    spanish = client.get(link)
    assert spanish.status_code == 200  # not sent back to the first question
    page = spanish.content.decode()
    assert "¿Qué pasó?" in page
    assert "La vendí por menos de lo que pagué" in page  # the brokerage account's events
    # Answered in Spanish, the wizard goes on in Spanish with the same answers.
    r = client.post("/es/check/event/", {"check_wizard-current_step": "event",
                                         "event-event": "sold-at-loss"})
    assert r.status_code == 302 and r["Location"].startswith("/es/check/")


def test_spanish_question_pages_word_errors_in_spanish(client):
    Saver(client).start()
    r = client.post("/es/check/account/", {"check_wizard-current_step": "account"})
    html = r.content.decode()
    assert "Hay un problema" in html and "Elija el tipo de cuenta." in html


def test_the_error_pages_in_spanish(client):
    r = client.get("/es/no-such-page/")
    assert r.status_code == 404
    assert "Página no encontrada" in r.content.decode()
    assert '<html lang="es">' in r.content.decode()


def test_the_api_answers_in_english_by_default(client):
    r = client.get(API)
    assert r.status_code == 200 and r["Content-Language"] == "en"
    assert "Accept-Language" in r["Vary"]
    assert r.json()["results_url"].startswith("/results/")


@pytest.mark.parametrize("ask", [{"lang": "es"}, {"HTTP_ACCEPT_LANGUAGE": "es-US,es;q=0.9"}])
def test_the_api_answers_in_spanish_when_asked(client, ask):
    query = {"lang": ask["lang"]} if "lang" in ask else {}
    headers = {k: v for k, v in ask.items() if k.startswith("HTTP_")}
    english = client.get(API).json()
    r = client.get(API + ("&lang=es" if query else ""), **headers)
    assert r.status_code == 200 and r["Content-Language"] == "es"
    assert "Accept-Language" in r["Vary"]
    body = r.json()
    assert body["outcome"] == english["outcome"]  # slugs never change
    assert body["results_url"].startswith("/es/results/")


def test_lang_overrides_the_header_and_a_bad_lang_is_400(client):
    r = client.get(API + "&lang=en", HTTP_ACCEPT_LANGUAGE="es")
    assert r["Content-Language"] == "en"
    r = client.get(API + "&lang=fr")
    assert r.status_code == 400
    assert "lang" in r.json()["errors"]


def test_api_errors_in_spanish(client):
    r = client.get("/api/v1/determination?event=value-dropped&lang=es")
    assert r.status_code == 400 and r["Content-Language"] == "es"
    assert r.json()["errors"]["account"] == ["Elija el tipo de cuenta."]


def test_feedback_from_a_spanish_page_thanks_in_spanish_and_leads_back_to_it(client):
    query = RESULT.split("?", 1)[1]
    r = client.post("/es/feedback/", {"page": query, "useful": "yes"}, follow=True,
                    HTTP_ORIGIN="http://testserver")
    html = r.content.decode()
    assert r.status_code == 200 and '<html lang="es">' in html
    assert "Gracias por sus comentarios" in html
    assert "/es" + RESULT in html.replace("&amp;", "&")
