"""The wash-sale dates from a sale date (issue 25): the window of 30 days before and
after the sale (26 U.S.C. 1091(a); rules.law.parameters.WASH_SALE_WINDOW_DAYS), 61 days
with the sale day, and the first day a purchase no longer makes the sale a wash sale.
Pure: no Django, no clock (the dates are arguments)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from rules.law import parameters as law

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True)
class Window:
    sale: date
    first: date  # the first day a purchase makes it a wash sale
    last: date  # the last such day
    safe_from: date  # buying back on or after this day keeps the loss

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def is_wash(self, purchase: date) -> bool:
        """Whether buying the same or a substantially identical investment that day
        makes the sale a wash sale."""
        return self.first <= purchase <= self.last


def window(sale: date) -> Window:
    span = timedelta(days=law.WASH_SALE_WINDOW_DAYS.at(sale.year))
    return Window(sale, sale - span, sale + span, sale + span + timedelta(days=1))


def read_date(text: str | None, first_year: int, last_year: int) -> tuple[date | None, str]:
    """A date typed as YYYY-MM-DD (what a date field sends), or an error in words."""
    if not text:
        return None, ""
    m = _ISO.fullmatch(text.strip()) if len(text) <= 20 else None
    if not m:
        return None, "Enter the date as year, month and day, for example 2026-03-09."
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None, "Enter a real date, for example 2026-03-09."
    if not first_year <= day.year <= last_year:
        return None, f"Enter a date from {first_year} to {last_year}."
    return day, ""
