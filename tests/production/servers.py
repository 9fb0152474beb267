"""Servers for the subprocess tests: gunicorn with production settings, and a database
that accepts connections and never answers. Every wait is bounded; everything started
is stopped by its own process id."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from tests.production.env import ROOT, production_environ, run_python

HOST = "deduct.example.org"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def hanging_database():
    """A TCP port on 127.0.0.1 that accepts connections and never says a word, the way a
    partitioned or frozen database server looks to a client. Yields the port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    server.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        server.close()


def collect_static(tmp: Path) -> Path:
    static_root = tmp / "static"
    env = production_environ(tmp, DJANGO_STATIC_ROOT=str(static_root))
    result = run_python(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert result.returncode == 0, result.stderr
    return static_root


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes, float]:
    """(status, body, seconds) of one GET to the instance, with the production Host."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": HOST})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, body, time.monotonic() - started


@contextmanager
def gunicorn(
    tmp: Path,
    static_root: Path,
    database_url: str,
    workers: int = 2,
    ready: str = "/",
    **extra: str,
):
    """gunicorn (gunicorn.conf.py) with the production variables; yields its port once
    `ready` answers at all."""
    port = free_port()
    settings = {
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # no TLS on the loopback
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
    }
    env = production_environ(tmp, **(settings | extra))
    log = (tmp / f"gunicorn-{port}.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (tmp / f"gunicorn-{port}.log").read_text()[-3000:]
            try:
                get(port, ready, timeout=5)
                break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
            time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)
        log.close()
