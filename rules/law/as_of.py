"""The law as it stood on a day, and its changes.

Every dated period and every account's beginning records when it was enacted or
announced (rules.law.enactments). As of a day, a period enacted later does not exist yet:
the earlier law covers its years (on January 15, 2025 the suspension of miscellaneous
itemized deductions still ended after 2025), and an account created later has no answer.
`engine.determine` stays today's law; this module answers for an earlier day, and lists
the changes (for /changes/). No Django imports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rules.law import account_parameters, accounts, claims, engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.law.periods import Enactment, Parameter, Period
from rules.law.rulebook import RULES


def parameters() -> tuple[Parameter, ...]:
    """Every dated parameter of the law."""
    found = [
        value
        for module in (law, account_parameters)
        for value in vars(module).values()
        if isinstance(value, Parameter)
    ]
    return tuple({id(p): p for p in found}.values())


def _beginnings() -> list[tuple[str, object]]:
    """(account, Began) for every account's, Roth money's and event's beginning."""
    return [
        (slug, began)
        for slug, acct in v.ACCOUNTS.items()
        for began in (acct.began, acct.roth_began, *dict(acct.events_began).values())
        if began is not None
    ]


@dataclass(frozen=True)
class Change:
    """One enactment, and what in the encoded law it touches."""

    enacted: Enactment
    accounts: tuple[str, ...]  # in the order of the vocabulary
    years: Period

    @property
    def day(self) -> date:
        return self.enacted.day

    @property
    def slug(self) -> str:
        """Unique and stable: the day, the law and its section (one law may make two
        changes on one day: P.L. 115-97 sec. 11045 and sec. 13611)."""
        law_ = self.enacted.law
        words = f"{law_.reference.short} {law_.pinpoint}".lower()
        return f"{self.day.isoformat()}-" + re.sub(r"[^a-z0-9]+", "-", words).strip("-")

    @property
    def verb(self) -> str:
        """A statute is signed; a notice is released."""
        return "signed" if self.enacted.law.reference.short.startswith("P.L.") else "released"

    def touches(self, a: Answers) -> bool:
        return a.account in self.accounts and a.year in self.years


def _accounts_dated_by(parameter: Parameter) -> set[str]:
    return {
        account
        for r in RULES
        if getattr(r.years, "parameter", None) is parameter
        for account in r.accounts
    }


@lru_cache(maxsize=1)
def changes() -> tuple[Change, ...]:
    """Every change of the law the service encodes, newest first."""
    touched: dict[Enactment, tuple[set[str], list[Period]]] = {}
    for parameter in parameters():
        # A parameter no rule dates by is read in the claims (the postponements: every
        # account) or named in texts (the accounts its enactment gives).
        dated = _accounts_dated_by(parameter)
        for p in parameter.periods:
            if p.enacted is None:
                continue
            names = dated or set(p.enacted.accounts) or set(v.ACCOUNTS)
            end = p.end if p.enacted_end is ... else p.enacted_end
            entry = touched.setdefault(p.enacted, (set(), []))
            entry[0].update(names)
            entry[1].append(Period(p.start, end))
    for first, last, _, enacted in law.DEADLINE_POSTPONEMENTS:
        # The tax years whose last day to claim fell in the postponed window.
        window = range(first[0] - 8, last[0])
        hit = [
            y for y in window for worthless in (False, True)
            if date(*first) <= claims.last_day(y, worthless, as_of=enacted.day - timedelta(1))
            <= date(*last)
        ]
        entry = touched.setdefault(enacted, (set(), []))
        entry[0].update(v.ACCOUNTS)
        entry[1].extend(Period(y, y) for y in hit)
    for slug, began in _beginnings():
        if began.enacted is not None:
            entry = touched.setdefault(began.enacted, (set(), []))
            entry[0].add(slug)
            entry[1].append(Period(began.year, None))
    found = []
    for enacted, (names, spans) in touched.items():
        ends = [s.end for s in spans]
        years = Period(min(s.start for s in spans), None if None in ends else max(ends))
        ordered = tuple(slug for slug in v.ACCOUNTS if slug in names)
        found.append(Change(enacted, ordered, years))
    return tuple(sorted(found, key=lambda c: (c.day, c.slug), reverse=True))


def change_days() -> tuple[date, ...]:
    """The days on which the law changed, oldest first."""
    return tuple(sorted({c.day for c in changes()}))


def _exists_on(a: Answers, day: date) -> bool:
    kind = None if a.contribution == v.UNSURE else a.contribution
    began = accounts.first_year(a.account, kind, a.event)
    return began.enacted is None or began.enacted.day <= day


