"""The production variables the README's Deploy section documents, for subprocess tests
and scripts/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A key of the shape the README tells operators to generate (never used outside tests).
TEST_SECRET_KEY = "test-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": TEST_SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "deduct.example.org",
    "DJANGO_BEHIND_PROXY": "true",
}


def production_environ(tmp_path: Path, **extra: str) -> dict[str, str]:
    """os.environ without the test-run defaults, plus the production variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") or k == "DJANGO_SETTINGS_MODULE"
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    env.update(PRODUCTION_ENV)
    env.update(extra)
    return env


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def manage(env: dict[str, str], *args: str) -> None:
    """manage.py with `args` in a subprocess; raises with its output when it fails."""
    result = run_python(["manage.py", *args], env)
    if result.returncode:
        raise RuntimeError(
            f"manage.py {' '.join(args)} exited {result.returncode}:\n"
            + (result.stdout[-2000:] + result.stderr[-3000:])
        )
