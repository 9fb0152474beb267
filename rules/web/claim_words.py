"""What a page says when the usual time to claim a past year has passed (issue 25 #5).

A past-year answer that gives a deduction whose claim window has closed leads with an
amber "Too late to claim, usually" tag instead of a green yes, puts keeping the records
first in what to do next, and the worksheet says the deadline again. The dates come from
rules.law.claims; only the words live here.
"""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop

from rules.law import claims
from rules.web.i18n import long_date

TOO_LATE = gettext_noop("Too late to claim, usually")


def closed(claim: claims.Claim | None, windows: list[claims.Claim]) -> claims.Claim | None:
    """The window that has closed, when every window the page names has (the longest)."""
    if claim is not None:
        return None if claim.open else claim
    if windows and not any(w.open for w in windows):
        return windows[0]
    return None


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
    """The heading over the usual next steps, which help only on a return not yet filed."""
    return gettext("If you never filed a return for %(year)s") % {"year": claim.year}


def late_return(carries_forward: bool) -> str:
    """What a first, late return for a closed year can still do, as HTML: it reports the
    loss, but the refund looks back only 3 years (plus an extension) from the day it is
    filed (26 U.S.C. 6511(b)(2)(A)), and withholding and estimated tax count as paid on
    the return's due date (6513(b)), so they are usually out of reach."""
    carry = (
        " " + gettext(
            "The loss can still matter: what it leaves to carry forward can lower your tax "
            "in later years."
        )
        if carries_forward
        else ""
    )
    return format_html(
        '<p class="late-return">{}{}</p>',
        gettext(
            "A return you file for the first time now can still report this loss. But a "
            "refund can only give back tax paid in the 3 years before you file it, plus any "
            "extension you had (26 U.S.C. 6511(b)(2)(A)), and the tax withheld from your pay "
            "or paid as estimated tax counts as paid on the return's due date (26 U.S.C. "
            "6513(b)). So a return filed this late usually gets none of that tax back."
        ),
        carry,
    )


def worksheet_line(claim: claims.Claim) -> str:
    """The deadline said again at the top of a worksheet, in words (in the active
    language)."""
    words = {"year": claim.year, "day": long_date(claim.last_day)}
    if claim.open:
        return gettext(
            "A refund for %(year)s can usually be claimed by amending that year's return "
            "(Form 1040-X) until %(day)s."
        ) % words
    return gettext(
        "%(too_late)s: the last day to claim a refund for %(year)s by amending that year's "
        "return (Form 1040-X) was %(day)s. This worksheet shows what the figures were, for "
        "your records."
    ) % {**words, "too_late": gettext(TOO_LATE)}
