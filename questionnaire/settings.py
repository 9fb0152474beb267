"""One settings file, driven by environment variables.

Every deploy-time value is read through a small typed helper that refuses a
bad value with a clear message. With no variables set, the site runs in
debug mode on a local SQLite file (`make run`).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from questionnaire.env import envbool, envchoice, envint, envlist, envnetworks, envorigins

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DJANGO_DEBUG", False)
# DJANGO_DEV=1 (set by `make test`) keeps debug off but allows the local
# defaults (SQLite, a throwaway key, no HTTPS). Without either, and without a
# secret key, the site refuses to start.
_dev = DEBUG or envbool("DJANGO_DEV", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not _dev:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
# Rotating the key: put the old one here so signed wizard cookies still read.
SECRET_KEY_FALLBACKS = envlist("DJANGO_SECRET_KEY_FALLBACKS", [])

ALLOWED_HOSTS = envlist(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"] if _dev else []
)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is required when DJANGO_DEBUG is off: the host names "
        "this site answers to, comma-separated (for example deduct.example.org)."
    )
# Only needed when a proxy changes the Origin the browser sees, e.g. another port.
CSRF_TRUSTED_ORIGINS = envorigins("DJANGO_CSRF_TRUSTED_ORIGINS")
# The site's address for share and canonical links (questionnaire/site.py): one origin.
_SITE_URLS = envorigins("DJANGO_SITE_URL")
if len(_SITE_URLS) > 1:
    raise ImproperlyConfigured("DJANGO_SITE_URL names one address, like https://example.org")
SITE_URL = _SITE_URLS[0].rstrip("/") if _SITE_URLS else ""

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "corsheaders",
    "csp",
    "formtools",
    "simple_history",
    "questionnaire",
    "rules",
]

MIDDLEWARE = [
    # First: a forwarded header from anyone but a trusted proxy is dropped before use.
    "questionnaire.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "questionnaire.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything that validates the Host header: a load balancer probes by IP.
    "questionnaire.middleware.HealthCheckMiddleware",
    # Admin login POSTs over the per-address limit: refused before anything is hashed.
    "questionnaire.middleware.LoginFloodMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # CORS for the read-only API (below). Before PurePagesMiddleware, which answers the
    # API without calling the rest of the stack: placed after it, CORS would never run.
    "corsheaders.middleware.CorsMiddleware",
    # Results and the JSON API are pure functions of their URL: answered here,
    # before sessions, CSRF, auth and messages, which they never use.
    # The language of a page is its address (/es/...): before the pure pages.
    "questionnaire.language.LanguageMiddleware",
    "questionnaire.middleware.PurePagesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Lets the change history record which editor made each change.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "questionnaire.urls"
# The product's one name: the header, the end of every page title, the admin.
SITE_NAME = "Can I deduct this investment loss?"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "questionnaire.context_processors.site",
            ],
            # {% translate %} and the law's words (|tr) in every template, unloaded.
            "builtins": ["django.templatetags.i18n", "rules.web.i18n", "questionnaire.fragments"],
        },
    },
]

WSGI_APPLICATION = "questionnaire.wsgi.application"


def _database(url: str) -> dict:
    try:
        config = dj_database_url.parse(
            url,
            conn_max_age=envint("DJANGO_CONN_MAX_AGE", 60, minimum=0),
            conn_health_checks=True,
        )
    except ValueError as e:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we can use: {e}") from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ImproperlyConfigured(
            "DATABASE_URL must name a database, e.g. postgres://user:pass@host:5432/name"
        )
    # A database that hangs must not hang the site: bounded waits by default. A
    # parameter in DATABASE_URL itself (?connect_timeout=5) still wins.
    options = config.setdefault("OPTIONS", {})
    connect = envint("DJANGO_DB_CONNECT_TIMEOUT", 2, minimum=0)
    statement = envint("DJANGO_DB_STATEMENT_TIMEOUT", 2000, minimum=0)
    if config["ENGINE"] == "django.db.backends.postgresql":
        if connect:
            options.setdefault("connect_timeout", connect)
        server = options.get("options", "")
        if statement and "statement_timeout" not in server:
            options["options"] = f"{server} -c statement_timeout={statement}".strip()
        # A connection whose server stops answering: the kernel notices a dead peer
        # (keepalive probes after 1 s idle, every 1 s, 2 lost = dead) and unacknowledged
        # data (tcp_user_timeout, in ms) ...
        options.setdefault("keepalives", 1)
        options.setdefault("keepalives_idle", 1)
        options.setdefault("keepalives_interval", 1)
        options.setdefault("keepalives_count", 2)
        tcp_user_timeout = envint("DJANGO_DB_TCP_USER_TIMEOUT", 2500, minimum=0)
        options.setdefault("tcp_user_timeout", tcp_user_timeout)
        # ... and, for a server that is frozen but whose kernel still acknowledges (a
        # stopped process, an I/O stall), a deadline on every query kept by the client:
        # questionnaire/postgresql/base.py cuts the connection after this long.
        config["ENGINE"] = "questionnaire.postgresql"
        # DJANGO_DB_STATEMENT_TIMEOUT=0 (a long `migrate`) lifts this deadline too.
        config["QUERY_DEADLINE_MS"] = envint(
            "DJANGO_DB_QUERY_DEADLINE_MS", statement + 500 if statement else 0, minimum=0
        )
    elif config["ENGINE"] == "django.db.backends.sqlite3" and statement:
        # How long a statement waits for another process's lock (the busy timeout).
        options.setdefault("timeout", statement / 1000)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Every transaction takes the write lock when it begins, so it waits (the busy
        # timeout) for another writer instead of failing at once with "database is
        # locked" when a read inside it turns into a write (axes' get_or_create, the
        # flood counters): a login flood answered 500 to 4-13 % of logins without it.
        options.setdefault("transaction_mode", "IMMEDIATE")
    return config


DATABASES = {
    "default": _database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
# After a database error, results pages answer with the editor texts kept in
# memory (rules/editor/texts.py) for this long before asking the database again.
DB_RETRY_SECONDS = envint("DJANGO_DB_RETRY_SECONDS", 10, minimum=0, maximum=3600)
# After /healthz finds the database failing, it answers 503 at once for this long.
HEALTH_FAILURE_SECONDS = envint("DJANGO_HEALTH_FAILURE_SECONDS", 3, minimum=0, maximum=60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# English at today's addresses, Spanish under /es/ (questionnaire/language.py decides
# by the URL alone: no cookie, no Accept-Language for pages).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production: hashed names (served with a far-future, immutable Cache-Control
    # by whitenoise) and gzip + brotli copies, written by `collectstatic`.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not _dev
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = _dev

# Rendered results and tables pages, per process; keys name everything a page
# depends on (questionnaire.versioning.results_etag, the tax year for tables),
# so no instance ever needs to tell another to forget a page. Question pages
# are never cached (each carries its own CSRF token and the saver's answer).
CACHES = {
    # Per process, and bounded in bytes: at most MAX_ENTRIES values of at most
    # MAX_VALUE_BYTES each (questionnaire/page_cache.py).
    "default": {
        "BACKEND": "questionnaire.page_cache.BoundedLocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000, "MAX_VALUE_BYTES": 64 * 1024},
    },
}
# The flood limits (feedback, admin login) count in the database instead, shared by
# every worker and instance: questionnaire/limits.py.

# CORS (django-cors-headers): any site may read the JSON under /api/ (not the /api/
# page itself) from a browser, with GET only and never with cookies or credentials.
# A preflight is answered with an empty 200. `Vary: Origin` goes on every answer there.
CORS_URLS_REGEX = r"^/api/.+$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "if-none-match")
CORS_EXPOSE_HEADERS = ("ETag",)
CORS_PREFLIGHT_MAX_AGE = 86400

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The wizard keeps its answers in a signed cookie: no server state per visitor.
# Sessions are only used by the admin.
SESSION_COOKIE_HTTPONLY = True
# An editor's admin session lasts a working day, not Django's two weeks (I8).
SESSION_COOKIE_AGE = envint("DJANGO_SESSION_HOURS", 12, minimum=1, maximum=336) * 3600
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sent by questionnaire.middleware.SecurityHeadersMiddleware: no powerful feature is used.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# No inline script or style anywhere (the Django admin included): everything
# comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", not _dev)
# A load balancer's health probe speaks plain HTTP to the instance.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SESSION_COOKIE_SECURE = envbool("DJANGO_SECURE_COOKIES", not _dev)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = envint("DJANGO_SECURE_HSTS_SECONDS", 0 if _dev else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not _dev)
SECURE_HSTS_PRELOAD = envbool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Asking browsers to preload HSTS is a decision for whoever owns the domain, made
# once and slow to undo; leaving it off is a choice, not an oversight, so the
# deploy check does not warn about it (security.W021).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Behind nginx or a load balancer: X-Forwarded-For and X-Forwarded-Proto are read only
# from a request whose REMOTE_ADDR is one of the DJANGO_TRUSTED_PROXIES (addresses or
# networks; 127.0.0.1 and ::1, nginx on the same machine, when DJANGO_BEHIND_PROXY is on).
# From anyone else, questionnaire.middleware.TrustedProxyMiddleware drops both headers.
if "DJANGO_PROXY_COUNT" in os.environ:
    raise ImproperlyConfigured(
        "DJANGO_PROXY_COUNT is gone: name your proxies' addresses in DJANGO_TRUSTED_PROXIES."
    )
TRUSTED_PROXIES = envnetworks(
    "DJANGO_TRUSTED_PROXIES",
    ["127.0.0.1", "::1"] if envbool("DJANGO_BEHIND_PROXY", False) else [],
)
BEHIND_PROXY = bool(TRUSTED_PROXIES)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Admin login lockout (django-axes): 5 failed logins for one username from one
# address lock that pair out for an hour; a successful login clears the count.
AXES_FAILURE_LIMIT = envint("DJANGO_AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("DJANGO_AXES_COOLOFF_HOURS", 1, minimum=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_CLIENT_IP_CALLABLE = "questionnaire.middleware.client_ip"
AXES_ENABLED = envbool("DJANGO_AXES_ENABLED", True)
# Before axes and before any password is hashed: admin login POSTs per client address
# (IPv6 by /64), whatever the username, counted in the database (questionnaire/limits.py)
# so every worker and instance shares the count. Over it: 429. Empty turns it off.
LOGIN_RATES = envlist("DJANGO_LOGIN_RATES", ["10/m", "30/h"])
for _rate in LOGIN_RATES:
    if not __import__("re").fullmatch(r"[1-9]\d*/[smhd]", _rate):
        raise ImproperlyConfigured(
            f"DJANGO_LOGIN_RATES: {_rate!r} is not a rate such as 10/m (count/s, m, h or d)."
        )
# A login whose `next` is refused (another site, say) lands on the admin, not a 404.
LOGIN_REDIRECT_URL = "admin:index"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": envchoice(
            "DJANGO_LOG_LEVEL", "WARNING", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
        ),
    },
    "loggers": {
        # Scanners probe by IP address all day; a refused Host header is a 400, not news.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}
