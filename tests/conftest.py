import pytest


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test renders its pages afresh (the page cache lives for the process)."""
    from django.core.cache import cache

    cache.clear()
    yield
