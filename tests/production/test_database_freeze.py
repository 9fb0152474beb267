"""NH1 and H2: a PostgreSQL that freezes on connections already open (a paused VM, a
partition, a stopped process): the server's statement_timeout cannot run and the kernel
may keep acknowledging, so only a deadline kept by the client helps. With it, results,
the API and the tables answer 200 within ~3 s from memory, /healthz says 503 and then
remembers it, and all recovers when the database thaws. Needs PostgreSQL
(DATABASE_URL, `make test-postgres`); the freeze is a TCP proxy that stops forwarding."""

from __future__ import annotations

import os
import secrets
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from rules.editor import texts
from tests.production.env import production_environ, run_python
from tests.production.servers import collect_static, freezable_proxy, get, gunicorn

pytestmark = [pytest.mark.slow, pytest.mark.database]

URL = os.environ.get("DATABASE_URL", "")
BOUND = 4.0  # the 2.5 s deadline, plus a loaded 2-core machine's slack


def results(year: int) -> str:
    return f"/results/?account=taxable&event=sold-at-loss&asset=securities&year={year}"


API = "/api/determination?account=taxable&event=sold-at-loss&asset=securities&year=2026"


@pytest.fixture
def fresh_database(tmp_path):
    if not URL.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://... (scripts/postgres-up.sh)")
    import psycopg

    parts = urlsplit(URL)
    name = f"deduct_freeze_{secrets.token_hex(4)}"
    admin = psycopg.connect(URL.replace("postgres://", "postgresql://", 1), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        env = production_environ(tmp_path, DATABASE_URL=url)
        result = run_python(["manage.py", "migrate", "--noinput", "-v0"], env)
        assert result.returncode == 0, result.stderr
        yield parts, name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_nh1_a_frozen_postgresql_leaves_results_api_tables_fast_and_healthz_503(
    tmp_path, fresh_database
):
    parts, name = fresh_database
    static_root = collect_static(tmp_path)
    with freezable_proxy(parts.port or 5432, parts.hostname) as (proxy_port, frozen):
        netloc = f"{parts.username}:{parts.password}@127.0.0.1:{proxy_port}"
        url = urlunsplit(parts._replace(netloc=netloc, path=f"/{name}"))
        with gunicorn(tmp_path, static_root, url, workers=1, DJANGO_DB_RETRY_SECONDS="3") as port:
            assert get(port, results(2026))[0] == 200  # a connection is open and kept
            assert get(port, "/healthz")[0] == 200
            frozen.set()
            status, body, seconds = get(port, results(2025), timeout=30)  # not cached
            print(f"frozen: first uncached results page {status} in {seconds:.2f} s")
            assert status == 200 and seconds < BOUND
            assert texts.seeded()["capital-loss-sale"].explanation_html in body.decode()
            for path in (results(2024), API, "/tables/", "/", results(2023)):
                status, _, seconds = get(port, path, timeout=30)
                assert status == 200 and seconds < BOUND, (path, seconds)
            status, _, seconds = get(port, "/healthz", timeout=30)
            print(f"frozen: /healthz {status} in {seconds:.2f} s")
            assert status == 503 and seconds < BOUND
            for _ in range(5):  # remembered: no probe waits on the frozen database
                status, _, seconds = get(port, "/healthz")
                assert status == 503 and seconds < 2.0  # under the 2.5 s deadline
            frozen.clear()
            time.sleep(4)  # DJANGO_DB_RETRY_SECONDS and the remembered failure pass
            deadline = time.monotonic() + 15
            while get(port, "/healthz")[0] != 200:
                assert time.monotonic() < deadline, "no recovery after the thaw"
                time.sleep(0.5)
            assert get(port, results(2022))[0] == 200
