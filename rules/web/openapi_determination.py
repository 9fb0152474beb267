"""The determination endpoint in the OpenAPI document: its parameters (when each
question applies), its schemas and real examples, all from the vocabulary and
the engine."""

from __future__ import annotations

from datetime import date
from typing import Any

from rules.law import clock, engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import ASSET_EVENTS, received_applies
from rules.law.validation import validate
from rules.web import api_language, presenters
from rules.web.openapi_parts import (
    Operation,
    code,
    enum_parameter,
    examples_of,
    ref,
    term_list,
)

# --- /api/v1/determination


def _event_description() -> str:
    # Accounts grouped by their events as a saver reads them (the HSA's rollover is
    # worded for an HSA).
    groups: dict[tuple[v.Term, ...], list[str]] = {}
    for slug, acct in v.ACCOUNTS.items():
        groups.setdefault(tuple(acct.event(e) for e in acct.events), []).append(slug)
    lines = ["What happened. Required. The events an account can have:", ""]
    for terms, accounts in groups.items():
        lines.append(f"- for {code(accounts)}:")
        lines += [f"  - `{t.slug}`: {t.label} ({t.hint})" for t in terms]
    lines += ["", "Any other event for an account is a 400 that names the events it can have."]
    return "\n".join(lines)


def _contribution_description() -> str:
    asks = [a for a in v.ACCOUNTS.values() if a.asks_contribution]
    one_kind = [a for a in v.ACCOUNTS.values() if not a.asks_contribution]
    lines = [
        "The kind of money in the account: `after-tax` or `roth` means some of it was "
        "already taxed (basis), `pre-tax` that none was.",
        "",
        term_list(v.CONTRIBUTIONS),
        "",
        "Applies to these accounts, with these values; missing means `unsure`:",
        "",
        *(f"- `{a.slug}`: {code(a.contributions)}" for a in asks),
        "",
        "The other accounts hold one kind only or none: leave it out, or give exactly that kind:",
        "",
        *(
            f"- `{a.slug}`: "
            + (f"`{a.implied_contribution}`" if a.implied_contribution else "none")
            for a in one_kind
        ),
    ]
    return "\n".join(lines)


def _received_description() -> str:
    applies = [
        (slug, [c for c in acct.contributions if received_applies(slug, v.CLOSED_AT_LOSS, c)])
        for slug, acct in v.ACCOUNTS.items()
    ]
    lines = [
        f"What was received, against the basis. Applies only when `event` is "
        f"`{v.CLOSED_AT_LOSS}`, for these accounts and kinds of money (a missing "
        "`contribution` counts as `unsure`); missing means `unsure`. Elsewhere it is "
        "ignored and left out of `answers`.",
        "",
        *(f"- `{slug}` with {code(kinds)}" for slug, kinds in applies if kinds),
        "",
        term_list(v.RECEIVED),
    ]
    return "\n".join(lines)


def _asset_description() -> str:
    events = [e for e in v.ACCOUNTS[v.TAXABLE].events if e in ASSET_EVENTS]
    return "\n".join(
        [
            f"What was sold. Applies only when `account` is `{v.TAXABLE}` and `event` is "
            f"{code(events)}; missing means `{v.SECURITIES}`. Elsewhere it is ignored and "
            "left out of `answers`.",
            "",
            term_list(v.ASSETS),
        ]
    )


def _year_description(current: int) -> str:
    later = {}
    for slug, acct in v.ACCOUNTS.items():
        for kind in (None, *acct.contributions):
            start = engine.first_year(slug, kind)
            if start > law.FIRST_TAX_YEAR:
                who = f"`{slug}`" + (f" with `{kind}`" if kind else "")
                later[who] = (start, engine.first_year_reason(slug, kind))
        for event in acct.events:
            start = engine.first_year(slug, None, event)
            if start > engine.first_year(slug, None):
                who = f"`{slug}` with `event` `{event}`"
                later[who] = (start, engine.first_year_reason(slug, None, event))
    return "\n".join(
        [
            f"The tax year, four digits, from {law.FIRST_TAX_YEAR} to the current tax year "
            f"({current} today; it turns over at midnight US Eastern time on January 1). "
            "Missing means the current tax year. Some answers begin later, and an earlier "
            "year is a 400 that says why:",
            "",
            *(f"- {who}: from {start} ({why})" for who, (start, why) in later.items()),
            "",
            "`answers` keeps the year only when it can change the answer.",
        ]
    )


