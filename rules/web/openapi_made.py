"""`made` in the OpenAPI document: the parameter of the determination endpoint and the
`changed_since_made` it adds (rules.web.made). No Django imports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from rules.law import clock
from rules.law import vocabulary as v
from rules.law.validation import validate
from rules.web import made
from rules.web.openapi_determination import answered, determination
from rules.web.openapi_parts import Operation, examples_of, ref

CHANGED = "ChangedSinceMade"


def parameter() -> dict[str, Any]:
    return {
        "name": made.NAME,
        "in": "query",
        "required": False,
        "description": "The day the answer was given (YYYY-MM-DD, not later than today), "
        "as in the links this API and the results page give (`results_url` carries today). "
        "With it, the body adds `changed_since_made`. Empty, given twice, not a day of the "
        "calendar or later than today: 400.",
        "schema": {"type": "string", "format": "date"},
        "examples": {"before-2025-law": {"summary": "January 15, 2025", "value": made.EXAMPLE}},
    }


def schemas() -> dict[str, dict[str, Any]]:
    return {
        CHANGED: {
            "type": "object",
            "description": "What the answer was on the day `made`, as the law then stood, "
            "and the changes of the law enacted since that changed it.",
            "properties": {
                "made": {"type": "string", "format": "date"},
                "outcome": {"type": "string", "enum": list(v.OUTCOMES)},
                "deductible": {"type": ["boolean", "null"]},
                "certainty": {"type": "string", "enum": list(v.CERTAINTIES)},
                "last_day": {
                    "type": ["string", "null"],
                    "format": "date",
                    "description": "The last day to claim the deduction as the law then "
                    "stood (null: no deduction, or readings whose windows differ).",
                },
                "changes": {
                    "type": "array",
                    "description": "Newest first: the day each was signed or released, its "
                    "citation and what it did.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "date": {"type": "string", "format": "date"},
                            "citation": ref("Citation"),
                            "change": {"type": "string"},
                        },
                        "required": ["date", "citation", "change"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["made", "outcome", "deductible", "certainty", "last_day", "changes"],
            "additionalProperties": False,
        }
    }


def determination_with_made(today: date) -> Operation:
    """The determination endpoint, with `made`."""
    op = determination(today)
    found = dict(op.schemas)
    body = found["Determination"]
    body["properties"]["changed_since_made"] = {
        "oneOf": [ref(CHANGED), {"type": "null"}],
        "description": "Only with `made`: null when the answer has not changed since.",
    }
    body["properties"]["results_url"] = {
        **body["properties"]["results_url"],
        "description": "The results page for these answers, relative to this site, with "
        "`made` set to today.",
    }
    query = {"account": "roth-ira", "event": "closed-at-loss", "year": "2026"}
    example = ()
    if today >= date(2026, 1, 1):
        given = {**query, made.NAME: made.EXAMPLE}
        example = (("changed", "A link made before the 2025 law", given),)
    return replace(
        op,
        parameters=[*op.parameters, parameter()],
        schemas={**found, **schemas()},
        ok_examples={
            **op.ok_examples,
            **examples_of((n, s, _answered(q, today)) for n, s, q in example),
        },
    )


def _answered(query: dict[str, str], today: date) -> dict[str, Any]:
    """The example body, as the API answers it."""
    data = answered({k: q for k, q in query.items() if k != made.NAME}, today)
    answers, _ = validate(query, current=clock.tax_year(today))
    notice = made.changed_since(answers, date.fromisoformat(query[made.NAME]), today)
    data["changed_since_made"] = notice.as_json() if notice else None
    return data