def determine_as_of(a: Answers, day: date) -> engine.Determination | None:
    """The answer as the law stood on `day`; None when the law then said nothing about it
    (the account, or the rule that decides it, did not exist yet)."""
    days = change_days()
    if day >= days[-1]:
        return engine.determine(a)
    # The law stands still between two change days: decide as of the last change day on
    # or before `day` (every enactment is a change day), so each state is decided once.
    i = bisect_right(days, day)
    return _determine_in_state(a, days[i - 1] if i else date.min)


@lru_cache(maxsize=65536)  # valid answers and the states of the law: a bounded space
def _determine_in_state(a: Answers, day: date) -> engine.Determination | None:
    found = [r for r in engine.readings(a) if _exists_on(r, day)]
    if not found or not _exists_on(a, day):
        return None
    misc = law.MISC_ITEMIZED_DEDUCTIONS.as_of(day)
    parts = []
    for r in found:
        candidates = engine._candidates(r.account, r.event)
        matches = [rule for rule in candidates if rule.matches_on(r, day)]
        if len(matches) > 1:
            raise engine.NoRule(f"{len(matches)} rules match {r} as of {day}")
        if not matches:
            return None
        parts.append(engine._single(r, matches[0], misc))
    if found == [a]:
        return parts[0]
    return engine._combine(a, parts)


def last_day_as_of(d: engine.Determination, day: date) -> date | None:
    """The last day to claim the answer's deduction, as the law stood on `day` (None: no
    deduction, or readings whose windows differ)."""
    if d.deductible is False or d.long_claim is None:
        return None
    return claims.last_day(d.answers.year, bool(d.long_claim), as_of=day)


def summary(a: Answers, day: date) -> tuple | None:
    """What a saver is told, as the law stood on `day`: outcome, certainty, last day to claim."""
    d = determine_as_of(a, day)
    if d is None:
        return None
    return (d.outcome, d.certainty, last_day_as_of(d, day))


def changes_between(a: Answers, made: date, today: date) -> tuple[Change, ...]:
    """The changes after `made`, up to `today`, that changed the answer (newest first)."""
    return tuple(
        c
        for c in changes()
        if made < c.day <= today
        and c.touches(a)
        and summary(a, c.day - timedelta(days=1)) != summary(a, c.day)
    )


@lru_cache(maxsize=4)
def example(change: Change, current: int) -> Answers | None:
    """An answer the change changed (the first sure one found), else the first answer it
    touches. Only answers whose rule or time to claim the change moved are decided in
    full (with their words): cheap enough for the first /changes/ page of a process."""
    before = change.day - timedelta(days=1)
    touched = [a for a in engine.all_answers(current) if change.touches(a)]
    for a in touched:
        sure = engine.readings(a) == (a,)
        if sure and _moved(a, before, change.day) and summary(a, before) != summary(a, change.day):
            return a
    return touched[0] if touched else None


def _moved(a: Answers, before: date, day: date) -> bool:
    """Did the law of `day` move concrete answers to another rule, or their time to claim?"""
    old, new = _rule_on(a, before), _rule_on(a, day)
    if old is not new:
        return True
    if new is None or new.deductible is False:
        return False
    long = bool(new.long_claim)
    return claims.last_day(a.year, long, as_of=before) != claims.last_day(a.year, long, as_of=day)


def _rule_on(a: Answers, day: date):
    """The rule that decided concrete answers as the law stood on `day` (None: none yet)."""
    if not _exists_on(a, day):
        return None
    found = [r for r in engine._candidates(a.account, a.event) if r.matches_on(a, day)]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=2)
def rules_touched(current: int) -> dict[str, tuple[Change, ...]]:
    """The rules each change touched (newest change first): for some concrete answer the
    change moved it from one rule to another (both are touched), or moved the last day to
    claim a deduction its rule gives. Read from the rules, not the texts: cheap enough for
    the admin (each state of the law decides no wording)."""
    found: dict[str, set[Change]] = {}
    concrete = [a for a in engine.all_answers(current) if engine.readings(a) == (a,)]
    for c in changes():
        before = c.day - timedelta(days=1)
        for a in concrete:
            if not c.touches(a):
                continue
            if _moved(a, before, c.day):
                for r in (_rule_on(a, before), _rule_on(a, c.day)):
                    if r is not None:
                        found.setdefault(r.id, set()).add(c)
    return {
        rule: tuple(sorted(cs, key=lambda c: (c.day, c.slug), reverse=True))
        for rule, cs in found.items()
    }