def _answers_schema(current: int) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "The answers that decide this answer, canonical: lower case, in a "
        "fixed order, only those that matter (what `results_url` carries).",
        "properties": {
            "account": {"type": "string", "enum": list(v.ACCOUNTS)},
            "event": {"type": "string", "enum": list(v.EVENTS)},
            "contribution": {"type": "string", "enum": list(v.CONTRIBUTIONS)},
            "received": {"type": "string", "enum": list(v.RECEIVED)},
            "asset": {"type": "string", "enum": list(v.ASSETS)},
            "year": {"type": "integer", "minimum": law.FIRST_TAX_YEAR, "maximum": current},
        },
        "required": ["account", "event"],
        "additionalProperties": False,
    }


def _common_answer_properties() -> dict[str, Any]:
    return {
        "outcome": {
            "type": "string",
            "enum": list(v.OUTCOMES),
            "description": "\n".join(
                f"- `{o.slug}` (deductible: {_json_word(o.deductible)}): {o.label}"
                for o in v.OUTCOMES.values()
            ),
        },
        "deductible": {
            "type": ["boolean", "null"],
            "description": "true: a deduction; false: none; null: it depends on what the "
            "saver was not sure of.",
        },
        "certainty": {
            "type": "string",
            "enum": list(v.CERTAINTIES),
            "description": "\n".join(f"- `{c.slug}`: {c.sentence}" for c in v.CERTAINTIES.values()),
        },
        "rule": {
            "type": "string",
            "description": "The id of the rule that decided it (new rules may appear).",
        },
        "headline": {"type": "string", "description": "The answer in one sentence."},
        "results_url": {
            "type": "string",
            "pattern": "^(/es)?/results/\\?",
            "description": "The results page for these answers, relative to this site "
            "(under /es/ when the answer was asked in Spanish).",
        },
    }


def _json_word(value: bool | None) -> str:
    return {True: "true", False: "false", None: "null"}[value]


def _determination_schemas(current: int) -> dict[str, dict[str, Any]]:
    common = _common_answer_properties()
    return {
        "Answers": _answers_schema(current),
        "Claim": {
            "type": "object",
            "description": "The usual last day to claim a refund for that year by amending "
            "the return, assuming it was filed by its due date. Only for a past tax year "
            "whose answer is, or may be, a deduction.",
            "properties": {
                "last_day": {"type": "string", "format": "date"},
                "open": {"type": "boolean", "description": "Is today on or before last_day?"},
                "years": {
                    "type": "integer",
                    "enum": sorted(
                        {law.REFUND_CLAIM_YEARS.at(current), law.WORTHLESS_CLAIM_YEARS.at(current)}
                    ),
                    "description": "Years from the due date: 7 for a worthless security.",
                },
            },
            "required": ["last_day", "open", "years"],
            "additionalProperties": False,
        },
        "Citation": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "pinpoint": {"type": "string", "description": "The section cited; may be empty."},
            },
            "required": ["title", "url", "pinpoint"],
            "additionalProperties": False,
        },
        "Branch": {
            "type": "object",
            "description": "One concrete reading of the answers the saver was not sure of.",
            "properties": {
                "label": {"type": "string", "description": "The reading, in words."},
                "answers": ref("Answers"),
                "contribution": {
                    "type": ["string", "null"],
                    "enum": [*(c for c in v.CONTRIBUTIONS if c != v.UNSURE), None],
                },
                **common,
                "deductible": {"type": "boolean"},
                "outcome": {**common["outcome"], "enum": [o for o in v.OUTCOMES if o != v.DEPENDS]},
                "reason": {"type": "string"},
                "claim": {
                    **ref("Claim"),
                    "description": "This reading's own time to claim: for a past tax year "
                    "whose reading gives a deduction.",
                },
            },
            "required": [
                "label",
                "answers",
                "contribution",
                "outcome",
                "deductible",
                "certainty",
                "rule",
                "headline",
                "reason",
                "results_url",
            ],
            "additionalProperties": False,
        },
        "Determination": {
            "type": "object",
            "properties": {
                "answers": ref("Answers"),
                **common,
                "claim": ref("Claim"),
                "citations": {"type": "array", "items": ref("Citation"), "minItems": 1},
                "table_rows": {
                    "type": "array",
                    "items": {"type": "string", "pattern": "^(/es)?/tables/#"},
                    "description": "Rows of the comparison tables about this answer.",
                },
                "branches": {
                    "type": "array",
                    "items": ref("Branch"),
                    "minItems": 2,
                    "description": "Only when the saver was not sure of an answer that "
                    "matters: each concrete reading and its answer.",
                },
            },
            "required": [
                "answers",
                "outcome",
                "deductible",
                "certainty",
                "rule",
                "headline",
                "citations",
                "results_url",
                "table_rows",
            ],
            "additionalProperties": False,
        },
    }


