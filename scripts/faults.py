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

import shutil
import sqlite3
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, nullcontext
from pathlib import Path

from scripts import loadtest  # the loopback settings and prepare()
from tests import pages
from tests.production.env import manage, production_environ
from tests.production.servers import free_port, gunicorn, hanging_database, locked_sqlite

RESULTS = pages.RESULTS["wash-sale-deferred"]
PAGES = [
    ("results (first)", RESULTS),
    ("results (again)", RESULTS),
    ("API", pages.api_url(RESULTS)),
    ("tables", pages.EXAMPLES["rules:tables"]["tables"]),
    ("/healthz", "/healthz"),
]


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
        print(f"faults: migrate and collectstatic into {tmp}")
        static_root, _ = loadtest.prepare(tmp)
        good = tmp / "db.sqlite3"
        short = tmp / "short.sqlite3"
        env = production_environ(tmp, DATABASE_URL=f"sqlite:///{short}")
        manage(env, "migrate", "rules", "0003", "--noinput", "-v0")
        faults = {}

        def sqlite_copy(name: str, make) -> str:
            path = tmp / name
            make(path)
            return f"sqlite:///{path}"

        cases = [
            ("healthy SQLite", lambda: nullcontext(f"sqlite:///{good}")),
            ("PostgreSQL hangs", lambda: _pg(hanging_database())),
            ("PostgreSQL refuses", lambda: nullcontext(_pg_url(free_port()))),
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
            print(f"faults: {name}")
            with fault() as url, gunicorn(
                tmp, static_root, url, workers=1, DJANGO_LOG_LEVEL="CRITICAL", **loadtest.LOOPBACK
            ) as port:
                faults[name] = measure(f"http://127.0.0.1:{port}")
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
    with locked_sqlite(path, seconds=60):
        yield f"sqlite:///{path}"


if __name__ == "__main__":
    sys.exit(main())
