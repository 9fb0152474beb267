"""The comparison tables (rules.law.tables, English data with no Django) in the active
language, for /tables/. The law's sentences go through rules.web.i18n.tr (their msgids
are in i18n/page_messages.py); the few pieces the law package puts together (a verdict
with its last year, a situation with its years, a list of accounts) are put together
again here from translated parts."""

from __future__ import annotations

import re
from dataclasses import replace

from django.utils.translation import get_language, gettext

from rules.law import parameters as law
from rules.law import tables
from rules.law import vocabulary as v
from rules.web.i18n import tr, years_words

_SHORT = {a.short: a.short for a in v.ACCOUNTS.values()}
_FAMILY_NAMES = {name for _kinds, name in tables.FAMILIES}


def _english() -> bool:
    return (get_language() or "en").startswith("en")


def verdict(words: str) -> str:
    """"Yes", "No, never", "No (only one rare case, before 2018)"."""
    if m := re.fullmatch(r"No \((only one rare case|only rare cases), before (\d{4})\)", words):
        if m[1] == "only one rare case":
            return gettext("No (only one rare case, before %(year)s)") % {"year": m[2]}
        return gettext("No (only rare cases, before %(year)s)") % {"year": m[2]}
    return {"Yes": gettext("Yes"), "No, never": gettext("No, never")}.get(words, tr(words))


def when(words: str) -> str:
    """A situation that gives a deduction, with its years when not every year."""
    if m := re.fullmatch(r"(.*) \(tax years ([^()]+)\)", words, flags=re.S):
        return gettext("%(situation)s (tax years %(years)s)") % {
            "situation": tr(m[1]), "years": years_words(m[2])}
    return tr(words)


def accounts_said(words: str) -> str:
    """"All IRAs; HSAs", "401(k), 403(b), governmental 457(b) and traditional IRA"."""
    said = []
    for part in words.split("; "):
        if part in _FAMILY_NAMES:
            said.append(tr(part))
            continue
        names = [n[0].lower() + n[1:] if n[0].lower() + n[1:] in _SHORT else n
                 for n in re.split(r", | and ", part)]
        names = [tr(n) for n in names]
        listed = names[0] if len(names) == 1 else gettext("%(some)s and %(last)s") % {
            "some": ", ".join(names[:-1]), "last": names[-1]}
        said.append(listed[0].upper() + listed[1:])
    return "; ".join(said)


def account_group(group: tables.AccountGroup) -> dict:
    first = group.first
    return {
        "rows": [{"id": r.id, "label": tr(r.account.label)} for r in group.rows],
        "first": first,
        "verdict": verdict(first.verdict),
        "when": [when(w) for w in first.when],
        "loss_help": tr(first.loss_help),
    }


def situation(row: tables.SituationRow) -> tables.SituationRow:
    if _english():
        return row
    return replace(
        row,
        situation=tr(row.situation),
        accounts_said=accounts_said(row.accounts_said),
        years=years_words(row.years),
        verdict=tr(row.verdict),
        result=tr(row.rule.result).format(**law.facts(row.facts_year)),
    )
