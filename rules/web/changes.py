"""/changes/: every change of the law the rule data encodes, newest first, and its Atom
feed at /changes/feed/. Both come from rules.law.as_of.changes() (the enactments recorded
on the dated periods and the accounts' beginnings): a change added to the data appears here
by itself. A pure function of the code and the tax year: no database query.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.decorators.http import require_safe

from questionnaire.paths import path as site_path
from rules.law import as_of, clock
from rules.law import vocabulary as v
from rules.web import made, presenters
from rules.web.i18n import long_date, tr, years_words

# Atom ids are tag: URIs (RFC 4151) minted once by this project: they name the change,
# not the host the feed was read from, and never change.
TAG = "tag:can-i-deduct.deduct.example.org,2026:changes"


def accounts_words(change: as_of.Change) -> str:
    if set(change.accounts) == set(v.ACCOUNTS):
        return gettext("every kind of account")
    return "; ".join(tr(v.ACCOUNTS[a].label) for a in change.accounts)


def enacted_words(change: as_of.Change) -> str:
    """"signed December 18, 2015" (a statute) or "released March 25, 2014" (a notice)."""
    day = long_date(change.day)
    if change.verb == "signed":
        return gettext("signed %(day)s") % {"day": day}
    return gettext("released %(day)s") % {"day": day}


def title(change: as_of.Change) -> str:
    law = change.enacted.law
    pinpoint = f" ({law.pinpoint})" if law.pinpoint else ""
    return f"{law.reference.short}{pinpoint}, {enacted_words(change)}"


def example(change: as_of.Change, current: int) -> dict[str, str] | None:
    """An answer the change changed, linked as made the day before it: the page then
    says what the change did to it."""
    a = as_of.example(change, current)
    if a is None:
        return None
    url = presenters.results_url(a, current)
    before = change.day - timedelta(days=1)
    if as_of.summary(a, before) not in (None, as_of.summary(a, change.day)):
        url = made.with_made(url, before)
    account = v.ACCOUNTS[a.account]
    label = f"{tr(account.label)}: {tr(account.event(a.event).label)}"
    if "year=" in url:
        label += " " + gettext("(tax year %(year)s)") % {"year": a.year}
    return {"url": url, "label": label}


def rows(current: int) -> list[dict]:
    return [
        {
            "change": c,
            "id": c.slug,
            "title": title(c),
            "enacted": enacted_words(c),
            "what": tr(c.enacted.change),
            "accounts": accounts_words(c),
            "years": years_words(c.years.describe()),
            "example": example(c, current),
        }
        for c in as_of.changes()
    ]


@require_safe
def changes_page(request: HttpRequest) -> HttpResponse:
    current = clock.current_tax_year()
    key = f"changes:{current}:{get_language()}:{request.get_host()}"
    content = cache.get(key)
    if content is None:
        ctx = {"rows": rows(current), "current_year": current}
        content = render(request, "rules/changes.html", ctx).content
        cache.set(key, content)
    return HttpResponse(content)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


class ChangesFeed(Feed):
    """The Atom feed: one entry a change, newest first."""

    feed_type = Atom1Feed
    title = gettext_lazy("Changes in the law behind Can I deduct this investment loss?")
    subtitle = gettext_lazy(
        "Each change of the law the answers follow: when it was signed or released, its "
        "citation, and the accounts and tax years it touches."
    )

    def feed_guid(self) -> str:
        # The English ids stay as they were minted; the Spanish feed's entries are its own.
        return TAG if get_language() == "en" else f"{TAG}:{get_language()}"

    def author_name(self) -> str:
        return tr(settings.SITE_NAME)

    def link(self) -> str:
        return site_path("rules:changes")

    def items(self) -> tuple[as_of.Change, ...]:
        return as_of.changes()

    def item_title(self, item: as_of.Change) -> str:
        return title(item)

    def item_description(self, item: as_of.Change) -> str:
        words = gettext("%(title)s: %(change)s. It touches %(accounts)s, tax years %(years)s.")
        return words % {
            "title": title(item),
            "change": tr(item.enacted.change),
            "accounts": accounts_words(item),
            "years": years_words(item.years.describe()),
        }

    def item_link(self, item: as_of.Change) -> str:
        return f"{site_path('rules:changes')}#{item.slug}"

    def item_guid(self, item: as_of.Change) -> str:
        return f"{self.feed_guid()}:{item.slug}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: as_of.Change) -> datetime:
        return _moment(item.day)

    def item_updateddate(self, item: as_of.Change) -> datetime:
        return _moment(item.day)


changes_feed = require_safe(ChangesFeed())
