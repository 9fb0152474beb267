import pytest


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test renders its pages afresh (the page cache lives for the process)."""
    from django.core.cache import cache

    from rules import texts

    cache.clear()
    texts.forget()  # the editor texts kept in memory, as in a fresh process
    yield
