"""Servers for the subprocess tests and for scripts/ (`make loadtest`, `make faults`, ...):
gunicorn with production settings, a database that accepts connections and never
answers, a proxy that freezes, a SQLite file another process locks. Every wait is
bounded; everything started is stopped by its own process id."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from tests.production.env import ROOT, production_environ, run_python

HOST = "deduct.example.org"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def hanging_database(accepted: list | None = None):
    """A TCP port on 127.0.0.1 that accepts connections and never says a word, the way a
    partitioned or frozen database server looks to a client. Yields the port; every
    connection accepted is also appended to `accepted` when given, so a test can count
    how often the site tried the database."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    server.settimeout(0.2)
    held: list[socket.socket] = [] if accepted is None else accepted
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


@contextmanager
def freezable_proxy(target_port: int, target_host: str = "127.0.0.1"):
    """A TCP proxy on 127.0.0.1 in front of a real server, that can freeze: while
    `frozen` is set it forwards nothing either way and answers no new connection, but
    keeps every socket open and acknowledged, the way a paused VM, a stopped server
    process or an I/O stall looks to a client with connections already open. Yields
    (port, frozen) with `frozen` a threading.Event."""
    import select

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    listener.settimeout(0.2)
    frozen = threading.Event()
    stop = threading.Event()
    sockets: list[socket.socket] = []

    def pump(a: socket.socket, b: socket.socket) -> None:
        while not stop.is_set():
            if frozen.is_set():
                time.sleep(0.05)
                continue
            try:
                ready, _, _ = select.select([a], [], [], 0.1)
                if not ready or frozen.is_set():
                    continue
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
            except OSError:
                break
        for s in (a, b):
            with suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def accept() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                continue
            sockets.append(client)
            while frozen.is_set() and not stop.is_set():
                time.sleep(0.05)  # accepted by the kernel, never answered while frozen
            try:
                upstream = socket.create_connection((target_host, target_port), timeout=5)
            except OSError:
                client.close()
                continue
            sockets.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=pump, args=(a, b), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], frozen
    finally:
        frozen.clear()
        stop.set()
        thread.join(timeout=5)
        for s in sockets:
            s.close()
        listener.close()


LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


@contextmanager
def locked_sqlite(database: Path, seconds: float = 30):
    """Another process holds an exclusive lock on the SQLite file for the block (at most
    `seconds`), as a long write or a backup would."""
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCK, str(database), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        yield
    finally:
        locker.kill()
        locker.wait(timeout=10)


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


def gunicorn_log(tmp: Path, port: int) -> Path:
    """Where the instance on `port` writes its log (stdout and stderr)."""
    return tmp / f"gunicorn-{port}.log"


def start_gunicorn(
    tmp: Path,
    static_root: Path,
    database_url: str,
    workers: int | None = 2,
    ready: str = "/",
    args: Sequence[str] = (),
    **extra: str,
) -> tuple[subprocess.Popen, int]:
    """gunicorn (gunicorn.conf.py, then `args`) with the production variables on a free
    port, once `ready` answers at all: (process, port). workers=None leaves the count to
    GUNICORN_WORKERS or the config. Stop it with stop()."""
    port = free_port()
    settings = {
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # no TLS on the loopback
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    if workers is not None:
        settings["GUNICORN_WORKERS"] = str(workers)
    env = production_environ(tmp, **(settings | extra))
    log = gunicorn_log(tmp, port)
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, log.read_text()[-3000:]
            try:
                get(port, ready, timeout=5)
                break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
            time.sleep(0.2)
    except BaseException:
        stop(server)
        raise
    return server, port


def stop(server: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Send `sig` to the server's process group (master and workers) and wait for it;
    SIGKILL after 15 s. Stopping a server already gone is not an error."""
    with suppress(ProcessLookupError):
        os.killpg(server.pid, sig)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)


@contextmanager
def gunicorn(
    tmp: Path,
    static_root: Path,
    database_url: str,
    workers: int | None = 2,
    ready: str = "/",
    args: Sequence[str] = (),
    **extra: str,
):
    """gunicorn (start_gunicorn) until the block ends; yields its port."""
    server, port = start_gunicorn(tmp, static_root, database_url, workers, ready, args, **extra)
    try:
        yield port
    finally:
        stop(server)


def wait_for_port(port: int, seconds: float = 15) -> None:
    """Until something listens on 127.0.0.1:port (nginx, once it has read its config)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")
