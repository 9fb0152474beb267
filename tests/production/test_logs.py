"""NM2: nothing about a saver in the logs. The shipped nginx site file and gunicorn.conf.py
log no address, no query string (a saver's answers, worksheet figures, the feedback
token), no referrer and no user agent. Read from the shipped files, then seen live:
nginx with deploy/nginx.conf in front of gunicorn, one results request with a query."""

from __future__ import annotations

import http.client
import re
import runpy
import shutil
import signal
import ssl
import subprocess
from pathlib import Path

import pytest

from tests.production.env import ROOT, production_environ, run_python
from tests.production.servers import HOST, collect_static, free_port, gunicorn, wait_for_port

NGINX_SITE = ROOT / "deploy" / "nginx.conf"
NGINX_INCLUDE = ROOT / "deploy" / "deduct-site.conf"

# nginx variables that carry a query string or something about the visitor.
FORBIDDEN_NGINX = {
    "request",
    "request_uri",
    "args",
    "query_string",
    "is_args",
    "request_body",
    "remote_addr",
    "binary_remote_addr",
    "realip_remote_addr",
    "proxy_add_x_forwarded_for",
    "http_x_forwarded_for",
    "http_user_agent",
    "http_referer",
    "http_cookie",
    "cookie_",
    "arg_",
    "sent_http_location",  # a redirect's Location repeats the query (the 80 -> 443 hop)
}
# gunicorn atoms: h address, r request line (with the query), q query, f referrer,
# a user agent, u user; {..}i request headers and {..}e the WSGI environ (QUERY_STRING).
FORBIDDEN_GUNICORN = re.compile(r"%\((?:h|r|q|f|a|u|\{[^}]*\}[ie])\)s")

RESULTS_QUERY = (
    "account=traditional-ira&event=closed-at-loss&contribution=after-tax"
    "&received=below-basis&year=2017"
)


def strip_comments(text: str) -> str:
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def log_formats(text: str) -> dict[str, str]:
    """name -> the format string(s) of every log_format directive."""
    formats = {}
    for name, body in re.findall(r"\blog_format\s+(\S+)\s+([^;]*);", strip_comments(text)):
        formats[name] = "".join(a or b for a, b in re.findall(r"'([^']*)'|\"([^\"]*)\"", body))
    return formats


def server_blocks(text: str) -> list[str]:
    """The body of every top-level `server { }` block (braces balanced)."""
    text = strip_comments(text)
    blocks = []
    for match in re.finditer(r"\bserver\s*\{", text):
        depth, i = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        blocks.append(text[match.end() : i - 1])
    return blocks


def variables(fmt: str) -> set[str]:
    return set(re.findall(r"\$\{?([a-z_0-9]+)", fmt))


def forbidden(names: set[str]) -> set[str]:
    return {n for n in names if n in FORBIDDEN_NGINX or n.startswith(("cookie_", "arg_", "http_"))}


def test_every_server_of_the_nginx_site_logs_in_a_private_format_or_not_at_all():
    text = NGINX_SITE.read_text()
    formats = log_formats(text)
    blocks = server_blocks(text)
    assert len(blocks) == 2, "the HTTPS server and the port-80 redirect"
    for block in blocks + [strip_comments(NGINX_INCLUDE.read_text())]:
        logs = re.findall(r"\baccess_log\s+([^;]*);", block)
        if block is blocks[0] or block is blocks[1]:
            # Without its own access_log a server inherits Debian's "combined" one.
            assert logs, "a server block without access_log keeps Debian's combined log"
        for directive in logs:
            words = directive.split()
            if words == ["off"]:
                continue
            assert len(words) >= 2, f"access_log {directive}: the default format is combined"
            assert words[1] in formats, f"log_format {words[1]} is not defined in the site file"
            fmt = formats[words[1]]
            assert not forbidden(variables(fmt)), (words[1], forbidden(variables(fmt)))


def test_refusals_by_a_limit_stay_out_of_the_error_log():
    """nginx logs each request a limit refuses to the error log with the client's address
    and the request line (query included); below `error`, Debian's level, they are not
    written (a flood's evidence is the 429s of the access log)."""
    site = strip_comments(NGINX_INCLUDE.read_text())
    for directive in ("limit_conn_log_level", "limit_req_log_level"):
        level = re.search(rf"\b{directive}\s+(\w+);", site)
        assert level and level.group(1) in ("info", "notice"), directive


def test_the_forbidden_list_catches_debians_combined_format():
    """The check above would fail on the format the review found (planted fault)."""
    combined = (
        '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
        '"$http_referer" "$http_user_agent"'
    )
    assert forbidden(variables(combined)) >= {"remote_addr", "request", "http_user_agent"}
    assert forbidden(variables('"$request_method $request_uri"')) == {"request_uri"}
    assert not forbidden(variables('$time_iso8601 "$request_method $uri" $status'))


def test_gunicorns_access_log_format_has_no_address_query_referrer_or_agent(monkeypatch):
    monkeypatch.delenv("GUNICORN_FORWARDED_ALLOW_IPS", raising=False)
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    fmt = conf["access_log_format"]
    assert "%(U)s" in fmt  # the path alone
    assert not FORBIDDEN_GUNICORN.findall(fmt), fmt
    for planted in ('%(h)s "%(r)s"', "%(U)s?%(q)s", '"%(a)s"', "%({x-forwarded-for}i)s"):
        assert FORBIDDEN_GUNICORN.findall(planted), planted


def shipped_nginx_conf(prefix: Path, port: int, upstream: int, cert: Path, key: Path) -> str:
    """deploy/nginx.conf as an operator installs it, moved onto the loopback: Debian's
    http-level defaults around it (the combined access log included), the listen port,
    certificate, include path, upstream and log paths replaced; nothing else changed
    (scripts/nginx.py)."""
    from scripts import nginx

    return nginx.config(prefix, port, [upstream], cert, key)


@pytest.mark.slow
@pytest.mark.skipif(
    not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(),
    reason="nginx is not installed",
)
def test_the_shipped_nginx_logs_a_results_request_without_query_address_or_agent(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = production_environ(tmp_path, DATABASE_URL=f"sqlite:///{database}")
    assert run_python(["manage.py", "migrate", "--noinput", "-v0"], env).returncode == 0
    static_root = collect_static(tmp_path)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    cert, key = prefix / "cert.pem", prefix / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    with gunicorn(tmp_path, static_root, f"sqlite:///{database}", workers=1) as upstream:
        port = free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(shipped_nginx_conf(prefix, port, upstream, cert, key))
        command = [nginx, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
        check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        server = subprocess.Popen([*command, "-g", "daemon off;"], start_new_session=True)
        try:
            wait_for_port(port)
            context = ssl._create_unverified_context()
            conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=20, context=context)
            conn.request(
                "GET",
                f"/results/?{RESULTS_QUERY}",
                headers={"Host": HOST, "User-Agent": "Jane-Doe-Laptop"},
            )
            response = conn.getresponse()
            response.read()
            conn.close()
            assert response.status == 200
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    lines = (prefix / "deduct.access.log").read_text().splitlines()
    print("\n".join(lines))  # shown with -s: the shipped format's line for a results request
    assert len(lines) == 1 and '"GET /results/" 200 ' in lines[0], lines
    for leak in ("account=", "after-tax", "year=", "?", "127.0.0.1", "Jane-Doe"):
        assert leak not in lines[0], leak
    # Debian's combined log (the http-level default) got nothing from this site.
    default = prefix / "access.log"
    assert not default.exists() or "results" not in default.read_text()
