"""The site's own paths, resolved once per process instead of a reverse() per link.

A results page links a dozen answers, its questions and the glossary; each
`reverse()` walks the URL resolver. The path of a named route depends only on
the name, its arguments, the URLconf and the script prefix, so it is cached
under exactly those (bounded: the names and arguments are the code's own, never
a client's).
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def path(name: str, **kwargs: str) -> str:
    """reverse(name, kwargs=kwargs), remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _path(name, tuple(sorted(kwargs.items())), urlconf, get_script_prefix())


@lru_cache(maxsize=256)
def _path(name: str, kwargs: tuple[tuple[str, str], ...], urlconf: str, prefix: str) -> str:
    return reverse(name, kwargs=dict(kwargs), urlconf=urlconf)
