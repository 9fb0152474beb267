"""gunicorn settings, read from the environment: `gunicorn -c gunicorn.conf.py`.

Every instance is the same: the wizard keeps its answers in a signed cookie
and results are a pure function of the URL, so a load balancer may send any
request to any instance.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.core.exceptions import ImproperlyConfigured  # noqa: E402

from questionnaire.env import envchoice, envint, envlist  # noqa: E402

wsgi_app = "questionnaire.wsgi:application"

# Where to listen; 0.0.0.0:8000 when a load balancer reaches the instance over the network.
bind = envlist("GUNICORN_BIND", ["127.0.0.1:8000"])
# The usual 2 x cores + 1 processes, each with 4 threads (gunicorn's gthread worker).
# Behind nginx, which keeps connections to the instance open, threads answered about
# 1.6 to 3 times the requests per second of synchronous workers (`make slowclients`
# prints the figures); a thread waiting on the database holds one thread, not a process.
# Slow clients are nginx's business, not the threads': see deploy/deduct-site.conf.
workers = envint("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1, minimum=1, maximum=64)
threads = envint("GUNICORN_THREADS", 4, minimum=1, maximum=32)
# A request that takes this long is stuck: the worker is restarted.
timeout = envint("GUNICORN_TIMEOUT", 30, minimum=1)
graceful_timeout = envint("GUNICORN_GRACEFUL_TIMEOUT", 30, minimum=1)
keepalive = envint("GUNICORN_KEEPALIVE", 5, minimum=0)
# Recycle workers now and then, so a slow leak can never grow for long.
max_requests = envint("GUNICORN_MAX_REQUESTS", 2000, minimum=0)
max_requests_jitter = max_requests // 10
# gunicorn believes no forwarded header from anyone: whether a request came over HTTPS,
# and from whom, is the application's decision, made only for the proxies named in
# DJANGO_TRUSTED_PROXIES (questionnaire.middleware.TrustedProxyMiddleware).
if "GUNICORN_FORWARDED_ALLOW_IPS" in os.environ:
    raise ImproperlyConfigured(
        "GUNICORN_FORWARDED_ALLOW_IPS is gone: name your proxies in DJANGO_TRUSTED_PROXIES."
    )
forwarded_allow_ips = ""
secure_scheme_headers = {}
forwarder_headers = ""
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"  # heartbeat files off a possibly slow disk

# Logs to stdout/stderr, for the service manager or container runtime to collect.
# The access log leaves out the client address, the query string (it holds the
# saver's answers), the referrer and the user agent: nothing about a visitor is kept.
accesslog = "-"
errorlog = "-"
loglevel = envchoice("GUNICORN_LOG_LEVEL", "info", ("debug", "info", "warning", "error"))
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


# gunicorn answers some requests itself (a request line it cannot read: 400; one over
# limit_request_line: 414; too many or too large headers: 431). Its stock page has no
# security headers and echoes the request; each worker answers with the site's headers
# and a page in words instead (questionnaire/gunicorn_errors.py, I2).
logger_class = "questionnaire.gunicorn_errors.PrivateLogger"  # no address or request in it


def post_worker_init(worker):
    from questionnaire import gunicorn_errors

    gunicorn_errors.install()


# gunicorn 25+ opens a control socket at one fixed path per user; several
# instances on one host would fight over it, and nothing here uses it.
control_socket_disable = True
