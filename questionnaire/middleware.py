"""Small middleware of our own: security headers Django does not send, /healthz
answered before the Host check, the short path for pages that are pure
functions of their URL, and the client address for the login lockout."""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

log = logging.getLogger(__name__)

HEALTH_PATHS = ("/healthz", "/healthz/")


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy (SecurityMiddleware sends
    the others; django-csp the CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def health(request: HttpRequest) -> HttpResponse:
    """200 "ok" when the database answers one cheap query, else 503."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse("method not allowed\n", status=405, content_type="text/plain")
        response["Allow"] = "GET, HEAD"
    else:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except Exception:
            log.exception("health check: the database did not answer")
            response = HttpResponse("unavailable\n", status=503, content_type="text/plain")
        else:
            response = HttpResponse("ok\n", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers /healthz before the Host header is validated, sessions or CSRF.

    A load balancer probes each instance by its address, with a Host header
    that is not in ALLOWED_HOSTS; the answer holds nothing host-specific and
    sets no cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info in HEALTH_PATHS:
            return health(request)
        return self.get_response(request)


def pure_page(view):
    """Mark a view as a pure function of its URL: it never reads the session, the
    CSRF token, the user or messages, so PurePagesMiddleware may serve it early."""
    view.pure_page = True
    return view


def pure_paths(resolver: URLResolver | None = None, prefix: str = "/") -> dict[str, object]:
    """The path of every URL pattern whose view is marked with @pure_page."""
    resolver = resolver or get_resolver()
    found: dict[str, object] = {}
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found.update(pure_paths(pattern, route))
        elif getattr(pattern.callback, "pure_page", False):
            if not isinstance(pattern.pattern, RoutePattern) or pattern.pattern.converters:
                raise ImproperlyConfigured(f"A pure page needs a fixed path: {route}")
            found[route] = pattern.callback
    return found


class PurePagesMiddleware:
    """Serve the pages that are pure functions of their URL without the rest of the stack.

    The views marked @pure_page (the results page, the JSON API) use no
    session, no CSRF token, no login and no messages; running them here, after
    the security headers and before that machinery, keeps them close to
    /healthz in cost (about 80 microseconds a request saved). The paths come
    from the URLconf. The Host header is still checked, as CommonMiddleware would.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = pure_paths()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = self.views.get(request.path_info)
        if view is None:
            return self.get_response(request)
        request.get_host()  # DisallowedHost -> 400, as for every other page
        return view(request)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for the login lockout.

    With DJANGO_PROXY_COUNT proxies in front, each appends the address it saw
    to X-Forwarded-For; the entry that many places from the right is the
    client as seen by the outermost trusted proxy. Entries further left were
    written by the client and are not trusted.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.PROXY_COUNT
    if not count:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:  # a misconfigured proxy count: never store junk as an address
        return remote
