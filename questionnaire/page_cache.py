"""A per-process cache of rendered pages, bounded in bytes as well as in entries.

Django's local-memory cache bounds the number of entries only. Here a value
larger than MAX_VALUE_BYTES is never stored, so the cache can hold at most
MAX_ENTRIES x MAX_VALUE_BYTES (by default 1,000 x 64 kB = 64 MB a process;
a results page is about 12 kB, so in practice a tenth of that). Keys name
only validated, canonical answers (rules.web.views), never what a client typed.
"""

from __future__ import annotations

import pickle
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_VALUE_BYTES = 64 * 1024


class BoundedLocMemCache(LocMemCache):
    def __init__(self, name: str, params: dict[str, Any]):
        super().__init__(name, params)
        options = params.get("OPTIONS") or {}
        self.max_value_bytes = int(options.get("MAX_VALUE_BYTES", DEFAULT_MAX_VALUE_BYTES))

    def _fits(self, value: Any) -> bool:
        size = len(value) if isinstance(value, bytes | str) else len(pickle.dumps(value))
        return size <= self.max_value_bytes

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._fits(value):
            super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not self._fits(value):
            return False
        return super().add(key, value, timeout, version)
