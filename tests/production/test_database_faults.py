"""When the database hangs or is down: results, the API and the tables still answer 200 with
the seeded editor texts within a couple of seconds (production settings, in subprocesses)."""

from __future__ import annotations

from contextlib import nullcontext

import pytest

from rules import texts
from tests.production.servers import collect_static, free_port, get, gunicorn, hanging_database

RESULTS = "/results/?account=taxable&event=sold-at-loss"
API = "/api/determination?account=taxable&event=sold-at-loss"
TABLES = "/tables/"
# libpq waits at least 2 s for a connection (DJANGO_DB_CONNECT_TIMEOUT, default 2): the
# first request of a worker after the database stops answering takes that long, the
# requests after it are answered from memory. A generous bound for a loaded machine:
BOUND = 3.5


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    return collect_static(tmp_path_factory.mktemp("static"))


def seeded_html() -> str:
    return texts.seeded()["capital-loss-sale"].explanation_html


@pytest.mark.parametrize("fault", ["hanging", "down"])
def test_results_api_and_tables_answer_from_memory_when_postgresql_fails(
    fault, tmp_path, static_root
):
    database = hanging_database() if fault == "hanging" else nullcontext(free_port())
    with database as db_port:
        url = f"postgres://deduct:secret@127.0.0.1:{db_port}/deduct"
        with gunicorn(tmp_path, static_root, url, workers=1) as port:
            status, body, first = get(port, RESULTS)
            assert status == 200 and first < BOUND
            assert seeded_html() in body.decode()
            # The worker now leaves the database alone for DJANGO_DB_RETRY_SECONDS.
            for path in (RESULTS, API, TABLES, RESULTS):
                status, body, seconds = get(port, path)
                assert status == 200, path
                assert seconds < 1, (path, seconds)
            status, body, seconds = get(port, "/healthz")
            assert (status, body) == (503, b"unavailable\n")
            assert seconds < BOUND
