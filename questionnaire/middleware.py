"""Small middleware of our own: security headers Django does not send, /healthz
answered before the Host check, the short path for pages that are pure
functions of their URL, and the client address for the login lockout."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import threading
import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

from questionnaire.language import language_of
from questionnaire.limits import normalise_address

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
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = _cache_control(response)
        return response


def _cache_control(response: HttpResponse) -> str:
    """For a page that says nothing itself (I1). A question page carries the saver's
    answer, a CSRF token or a cookie: never stored anywhere. Any other page (a results
    page, whose URL holds the answers) only in the browser, revalidated by its ETag,
    never in a shared cache."""
    vary = response.headers.get("Vary", "")
    if response.cookies or "cookie" in vary.lower():
        return "private, no-store"
    return "private, no-cache"


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


class _HealthMemory:
    """A failed check is remembered for DJANGO_HEALTH_FAILURE_SECONDS: probes in that
    time answer 503 at once instead of each waiting on a database that hangs (150 probes
    through nginx once starved the start page). One check at a time per process; a probe
    that arrives during one gets the last result if it is fresh (RESULT_FRESH_SECONDS),
    else 503: a worker just started (gunicorn recycles them) has no result yet, and its
    probes once said 200 for the 2.5 s its first check waited on a frozen database."""

    def __init__(self) -> None:
        self.failed_until = 0.0
        self.last = False
        self.checked_at = float("-inf")
        self.checking = threading.Lock()
        self.write_due = 0.0  # when the next check also tries a write


# NL3: a full disk or a read-only database file answered every read while every write
# failed, and /healthz said "ok". Every WRITE_PROBE_SECONDS a check also writes (a no-op
# UPDATE of one migrations row, rolled back; on SQLite, at least 1 MB free on its disk),
# and a write refused anywhere in the site (questionnaire/outage.py) marks the instance
# unhealthy for the next few seconds.
WRITE_PROBE_SECONDS = 10
_WRITE_PROBE = (
    "UPDATE django_migrations SET applied = applied "
    "WHERE id = (SELECT MIN(id) FROM django_migrations)"
)
# On SQLite a rolled-back write never reaches the disk, so the probe above passes on a
# full one; the free space beside the database file is checked instead.
SQLITE_MIN_FREE_BYTES = 1024 * 1024


def _sqlite_disk_free() -> int:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        return SQLITE_MIN_FREE_BYTES
    return shutil.disk_usage(os.path.dirname(os.path.abspath(name))).free


def note_outage() -> None:
    """The database refused a request's work: /healthz says 503 for a few seconds."""
    _health_memory.failed_until = time.monotonic() + settings.HEALTH_FAILURE_SECONDS
    _health_memory.last = False


_health_memory = _HealthMemory()
RESULT_FRESH_SECONDS = 2.0


def _database_healthy() -> bool:
    try:
        sql, params, expected = _health_sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            migrated, _ = cursor.fetchone()
        healthy = migrated == expected
        if not healthy:
            log.error("health check: the database lacks this code's migrations; run migrate")
        elif time.monotonic() >= _health_memory.write_due:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(_WRITE_PROBE)
                transaction.set_rollback(True)
            if connection.vendor == "sqlite" and _sqlite_disk_free() < SQLITE_MIN_FREE_BYTES:
                log.error("health check: the SQLite database's disk is (nearly) full")
                return False
            _health_memory.write_due = time.monotonic() + WRITE_PROBE_SECONDS
    except Exception:
        log.exception("health check: the database did not answer")
        healthy = False
    return healthy


def _healthy() -> bool:
    memory = _health_memory
    if time.monotonic() < memory.failed_until:
        return False
    if not memory.checking.acquire(blocking=False):
        return memory.last and time.monotonic() - memory.checked_at < RESULT_FRESH_SECONDS
    try:
        memory.last = _database_healthy()
        memory.checked_at = time.monotonic()
        if not memory.last:
            memory.failed_until = time.monotonic() + settings.HEALTH_FAILURE_SECONDS
        return memory.last
    finally:
        memory.checking.release()


def health(request: HttpRequest) -> HttpResponse:
    """200 "ok" when the database answers with the schema this code needs, else 503."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse("method not allowed\n", status=405, content_type="text/plain")
        response["Allow"] = "GET, HEAD"
    else:
        healthy = _healthy()
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
        if isinstance(pattern.pattern, LocalePrefixPattern):
            # English at the bare path, Spanish under /es/ (never the API: unprefixed).
            english = pure_paths(pattern, prefix)
            found.update(english)
            found.update({f"/es{p}": v for p, v in english.items()
                          if language_of(f"/es{p}") == "es"})
        elif isinstance(pattern, URLResolver):
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


FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_SSL",
    "HTTP_X_FORWARDED_PROTOCOL",
    "HTTP_FORWARDED",
)


def _trusted(address: str | None) -> bool:
    ip = normalise_address(address)
    if ip is None:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXIES)


class TrustedProxyMiddleware:
    """Forwarded headers count only when the request comes from a proxy the operator named.

    A client that reaches the instance directly (not through DJANGO_TRUSTED_PROXIES)
    could write X-Forwarded-For or X-Forwarded-Proto itself: both are dropped, with the
    other forwarding headers, before anything reads them (the HTTPS redirect, the login
    lockout's client address). gunicorn itself trusts no forwarded header (gunicorn.conf.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _trusted(request.META.get("REMOTE_ADDR")):
            for name in FORWARDED_HEADERS:
                request.META.pop(name, None)
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for the login lockout.

    From a trusted proxy, the client is the rightmost X-Forwarded-For entry that is
    not itself a trusted proxy: each proxy appends the address it saw, and anything
    further left was written by the client and is not believed. From anyone else,
    X-Forwarded-For is ignored and the address is REMOTE_ADDR.
    """
    raw = request.META.get("REMOTE_ADDR")
    parsed = normalise_address(raw)
    remote = str(parsed) if parsed is not None else raw
    if not _trusted(remote):
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        ip = normalise_address(hop)
        if ip is None:  # a proxy that writes junk: never store it as an address
            return remote
        if not _trusted(str(ip)):
            return str(ip)
    return remote


LOGIN_FLOODED = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error: too many login attempts</title></head>
<body><main><h1>Too many login attempts</h1>
<p>Too many logins have been tried from your connection in a short time. Wait a few
minutes, then try again.</p></main></body></html>
"""


class LoginFloodMiddleware:
    """Refuse admin login POSTs from a client address over DJANGO_LOGIN_RATES (any
    username), before the session, CSRF, axes and the password hash: a flood of failed
    logins with random usernames costs a counter, not a PBKDF2 hash each (NH2)."""

    def __init__(self, get_response):
        from django.urls import reverse

        from questionnaire.limits import parse_rate

        self.get_response = get_response
        self.path = reverse("admin:login")
        self.rates = [parse_rate(r) for r in settings.LOGIN_RATES]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path_info == self.path and self.rates:
            from questionnaire.limits import over_limit

            if over_limit("login", client_ip(request), self.rates):
                response = HttpResponse(LOGIN_FLOODED, status=429)
                response["Retry-After"] = "60"
                response["Cache-Control"] = "no-store"
                return response
        return self.get_response(request)
