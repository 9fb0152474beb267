"""M1 and I2 over the shipped nginx configuration (deploy/nginx.conf with deduct-site.conf,
run by scripts/nginx.py, not a copy): slow uploads from one address are limited to a few
connections each (429 for the rest), so other visitors keep getting pages; nginx's own
error pages carry words and the site's security headers."""

from __future__ import annotations

import re
import threading
import time
import urllib.error
import urllib.request

import pytest

from scripts import nginx
from scripts.slowclients import Slow
from tests.production.env import ROOT, production_environ, run_python
from tests.production.servers import collect_static, free_port, gunicorn
from tests.production.test_logs import NGINX_INCLUDE, NGINX_SITE, strip_comments

needs_nginx = pytest.mark.skipif(not nginx.installed(), reason="nginx is not installed")
RESULTS = (
    "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)
SECURITY = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
            "Referrer-Policy")  # fmt: skip


def test_the_documented_nginx_limits_connections_per_address_and_cuts_slow_clients():
    site = strip_comments(NGINX_SITE.read_text())
    zone = re.search(r"limit_conn_zone\s+\$binary_remote_addr\s+zone=(\w+):\w+;", site)
    assert zone, "a limit_conn_zone by address in deploy/nginx.conf (http level)"
    include = strip_comments(NGINX_INCLUDE.read_text())
    limit = re.search(rf"limit_conn\s+{zone.group(1)}\s+(\d+);", include)
    assert limit and 5 <= int(limit.group(1)) <= 50
    assert re.search(r"limit_conn_status\s+429;", include)
    for timeout in ("client_header_timeout", "client_body_timeout", "send_timeout"):
        seconds = re.search(rf"{timeout}\s+(\d+)s;", include)
        assert seconds and int(seconds.group(1)) <= 30, timeout
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"worker_connections\s+4096", readme)


def test_the_harness_runs_the_shipped_files_not_a_copy(tmp_path):
    conf = nginx.config(tmp_path, 1, [2, 3])
    shipped = NGINX_SITE.read_text()
    for line in ("limit_conn_zone", "limit_req_zone", "log_format deduct_private"):
        shipped_line = next(x for x in shipped.splitlines() if x.startswith(line))
        assert shipped_line in conf
    assert "server 127.0.0.1:2 " in conf and "server 127.0.0.1:3 " in conf
    included = (tmp_path / "deduct-site.conf").read_text()
    assert included == NGINX_INCLUDE.read_text().replace("/srv/deduct/", f"{ROOT}/")
    source = (ROOT / "scripts" / "nginx.py").read_text()
    assert "limit_conn_zone" not in source and "limit_req_zone" not in source


def fetch(url: str, timeout: float = 10, source: str = "") -> tuple[int, dict, str]:
    request = urllib.request.Request(url)
    try:
        if source:  # from another loopback address
            import http.client

            host, port = url.split("/")[2].split(":")
            conn = http.client.HTTPConnection(host, int(port), timeout, (source, 0))
            conn.request("GET", "/" + url.split("/", 3)[3])
            r = conn.getresponse()
            result = r.status, dict(r.headers), r.read().decode()
            conn.close()
            return result
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def assert_nginx_error_page(status: int, headers: dict, body: str, code: int) -> None:
    assert status == code
    for name in SECURITY:
        assert name in headers, (code, name, headers)
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "<h1>" in body and "try again" in body


@pytest.mark.slow
@needs_nginx
def test_slow_uploads_from_one_address_get_429_and_other_visitors_still_get_pages(tmp_path):
    """300 slow uploads from 127.0.0.2, each opened again as soon as it is refused, while a
    visitor on 127.0.0.1 asks for pages. One nginx worker with 1,024 connections (the
    README's advice is 4,096): the uploads would fit, so what this shows is that all but 20
    of them are refused at once, and that the churn of refusals leaves visitors served."""
    database = tmp_path / "db.sqlite3"
    url = f"sqlite:///{database}"
    env = production_environ(tmp_path, DATABASE_URL=url)
    assert run_python(["manage.py", "migrate", "--noinput", "-v0"], env).returncode == 0
    static_root = collect_static(tmp_path)
    port = free_port()
    loopback = {"DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_BEHIND_PROXY": "true"}
    with (
        gunicorn(tmp_path, static_root, url, workers=2, ready="/healthz", **loopback) as up,
        nginx.nginx(tmp_path / "nginx", port, [up], workers="1", connections=1024),
    ):
        base = f"http://127.0.0.1:{port}"
        stop = threading.Event()
        slow = Slow(port, 300, stop, kind="body", source="127.0.0.2", interval=1.0)
        try:
            time.sleep(1.5)
            visits = [fetch(base + path)[0] for path in ["/", RESULTS] * 10]
            status, headers, body = fetch(base + "/", source="127.0.0.2")
            time.sleep(1.5)
        finally:
            stop.set()
            slow.join()
    print(f"visitor: {visits}; {slow.report()}")
    assert visits == [200] * 20
    assert_nginx_error_page(status, headers, body, 429)
    # The excess was refused in words at once; at most 20 a time were let through.
    assert slow.answers.get("429", 0) >= 280, slow.report()


@pytest.mark.slow
@needs_nginx
def test_nginx_answers_502_in_words_with_security_headers_when_no_instance_answers(tmp_path):
    port = free_port()
    with nginx.nginx(tmp_path / "nginx", port, [free_port()], workers="1", connections=64):
        status, headers, body = fetch(f"http://127.0.0.1:{port}{RESULTS}")
        internal = fetch(f"http://127.0.0.1:{port}/_errors/unavailable.html")[0]
    assert_nginx_error_page(status, headers, body, 502)
    assert "unavailable" in body
    assert headers["Cache-Control"] == "no-store"
    assert internal == 404  # the error pages are not an address of their own
