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
# A link made before the 2025 law changed its answer (the notice at the top), and one
# whose day cannot be read.
RESULTS_MADE = "/results/?account=roth-ira&event=closed-at-loss&year=2026&made=2025-01-15"
RESULTS_MADE_400 = "/results/?account=roth-ira&event=closed-at-loss&year=2026&made=2025-02-30"


def api_url(results: str) -> str:
    """The JSON API's address for the answers of a results page."""
    return "/api/determination?" + results.split("?", 1)[1]


# The "Work out how much" pages: empty as reached from a results page, filled in,
# and with field errors.
AMOUNTS = {
    "amounts capital-loss": (
        "/amounts/capital-loss/?account=taxable&event=sold-at-loss&asset=securities&year=2026"
    ),
    "amounts capital-loss filled": (
        "/amounts/capital-loss/?account=taxable&event=sold-at-loss&asset=securities"
        "&filing=single&year=2026&short_loss=2000&long_loss=8000&short_gain=&long_gain="
        "&carry_short=&carry_long=&taxable_income=-1500"
    ),
    "amounts capital-loss errors": (
        "/amounts/capital-loss/?filing=&year=1900&short_loss=ten&long_loss=&short_gain=-5"
        "&long_gain=&carry_short=-5&carry_long=&taxable_income="
    ),
    "amounts section-1244 filled": (
        "/amounts/section-1244/?account=taxable&event=sold-at-loss&asset=small-business-stock"
        "&filing=married-joint&year=2026&loss=120000&share=figures"
    ),
    "amounts wash-sale filled": (
        "/amounts/wash-sale/?account=taxable&event=wash-sale&asset=securities"
        "&loss=250&sold=100&bought=50"
    ),
    "amounts basis-loss filled": (
        "/amounts/basis-loss/?account=roth-ira&event=closed-at-loss&year=2017"
        "&basis=12000&received=10000&agi=50000&other_misc="
    ),
}

# Route name -> {label: example URL}. Admin routes are Django's own and are
# checked through the admin pages listed under "admin:index".
EXAMPLES: dict[str, dict[str, str]] = {
    "questionnaire:start": {"start": "/"},
    "questionnaire:check": {"wizard start": "/check/"},
    "questionnaire:not-covered": {"not covered": "/not-covered/"},
    "questionnaire:step": {
        **{f"question {name}": f"/check/{name}/" for name in QUESTION_FORMS},
        "review": "/check/review/",
    },
    "rules:results": {
        **{f"results {outcome}": url for outcome, url in RESULTS.items()},
        "results 400": RESULTS_400,
        "results law changed": RESULTS_MADE,
        "results made 400": RESULTS_MADE_400,
    },
    "rules:tables": {
        "tables": "/tables/",
        "tables one account": "/tables/?account=traditional-401k",
        "tables 400": "/tables/?account=nope",
    },
    "rules:glossary": {"glossary": "/glossary/"},
    "rules:changes": {"changes": "/changes/"},
    "rules:changes-feed": {"changes feed": "/changes/feed/"},
    "rules:api": {
        "api": "/api/determination?account=taxable&event=sold-at-loss&asset=securities&year=2026",
        "api 400": "/api/determination?account=nope",
    },
    "rules:amounts-api-v1": {
        "amounts api v1": "/api/v1/amounts?worksheet=wash-sale&loss=250&sold=100&bought=50",
    },
    "rules:amounts-api": {
        "amounts api": "/api/amounts?worksheet=wash-sale&loss=250&sold=100&bought=50",
        "amounts api 400": "/api/amounts?worksheet=nope",
    },
    "rules:amounts-capital-loss": {
        k: u for k, u in AMOUNTS.items() if u.startswith("/amounts/capital-loss/")
    },
    "rules:amounts-section-1244": {
        k: u for k, u in AMOUNTS.items() if u.startswith("/amounts/section-1244/")
    },
    "rules:amounts-wash-sale": {
        k: u for k, u in AMOUNTS.items() if u.startswith("/amounts/wash-sale/")
    },
    "rules:amounts-basis-loss": {
        k: u for k, u in AMOUNTS.items() if u.startswith("/amounts/basis-loss/")
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
JSON = (
    "rules:api",
    "rules:api-v1",
    "rules:openapi",
    "rules:amounts-api",
    "rules:amounts-api-v1",
    "admin:index",
    "rules:changes-feed",  # Atom (XML), checked by tests/rules/test_made.py
)


def html_pages() -> dict[str, str]:
    """Every example that answers with an HTML page of ours (not the API, not admin)."""
    return {
        label: url
        for name, examples in EXAMPLES.items()
        if name not in ("rules:api", "rules:amounts-api", "admin:index")
        if name not in JSON
        for label, url in examples.items()
    }
