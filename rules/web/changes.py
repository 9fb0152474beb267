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
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from questionnaire.paths import path as site_path
from rules.law import as_of, clock
from rules.law import vocabulary as v
from rules.web import made, presenters

# Atom ids are tag: URIs (RFC 4151) minted once by this project: they name the change,
# not the host the feed was read from, and never change.
TAG = "tag:can-i-deduct.deduct.example.org,2026:changes"


def accounts_words(change: as_of.Change) -> str:
    if set(change.accounts) == set(v.ACCOUNTS):
        return "every kind of account"
    return "; ".join(v.ACCOUNTS[a].label for a in change.accounts)


def title(change: as_of.Change) -> str:
    law = change.enacted.law
    pinpoint = f" ({law.pinpoint})" if law.pinpoint else ""
    return f"{law.reference.short}{pinpoint}, {change.verb} {change.enacted.day_words}"


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
    label = f"{account.label}: {account.event(a.event).label}"
    if "year=" in url:
        label += f" (tax year {a.year})"
    return {"url": url, "label": label}


def rows(current: int) -> list[dict]:
    return [
        {
            "change": c,
            "id": c.slug,
            "title": title(c),
            "accounts": accounts_words(c),
            "years": c.years.describe(),
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
    title = "Changes in the law behind Can I deduct this investment loss?"
    subtitle = (
        "Each change of the law the answers follow: when it was signed or released, its "
        "citation, and the accounts and tax years it touches."
    )
    feed_guid = TAG
    author_name = settings.SITE_NAME

    def link(self) -> str:
        return site_path("rules:changes")

    def items(self) -> tuple[as_of.Change, ...]:
        return as_of.changes()

    def item_title(self, item: as_of.Change) -> str:
        return title(item)

    def item_description(self, item: as_of.Change) -> str:
        return (
            f"{title(item)}: {item.enacted.change}. It touches {accounts_words(item)}, "
            f"tax years {item.years.describe()}."
        )

    def item_link(self, item: as_of.Change) -> str:
        return f"{site_path('rules:changes')}#{item.slug}"

    def item_guid(self, item: as_of.Change) -> str:
        return f"{TAG}:{item.slug}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: as_of.Change) -> datetime:
        return _moment(item.day)

    def item_updateddate(self, item: as_of.Change) -> datetime:
        return _moment(item.day)


changes_feed = require_safe(ChangesFeed())
