"""/healthz: one query on real tables, 200 or 503, no cookies, never cached."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_write_due(monkeypatch):
    """The write probe (every few seconds) is not due: the check is its one read."""
    from questionnaire import middleware

    monkeypatch.setattr(middleware._health_memory, "write_due", float("inf"))


def test_healthz_says_ok_when_the_database_answers(client, django_assert_num_queries, no_write_due):
    with django_assert_num_queries(1):
        r = client.get("/healthz")
    assert r.status_code == 200
    assert r.content == b"ok\n"
    assert r["Cache-Control"] == "no-store"
    assert r["Content-Type"].startswith("text/plain")
    assert not r.cookies


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    r = client.get("/healthz")
    assert r.status_code == 503
    assert r.content == b"unavailable\n"
    assert r["Cache-Control"] == "no-store"
    assert b"refused" not in r.content


def test_healthz_answers_a_probe_by_ip_address_over_plain_http(client, settings):
    """A load balancer probes an instance by its address, over HTTP, behind the TLS proxy."""
    settings.ALLOWED_HOSTS = ["deduct.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    r = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")
    assert r.status_code == 200
    # Everything else still validates the host and redirects to HTTPS.
    assert client.get("/", HTTP_HOST="10.0.3.7:8000").status_code == 400
    assert client.get("/", HTTP_HOST="deduct.example.org").status_code == 301


def test_healthz_head_works_and_post_is_refused(client):
    assert client.head("/healthz").status_code == 200
    r = client.post("/healthz")
    assert r.status_code == 405 and r["Allow"] == "GET, HEAD"


def test_healthz_reads_the_migrations_and_the_texts_table_not_select_1(client, no_write_due):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/healthz").status_code == 200
    (sql,) = [q["sql"] for q in queries]
    assert "django_migrations" in sql and "rules_explanation" in sql


def test_healthz_is_503_when_a_migration_of_this_release_has_not_run(client):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'rules'")
    r = client.get("/healthz")
    assert r.status_code == 503 and r.content == b"unavailable\n"


def test_a_failed_check_is_remembered_for_a_few_seconds_then_checked_again(
    client, monkeypatch, settings
):
    """H2: during a hang every probe paid the full timeout; now one pays, the rest get
    503 at once until DJANGO_HEALTH_FAILURE_SECONDS have passed."""
    from questionnaire import middleware

    calls = []
    healthy = [False]
    monkeypatch.setattr(middleware, "_database_healthy", lambda: calls.append(1) or healthy[0])
    settings.HEALTH_FAILURE_SECONDS = 3
    now = [1000.0]
    monkeypatch.setattr(middleware.time, "monotonic", lambda: now[0])
    assert [client.get("/healthz").status_code for _ in range(5)] == [503] * 5
    assert len(calls) == 1
    healthy[0] = True
    now[0] += 2.9
    assert client.get("/healthz").status_code == 503 and len(calls) == 1
    now[0] += 0.2
    assert client.get("/healthz").status_code == 200 and len(calls) == 2
    assert client.get("/healthz").status_code == 200 and len(calls) == 3  # ok is not cached


def test_a_probe_during_another_threads_check_gets_only_a_fresh_result(client, monkeypatch):
    """A worker just started (gunicorn recycles them under load) has no result: while its
    first check waits on a frozen database, its other probes said 200 (the review's
    freeze: 200 for 5 s through the recycling). Now 503 until a fresh result exists."""
    from questionnaire import middleware

    memory = middleware._HealthMemory()
    monkeypatch.setattr(middleware, "_health_memory", memory)
    monkeypatch.setattr(middleware, "_database_healthy", lambda: pytest.fail("checked twice"))
    now = [1000.0]
    monkeypatch.setattr(middleware.time, "monotonic", lambda: now[0])
    assert memory.checking.acquire(blocking=False)  # another thread's check is in flight
    try:
        assert client.get("/healthz").status_code == 503  # a fresh worker: no result yet
        memory.last, memory.checked_at = True, now[0] - 1.0
        assert client.get("/healthz").status_code == 200  # ok a second ago
        now[0] += middleware.RESULT_FRESH_SECONDS
        assert client.get("/healthz").status_code == 503  # ok, but too old to vouch for
    finally:
        memory.checking.release()


def test_healthz_tries_a_write_every_few_seconds_and_is_503_on_a_read_only_database(
    client, monkeypatch
):
    """NL3: a full disk or a read-only file answered reads while every write failed."""
    from questionnaire import middleware

    monkeypatch.setattr(middleware._health_memory, "write_due", 0.0)
    monkeypatch.setattr(middleware._health_memory, "failed_until", 0.0)
    written = []

    def read_only(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("UPDATE"):
            written.append(sql)
            raise OperationalError("attempt to write a readonly database")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(read_only):
        assert client.get("/healthz").status_code == 503
    assert len(written) == 1 and "django_migrations" in written[0]
    monkeypatch.setattr(middleware._health_memory, "failed_until", 0.0)
    assert client.get("/healthz").status_code == 200  # writable again: the probe passes
    assert middleware._health_memory.write_due > 0


def test_a_write_the_database_refused_makes_healthz_503_for_a_few_seconds(client, monkeypatch):
    from questionnaire import middleware, outage

    monkeypatch.setattr(middleware._health_memory, "failed_until", 0.0)
    try:
        raise OperationalError("database or disk is full")
    except OperationalError:
        assert outage.answer(None).status_code == 503
    assert client.get("/healthz").status_code == 503
    monkeypatch.setattr(middleware._health_memory, "failed_until", 0.0)
    assert client.get("/healthz").status_code == 200


def test_healthz_is_503_when_the_sqlite_disk_is_nearly_full(client, monkeypatch):
    """A rolled-back write never reaches the disk: on SQLite the free space is checked
    (measured on a 3 MB tmpfs with 64 kB left: 503, and 200 once space was freed)."""
    from questionnaire import middleware

    if middleware.connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    monkeypatch.setattr(middleware._health_memory, "write_due", 0.0)
    monkeypatch.setattr(middleware._health_memory, "failed_until", 0.0)
    monkeypatch.setattr(middleware, "_sqlite_disk_free", lambda: 64 * 1024)
    assert client.get("/healthz").status_code == 503
    monkeypatch.setattr(middleware._health_memory, "write_due", 0.0)
    monkeypatch.setattr(middleware._health_memory, "failed_until", 0.0)
    monkeypatch.setattr(middleware, "_sqlite_disk_free", lambda: 50 * 1024 * 1024)
    assert client.get("/healthz").status_code == 200
