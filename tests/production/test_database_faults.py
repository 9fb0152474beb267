"""When the database hangs, is down, missing, corrupt, locked or unmigrated: results, the API
and the tables still answer 200 with the seeded editor texts, and /healthz says 503, each
within a couple of seconds (production settings, in subprocesses)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import nullcontext

import pytest

from rules.editor import texts
from tests.production.env import production_environ, run_python
from tests.production.servers import (
    collect_static,
    free_port,
    get,
    gunicorn,
    hanging_database,
    locked_sqlite,
)

RESULTS = "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2026"
API = "/api/determination?account=taxable&event=sold-at-loss&asset=securities&year=2026"
TABLES = "/tables/"
# libpq waits at least 2 s for a connection (DJANGO_DB_CONNECT_TIMEOUT, default 2): the
# first request of a worker after the database stops answering takes that long, the
# requests after it are answered from memory. A generous bound for a loaded machine:
BOUND = 3.5

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    return collect_static(tmp_path_factory.mktemp("static"))


def seeded_html() -> str:
    return texts.seeded()["capital-loss-sale"].explanation_html


@pytest.mark.parametrize("fault", ["hanging", "down"])
def test_results_api_and_tables_answer_from_memory_when_postgresql_fails(
    fault, tmp_path, static_root
):
    tries: list = []  # connections the hanging database accepted
    database = hanging_database(tries) if fault == "hanging" else nullcontext(free_port())
    with database as db_port:
        url = f"postgres://deduct:secret@127.0.0.1:{db_port}/deduct"
        with gunicorn(tmp_path, static_root, url, workers=1) as port:
            status, body, first = get(port, RESULTS)
            assert status == 200 and first < BOUND
            assert seeded_html() in body.decode()
            tried = len(tries)
            if fault == "hanging":
                assert tried >= 1  # the first request did wait on the database
            # The worker now leaves the database alone for DJANGO_DB_RETRY_SECONDS: the
            # check is that no request tries it again (counted, not timed, so a busy
            # machine cannot fail it), and each still answers well within the bound.
            for path in (RESULTS, API, TABLES, RESULTS):
                status, body, seconds = get(port, path)
                assert status == 200, path
                assert seconds < BOUND, (path, seconds)
            assert len(tries) == tried, "a request waited on the database again"
            status, body, seconds = get(port, "/healthz")
            assert (status, body) == (503, b"unavailable\n")
            assert seconds < BOUND


HEALTH_AND_RESULTS = f"""
import json, time
import django
django.setup()
from django.test import Client

client = Client(HTTP_HOST="deduct.example.org")
out = {{}}
for path in ("/healthz", {RESULTS!r}):
    started = time.monotonic()
    r = client.get(path)
    out[path] = {{"status": r.status_code, "seconds": time.monotonic() - started,
                  "body": r.content.decode()}}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A migrated SQLite database, and one that stopped one migration short."""
    tmp = tmp_path_factory.mktemp("databases")
    full, short = tmp / "full.sqlite3", tmp / "short.sqlite3"
    for path, args in ((full, []), (short, ["rules", "0003"])):
        env = production_environ(tmp, DATABASE_URL=f"sqlite:///{path}")
        result = run_python(["manage.py", "migrate", *args, "--noinput", "-v0"], env)
        assert result.returncode == 0, result.stderr
    return full, short


def probe(tmp_path, static_root, database: str) -> dict:
    env = production_environ(
        tmp_path,
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SETTINGS_MODULE="questionnaire.settings",
    )
    result = run_python(["-c", HEALTH_AND_RESULTS], env)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_is_ok_on_a_migrated_database(tmp_path, static_root, migrated):
    out = probe(tmp_path, static_root, migrated[0])
    assert out["/healthz"]["status"] == 200
    assert out[RESULTS]["status"] == 200


@pytest.mark.parametrize("fault", ["missing", "corrupt", "a directory", "unmigrated", "empty"])
def test_healthz_is_503_and_results_still_answer_when_the_sqlite_file_is(
    fault, tmp_path, static_root, migrated
):
    database = tmp_path / "db.sqlite3"
    if fault == "corrupt":
        database.write_bytes(migrated[0].read_bytes()[:100] + b"\x5a" * 300_000)
    elif fault == "a directory":
        database.mkdir()
    elif fault == "unmigrated":
        shutil.copy(migrated[1], database)  # the latest rules migration never ran
    elif fault == "empty":
        sqlite3.connect(database).close()
    out = probe(tmp_path, static_root, database)
    assert out["/healthz"]["status"] == 503, out["/healthz"]
    assert out["/healthz"]["seconds"] < BOUND
    assert out[RESULTS]["status"] == 200
    assert out[RESULTS]["seconds"] < BOUND
    if fault != "unmigrated":  # an older schema still has the texts: they are used
        assert seeded_html() in out[RESULTS]["body"]


def test_healthz_is_503_within_the_busy_timeout_while_another_process_locks_sqlite(
    tmp_path, static_root, migrated
):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated[0], database)
    with locked_sqlite(database, seconds=30):
        out = probe(tmp_path, static_root, database)
    assert out["/healthz"]["status"] == 503
    assert out["/healthz"]["seconds"] < BOUND
    assert out[RESULTS]["status"] == 200
    assert out[RESULTS]["seconds"] < BOUND
    assert seeded_html() in out[RESULTS]["body"]
