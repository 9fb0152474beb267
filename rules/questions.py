"""Which questions matter: what the wizard must ask given the answers so far, and
the canonical results URL (only the answers that matter, in a fixed order).

Every function takes the current tax year: which years exist, and so whether
the year or the kind of money can change an answer, depends on it. Caches are
keyed by it, so nothing computed for one year outlives it. Callers pass only
validated slugs (the forms and rules.validation check them first), so the
caches are bounded by the vocabulary. No Django imports; no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rules import vocabulary as v
from rules.engine import Answers, determine, kinds_for, rule_for, valid_years

# The questions, in the order the wizard asks them and the results URL lists them.
QUESTIONS = v.FIELDS


def default_contribution(account: str) -> str | None:
    """What a missing kind of money is read as: "not sure" where the account has a
    choice, else the one kind its money always is (None for a brokerage account)."""
    acct = v.ACCOUNTS[account]
    return v.UNSURE if acct.asks_contribution else acct.implied_contribution


@lru_cache(maxsize=512)
def depends_on_contribution(
    account: str, event: str | None, year: int | None, current: int
) -> bool:
    """Could the answer change with the kind of money, for what is known so far?"""
    acct = v.ACCOUNTS[account]
    if not acct.asks_contribution:
        return False
    events = (event,) if event else acct.events
    years = (year,) if year else valid_years(account, None, current)
    for e in events:
        for y in years:
            rules = {rule_for(Answers(account, c, e, y)).id for c in kinds_for(account, y)}
            if len(rules) > 1:
                return True
    return False


@lru_cache(maxsize=1024)
def depends_on_year(account: str, contribution: str | None, event: str, current: int) -> bool:
    """Does the answer differ between the tax years there are, for these answers?"""
    keys = {
        determine(Answers(account, contribution, event, y)).key
        for y in valid_years(account, contribution, current)
    }
    return len(keys) > 1


def is_asked(question: str, known: Mapping[str, str], current: int) -> bool:
    """Must the wizard ask this question, given the earlier answers known so far?

    With an earlier answer still unknown, a question is asked if it could
    matter for any answer that might come.
    """
    account = known.get("account")
    if question == "account" or account is None:
        return True
    event = known.get("event")
    if question == "contribution":
        return depends_on_contribution(account, event, None, current)
    if question == "year":
        contribution = known.get("contribution") or default_contribution(account)
        events = (event,) if event else v.ACCOUNTS[account].events
        return any(depends_on_year(account, contribution, e, current) for e in events)
    return True


def canonical(a: Answers, current: int) -> dict[str, str]:
    """The answers that matter for this determination, in the fixed URL order."""
    query = {"account": a.account}
    if depends_on_contribution(a.account, a.event, None, current):
        query["contribution"] = a.contribution or v.UNSURE
    query["event"] = a.event
    contribution = query.get("contribution", default_contribution(a.account))
    if depends_on_year(a.account, contribution, a.event, current):
        query["year"] = str(a.year)
    return query


def normalise(a: Answers, current: int) -> Answers:
    """Answers with the choices that do not matter reset to their defaults."""
    query = canonical(a, current)
    return Answers(
        account=a.account,
        contribution=query.get("contribution", default_contribution(a.account)),
        event=a.event,
        year=int(query.get("year", current)),
    )
