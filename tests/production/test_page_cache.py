"""The page cache is per process and bounded in bytes, not only in entries."""

from __future__ import annotations

from django.core.cache import cache, caches

from questionnaire.page_cache import BoundedLocMemCache


def test_the_default_cache_is_the_bounded_one():
    default = caches["default"]
    assert isinstance(default, BoundedLocMemCache)
    assert default.max_value_bytes == 64 * 1024 and default._max_entries == 1000


def test_a_value_over_the_size_limit_is_never_stored():
    cache.set("small", b"x" * 1024)
    cache.set("big", b"x" * (64 * 1024 + 1))
    assert cache.get("small") == b"x" * 1024
    assert cache.get("big") is None
    assert cache.add("big", b"x" * (64 * 1024 + 1)) is False
    assert cache.get("big") is None


def test_the_total_stays_under_entries_times_value_size():
    bounded = caches["default"]
    for i in range(1500):
        bounded.set(f"page-{i}", b"p" * (60 * 1024))
    stored = [bounded.get(f"page-{i}") for i in range(1500)]
    assert sum(len(v) for v in stored if v) <= 1000 * 64 * 1024
