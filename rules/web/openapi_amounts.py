"""The "how much" worksheets endpoint in the OpenAPI document: its parameters, from
the worksheets' own field lists (rules.law.worksheet_inputs.SPECS), its schema and
real examples worked out by the worksheets themselves."""

from __future__ import annotations

from datetime import date
from typing import Any

from rules.law import clock
from rules.law import worksheet_inputs as wi
from rules.law import worksheet_outputs as wo
from rules.law import worksheets as w
from rules.web import api_language
from rules.web.openapi_parts import Operation, code, enum_parameter, examples_of, ref

AMOUNT = {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$"}
KINDS = {
    wi.MONEY: "US dollars, zero or more (`3000.00`; `3,000` and `$3000` are read too)",
    wi.SIGNED: "US dollars, minus for a loss (`-10000.00`)",
    wi.LOSS: "US dollars lost, zero or more (`12000.00`; a minus sign or parentheses "
    "change nothing: it is a loss either way)",
    wi.SHARES: "a number of shares, fractions allowed",
    wi.YEAR: "a tax year, four digits",
}

AMOUNTS_EXAMPLES = (
    (
        "capital-loss",
        "A $10,000 net loss, single, 2025",
        {"worksheet": w.CAPITAL_LOSS, "filing": "single", "year": "2025", "short": "-10000"},
    ),
    (
        "section-1244",
        "A $120,000 loss on Section 1244 stock, joint return",
        {"worksheet": w.SECTION_1244, "filing": "married-joint", "year": "2025", "loss": "120000"},
    ),
    (
        "wash-sale",
        "A $250 loss on 100 shares, 50 bought back",
        {"worksheet": w.WASH_SALE, "loss": "250", "sold": "100", "bought": "50"},
    ),
    (
        "basis-loss",
        "2017: basis $12,000, received $10,000, AGI $50,000",
        {
            "worksheet": w.BASIS_LOSS,
            "year": "2017",
            "basis": "12000",
            "received": "10000",
            "agi": "50000",
        },
    ),
)
AMOUNTS_ERRORS = (
    ("unknown-worksheet", "No such worksheet", {"worksheet": "pension"}),
    (
        "negative",
        "A loss below zero",
        {"worksheet": w.SECTION_1244, "filing": "single", "loss": "-5"},
    ),
)


def worked(query: dict[str, str], today: date) -> dict[str, Any]:
    """The API's body for a query, as the view makes it (200 or the 400 errors)."""
    current = clock.tax_year(today)
    slug = query.get("worksheet")
    if slug not in wi.SPECS:
        return {"errors": {"worksheet": [wi.WORKSHEET_WORDS]}}
    inputs, errors = wi.read(slug, query, current)
    if errors:
        return {"errors": errors}
    return wo.as_json(slug, inputs, wi.run(slug, inputs))


def _fields() -> dict[str, tuple[wi.Field, list[str]]]:
    found: dict[str, tuple[wi.Field, list[str]]] = {}
    for slug, spec in wi.SPECS.items():
        for f in (*spec.fields, *(net for net, _, _ in spec.nets)):
            found.setdefault(f.name, (f, []))[1].append(slug)
    return found


def _parameters() -> list[dict[str, Any]]:
    parameters = [
        enum_parameter(
            "worksheet",
            list(wi.SPECS),
            "Which worksheet: "
            + "; ".join(f"`{slug}`: {spec.title}" for slug, spec in wi.SPECS.items())
            + ".",
            required=True,
        )
    ]
    for name, (f, used_by) in _fields().items():
        where = f"Used by {code(used_by)}" + ("" if f.required else " (optional there)")
        if f.kind == wi.FILING:
            parameters.append(enum_parameter(name, list(w.FILINGS), f"{f.label}. {where}."))
            continue
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": f"{f.label}: {KINDS[f.kind]}. {where}.",
                "schema": {"type": "string", "maxLength": 40},
            }
        )
    # The language of the words (line labels, notes, error messages): as the determination.
    said = ("The language of the words in the answer (headline, reason, labels, error "
            "messages)", "The language of the words in the answer (line labels, notes, error "
            "messages)")
    parameters.extend(
        {**language, "description": language["description"].replace(*said)}
        for language in api_language.OPENAPI_PARAMETERS
    )
    return parameters


def _schemas() -> dict[str, dict[str, Any]]:
    outputs = sorted({key for spec in wi.SPECS.values() for key, _ in spec.outputs})
    return {
        "Amounts": {
            "type": "object",
            "description": "A worksheet worked out: its outputs, and its lines in the order "
            "a person fills in the IRS form.",
            "properties": {
                "worksheet": {"type": "string", "enum": list(wi.SPECS)},
                "inputs": {
                    "type": "object",
                    "additionalProperties": {"type": ["string", "integer"]},
                },
                "outputs": {
                    "type": "object",
                    "properties": {key: AMOUNT for key in outputs},
                    "additionalProperties": False,
                },
                "lines": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "label": {"type": "string"},
                            "amount": AMOUNT,
                            "carry": {"type": "boolean"},
                        },
                        "required": ["label", "amount", "carry"],
                        "additionalProperties": False,
                    },
                },
                "notes": {"type": "array", "items": {"type": "string"}},
                "citations": {"type": "array", "items": ref("Citation")},
            },
            "required": ["worksheet", "inputs", "outputs", "lines", "notes", "citations"],
            "additionalProperties": False,
        }
    }


def _checked(pairs, today: date):
    """Examples worked out for the day (tests/rules/test_openapi.py checks that each
    200 example is a 200 and each 400 example a 400)."""
    for name, summary, query in pairs:
        yield name, summary, worked(query, today)


def amounts(today: date) -> Operation:
    return Operation(
        path="/amounts",
        operation_id="amounts",
        summary="How much: a loss, its carryover or the basis, line by line",
        description="Works out one of the worksheets with the saver's figures. Amounts are "
        "decimal strings with two places. The answer holds the saver's own figures, so "
        "no cache may keep it (`Cache-Control: private, no-store`).",
        parameters=_parameters(),
        ok_schema=ref("Amounts"),
        ok_examples=examples_of(_checked(AMOUNTS_EXAMPLES, today)),
        error_examples=examples_of(_checked(AMOUNTS_ERRORS, today)),
        schemas=_schemas(),
        public_cache=False,
    )
