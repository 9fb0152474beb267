"""Small middleware of our own: security headers Django does not send, and /healthz."""

from __future__ import annotations

import functools
import ipaddress
import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)

HEALTH_PATHS = ("/healthz", "/healthz/")


class SecurityHeadersMiddleware:
    """Permissions-Policy (SecurityMiddleware sends the others; django-csp the CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


@functools.cache
def _health_sql() -> tuple[str, list[str], int]:
    """One query that proves the schema this code expects is there and readable.

    It counts this code's latest migration of each app in django_migrations (an
    unmigrated or older database has fewer) and reads a row of the editor texts'
    table, so a missing, empty, corrupt or wrong database fails it; SELECT 1 reads
    no table at all. The migration files are read once per process.
    """
    from django.db.migrations.loader import MigrationLoader

    from rules.models import Explanation

    leaves = sorted(f"{app}.{name}" for app, name in MigrationLoader(None).graph.leaf_nodes())
    quote = connection.ops.quote_name
    sql = (
        "SELECT (SELECT COUNT(*) FROM django_migrations WHERE app || '.' || name IN ({})),"
        " (SELECT COUNT(*) FROM (SELECT 1 FROM {} LIMIT 1) AS one)"
    ).format(", ".join(["%s"] * len(leaves)), quote(Explanation._meta.db_table))
    return sql, leaves, len(leaves)


def health(request: HttpRequest) -> HttpResponse:
    """200 "ok" when the database answers with the schema this code needs, else 503."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse("method not allowed\n", status=405, content_type="text/plain")
        response["Allow"] = "GET, HEAD"
    else:
        try:
            sql, params, expected = _health_sql()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                migrated, _ = cursor.fetchone()
            healthy = migrated == expected
            if not healthy:
                log.error("health check: the database lacks this code's migrations; run migrate")
        except Exception:
            log.exception("health check: the database did not answer")
            healthy = False
        if healthy:
            response = HttpResponse("ok\n", content_type="text/plain")
        else:
            response = HttpResponse("unavailable\n", status=503, content_type="text/plain")
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


class PurePagesMiddleware:
    """Serve the pages that are pure functions of their URL without the rest of the stack.

    The results page and the JSON API use no session, no CSRF token, no login
    and no messages; running them here, after the security headers and before
    that machinery, keeps them close to /healthz in cost. The Host header is
    still checked, as CommonMiddleware would.
    """

    def __init__(self, get_response):
        from rules import views

        self.get_response = get_response
        self.views = {"/results/": views.results, "/api/determination": views.api_determination}

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
