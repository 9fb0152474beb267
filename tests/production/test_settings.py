"""Settings come from the environment through typed helpers that refuse bad values."""

from __future__ import annotations

import os
import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured

from questionnaire.env import envbool, envchoice, envint, envlist, envorigins
from tests.production.env import PRODUCTION_ENV, ROOT, production_environ, run_python

SETTINGS = str(ROOT / "questionnaire" / "settings.py")


@pytest.mark.parametrize(("raw", "expected"), [("1", True), (" Yes ", True), ("off", False)])
def test_envbool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert envbool("X_FLAG", not expected) is expected


@pytest.mark.parametrize("raw", ["2", "enabled", "tru", "y e s"])
def test_envbool_refuses_anything_else_and_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("X_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be one of"):
        envbool("X_FLAG", False)


def test_envbool_unset_gives_the_default(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert envbool("X_FLAG", True) is True


@pytest.mark.parametrize("raw", ["ten", "1.5", "1e3", "0x10"])
def test_envint_refuses_what_is_not_a_whole_number(monkeypatch, raw):
    monkeypatch.setenv("X_NUM", raw)
    with pytest.raises(ImproperlyConfigured, match="X_NUM must be a whole number"):
        envint("X_NUM", 1)


def test_envint_refuses_values_out_of_range(monkeypatch):
    monkeypatch.setenv("X_NUM", "-1")
    with pytest.raises(ImproperlyConfigured, match="X_NUM must be at least 0"):
        envint("X_NUM", 1, minimum=0)
    monkeypatch.setenv("X_NUM", "99")
    with pytest.raises(ImproperlyConfigured, match="X_NUM must be at most 10"):
        envint("X_NUM", 1, maximum=10)


def test_envint_reads_a_number_and_defaults_when_blank(monkeypatch):
    monkeypatch.setenv("X_NUM", " 42 ")
    assert envint("X_NUM", 1) == 42
    monkeypatch.setenv("X_NUM", "")
    assert envint("X_NUM", 7) == 7


def test_envlist_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.example, ,b.example ,")
    assert envlist("X_LIST", []) == ["a.example", "b.example"]


def test_envchoice_is_case_insensitive_and_refuses_others(monkeypatch):
    monkeypatch.setenv("X_LEVEL", "info")
    assert envchoice("X_LEVEL", "WARNING", ("INFO", "WARNING")) == "INFO"
    monkeypatch.setenv("X_LEVEL", "loud")
    with pytest.raises(ImproperlyConfigured, match="X_LEVEL must be one of INFO, WARNING"):
        envchoice("X_LEVEL", "WARNING", ("INFO", "WARNING"))


@pytest.mark.parametrize(
    "raw", ["example.org", "ftp://example.org", "https://", "https://example.org/path"]
)
def test_envorigins_refuses_what_is_not_an_origin(monkeypatch, raw):
    monkeypatch.setenv("X_ORIGINS", raw)
    with pytest.raises(ImproperlyConfigured, match="X_ORIGINS must list origins"):
        envorigins("X_ORIGINS")


# --- the settings module itself, run fresh with a given environment


@pytest.fixture
def production(monkeypatch, tmp_path):
    for name in list(__import__("os").environ):
        if name.startswith("DJANGO_") and name != "DJANGO_SETTINGS_MODULE":
            monkeypatch.delenv(name)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def load_settings() -> dict:
    return runpy.run_path(SETTINGS)


def test_production_settings_are_secure_by_default(production):
    s = load_settings()
    assert s["DEBUG"] is False
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["SECURE_HSTS_SECONDS"] >= 31536000
    assert s["ALLOWED_HOSTS"] == ["deduct.example.org"]
    assert s["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    # Only the test run swaps in MD5 (tests/conftest.py): the site keeps Django's PBKDF2.
    assert "PASSWORD_HASHERS" not in s
    assert "CompressedManifest" in s["STORAGES"]["staticfiles"]["BACKEND"]


def test_no_secret_key_refuses_to_start(production):
    production.delenv("DJANGO_SECRET_KEY")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY is required"):
        load_settings()


def test_no_allowed_hosts_refuses_to_start(production):
    production.delenv("DJANGO_ALLOWED_HOSTS")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ALLOWED_HOSTS is required"):
        load_settings()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be one of"),
        ("DJANGO_SECURE_HSTS_SECONDS", "a year", "DJANGO_SECURE_HSTS_SECONDS must be a whole"),
        ("DJANGO_SECURE_HSTS_SECONDS", "-5", "DJANGO_SECURE_HSTS_SECONDS must be at least 0"),
        ("DJANGO_CONN_MAX_AGE", "forever", "DJANGO_CONN_MAX_AGE must be a whole number"),
        ("DJANGO_LOG_LEVEL", "verbose", "DJANGO_LOG_LEVEL must be one of"),
        ("DJANGO_CSRF_TRUSTED_ORIGINS", "deduct.example.org", "must list origins"),
        ("DATABASE_URL", "mongodb://localhost/deduct", "DATABASE_URL is not a database URL"),
        ("DATABASE_URL", "postgres://", "DATABASE_URL must name a database"),
    ],
)
def test_a_bad_value_refuses_to_start_with_a_clear_message(production, name, value, message):
    production.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings()


def test_database_url_selects_postgresql(production):
    production.setenv("DATABASE_URL", "postgres://deduct:secret@db.internal:5432/deduct")
    db = load_settings()["DATABASES"]["default"]
    # Django's backend with a client-side deadline on every query (NH1).
    assert db["ENGINE"] == "questionnaire.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"]) == ("db.internal", 5432, "deduct")
    assert db["CONN_HEALTH_CHECKS"] is True
    assert db["QUERY_DEADLINE_MS"] == 2500  # statement_timeout (2000) + 500
    options = db["OPTIONS"]
    assert "-c statement_timeout=2000" in options["options"]
    assert (options["keepalives"], options["keepalives_idle"]) == (1, 1)
    assert (options["keepalives_interval"], options["keepalives_count"]) == (1, 2)
    assert options["tcp_user_timeout"] == 2500
    production.setenv("DJANGO_DB_STATEMENT_TIMEOUT", "0")  # a long migrate: no deadline
    assert load_settings()["DATABASES"]["default"]["QUERY_DEADLINE_MS"] == 0


def test_no_variables_at_all_runs_in_debug_for_make_run(monkeypatch):
    for name in list(__import__("os").environ):
        if name.startswith("DJANGO_") and name != "DJANGO_SETTINGS_MODULE":
            monkeypatch.delenv(name)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DJANGO_DEBUG", "1")  # what `make run` sets
    s = load_settings()
    assert s["DEBUG"] is True and s["SECURE_SSL_REDIRECT"] is False
    assert s["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_check_deploy_passes_with_the_documented_production_variables(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_environ(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_when_debug_is_left_on(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_environ(tmp_path, DJANGO_DEBUG="1"),
    )
    assert result.returncode != 0
    assert "security.W018" in result.stderr


def _bare_environ(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    return env


def test_a_developer_command_runs_on_local_defaults_with_no_variables(tmp_path):
    result = run_python(
        ["manage.py", "makemigrations", "--check", "--dry-run"], _bare_environ(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert "using local development defaults" in result.stderr


@pytest.mark.parametrize(
    "args", [["collectstatic", "--noinput"], ["check", "--deploy", "--fail-level", "WARNING"]]
)
def test_deploy_steps_never_fall_back_to_local_defaults(tmp_path, args):
    result = run_python(["manage.py", *args], _bare_environ(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr
