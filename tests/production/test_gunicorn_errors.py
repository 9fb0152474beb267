"""I2: the errors gunicorn and nginx answer themselves, before the application sees the
request, carry the site's security headers and a page in words that repeats nothing of the
request. gunicorn live (a request line it cannot read, one over limit_request_line, too
many headers), then the shipped nginx in front of it (its own 400, 414, 494 and 413, and
gunicorn's errors passing through)."""

from __future__ import annotations

import re
import socket

import pytest

from questionnaire import gunicorn_errors
from scripts import nginx
from tests.production.env import production_environ, run_python
from tests.production.servers import collect_static, free_port, gunicorn, gunicorn_log
from tests.production.test_logs import NGINX_INCLUDE, strip_comments

SECURITY = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
            "Referrer-Policy", "Cache-Control")  # fmt: skip
MARK = "Secret-Answer-4111"  # in every request: never echoed back

GARBAGE = f"GARBAGE {MARK}\r\n\r\n"
LONG_LINE = f"GET /results/?x={MARK}{'a' * 5000} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
HEADERS_120 = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "".join(
    f"X-{MARK}-{i}: b\r\n" for i in range(120)
) + "\r\n"  # fmt: skip
# Only nginx (its buffers: 4 x 8 kB; its body limit: 1 MB).
LONGER_LINE = f"GET /?x={MARK}{'a' * 9000} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
BIG_HEADER = f"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {MARK}{'a' * 9000}\r\n\r\n"
BIG_BODY = "POST /feedback/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\n"


def raw(port: int, request: str) -> tuple[int, dict[str, str], str]:
    """Send bytes as typed, read the answer until the server closes or 10 s pass."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode("latin-1"))
        data = b""
        try:
            while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < length(data):
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except TimeoutError:
            pass
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body.decode()


def length(data: bytes) -> int:
    match = re.search(rb"(?i)\r\ncontent-length: *(\d+)", data.split(b"\r\n\r\n", 1)[0])
    return int(match.group(1)) if match else 10**9


def assert_headers_and_words(status: int, headers: dict, body: str, code: int) -> None:
    assert status == code, (status, headers, body)
    for name in SECURITY:
        assert name in headers, (code, name, headers)
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "<h1>" in body and "start page" in body, body
    assert MARK not in body


def nginx_error_headers() -> dict[str, str]:
    """The add_header lines of deduct-site.conf's location /_errors/."""
    site = strip_comments(NGINX_INCLUDE.read_text())
    block = re.search(r"location /_errors/ \{(.*?)\}", site, re.S).group(1)
    return dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', block))


def test_gunicorns_error_headers_are_nginxs():
    assert nginx_error_headers() == gunicorn_errors.HEADERS


@pytest.mark.parametrize("code", [400, 403, 414, 417, 431, 500, 501, 999])
def test_the_answer_has_the_headers_words_and_its_status(code):
    data = gunicorn_errors.response(code, "Reason\r\nInjected: yes")
    head, _, body = data.decode().partition("\r\n\r\n")
    lines = head.split("\r\n")
    assert lines[0].startswith(f"HTTP/1.1 {code} Reason")
    assert not any(line.startswith("Injected") for line in lines)
    headers = dict(line.split(": ", 1) for line in lines[1:])
    assert int(headers["Content-Length"]) == len(body.encode())
    assert_headers_and_words(code, headers, body, code)


def test_gunicorn_conf_installs_it_in_every_worker(monkeypatch):
    import runpy

    from gunicorn import util

    from tests.production.env import ROOT

    monkeypatch.delenv("GUNICORN_FORWARDED_ALLOW_IPS", raising=False)
    monkeypatch.setattr(util, "write_error", util.write_error)  # restored afterwards
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert util.write_error is not gunicorn_errors.write_error
    conf["post_worker_init"](None)
    assert util.write_error is gunicorn_errors.write_error


@pytest.fixture(scope="module")
def upstream(tmp_path_factory):
    """gunicorn with gunicorn.conf.py and the production settings, on SQLite."""
    tmp = tmp_path_factory.mktemp("gunicorn-errors")
    url = f"sqlite:///{tmp / 'db.sqlite3'}"
    env = production_environ(tmp, DATABASE_URL=url)
    assert run_python(["manage.py", "migrate", "--noinput", "-v0"], env).returncode == 0
    loopback = {"DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_BEHIND_PROXY": "true"}
    with gunicorn(tmp, collect_static(tmp), url, workers=1, ready="/healthz", **loopback) as port:
        yield tmp, port


@pytest.mark.slow
@pytest.mark.parametrize(
    "request_, code", [(GARBAGE, 400), (LONG_LINE, 414), (HEADERS_120, 431)],
    ids=["bad request line", "request line over 4094", "120 headers"],
)  # fmt: skip
def test_gunicorn_reached_directly_answers_its_own_errors_with_the_headers(
    upstream, request_, code
):
    assert_headers_and_words(*raw(upstream[1], request_), code)


@pytest.mark.slow
def test_gunicorns_log_keeps_neither_the_address_nor_the_request_of_an_invalid_one(upstream):
    tmp, port = upstream
    assert raw(port, GARBAGE)[0] == 400
    log = gunicorn_log(tmp, port).read_text()
    assert "Invalid request (address and request not logged)" in log
    assert MARK not in log and "ip=127.0.0.1" not in log


@pytest.mark.slow
@pytest.mark.skipif(not nginx.installed(), reason="nginx is not installed")
def test_the_shipped_nginx_and_gunicorn_behind_it_answer_errors_with_the_headers(upstream):
    tmp, up = upstream
    port = free_port()
    cases = [
        (GARBAGE, 400),  # nginx
        (LONGER_LINE, 414),  # nginx: over its 8 kB buffer
        (BIG_HEADER, 400),  # nginx: 494, a header over its buffer, sent as 400
        (BIG_BODY, 413),  # nginx: over client_max_body_size
        (LONG_LINE, 414),  # gunicorn's, passed through
        (HEADERS_120, 431),  # gunicorn's, passed through
    ]
    with nginx.nginx(tmp / "nginx", port, [up], workers="1", connections=64):
        answers = [raw(port, request) for request, _ in cases]
    for (_, code), answer in zip(cases, answers, strict=True):
        assert_headers_and_words(*answer, code)
