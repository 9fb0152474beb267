"""The wash-sale date helper on a page (issue 25): from a sale date, the 61-day window
and the first day buying it back keeps the loss (rules.law.wash_dates decides the
dates). On the wash-sale answer for a sale today; on the wash-sale worksheet for the
saver's own sale date (`sale_date`) and purchase (`bought_on`), both optional."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.utils.translation import gettext

from rules.law import engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law import wash_dates as wd

WASH = {v.WASH_SALE_DEFERRED, v.WASH_SALE_DISALLOWED}


def applies(d: engine.Determination) -> bool:
    return bool(WASH & {d.outcome, *(b.outcome for b in d.branches)})


def for_sale(sale: date, purchase: date | None = None, errors: dict | None = None) -> dict:
    w = wd.window(sale)
    return {
        "window": w,
        "purchase": purchase,
        "is_wash": w.is_wash(purchase) if purchase else None,
        "errors": errors or {},
    }


def _said(error: str) -> str:
    """rules.law.wash_dates's message in the active language."""
    if m := re.fullmatch(r"Enter a date from (\d{4}) to (\d{4})\.", error):
        return gettext("Enter a date from %(first)s to %(last)s.") % {"first": m[1], "last": m[2]}
    return {
        "Enter the date as year, month and day, for example 2026-03-09.": gettext(
            "Enter the date as year, month and day, for example 2026-03-09."),
        "Enter a real date, for example 2026-03-09.": gettext(
            "Enter a real date, for example 2026-03-09."),
    }.get(error, error)


def from_query(query, today: date) -> tuple[dict | None, dict[str, str]]:
    """The helper for the dates a worksheet link carries, and the errors in words."""
    first, last = law.FIRST_TAX_YEAR, today.year + 1
    sale, sale_error = wd.read_date(query.get("sale_date"), first, last)
    bought, bought_error = wd.read_date(query.get("bought_on"), first, last)
    errors = {k: _said(e) for k, e in (("sale_date", sale_error), ("bought_on", bought_error))
              if e}
    if bought and not sale and not errors:
        errors["sale_date"] = gettext("Enter the date you sold, to check a purchase against it.")
    if sale and bought and abs((bought - sale).days) > 366 and not errors:
        errors["bought_on"] = gettext("Enter a purchase within a year of the sale.")
    if sale and not errors:
        return for_sale(sale, bought), {}
    return {"window": None, "errors": errors, "sale_text": (query.get("sale_date") or "")[:20],
            "bought_text": (query.get("bought_on") or "")[:20]} if errors else None, errors


def today_example(today: date) -> dict:
    return for_sale(today) | {"today": True, "next_day": today + timedelta(days=1)}
