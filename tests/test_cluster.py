"""`make cluster` as a test: two gunicorn instances with production settings on one PostgreSQL
database behind nginx (scripts/cluster.py). Runs in the PostgreSQL run of the suite
(`make test-postgres`, so in CI); on SQLite it is skipped, as there is no server to share."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.production.env import ROOT

URL = os.environ.get("DATABASE_URL", "")
NEEDS = {
    "nginx": shutil.which("nginx") or shutil.which("/usr/sbin/nginx"),
    "wrk": shutil.which("wrk"),
}

pytestmark = [
    pytest.mark.database,
    pytest.mark.slow,
    pytest.mark.skipif(
        not URL.startswith("postgres"), reason="the cluster shares a PostgreSQL database"
    ),
]


def test_two_instances_behind_nginx_share_one_database_and_survive_losing_one():
    missing = [name for name, path in NEEDS.items() if not path]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI=true but {', '.join(missing)} missing: see .ci/run")
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install nginx wrk)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    result = subprocess.run(
        [sys.executable, "-m", "scripts.cluster"],
        cwd=ROOT,
        env=env | {"DATABASE_URL": URL, "CLUSTER_SECONDS": "6"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "cluster: all three hold" in result.stdout
