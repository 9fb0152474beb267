"""The whole suite runs on one fixed day, so no answer changes with the real date.

Tests that cross a year boundary pin their own day with `rules.law.clock.pinned`.
A server started in a subprocess reads DEDUCT_TODAY (set here) instead.
"""

import os
from datetime import date

import pytest

TODAY = date(2026, 11, 28)
CURRENT = TODAY.year

os.environ["DEDUCT_TODAY"] = TODAY.isoformat()


def pytest_configure(config):
    """Passwords hashed with MD5 in tests: PBKDF2 costs 0.3-0.8 s a hash on purpose, and
    the admin, lockout and feedback tests create users and log in by the hundred. The
    production hasher is checked in tests/production/test_settings.py."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


def pytest_collection_modifyitems(config, items):
    """Mark what touches the database: `make test-postgres` runs only those tests."""
    for item in items:
        if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.database)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrated test database, with its rows captured for tests/dbsnapshot.py.

    A flush (after each transactional test) sends post_migrate, on which the site loads
    its content files again (0.2 s); in tests the captured rows are put back instead, so
    the loader runs after `migrate` only (a flush sends no `apps`)."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    from rules.apps import load_content_after_migrate
    from tests import dbsnapshot

    def load_unless_flush(sender, app_config, using, apps=None, **kwargs):
        if apps is not None:
            load_content_after_migrate(sender, app_config, using, apps=apps, **kwargs)

    rules_app = apps.get_app_config("rules")
    post_migrate.disconnect(sender=rules_app, dispatch_uid="rules.load_content")
    post_migrate.connect(
        load_unless_flush, sender=rules_app, dispatch_uid="rules.load_content", weak=False
    )
    with django_db_blocker.unblock():
        dbsnapshot.capture()


@pytest.fixture(autouse=True)
def fixed_today():
    from rules.law import clock

    with clock.pinned(TODAY):
        yield TODAY


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test renders its pages afresh (the page cache lives for the process), and
    starts with no feedback counted against its address (the rate limit's cache)."""
    from django.core.cache import caches

    from rules.editor import texts

    for cache in caches.all():
        cache.clear()
    texts.forget()  # the editor texts kept in memory, as in a fresh process
    yield


@pytest.fixture(autouse=True)
def _forget_flood_limits():
    """Each test starts with no client remembered as over a flood limit (the counters
    themselves live in the test database, rolled back with it) and no remembered
    /healthz failure."""
    from questionnaire import limits, middleware

    limits._over.clear()
    middleware._health_memory.failed_until = 0.0  # and no remembered /healthz failure
    yield
    limits._over.clear()
    middleware._health_memory.failed_until = 0.0
