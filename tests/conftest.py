import pytest


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test renders its pages afresh (the page cache lives for the process), and
    starts with no feedback counted against its address (the rate limit's cache)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
