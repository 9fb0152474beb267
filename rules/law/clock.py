"""The one clock: today's date and the current tax year come from here, and only here.

Everything that depends on the date takes it as an argument; the edges (a
view, a management command, a script) read this clock once and pass the day
down. Tests pin it with `pinned(day)`; a server started for a test, a demo or
a preview pins it with the environment variable DEDUCT_TODAY=YYYY-MM-DD (the
same idea as smart-answers' RATES_QUERY_DATE). No Django imports.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# A tax year turns over at midnight where the taxpayer lives; the clock follows
# US Eastern time, where most of the country's new year begins first.
ZONE = ZoneInfo("America/New_York")


def _from_environment() -> date | None:
    text = os.environ.get("DEDUCT_TODAY", "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"DEDUCT_TODAY must be a date as YYYY-MM-DD, not {text!r}") from None


_pinned: date | None = _from_environment()


def day_at(instant: datetime) -> date:
    """The calendar day an instant falls on, in the clock's time zone."""
    return instant.astimezone(ZONE).date()


def today() -> date:
    if _pinned is not None:
        return _pinned
    return day_at(datetime.now(ZONE))


def now() -> datetime:
    """The current instant in the clock's time zone. On a pinned day, that day at the
    real time of day, so `now().date() == today()` always."""
    instant = datetime.now(ZONE)
    if _pinned is None:
        return instant
    return datetime.combine(_pinned, instant.time(), tzinfo=ZONE)


def seconds_to_next_day(instant: datetime) -> int:
    """Whole seconds from an instant to the next midnight in the clock's time zone
    (at least 1): how long an answer that depends on the day stays true. Counted in
    UTC, so a day of 23 or 25 hours (daylight saving time) is counted right."""
    local = instant.astimezone(ZONE)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=ZONE)
    seconds = (midnight.astimezone(UTC) - local.astimezone(UTC)).total_seconds()
    return max(1, int(-(-seconds // 1)))


def tax_year(day: date) -> int:
    """The current tax year on a given day (individuals file by calendar year)."""
    return day.year


def current_tax_year() -> int:
    return tax_year(today())


@contextmanager
def pinned(day: date) -> Iterator[date]:
    """Make `today()` answer `day` until the block ends (tests, previews)."""
    global _pinned
    before = _pinned
    _pinned = day
    try:
        yield day
    finally:
        _pinned = before
