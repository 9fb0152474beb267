"""The pages around the wizard: the start page, and the 500 (or 503) page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_safe

from questionnaire import language, outage
from questionnaire.context_processors import site_links
from rules.editor import updated
from rules.law.accounts import COVERED


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(
        request, "questionnaire/start.html", {"updated": updated.UPDATED, "covered": COVERED}
    )


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
