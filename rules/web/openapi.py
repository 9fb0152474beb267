"""The API's OpenAPI 3.1 document, generated from the vocabulary and the engine.

Nothing here types an enumeration: every list of allowed values, every "when
it applies" and every example comes from rules.law.vocabulary, rules.law.answers,
rules.law.engine and rules.web.presenters, so the document cannot drift from the API.

The document is a list of operations (OPERATIONS), each built by a function of
the day; `document(today)` assembles them with the parts every endpoint shares
(the 400 body, the caching and CORS headers, 304). An endpoint is documented
by writing one function that returns an `Operation` and appending it to
OPERATIONS.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

# The parts and the determination endpoint live beside this module.
from rules.web.openapi_amounts import amounts
from rules.web.openapi_determination import (  # noqa: F401
    DETERMINATION_ERRORS,
    DETERMINATION_EXAMPLES,
    answered,
)
from rules.web.openapi_made import determination_with_made
from rules.web.openapi_parts import (  # noqa: F401
    ERRORS,
    PREFIX,
    VERSION,
    Operation,
    code,
    enum_parameter,
    examples_of,
    ref,
    term_list,
)

# The documented endpoints, in the order the document lists them.
OPERATIONS: list[Callable[[date], Operation]] = [determination_with_made, amounts]


# --- The document


def _errors_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "What is wrong, by field, in words a saver understands.",
        "properties": {
            "errors": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 1,
                },
            }
        },
        "required": ["errors"],
        "additionalProperties": False,
    }


def _headers(op: Operation, *, etag: bool) -> dict[str, Any]:
    if op.public_cache:
        cache_control = {
            "description": "`public, max-age=N`: N is the seconds until the next "
            "midnight US Eastern time, when the tax year or the time left to claim can "
            "change.",
            "required": True,
            "schema": {"type": "string", "pattern": "^public, max-age=[0-9]+$"},
        }
    else:
        cache_control = {
            "description": "`private, no-store`: the answer holds a saver's own figures; "
            "no cache may keep it.",
            "required": True,
            "schema": {"type": "string", "pattern": "^private, no-store$"},
        }
    headers = {
        "Cache-Control": cache_control,
        "Access-Control-Allow-Origin": {
            "description": "`*` when the request has an `Origin` (CORS); no credentials.",
            "schema": {"type": "string", "const": "*"},
        },
    }
    if etag and op.public_cache:
        headers["ETag"] = {
            "description": "Send it back in `If-None-Match` to get a 304 while it holds.",
            "required": True,
            "schema": {"type": "string"},
        }
    return headers


def _path_item(op: Operation) -> dict[str, Any]:
    item = {
        "get": {
            "operationId": op.operation_id,
            "summary": op.summary,
            "description": op.description,
            "parameters": op.parameters,
            "responses": {
                "200": {
                    "description": "The answer.",
                    "headers": _headers(op, etag=True),
                    "content": {
                        "application/json": {"schema": op.ok_schema, "examples": op.ok_examples}
                    },
                },
                "304": {
                    "description": "Not modified: the `ETag` sent in `If-None-Match` holds.",
                    "headers": {k: h for k, h in _headers(op, etag=True).items() if k != "ETag"},
                },
                "400": {
                    "description": "A missing, unknown or contradictory answer.",
                    "headers": _headers(op, etag=False),
                    "content": {
                        "application/json": {
                            "schema": ref(ERRORS),
                            "examples": op.error_examples,
                        }
                    },
                },
            },
        }
    }
    if not op.public_cache:  # never stored, so never revalidated
        del item["get"]["responses"]["304"]
    return item


def document(today: date) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document, as it stands on `today`."""
    operations = [build(today) for build in OPERATIONS]
    schemas: dict[str, Any] = {ERRORS: _errors_schema()}
    for op in operations:
        schemas.update(op.schemas)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Can I deduct this investment loss?",
            "version": "1.0.0",
            "summary": "Whether a loss in a US retirement, health, college or brokerage "
            "account is deductible on a federal return, with the law behind the answer.",
            "description": "Read-only, no key, no cookies. Everything under "
            f"`{PREFIX}` keeps its parameters and body keys until `/api/v2`; new "
            "values may be added to `rule` and to the text fields. The guide for people "
            "who build on it is at `/api/`. General information, not tax advice.",
        },
        "paths": {PREFIX + op.path: _path_item(op) for op in operations},
        "components": {"schemas": schemas},
    }
