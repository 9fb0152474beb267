"""The site's own address (L2): share links, the canonical link and the API guide's curl
lines name DJANGO_SITE_URL when it is set (https://deduct.example.org), never the Host
header a client sent. Without it (development, tests) they name the request's host, which
Django has checked against ALLOWED_HOSTS (nginx also rewrites it to the one it serves)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def origin(request: HttpRequest) -> str:
    """https://deduct.example.org: the configured address, or the request's."""
    if settings.SITE_URL:
        return settings.SITE_URL
    return f"{request.scheme}://{request.get_host()}"


def absolute(request: HttpRequest, path: str) -> str:
    """An address on this site, from a path (with its query) that starts with "/"."""
    return origin(request) + path
