"""The API's 400 messages in Spanish (issue 24): lang=es or Accept-Language: es.

rules.law.validation words each message from an English template and the words that
fill it (rules.law.said); rules.web.validation_words fills the template again in the
saver's language. English stays exactly what the law says.
"""

from __future__ import annotations

import pickle
import re
from string import Formatter
from urllib.parse import urlencode

import pytest
from django.utils import translation

from questionnaire.forms import QUESTION_FORMS
from rules.law import clock, validation
from rules.law import vocabulary as v
from rules.law.answers import applies
from rules.law.said import Said
from rules.web import validation_words
from tests.test_spanish_pages import english_sentences

pytestmark = pytest.mark.django_db

CURRENT = clock.current_tax_year()

# One query for every kind of message, with a piece of the Spanish it must say.
KINDS = {
    "no account": ({"event": "sold-at-loss"}, "account", "Elija el tipo de cuenta."),
    "no event": ({"account": "taxable"}, "event", "Indique qué le pasó a la inversión."),
    "two accounts": ({"account": ["taxable", "roth-ira"], "event": "sold-at-loss"}, "account",
                     "Indique una sola respuesta a «Cuenta», no 2."),
    "two years": ({"account": "taxable", "event": "sold-at-loss", "year": ["2020", "2021"]},
                  "year", "Indique una sola respuesta a «Año tributario», no 2."),
    "unknown account": ({"account": "nope", "event": "sold-at-loss"}, "account",
                        "“nope” no es una clase de cuenta que conozcamos. Elija una de las "
                        "siguientes: “401(k), incluidos"),
    "something else": ({"account": "something-else", "event": "sold-at-loss"}, "account",
                       "“Otra cosa” no es una cuenta"),
    "cannot happen to a": ({"account": "taxable", "event": "rolled-over"}, "event",
                           "“rolled-over” no puede ocurrir en una cuenta del tipo «cuenta de "
                           "corretaje sujeta a impuestos». Elija una de las siguientes: "
                           "“La inversión perdió valor y todavía la tengo”"),
    "cannot happen to an": ({"account": "inherited-ira", "event": "worthless"}, "event",
                            "“worthless” no puede ocurrir en una cuenta del tipo"),
    "unknown event": ({"account": "taxable", "event": "bogus"}, "event",
                      "“bogus” no es algo que sepamos que pueda ocurrir."),
    "unknown money": ({"account": "403b", "event": "closed-at-loss", "contribution": "bogus"},
                      "contribution", "“bogus” no es un tipo de dinero que pueda tener una "
                      "cuenta del tipo «403(b)». Elija una de las siguientes: “Dinero antes de "
                      "impuestos”; “Dinero después de impuestos (no Roth)”; “Dinero Roth”; "
                      "“No estoy seguro”."),
    "457(b) after-tax": ({"account": "457b", "event": "closed-at-loss",
                          "contribution": "after-tax"}, "contribution",
                         "Un plan 457(b) gubernamental nunca tiene dinero después de impuestos"),
    "no kind of money": ({"account": "taxable", "event": "sold-at-loss", "contribution": "roth"},
                         "contribution", "no tiene un tipo de dinero que elegir: omita esa "
                         "respuesta."),
    "only one kind": ({"account": "529", "event": "closed-at-loss", "contribution": "roth"},
                      "contribution", "solo tiene dinero después de impuestos (no Roth): omita "
                      "el tipo de dinero."),
    "not pre-tax": ({"account": "traditional-ira", "event": "closed-at-loss",
                     "contribution": "pre-tax", "received": "below-basis"}, "received",
                    "“Menos que mi dinero después de impuestos o Roth” no encaja con el dinero "
                    "antes de impuestos"),
    "unknown answer": ({"account": "traditional-ira", "event": "closed-at-loss",
                        "contribution": "after-tax", "received": "bogus"}, "received",
                       "“bogus” no es una respuesta que conozcamos aquí."),
    "year digits": ({"account": "taxable", "event": "sold-at-loss", "year": "20x6"}, "year",
                    f"Escriba el año tributario con cuatro dígitos, de 1987 a {CURRENT}."),
    "year span": ({"account": "taxable", "event": "sold-at-loss", "year": "2999"}, "year",
                  f"Escriba un año de 1987 a {CURRENT}."),
    "year why": ({"account": "hsa", "event": "closed-at-loss", "year": "1999"}, "year",
                 "Las cuentas de ahorros para la salud comenzaron en el año tributario 2004. "
                 f"Escriba un año de 2004 a {CURRENT}."),
}


