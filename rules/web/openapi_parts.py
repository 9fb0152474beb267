"""Building blocks of the API's OpenAPI document (rules.web.openapi): parameters,
examples and the Operation each endpoint is described by. No Django imports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rules.law import vocabulary as v

VERSION = "v1"
PREFIX = f"/api/{VERSION}"
ERRORS = "Errors"


# --- Building blocks


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def code(slugs: Iterable[object]) -> str:
    """`a`, `b` or `c`: slugs as a reader sees them in the descriptions."""
    shown = [f"`{s}`" for s in slugs]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def term_list(terms: Mapping[str, v.Term]) -> str:
    """A Markdown list of slugs with their labels (and hints)."""
    return "\n".join(
        f"- `{t.slug}`: {t.label}" + (f" ({t.hint})" if t.hint else "") for t in terms.values()
    )


def enum_parameter(
    name: str, values: Iterable[str], description: str, *, required: bool = False
) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": {"type": "string", "enum": list(values)},
    }


def examples_of(pairs: Iterable[tuple[str, str, Any]]) -> dict[str, dict[str, Any]]:
    return {name: {"summary": summary, "value": value} for name, summary, value in pairs}


@dataclass(frozen=True)
class Operation:
    """One documented GET endpoint: its path under /api/v1, its query parameters, the
    schema of its 200 body, and real examples of its 200 and 400 bodies."""

    path: str  # under PREFIX, e.g. "/determination"
    operation_id: str
    summary: str
    description: str
    parameters: list[dict[str, Any]]
    ok_schema: dict[str, Any]
    ok_examples: dict[str, dict[str, Any]]
    error_examples: dict[str, dict[str, Any]]
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)  # its components
    # False for answers that hold a saver's own figures: never in a shared cache.
    public_cache: bool = True
