"""What a page says when the usual time to claim a past year has passed (issue 25 #5).

A past-year answer that gives a deduction whose claim window has closed leads with an
amber "Too late to claim, usually" tag instead of a green yes, puts keeping the records
first in what to do next, and the worksheet says the deadline again. The dates come from
rules.law.claims; only the words live here.
"""

from __future__ import annotations

from datetime import date

from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop

from rules.law import claims

TOO_LATE = gettext_noop("Too late to claim, usually")


def closed(claim: claims.Claim | None, windows: list[claims.Claim]) -> claims.Claim | None:
    """The window that has closed, when every window the page names has (the longest)."""
    if claim is not None:
        return None if claim.open else claim
    if windows and not any(w.open for w in windows):
        return windows[0]
    return None


def _day(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def records_first(claim: claims.Claim, carries_forward: bool) -> str:
    """The first of the next steps when the window has closed, as HTML."""
    carry = (
        " " + gettext("A loss carried forward from it can still count in a later year you can "
                      "amend.")
        if carries_forward
        else ""
    )
    return format_html(
        "<p class=\"records-first\"><strong>{}</strong> {}{}</p>",
        gettext("Keep your records."),
        gettext("Your basis decides the tax on later withdrawals and sales, and your state may "
                "have its own deadline."),
        carry,
    )


def if_still(claim: claims.Claim) -> str:
    """The heading over the usual next steps, which help only if a claim is still possible."""
    return gettext(
        "If you can still claim for %(year)s (for example, you never filed that return)"
    ) % {"year": claim.year}


def worksheet_line(claim: claims.Claim) -> str:
    """The deadline said again at the top of a worksheet, in words."""
    if claim.open:
        return (
            f"A refund for {claim.year} can usually be claimed by amending that year's return "
            f"(Form 1040-X) until {_day(claim.last_day)}."
        )
    return (
        f"{TOO_LATE}: the last day to claim a refund for {claim.year} by amending that "
        f"year's return (Form 1040-X) was {_day(claim.last_day)}. This worksheet shows what "
        "the figures were, for your records."
    )
