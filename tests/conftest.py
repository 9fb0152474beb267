"""The whole suite runs on one fixed day, so no answer changes with the real date.

Tests that cross a year boundary pin their own day with `rules.clock.pinned`.
A server started in a subprocess reads DEDUCT_TODAY (set here) instead.
"""

import os
from datetime import date

import pytest

TODAY = date(2026, 11, 28)
CURRENT = TODAY.year

os.environ["DEDUCT_TODAY"] = TODAY.isoformat()


@pytest.fixture(autouse=True)
def fixed_today():
    from rules import clock

    with clock.pinned(TODAY):
        yield TODAY


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test renders results and tables pages afresh (they are cached per process,
    and a test that reads a page's context needs it rendered, not served)."""
    from django.core.cache import cache

    cache.clear()
    yield
