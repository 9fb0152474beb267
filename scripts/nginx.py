"""Debian's nginx on 127.0.0.1 in front of gunicorn instances, for `make slowclients`,
`make cluster` and the tests over the shipped configuration: deploy/nginx.conf itself (which
includes deploy/deduct-site.conf), moved onto the loopback, inside the http-level defaults
of Debian's /etc/nginx/nginx.conf. Not a copy: the listen ports, certificate, upstream
servers and paths (/srv/deduct becomes this checkout) are replaced, nothing else.

Runs nginx in the foreground from a temporary prefix (its own pid file, logs and
buffers), so it never touches /etc/nginx or a system nginx; stopped by its pid.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tests.production.env import ROOT
from tests.production.servers import free_port, wait_for_port

SHIPPED = ROOT / "deploy" / "nginx.conf"

# Debian's /etc/nginx/nginx.conf around the site file: `worker_processes auto`, 768
# connections a worker, the combined access log. WORKER_CONNECTIONS changes the count.
CONF = """\
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{user}
events {{ worker_connections {connections}; }}
http {{
    log_format upstreamlog
        '$status|$upstream_addr|$upstream_status|$request_time|$request_method $uri';
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    access_log {prefix}/access.log;   # Debian's default: the combined format
{site}
}}
"""


def executable() -> str:
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(path):
        sys.exit("nginx is not installed (apt-get install nginx; `make cluster` does it)")
    return path


def installed() -> bool:
    return bool(shutil.which("nginx")) or os.path.exists("/usr/sbin/nginx")


def site(
    prefix: Path, port: int, upstreams: list[int], cert: Path | None = None,
    key: Path | None = None,
) -> str:  # fmt: skip
    """deploy/nginx.conf on 127.0.0.1:port (HTTPS with cert and key, else plain HTTP)."""
    text = SHIPPED.read_text()
    if cert and key:
        text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl;")
        text = re.sub(r"ssl_certificate \S+;", f"ssl_certificate {cert};", text)
        text = re.sub(r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};", text)
    else:
        text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
        text = re.sub(r"\n\s*ssl_certificate(_key)? \S+;", "", text)
    text = text.replace("listen [::]:443 ssl http2;", "")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    text = text.replace("listen [::]:80;", "")
    # The included site file too, with this checkout's path for /srv/deduct.
    included = (ROOT / "deploy" / "deduct-site.conf").read_text()
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "deduct-site.conf").write_text(included.replace("/srv/deduct/", f"{ROOT}/"))
    text = text.replace("/srv/deduct/deploy/deduct-site.conf", f"{prefix}/deduct-site.conf")
    assert "/srv/deduct/" not in text, "deploy/nginx.conf names /srv/deduct only in its include"
    # Which instance answered each request, for upstream_counts() and retried().
    text = text.replace(
        "/var/log/nginx/deduct.access.log deduct_private;",
        f"{prefix}/deduct.access.log deduct_private;\n"
        f"    access_log {prefix}/upstream.log upstreamlog;",
    )
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams)
    text, count = re.subn(r"\n\s*server 127\.0\.0\.1:8000 [^;]*;", "\n" + servers, text)
    assert count == 1, "deploy/nginx.conf names one upstream server, 127.0.0.1:8000"
    return text


def config(
    prefix: Path, port: int, upstreams: list[int], cert: Path | None = None,
    key: Path | None = None, workers: str = "", connections: int = 0,
) -> str:  # fmt: skip
    """The whole nginx.conf: Debian's defaults (worker_processes auto, 768 connections,
    or NGINX_WORKERS, WORKER_CONNECTIONS, or the arguments) around the shipped site."""
    # As root nginx would drop to `nobody`, who cannot write into a private temp dir.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    return CONF.format(
        prefix=prefix, user=user, site=site(prefix, port, upstreams, cert, key),
        workers=workers or os.environ.get("NGINX_WORKERS", "auto"),
        connections=connections or int(os.environ.get("WORKER_CONNECTIONS", "768")),
    )  # fmt: skip


@contextmanager
def nginx(
    prefix: Path, port: int, upstreams: list[int], cert: Path | None = None,
    key: Path | None = None, workers: str = "", connections: int = 0,
):  # fmt: skip
    """nginx listening on 127.0.0.1:port, proxying to the gunicorn instances on upstreams."""
    prefix.mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(config(prefix, port, upstreams, cert, key, workers, connections))
    command = [executable(), "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, timeout=30)
    if check.returncode:
        raise RuntimeError(f"nginx refused its configuration:\n{check.stderr}")
    server = subprocess.Popen(
        [*command, "-g", "daemon off;"], start_new_session=True, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port)
        yield server
    finally:
        server.send_signal(signal.SIGTERM)  # the master stops its workers
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


def upstream_counts(prefix: Path) -> dict[str, int]:
    """How many requests nginx sent to each instance (from its access log)."""
    counts: dict[str, int] = {}
    for line in (prefix / "upstream.log").read_text().splitlines():
        for addr in line.split("|")[1].split(","):
            addr = addr.strip(" :")
            if addr and addr != "-":
                counts[addr] = counts.get(addr, 0) + 1
    return counts


def retried(prefix: Path) -> int:
    """Requests nginx sent to more than one instance (a retry after a failure)."""
    lines = (prefix / "upstream.log").read_text().splitlines()
    return sum(1 for line in lines if "," in line.split("|")[1])