def _get(client, query, **headers):
    return client.get("/api/v1/determination?" + urlencode(query, doseq=True), **headers)


def _english(query) -> dict[str, list[str]]:
    return validation.validate(query, current=CURRENT)[1]


def test_the_kinds_cover_every_template():
    made = {m.template for q, _, _ in KINDS.values() for ms in _english(q).values()
            for m in ms if isinstance(m, Said)}
    assert made == set(validation.TEMPLATES)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_message_is_spanish_with_lang_es(client, kind):
    query, field, spanish = KINDS[kind]
    r = _get(client, {**query, "lang": "es"})
    assert r.status_code == 400 and r["Content-Language"] == "es"
    said = r.json()["errors"][field]
    assert any(spanish in m for m in said), said
    assert said != _english(query)[field]


@pytest.mark.parametrize("kind", KINDS)
def test_accept_language_es_gives_the_same_spanish(client, kind):
    query, _, _ = KINDS[kind]
    asked = _get(client, {**query, "lang": "es"}).json()
    assert _get(client, query, HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9,en;q=0.5").json() == asked
    unversioned = client.get("/api/determination?" + urlencode(query, doseq=True),
                             HTTP_ACCEPT_LANGUAGE="es")
    assert unversioned.json() == asked


@pytest.mark.parametrize("kind", KINDS)
def test_english_is_the_laws_own_text(client, kind):
    query, _, _ = KINDS[kind]
    english = _english(query)
    for extra, headers in (({}, {}), ({"lang": "en"}, {}), ({}, {"HTTP_ACCEPT_LANGUAGE": "en"})):
        r = _get(client, {**query, **extra}, **headers)
        assert r.status_code == 400 and r["Content-Language"] == "en"
        assert r.json()["errors"] == english


def test_english_messages_keep_their_words():
    """Written out as they were before the messages were made from templates."""
    said = _english({"account": "inherited-ira", "event": "worthless"})["event"][0]
    assert said.startswith("“worthless” cannot happen to an inherited traditional IRA (kept ")
    assert said.endswith("; “I took everything out and got back less than was put in”.")
    assert _english({"account": "roth-ira", "event": "closed-at-loss", "contribution": "pre-tax"})[
        "contribution"] == ["A Roth IRA holds only Roth money: leave the kind of money out."]
    assert _english({"account": ["a", "b"], "event": ["x", "y", "z"]}) == {
        "account": ["Give one account, not 2."], "event": ["Give one what happened, not 3."]}
    assert _english({"account": "taxable", "event": "sold-at-loss", "year": "1900"}) == {
        "year": [f"Enter a year from 1987 to {CURRENT}."]}


def _battery():
    for slug, acct in v.ACCOUNTS.items():
        yield {"account": slug, "event": "bogus"}
        yield {"account": slug, "event": "sold-at-loss", "year": ["2001", "2002"]}
        for event in v.EVENTS:
            yield {"account": slug, "event": event, "contribution": "bogus"}
        for c in (*v.CONTRIBUTIONS, "bogus"):
            event = acct.events[-1]
            for year in ("1975", "2000", "20x6", str(CURRENT + 1)):
                yield {"account": slug, "event": event, "contribution": c, "year": year}
            for question in ("received", "asset"):
                for answer in (*v.TERMS[question], "bogus"):
                    yield {"account": slug, "event": event, "contribution": c, question: answer}
    yield {"account": "x" * 80, "event": "y" * 80}
    yield {}


def _english_labels() -> set[str]:
    """Every label a message can name that is not the same in Spanish."""
    labels = {t.label for terms in v.TERMS.values() for t in terms.values()}
    labels |= {a.label for a in v.ACCOUNTS.values()} | {a.in_sentence for a in v.ACCOUNTS.values()}
    labels |= {a.event(e).label for a in v.ACCOUNTS.values() for e in a.events}
    labels |= {t.label for a in v.ACCOUNTS.values() for _, t in a.answer_terms}
    labels |= {v.in_sentence(t.label) for t in v.CONTRIBUTIONS.values()}
    with translation.override("es"):
        found = {x for x in labels if translation.gettext(x) != x}
    # In lower case, not in the catalogue: said once in English by mistake.
    return found | {v.in_sentence(t.label) for t in v.CONTRIBUTIONS.values() if t.slug != v.ROTH}


def test_no_english_in_any_spanish_400(client):
    labels = _english_labels()
    assert "after-tax money (not Roth)" in labels and "Not sure" in labels
    shown = 0
    for query in _battery():
        r = _get(client, {**query, "lang": "es"})
        if r.status_code != 400:
            continue
        for messages in r.json()["errors"].values():
            for m in messages:
                shown += 1
                assert english_sentences(f"<body><p>{m}</p></body>") == [], m
                assert not [x for x in labels if f"“{x}”" in m or f"«{x}»" in m
                            or re.search(rf"\b{re.escape(x)}\b", m)], m
    assert shown > 500


def _wizard_labels(question: str, known: dict[str, str]) -> list[str]:
    form = QUESTION_FORMS[question](prefix=question, known=known, current=CURRENT)
    return [o["label"] for o in form.options()]


def _choices(message: str) -> list[str]:
    return re.findall(r"“([^”]+)”", message.rsplit(": ", 1)[1])


@pytest.mark.parametrize("account", v.ACCOUNTS)
def test_the_choices_are_the_spanish_wizards_labels(account):
    acct = v.ACCOUNTS[account]
    event = acct.events[-1]
    asks = {"event": ({"account": account, "event": "bogus"}, {"account": account})}
    if acct.asks_contribution:
        asks["contribution"] = ({"account": account, "event": event, "contribution": "bogus"},
                                {"account": account, "event": event})
    base = {"account": account, "event": event}
    if acct.asks_contribution:
        base["contribution"] = v.AFTER_TAX if v.AFTER_TAX in acct.contributions else v.ROTH
    answers, _ = validation.validate(base, current=CURRENT)
    if answers is not None and applies("received", answers):
        asks["received"] = ({**base, "received": "bogus"}, base)
    with translation.override("es"):
        for question, (query, known) in asks.items():
            said = validation_words.say(_english(query)[question][0])
            wizard = _wizard_labels(question, {k: x for k, x in known.items() if x != "bogus"})
            assert _choices(said) and set(_choices(said)) <= set(wizard), (question, said, wizard)


def test_an_inherited_iras_choices_are_worded_for_the_beneficiary():
    query = {"account": "inherited-ira", "event": "closed-at-loss", "contribution": "after-tax",
             "received": "bogus"}
    with translation.override("es"):
        said = validation_words.say(_english(query)["received"][0])
    assert "“Menos que el dinero después de impuestos de la persona fallecida”" in said


def test_the_spanish_templates_keep_their_placeholders():
    fields = lambda text: {f for _, f, _, _ in Formatter().parse(text) if f}  # noqa: E731
    with translation.override("es"):
        for template in validation.TEMPLATES:
            spanish = translation.gettext(template)
            assert spanish != template and fields(spanish) == fields(template), template


def test_the_wizards_year_message_is_spanish():
    known = {"account": "hsa", "event": "closed-at-loss"}
    with translation.override("es"):
        form = QUESTION_FORMS["year"](data={"year-year": "1999"}, prefix="year", known=known,
                                      current=CURRENT)
        assert not form.is_valid()
        assert form.errors["year"] == [
            "Las cuentas de ahorros para la salud comenzaron en el año tributario 2004. "
            f"Escriba un año de 2004 a {CURRENT}."]


def test_a_message_keeps_its_words_through_pickle():
    said = _english({"account": "taxable", "event": "bogus"})["event"][0]
    again = pickle.loads(pickle.dumps(said))
    assert again == said and again.template == said.template
    with translation.override("es"):
        assert validation_words.say(again) == validation_words.say(said) != said
