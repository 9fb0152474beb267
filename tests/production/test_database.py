"""The suite runs on the database DATABASE_URL names (SQLite by default, PostgreSQL in CI)."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.database
def test_the_suite_runs_on_the_database_that_database_url_names():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "pgsql")) else "sqlite"
    assert connection.vendor == expected
