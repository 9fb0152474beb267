"""Debian's nginx on 127.0.0.1 in front of gunicorn instances, for `make slowclients` and
`make cluster`: the site's own deploy/deduct-site.conf inside a throwaway nginx.conf.

Runs nginx in the foreground from a temporary prefix (its own pid file, logs and
buffers), so it never touches /etc/nginx or a system nginx; stopped by its pid.
"""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tests.production.env import ROOT
from tests.production.servers import wait_for_port

SITE = ROOT / "deploy" / "deduct-site.conf"

CONF = """\
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    log_format upstreamlog
        '$status|$upstream_addr|$upstream_status|$request_time|$request_method $uri';
    access_log {prefix}/access.log upstreamlog;
    # deploy/nginx.conf's login limit (deduct-site.conf refers to its zone).
    map $request_method $deduct_login_client {{ POST $binary_remote_addr; default ""; }}
    limit_req_zone $deduct_login_client zone=deduct_login:10m rate=10r/m;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream deduct {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {site};
    }}
}}
"""


def executable() -> str:
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(path):
        sys.exit("nginx is not installed (apt-get install nginx; `make cluster` does it)")
    return path


def config(prefix: Path, port: int, upstreams: list[int]) -> str:
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams
    )
    # As root nginx would drop to `nobody`, who cannot write into a private temp dir.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    return CONF.format(prefix=prefix, port=port, servers=servers, site=SITE, user=user)


@contextmanager
def nginx(prefix: Path, port: int, upstreams: list[int]):
    """nginx listening on 127.0.0.1:port, proxying to the gunicorn instances on upstreams."""
    prefix.mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(config(prefix, port, upstreams))
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
    for line in (prefix / "access.log").read_text().splitlines():
        for addr in line.split("|")[1].split(","):
            addr = addr.strip(" :")
            if addr and addr != "-":
                counts[addr] = counts.get(addr, 0) + 1
    return counts


def retried(prefix: Path) -> int:
    """Requests nginx sent to more than one instance (a retry after a failure)."""
    lines = (prefix / "access.log").read_text().splitlines()
    return sum(1 for line in lines if "," in line.split("|")[1])
