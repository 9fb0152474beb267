"""The pages around the wizard: the start page, and the 500 (or 503) page."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import get_script_prefix
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from questionnaire import language, outage, site
from questionnaire.context_processors import site_links
from rules.editor import updated
from rules.law.accounts import COVERED


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    # The same page for everyone: a pure function of the code (the date it last changed),
    # the language and the site's address (hreflang links), rendered once per process as
    # the tables are. A query string is named in those links: such a page is rendered.
    key = None
    if not request.META.get("QUERY_STRING"):
        where = f"{site.origin(request)}{get_script_prefix()}{request.path_info}"
        key = f"start:{updated.FINGERPRINT}:{get_language()}:{where}"
        content = cache.get(key)
        if content is not None:
            return HttpResponse(content)
    content = render(
        request, "questionnaire/start.html", {"updated": updated.UPDATED, "covered": COVERED}
    ).content
    if key is not None:
        cache.set(key, content)
    return HttpResponse(content)


# Shown when even the styled 500 page cannot be rendered (say, a missing static file).
PLAIN_500 = (
    "<!doctype html><html lang=en><meta charset=utf-8>"
    "<title>Sorry, something went wrong – Can I deduct this investment loss?</title>"
    "<h1>Sorry, something went wrong</h1><p>Please try again in a few minutes.</p></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: the styled template, rendered with no context, or plain text. A
    database that is down, full or read-only gets the 503 page instead (outage.py)."""
    unavailable = outage.answer(request)
    if unavailable is not None:
        return unavailable
    try:
        alternates = language.alternates(request)
    except Exception:
        alternates = None
    try:
        html = loader.render_to_string(
            "500.html", {"site": site_links(), "language": alternates}
        )
    except Exception:
        html = PLAIN_500
    return HttpResponseServerError(html)
