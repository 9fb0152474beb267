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
from django.utils.translation import get_language


def path(name: str, **kwargs: str) -> str:
    """reverse(name, kwargs=kwargs), remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _path(name, tuple(sorted(kwargs.items())), urlconf, get_script_prefix(),
                 get_language())


@lru_cache(maxsize=512)
def _path(name: str, kwargs: tuple[tuple[str, str], ...], urlconf: str, prefix: str,
          language: str | None) -> str:
    # The language is in the key: a Spanish page's links lead to /es/... (i18n_patterns).
    return reverse(name, kwargs=dict(kwargs), urlconf=urlconf)
