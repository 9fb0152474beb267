"""The Spanish pages that are not results pages, beyond the English-sentence check of
tests/test_spanish_pages.py: the Atom feed, dates and figures, the cache by language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_spanish_feed_is_in_spanish_with_its_own_ids(client):
    es = client.get("/es/changes/feed/").content.decode()
    en = client.get("/changes/feed/").content.decode()
    assert 'xml:lang="es"' in es and 'xml:lang="en"' in en
    assert "<title>Cambios en la ley" in es
    assert "firmada el 4 de julio de 2025" in es
    assert "signed July 4, 2025" in en and "firmada" not in en
    assert "2026:changes:es:" in es and "2026:changes:es" not in en
    assert "<link href=\"http://testserver/es/changes/\"" in es


def test_the_changes_page_dates_and_years_in_spanish(client):
    html = client.get("/es/changes/").content.decode()
    assert ">18 de diciembre de 2015</time>" in html
    assert "firmada el 22 de diciembre de 2017" in html
    assert "publicado el 25 de marzo de 2014" in html
    assert "todos los años" in html or "en adelante" in html
    english = client.get("/changes/").content.decode()
    assert ">December 18, 2015</time>" in english


def test_the_glossary_fills_its_figures_into_the_spanish(client):
    html = client.get("/es/glossary/").content.decode()
    assert "Venta ficticia" in html and "Pérdida de capital" in html
    assert "$3,000" in html  # dollars as US Spanish readers write them
    assert "{" not in html.split("<main", 1)[1]
    assert "Wash sale" in client.get("/glossary/").content.decode()


def test_the_cache_keeps_each_language_apart(client):
    assert "Venta ficticia" in client.get("/es/glossary/").content.decode()
    assert "Venta ficticia" not in client.get("/glossary/").content.decode()
    assert "firmada" in client.get("/es/changes/").content.decode()
    assert "firmada" not in client.get("/changes/").content.decode()


def test_the_not_covered_page_keeps_publication_titles_marked_english(client):
    html = client.get("/es/not-covered/").content.decode()
    assert "Lo que esta herramienta no cubre" in html
    assert 'hreflang="en" lang="en">' in html


def test_the_feedback_answers_in_the_language_of_the_page_it_was_sent_from(client):
    from tests.rules.test_feedback import JSON, SALE

    r = client.post("/es/feedback/", {"page": SALE, "useful": "no"}, **JSON)
    assert r.json()["message"] == "Gracias. Puede contarnos qué quería averiguar."
    r = client.post("/es/feedback/", {"token": r.json()["token"], "comment": "x" * 1001},
                    **JSON)
    assert r.status_code == 400 and "Su comentario debe tener 1,000 caracteres" in r.json()[
        "message"] + " ".join(sum(r.json()["errors"].values(), []))
    r = client.post("/feedback/", {"page": SALE, "useful": "no"}, **JSON)
    assert r.json()["message"].startswith("Thank you.")


def test_the_script_reads_its_words_from_the_page(client):
    html = client.get("/es/glossary/").content.decode()
    assert 'data-copied="Enlace copiado."' in html
    assert 'data-share-failed="Este navegador no pudo compartir el enlace: cópielo."' in html
    assert 'data-copied="Link copied."' in client.get("/glossary/").content.decode()


def test_the_spanish_tables_and_their_timeline(client):
    html = client.get("/es/tables/?account=roth-401k").content.decode()
    assert "Esta página muestra solo las filas de un 401(k) Roth" in html
    assert "No (solo un caso poco común, antes de 2018)" in html
    assert "(años tributarios 2006–2017)" in html
    assert ">Piso del 2%</text>" in html and "Aún puede reclamar: 2023–2025" in html
    assert "Cronología de los años tributarios 1987 a 2026" in html
    assert "hasta el <time datetime=\"2027-04-15\">15 de abril de 2027</time>" in html
    english = client.get("/tables/?account=roth-401k").content.decode()
    assert "No (only one rare case, before 2018)" in english and ">2% floor</text>" in english
    assert "until <time datetime=\"2027-04-15\">April 15, 2027</time>" in english


def test_the_spanish_tables_say_an_unknown_account_in_spanish(client):
    r = client.get("/es/tables/?account=nope")
    assert r.status_code == 400
    assert "Este enlace pide un tipo de cuenta que las tablas no tienen" in r.content.decode()


CAPITAL = ("/amounts/capital-loss/?filing=single&year=2026&short_loss=2000&long_loss=8000"
           "&taxable_income=-1500")


def test_a_spanish_worksheet_works_out_in_spanish_and_the_english_stays(client):
    html = client.get("/es" + CAPITAL).content.decode()
    assert "Anexo D, línea 21: la menor entre la pérdida de la línea 16 y $3,000" in html
    assert "Traspaso al año siguiente: $500 a corto plazo y $8,000 a largo plazo" in html
    assert "Soltero" in html and "$3,000.00" in html
    english = client.get(CAPITAL).content.decode()
    assert "Schedule D line 21: the smaller of the line 16 loss or $3,000" in english
    assert "Carry to next year: $500 short-term and $8,000 long-term" in english


def test_a_spanish_worksheet_says_its_field_errors_in_spanish(client):
    r = client.get("/es/amounts/capital-loss/?filing=&year=1900&short_loss=ten&carry_short=-5")
    html = r.content.decode()
    assert r.status_code == 400
    assert "Escriba sus pérdidas a corto plazo en dólares y centavos, como 2,500" in html
    assert ("La pérdida a corto plazo traspasada del año anterior no puede ser menor que cero"
            in html)
    assert "Elija su estado civil para efectos de la declaración." in html


def test_the_wash_sale_shares_and_dates_in_spanish(client):
    url = ("/es/amounts/wash-sale/?loss=250&sold=100&bought=50&sale_date=2026-03-09"
           "&bought_on=2026-03-20")
    html = client.get(url).content.decode()
    assert "Sumado a la base de cada una de las 50 acciones compradas" in html
    assert ">9 de marzo de 2026</time>" in html
    assert "<strong>Venta ficticia:</strong> su compra del" in html


def test_the_amounts_api_answers_in_spanish_when_asked(client):
    query = "/api/v1/amounts?worksheet=wash-sale&loss=250&sold=100&bought=50"
    es = client.get(query + "&lang=es")
    assert es["Content-Language"] == "es" and "Accept-Language" in es["Vary"]
    assert es.json()["lines"][-1]["label"] == (
        "Sumado a la base de cada una de las 50 acciones compradas")
    by_header = client.get(query, HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")
    assert by_header.json() == es.json()
    en = client.get(query)
    assert en["Content-Language"] == "en"
    assert en.json()["lines"][-1]["label"] == "Added to the basis of each of the 50 shares bought"
    bad = client.get("/api/v1/amounts?worksheet=wash-sale&loss=ten&sold=1&bought=1&lang=es")
    assert bad.status_code == 400 and bad.json()["errors"]["loss"][0].startswith("Escriba")
    assert client.get(query + "&lang=fr").status_code == 400
