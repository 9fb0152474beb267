"""Flood limits counted in the database, so every gunicorn worker, every restart and every
instance sees the same count (a per-process counter forgets whenever a worker recycles).

A client is its address as `client_ip` reads it, normalised: an IPv4-mapped IPv6 address
(`::ffff:127.0.0.1`, what a dual-stack socket reports for an IPv4 peer) is the IPv4
address, and an IPv6 client is its /64 (one household or phone usually holds a /64). What
is stored is a keyed hash of that, for as long as the window lasts.

Once a client is over a limit, this process remembers it until the window ends and
refuses without touching the database: a flood costs one dictionary lookup a request.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import threading
import time
from collections.abc import Sequence

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

log = logging.getLogger(__name__)

Rate = tuple[int, int]  # (at most this many requests, per this many seconds)


def parse_rate(rate: str) -> Rate:
    """ "10/m" -> (10, 60); units s, m, h, d."""
    count, _, unit = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit.strip().lower()[:1]]
    return int(count), seconds


def normalise_address(address: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as compared everywhere (the limits here, the trusted proxies and the
    client's address in questionnaire.middleware): an IPv4-mapped IPv6 address
    (`::ffff:127.0.0.1`, what a dual-stack socket such as GUNICORN_BIND=[::]:8000 reports
    for an IPv4 peer) is its IPv4 address. None for anything that is not an address."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def client_group(address: str | None) -> str:
    """The unit a limit counts: an IPv4 address, or an IPv6 /64 ("unknown" for junk)."""
    ip = normalise_address(address)
    if ip is None:
        return "unknown"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _hashed(group: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), group.encode(), hashlib.sha256).hexdigest()[:40]


_over: dict[tuple[str, str, int], float] = {}  # (scope, client, window) -> window end
_over_lock = threading.Lock()


def _remembered(key: tuple[str, str, int], now: float) -> bool:
    with _over_lock:
        until = _over.get(key)
        if until is not None and until <= now:
            del _over[key]
            return False
        return until is not None


def _remember(key: tuple[str, str, int], until: float) -> None:
    with _over_lock:
        if len(_over) > 10_000:  # forget windows that ended; never grow without bound
            now = time.time()
            for k in [k for k, u in _over.items() if u <= now]:
                del _over[k]
        _over[key] = until


def _increment(scope: str, client: str, window: int, until: int) -> int:
    from questionnaire.models import ClientCount

    rows = ClientCount.objects.filter(scope=scope, client=client, window=window)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    ClientCount.objects.create(
                        scope=scope, client=client, window=window, until=until, count=1
                    )
            except IntegrityError:  # another worker created it first
                rows.update(count=F("count") + 1)
        return rows.values_list("count", flat=True).first() or 1


def over_limit(scope: str, address: str | None, rates: Sequence[Rate]) -> bool:
    """Count one request of `scope` from the client at `address`; True when that client
    is over any of `rates`. If the database cannot count, its error is raised: the request
    is refused with the 503 page in words (questionnaire/outage.py), as a login or a
    feedback post could not be handled without the database either."""
    client = _hashed(client_group(address))
    now = time.time()
    keys = []
    for limit, seconds in rates:
        window = int(now // seconds)
        key = (f"{scope}/{seconds}", client, window)
        if _remembered(key, now):
            return True
        keys.append((key, limit, (window + 1) * seconds))
    over = False
    for key, limit, until in keys:
        try:
            count = _increment(key[0], client, key[2], until)
        except DatabaseError:
            log.warning("flood limit %s: the database could not count; refused", scope)
            raise
        if count > limit:
            _remember(key, until)
            over = True
    return over


def expire(now: float | None = None) -> int:
    """Delete the counters whose window has ended; the number deleted."""
    from questionnaire.models import ClientCount

    deleted, _ = ClientCount.objects.filter(until__lt=int(now or time.time())).delete()
    return deleted
