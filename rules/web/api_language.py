"""The API's language: `lang=es` (or `en`), else the Accept-Language header; English
by default. The answer says which (Content-Language) and that it varies with the
header (Vary: Accept-Language)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

SUPPORTED = ("en", "es")
DEFAULT = "en"
LANG_ERROR = "Unknown language: use lang=en or lang=es."


def chosen(request: HttpRequest) -> tuple[str | None, str | None]:
    """(language, error): the `lang` parameter wins; a bad one is an error (400)."""
    if "lang" in request.GET:
        asked = request.GET.get("lang", "").strip().lower()
        base = asked.split("-", 1)[0]
        if base in SUPPORTED and len(asked) <= 10:
            return base, None
        return None, LANG_ERROR
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:500]
    for code, _quality in parse_accept_lang_header(header):
        base = code.split("-", 1)[0].lower()
        if base in SUPPORTED:
            return base, None
    return DEFAULT, None


def label(response: HttpResponse, language: str) -> HttpResponse:
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


# The two ways to ask, in the OpenAPI document (rules/web/openapi_determination.py).
OPENAPI_PARAMETERS = [
    {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "The language of the words in the answer (headline, "
        "reason, labels, error messages): `en` (the default) or `es` "
        "(Spanish). Without it, the `Accept-Language` header decides; the "
        "answer names its language in `Content-Language`. Any other value: 400.",
        "schema": {"type": "string", "enum": ["en", "es"]},
    },
    {
        "name": "Accept-Language",
        "in": "header",
        "required": False,
        "description": "`es` for an answer in Spanish when `lang` is not given.",
        "schema": {"type": "string"},
    },
]
