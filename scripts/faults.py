"""Database faults, with figures: `make faults`.

Starts gunicorn with production settings (1 worker, so every request meets the same
process) against a database that hangs (a port on 127.0.0.1 that accepts connections
and never answers), one that refuses connections, and SQLite files that are missing,
corrupt, locked by another process or one migration short. For each it prints the
status and time of the results page (twice: the first request meets the fault, the
second is answered from memory), the API, the tables and /healthz. Everything runs
on 127.0.0.1 and is stopped by its pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, nullcontext
from pathlib import Path

from scripts import loadtest  # environment, migrate, gunicorn

RESULTS = "/results/?account=taxable&event=wash-sale&asset=securities"
PAGES = [
    ("results (first)", RESULTS),
    ("results (again)", RESULTS),
    ("API", "/api/determination?account=taxable&event=wash-sale&asset=securities"),
    ("tables", "/tables/"),
    ("/healthz", "/healthz"),
]


@contextmanager
def hanging_port():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    server.settimeout(0.2)
    held, stop = [], threading.Event()

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


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def locked(path: Path):
    code = (
        "import sqlite3, sys, time\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)\n"
    )
    locker = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE)
    try:
        locker.stdout.readline()
        yield
    finally:
        locker.kill()
        locker.wait(timeout=10)


@contextmanager
def gunicorn(env: dict, base: str, log: Path):
    """gunicorn until the block ends; up once it answers anything (/healthz may be 503)."""
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=loadtest.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit("faults: gunicorn did not start:\n" + log.read_text()[-2000:])
                try:
                    urllib.request.urlopen(base + "/", timeout=5).close()
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:
                    time.sleep(0.2)
            yield server
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=30)


def measure(base: str) -> list[tuple[str, int | str, float]]:
    rows = []
    for name, path in PAGES:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(base + path, timeout=30) as r:
                status: int | str = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError as e:
            status = type(e).__name__
        rows.append((name, status, time.monotonic() - started))
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="faults-") as tmp_name:
        tmp = Path(tmp_name)
        env = loadtest.production_env(tmp, 0)
        print(f"faults: migrate and collectstatic into {tmp}")
        loadtest.prepare(env)
        good = tmp / "db.sqlite3"
        short = tmp / "short.sqlite3"
        loadtest.manage(dict(env, DATABASE_URL=f"sqlite:///{short}"), "migrate", "rules",
                        "0003", "--noinput", "-v0")
        faults = {}

        def sqlite_copy(name: str, make) -> str:
            path = tmp / name
            make(path)
            return f"sqlite:///{path}"

        cases = [
            ("healthy SQLite", lambda: nullcontext(f"sqlite:///{good}")),
            ("PostgreSQL hangs", lambda: _pg(hanging_port())),
            ("PostgreSQL refuses", lambda: nullcontext(_pg_url(closed_port()))),
            ("SQLite file missing", lambda: nullcontext(f"sqlite:///{tmp / 'gone.sqlite3'}")),
            ("SQLite file corrupt", lambda: nullcontext(sqlite_copy(
                "corrupt.sqlite3", lambda p: p.write_bytes(good.read_bytes()[:100] + b"Z" * 300_000)
            ))),
            ("SQLite empty", lambda: nullcontext(sqlite_copy(
                "empty.sqlite3", lambda p: sqlite3.connect(p).close()))),
            ("SQLite unmigrated", lambda: nullcontext(f"sqlite:///{short}")),
            ("SQLite locked", lambda: _locked_copy(good, tmp / "locked.sqlite3")),
        ]
        for name, fault in cases:
            port = loadtest.free_port()
            base = f"http://127.0.0.1:{port}"
            print(f"faults: {name}")
            with fault() as url:
                env_f = dict(env, DATABASE_URL=url, GUNICORN_WORKERS="1",
                             GUNICORN_BIND=f"127.0.0.1:{port}", DJANGO_LOG_LEVEL="CRITICAL")
                with gunicorn(env_f, base, tmp / "gunicorn.log"):
                    faults[name] = measure(base)
    print()
    print("gunicorn with production settings, 1 worker; status and seconds of each request, "
          "in this order")
    print(f"{'database':<22} " + " ".join(f"{name:>17}" for name, _ in PAGES))
    for name, rows in faults.items():
        print(f"{name:<22} " + " ".join(f"{str(s):>6} {t:>8.3f} s" for _, s, t in rows))
    bad = [
        name for name, rows in faults.items()
        for page, status, seconds in rows
        if seconds > 3 or (page != "/healthz" and status != 200)
        or (page == "/healthz" and status != (200 if name == "healthy SQLite" else 503))
    ]
    if bad:
        print("faults: FAILED for " + ", ".join(sorted(set(bad))))
    return 1 if bad else 0


def _pg_url(port: int) -> str:
    return f"postgres://deduct:secret@127.0.0.1:{port}/deduct"


@contextmanager
def _pg(port_context):
    with port_context as port:
        yield _pg_url(port)


@contextmanager
def _locked_copy(good: Path, path: Path):
    shutil.copy(good, path)
    with locked(path):
        yield f"sqlite:///{path}"


if __name__ == "__main__":
    sys.exit(main())
