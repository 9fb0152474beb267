"""A database that is down, full or read-only: 503 in words, not 500 (issue 27, items 9
and NL3). pages.server_error asks `answer()` first; a request that failed because the
database refused it (OperationalError, InterfaceError: stopped, unreachable, "database or
disk is full", "attempt to write a readonly database") gets templates/503.html, or JSON
for a script that asked for it, with Retry-After. Nothing was stored; the saver is told so
and may send it again (a feedback post carries a request_key, so a retry never doubles)."""

from __future__ import annotations

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

RETRY_AFTER = "60"
MESSAGE = (
    "The site cannot store anything just now: its database is unavailable. Nothing you "
    "sent has been kept. Please try again in a few minutes."
)
PLAIN_503 = (
    "<!doctype html><html lang=en><meta charset=utf-8>"
    "<title>Please try again in a few minutes</title>"
    f"<h1>Please try again in a few minutes</h1><p>{MESSAGE}</p></html>"
)


def is_outage(error: BaseException | None) -> bool:
    """True for an error the database raised because it could not do the work."""
    seen = 0
    while error is not None and seen < 5:  # Django wraps the driver's error
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def answer(request: HttpRequest | None) -> HttpResponse | None:
    """The 503 for the exception being handled, or None when it is not an outage."""
    if not is_outage(sys.exc_info()[1]):
        return None
    from questionnaire.middleware import note_outage

    note_outage()  # /healthz tells the load balancer too
    accept = request.headers.get("Accept", "") if request is not None else ""
    if "application/json" in accept:
        response: HttpResponse = JsonResponse({"ok": False, "message": MESSAGE}, status=503)
    else:
        from questionnaire.context_processors import site_links

        try:
            html = loader.render_to_string("503.html", {"site": site_links(), "message": MESSAGE})
        except Exception:
            html = PLAIN_503
        response = HttpResponse(html, status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response
