"""/api/openapi.json: a valid OpenAPI 3.1 document, generated from the vocabulary,
whose examples and schemas match what the API answers."""

from __future__ import annotations

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

from rules.law import engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import received_applies
from rules.web import openapi, openapi_amounts, presenters
from tests.conftest import CURRENT, TODAY

pytestmark = pytest.mark.django_db(databases=[])
DETERMINATION = "/api/v1/determination"


@pytest.fixture(scope="module")
def doc():
    return openapi.document(TODAY)


def _validator(doc, schema):
    """A JSON Schema validator for one schema of the document, $refs resolved."""
    return OAS31Validator({**schema, "components": doc["components"]})


def _params(doc):
    return {p["name"]: p for p in doc["paths"][DETERMINATION]["get"]["parameters"]}


def test_the_served_document_is_valid_openapi_3_1(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    served = r.json()
    validate_spec(served)
    assert served["openapi"].startswith("3.1")
    assert served == openapi.document(TODAY)


def test_every_parameter_enumeration_is_the_vocabulary(doc):
    params = _params(doc)
    # The answers, the day a link was made, then the two ways to ask for a language
    # (rules/web/api_language.py).
    assert list(params) == [*v.FIELDS, "lang", "Accept-Language", "made"]
    assert params["made"]["schema"] == {"type": "string", "format": "date"}
    assert params["lang"]["schema"]["enum"] == ["en", "es"]
    assert params["account"]["schema"]["enum"] == list(v.ACCOUNTS)
    assert params["event"]["schema"]["enum"] == list(v.EVENTS)
    assert set(params["event"]["schema"]["enum"]) == {
        e for a in v.ACCOUNTS.values() for e in a.events
    }
    assert params["contribution"]["schema"]["enum"] == list(v.CONTRIBUTIONS)
    assert params["received"]["schema"]["enum"] == list(v.RECEIVED)
    assert params["asset"]["schema"]["enum"] == list(v.ASSETS)
    assert params["year"]["schema"] == {
        "type": "integer",
        "minimum": law.FIRST_TAX_YEAR,
        "maximum": CURRENT,
    }
    assert [p["name"] for p in params.values() if p["required"]] == ["account", "event"]


def test_every_response_enumeration_is_the_vocabulary(doc):
    schemas = doc["components"]["schemas"]
    props = schemas["Determination"]["properties"]
    assert props["outcome"]["enum"] == list(v.OUTCOMES)
    assert props["certainty"]["enum"] == list(v.CERTAINTIES)
    assert schemas["Branch"]["properties"]["certainty"]["enum"] == list(v.CERTAINTIES)
    answers = schemas["Answers"]["properties"]
    assert list(answers) == list(v.FIELDS)
    assert answers["account"]["enum"] == list(v.ACCOUNTS)
    assert answers["event"]["enum"] == list(v.EVENTS)
    assert answers["contribution"]["enum"] == list(v.CONTRIBUTIONS)
    assert answers["received"]["enum"] == list(v.RECEIVED)
    assert answers["asset"]["enum"] == list(v.ASSETS)


def test_each_parameter_says_when_it_applies(doc):
    params = _params(doc)
    for slug, acct in v.ACCOUNTS.items():
        assert f"`{slug}`: {acct.label}" in params["account"]["description"]
        assert f"`{slug}`" in params["contribution"]["description"]
        for event in acct.events:
            assert f"`{event}`: {acct.event(event).label}" in params["event"]["description"]
        kinds = [c for c in acct.contributions if received_applies(slug, v.CLOSED_AT_LOSS, c)]
        assert (f"`{slug}` with" in params["received"]["description"]) == bool(kinds)
    assert "missing means `securities`" in params["asset"]["description"]
    assert "from 2006" in params["year"]["description"]  # Roth money in a 401(k)


def test_the_examples_are_real_answers_and_fit_their_schemas(client, doc):
    responses = doc["paths"][DETERMINATION]["get"]["responses"]
    for status in ("200", "400"):
        media = responses[status]["content"]["application/json"]
        validator = _validator(doc, media["schema"])
        assert media["examples"]
        for example in media["examples"].values():
            validator.validate(example["value"])
    for _name, _summary, query in openapi.DETERMINATION_EXAMPLES:
        r = client.get(DETERMINATION, query)
        assert r.status_code == 200
        assert r.json() in [
            e["value"] for e in responses["200"]["content"]["application/json"]["examples"].values()
        ]
    outcomes = {
        e["value"]["outcome"]
        for e in responses["200"]["content"]["application/json"]["examples"].values()
    }
    assert v.DEPENDS in outcomes and v.NOT_DEDUCTIBLE in outcomes


@pytest.mark.parametrize("year", [2005, 2017, CURRENT])
def test_every_answer_of_a_year_fits_the_schema(doc, year):
    validator = _validator(doc, openapi.ref("Determination"))
    for a in engine.all_answers(CURRENT):
        if a.year == year:
            validator.validate(presenters.as_json(engine.determine(a), TODAY))


def test_the_worksheets_are_documented_from_their_own_field_lists(doc):
    from rules.law import worksheet_inputs as wi

    op = doc["paths"]["/api/v1/amounts"]["get"]
    params = {p["name"]: p for p in op["parameters"]}
    assert params["worksheet"]["schema"]["enum"] == list(wi.SPECS)
    fields = {f.name for spec in wi.SPECS.values() for f in spec.fields}
    nets = {net.name for spec in wi.SPECS.values() for net, _, _ in spec.nets}
    assert nets == {"short", "long"}  # the net figures older calls send keep working
    assert set(params) == {"worksheet", "lang", "Accept-Language"} | fields | nets
    # A saver's figures: never cached, so no ETag and no 304.
    responses = op["responses"]
    assert "304" not in responses and "ETag" not in responses["200"]["headers"]
    assert responses["200"]["headers"]["Cache-Control"]["schema"]["pattern"] == (
        "^private, no-store$"
    )


def test_the_worksheet_examples_are_real_answers_that_fit_the_schema(doc, client):
    validator = _validator(doc, openapi.ref("Amounts"))
    op = doc["paths"]["/api/v1/amounts"]["get"]
    for name, example in op["responses"]["200"]["content"]["application/json"]["examples"].items():
        validator.validate(example["value"])
        query = next(q for n, _, q in openapi_amounts.AMOUNTS_EXAMPLES if n == name)
        r = client.get("/api/v1/amounts", query)
        assert r.status_code == 200 and r.json() == example["value"]
        assert r["Cache-Control"] == "private, no-store"
    errors = op["responses"]["400"]["content"]["application/json"]["examples"]
    for name, example in errors.items():
        query = next(q for n, _, q in openapi_amounts.AMOUNTS_ERRORS if n == name)
        r = client.get("/api/v1/amounts", query)
        assert r.status_code == 400 and r.json() == example["value"]
