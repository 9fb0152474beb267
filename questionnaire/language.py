"""The language of a page is its address: English at today's addresses, Spanish under /es/.

Nothing else decides it for a page: no cookie, no session, no Accept-Language
header, nothing stored about the visitor. A shared link therefore shows every
reader the same words. The JSON API is not prefixed (it stays at /api/...): it
answers in Spanish when asked by `lang=es` or `Accept-Language: es`
(rules/web/api_language.py).
"""

from __future__ import annotations

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix
from django.utils import translation

from questionnaire import site

DEFAULT = "en"
SPANISH = "es"
PREFIX = "/es/"
# Addresses that are never prefixed: the API, the admin, static files, the health check.
UNPREFIXED = ("/es/api/", "/es/admin/", "/es/static/", "/es/healthz")
# The API guide is a page for people, in both languages; the JSON beside it is not.
GUIDE = "/es/api/"
NAMES = {DEFAULT: "English", SPANISH: "Español"}


def language_of(path: str) -> str:
    """The language a path asks for: Spanish under /es/ (and /es itself, which the
    slash redirect sends on to /es/); English everywhere else."""
    if path in ("/es", GUIDE) or (path.startswith(PREFIX) and not path.startswith(UNPREFIXED)):
        return SPANISH
    return DEFAULT


def in_language(path: str, language: str) -> str:
    """The same page's path in `language` (path without the query string)."""
    english = path[len(PREFIX) - 1 :] if language_of(path) == SPANISH else path
    return PREFIX[:-1] + english if language == SPANISH else english


class LanguageMiddleware:
    """Activate the language the address names for this request, and only for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_of(request.path_info)
        request.LANGUAGE_CODE = language
        translation.activate(language)
        try:
            response = self.get_response(request)
        finally:
            # Never leak a Spanish request's language into the next use of the thread.
            translation.activate(DEFAULT)
        if response.get("Content-Type", "").startswith("text/html"):
            # A page says its language (the JSON API says its own: rules/web/api_language).
            response.headers.setdefault("Content-Language", language)
        return response


def alternates(request: HttpRequest) -> dict[str, object]:
    """The page in each language (absolute, for hreflang) and the link to the other one.

    The query string is kept: a results page links to the same answers in the other
    language; a wizard step keeps its answers in the signed cookie, which both
    languages share (its path is /)."""
    prefix = get_script_prefix()[:-1]
    path = request.path_info
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    current = translation.get_language() or DEFAULT
    current = SPANISH if current.startswith(SPANISH) else DEFAULT
    other = DEFAULT if current == SPANISH else SPANISH
    try:
        urls = {lang: site.absolute(request, prefix + in_language(path, lang) + suffix)
                for lang in (DEFAULT, SPANISH)}
    except DisallowedHost:
        return {}  # the 400 page for a host we do not answer to: no links to it
    return {
        "code": current,
        "alternates": urls,
        "other": {
            "code": other,
            "name": NAMES[other],
            "url": prefix + in_language(path, other) + suffix,
        },
    }
