"""/tables/: the comparison tables, with a timeline of the tax years and a jump list;
`?account=<slug>` shows one account's rows (issue 25 #14). An account the site does not
know gets a 400 page that says so in words, with the whole tables below."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.http import require_safe

from questionnaire import site
from rules.law import clock, tables
from rules.law import vocabulary as v
from rules.web import table_words, timeline
from rules.web.i18n import tr

UNKNOWN = gettext_lazy(
    "This link asks for a kind of account the tables do not have. Choose one below, or "
    "read the tables for every account."
)


def _filtered(current: int, account: str | None) -> tuple[tuple, tuple]:
    groups = tables.account_groups(current)
    situations = tables.situation_rows(current)
    if not account:
        return groups, situations
    label = v.ACCOUNTS[account].label
    return (
        tuple(g for g in groups if any(r.account.slug == account for r in g.rows)),
        tuple(s for s in situations if label in s.accounts),
    )


@require_safe
def tables_page(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    current = clock.tax_year(today)
    values = request.GET.getlist("account")
    account = values[-1] if values else None
    error = ""
    if account is not None and (account not in v.ACCOUNTS or len(values) > 1):
        account, error = None, UNKNOWN
    # A pure function of the code, the day (the claim window in the timeline), the
    # account shown and the language (the page names itself in each one: hreflang).
    which = f"{account or ''}:{int(bool(error))}"
    key = f"tables:{today.isoformat()}:{which}:{get_language()}:{site.origin(request)}"
    content = cache.get(key)
    if content is None:
        accounts, situations = _filtered(current, account)
        ctx = {
            "accounts": [table_words.account_group(g) for g in accounts],
            "situations": [table_words.situation(s) for s in situations],
            "current_year": current,
            "shown": v.ACCOUNTS[account] if account else None,
            "shown_label": tr(v.ACCOUNTS[account].label) if account else "",
            "shown_with_article": tr(v.ACCOUNTS[account].with_article) if account else "",
            "choices": [(slug, tr(a.label)) for slug, a in v.ACCOUNTS.items()],
            "error": error,
            "timeline": timeline.for_tables(current, today),
        }
        content = render(request, "rules/tables.html", ctx).content
        cache.set(key, content)
    return HttpResponse(content, status=400 if error else 200)
