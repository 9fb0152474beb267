"""One registry of the site's pages, for every check that visits pages (one h1,
security headers, budgets, HTML validity, accessibility).

Each named route in the URLconf maps to the example URLs that exercise it;
tests/test_pages.py walks the resolver and fails when a route has no example,
so a new page cannot be left out of the checks.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from questionnaire.forms import QUESTION_FORMS

RESULTS = {
    "not-deductible": "/results/?account=traditional-401k&event=value-dropped",
    "capital-loss": "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2026",
    "capital-loss-claim-closed": (
        "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2019"
    ),
    "ordinary-loss": (
        "/results/?account=taxable&event=sold-at-loss&asset=small-business-stock&year=2026"
    ),
    "itemized-2-percent": "/results/?account=roth-ira&event=closed-at-loss&year=2017",
    "itemized-suspended": "/results/?account=roth-ira&event=closed-at-loss&year=2026",
    "wash-sale-deferred": "/results/?account=taxable&event=wash-sale&asset=securities",
    "wash-sale-disallowed": "/results/?account=taxable&event=wash-sale-ira&asset=securities",
    "depends": (
        "/results/?account=traditional-401k&event=closed-at-loss&contribution=unsure"
        "&received=unsure&year=2017"
    ),
    "yes-either-way": "/results/?account=taxable&event=sold-at-loss&asset=unsure&year=2026",
}
RESULTS_400 = "/results/?account=taxable&event=rolled-over"

# Route name -> {label: example URL}. Admin routes are Django's own and are
# checked through the admin pages listed under "admin:index".
EXAMPLES: dict[str, dict[str, str]] = {
    "questionnaire:start": {"start": "/"},
    "questionnaire:check": {"wizard start": "/check/"},
    "questionnaire:step": {
        **{f"question {name}": f"/check/{name}/" for name in QUESTION_FORMS},
        "review": "/check/review/",
    },
    "rules:results": {
        **{f"results {outcome}": url for outcome, url in RESULTS.items()},
        "results 400": RESULTS_400,
    },
    "rules:tables": {"tables": "/tables/"},
    "rules:api": {
        "api": "/api/determination?account=taxable&event=sold-at-loss&asset=securities&year=2026",
        "api 400": "/api/determination?account=nope",
    },
    "rules:api-v1": {
        "api v1": (
            "/api/v1/determination?account=taxable&event=sold-at-loss&asset=securities&year=2026"
        ),
        "api v1 400": "/api/v1/determination?account=nope",
    },
    "rules:openapi": {"openapi": "/api/openapi.json"},
    "rules:api-guide": {"api guide": "/api/"},
    "admin:index": {"admin login": "/admin/login/"},
    # Feedback: a POST endpoint and the pages a saver without JavaScript reaches
    # (checked in a browser by tests/browser/test_feedback.py, which posts first).
    "rules:feedback": {},
    "rules:feedback-comment": {},
    "rules:feedback-thanks": {},
}


def route_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    """Every named route of the site (admin routes counted as "admin:index")."""
    resolver = resolver or get_resolver()
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace == "admin":
                names.add("admin:index")
            else:
                names |= route_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


# Routes that answer with JSON (and the admin, checked on its own).
JSON = ("rules:api", "rules:api-v1", "rules:openapi", "admin:index")


def html_pages() -> dict[str, str]:
    """Every example that answers with an HTML page of ours (not the API, not admin)."""
    return {
        label: url
        for name, examples in EXAMPLES.items()
        if name not in JSON
        for label, url in examples.items()
    }