# Real questions, answered by the engine on the day the document is made.
DETERMINATION_EXAMPLES = (
    (
        "capital-loss",
        "Stock sold at a loss this year",
        {"account": "taxable", "event": "sold-at-loss", "asset": "securities"},
    ),
    (
        "not-deductible",
        "A 401(k) whose value fell",
        {"account": "traditional-401k", "event": "value-dropped"},
    ),
    (
        "past-year",
        "An IRA with after-tax money emptied at a loss in 2017",
        {
            "account": "traditional-ira",
            "event": "closed-at-loss",
            "contribution": "after-tax",
            "received": "below-basis",
            "year": "2017",
        },
    ),
    (
        "depends",
        "Not sure of the kind of money in a 401(k) emptied at a loss",
        {"account": "traditional-401k", "event": "closed-at-loss", "year": "2017"},
    ),
)
DETERMINATION_ERRORS = (
    (
        "contradiction",
        "An event that cannot happen to the account",
        {"account": "taxable", "event": "rolled-over"},
    ),
    (
        "cannot-exist",
        "A combination that cannot exist",
        {"account": "457b", "event": "closed-at-loss", "contribution": "after-tax"},
    ),
    ("missing", "Nothing given", {}),
)


def _with_examples(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each parameter with its value in the examples that give it, so a tool that
    reads parameter examples (Schemathesis does) asks those questions too."""
    for p in parameters:
        values = {
            f"{name}": {
                "summary": summary,
                "value": int(q[p["name"]]) if p["name"] == "year" else q[p["name"]],
            }
            for name, summary, q in DETERMINATION_EXAMPLES
            if p["name"] in q
        }
        if values:
            p["examples"] = values
    return parameters


def answered(query: dict[str, str], today: date) -> dict[str, Any]:
    answers, errors = validate(query, current=clock.tax_year(today))
    if errors:
        return {"errors": errors}
    return presenters.as_json(engine.determine(answers), today)


def determination(today: date) -> Operation:
    current = clock.tax_year(today)
    return Operation(
        path="/determination",
        operation_id="getDetermination",
        summary="Can this investment loss be deducted?",
        description="The engine's answer for one set of answers: the outcome, how firm "
        "its ground is, the rule and the law behind it, and, for a past year, the time "
        "left to claim. `unsure` (or a missing answer where `unsure` exists) is answered "
        "for every concrete value the saver might mean: `outcome` is their common "
        "outcome, or `depends`, and `branches` lists each reading. Also at "
        "`/api/determination` (unversioned, the same bodies).",
        parameters=_with_examples(
            [
                enum_parameter(
                    "account",
                    v.ACCOUNTS,
                    "What kind of account. Required.\n\n"
                    + "\n".join(f"- `{a.slug}`: {a.label}" for a in v.ACCOUNTS.values()),
                    required=True,
                ),
                enum_parameter("event", v.EVENTS, _event_description(), required=True),
                enum_parameter("contribution", v.CONTRIBUTIONS, _contribution_description()),
                enum_parameter("received", v.RECEIVED, _received_description()),
                enum_parameter("asset", v.ASSETS, _asset_description()),
                {
                    "name": "year",
                    "in": "query",
                    "required": False,
                    "description": _year_description(current),
                    "schema": {
                        "type": "integer",
                        "minimum": law.FIRST_TAX_YEAR,
                        "maximum": current,
                    },
                },
                *api_language.OPENAPI_PARAMETERS,
            ]
        ),
        ok_schema=ref("Determination"),
        ok_examples=examples_of(
            (name, summary, answered(query, today))
            for name, summary, query in DETERMINATION_EXAMPLES
        ),
        error_examples=examples_of(
            (name, summary, answered(query, today)) for name, summary, query in DETERMINATION_ERRORS
        ),
        schemas=_determination_schemas(current),
    )
