"""What a rule is: its years, the answers it matches, its outcome, how firm its
ground is and its references; and the groups of accounts and spans of years
rules are written in."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import WITH_BASIS  # noqa: F401  (rules are written with it)
from rules.law.parameters import Citation
from rules.law.wording import NAMES as ANSWER_WORDS

if TYPE_CHECKING:
    from rules.law.answers import Answers

_NOTHING = object()


@dataclass(frozen=True)
class LawYears(law.Period):
    """The years in which a dated parameter has one of these values: today the span
    between `start` and `end`; as the law stood on an earlier day, wherever the parameter
    then had them (before July 4, 2025 the 2% floor came back in 2026)."""

    parameter: Any = field(default=None, compare=False)
    values: frozenset = field(default=frozenset(), compare=False)

    def held_on(self, year: int, day: date) -> bool:
        return self.parameter.as_of(day).get(year, _NOTHING) in self.values


def law_years(parameter: law.Parameter, *values: Any) -> LawYears:
    """The years, today, in which the parameter has one of the values (one span)."""
    spans = [p for p in parameter.periods if p.value in values]
    ends = [p.end for p in spans]
    end = None if None in ends else max(ends)
    return LawYears(min(p.start for p in spans), end, parameter=parameter, values=frozenset(values))


ALL_YEARS = law.EVERY_YEAR
_MISC = law.MISC_ITEMIZED_DEDUCTIONS
# The rule's years are the periods of the law on miscellaneous itemized deductions.
FLOOR_YEARS = law_years(_MISC, law.ALLOWED_ABOVE_FLOOR)
TCJA_YEARS = law_years(_MISC, law.SUSPENDED)
PL_119_21_YEARS = law_years(_MISC, law.TERMINATED)
NOT_ALLOWED_YEARS = law_years(_MISC, law.SUSPENDED, law.TERMINATED)  # 2018 on, either law

PLANS = v.accounts_of(v.PLAN)
IRAS = v.accounts_of(v.IRA)
HSAS = v.accounts_of(v.HSA_KIND)
SHELTERED = v.accounts_of(v.PLAN, v.IRA, v.HSA_KIND)
RETIREMENT = v.accounts_of(v.PLAN, v.IRA)
INHERITED_IRAS = v.accounts_of(v.INHERITED)  # kept as a beneficiary, IRA or Roth IRA
EDUCATION_ACCOUNTS = v.accounts_of(v.EDUCATION)  # 529 plans and Coverdell accounts
STOCK = frozenset({v.SECURITIES, v.SMALL_BUSINESS_STOCK})  # what the wash-sale rule covers


@dataclass(frozen=True)
class Doubt:
    """Answers a rule decides on weaker ground than the rest: their certainty, and why."""

    accounts: frozenset[str]
    contributions: frozenset[str | None]
    years: law.Period
    certainty: str
    why: str

    def fits(self, a: Answers) -> bool:
        return (
            a.account in self.accounts and a.contribution in self.contributions
            and a.year in self.years
        )


@dataclass(frozen=True)
class Rule:
    id: str
    situation: str  # a short description of the case, for the situations table
    years: law.Period
    accounts: frozenset[str]
    events: frozenset[str]
    contributions: frozenset[str | None] | None  # None: any kind
    outcome: str
    certainty: str  # vocabulary.CERTAINTIES
    headline: str
    reason: str
    instead: str
    references: tuple[Citation, ...]
    received: frozenset[str | None] | None = None  # None: any
    assets: frozenset[str | None] | None = None  # None: any
    result: str = ""  # the typical tax result, in a few words, for the situations table
    # The answer turns on which law on miscellaneous itemized deductions governs the year.
    turns_on_misc_law: bool = False
    # A refund for this loss can be claimed for longer (a worthless security: 7 years).
    long_claim: bool = False
    # Answers whose ground is weaker than `certainty` (the outcome is the same).
    doubts: tuple[Doubt, ...] = ()
    # The headline for a tax year before the current one, where the present tense ("you
    # can deduct it") would read as still open (issue 25 #5); "" where it reads right.
    past_headline: str = ""

    def certainty_for(self, a: Answers) -> str:
        return next((d.certainty for d in self.doubts if d.fits(a)), self.certainty)

    def matches(self, a: Answers) -> bool:
        return (
            a.account in self.accounts
            and a.event in self.events
            and (self.contributions is None or a.contribution in self.contributions)
            and (self.received is None or a.received in self.received)
            and (self.assets is None or a.asset in self.assets)
            and a.year in self.years
        )

    def matches_on(self, a: Answers, day: date) -> bool:
        """Whether it matches the answers as the law stood on `day`."""
        return (
            a.account in self.accounts
            and a.event in self.events
            and (self.contributions is None or a.contribution in self.contributions)
            and (self.received is None or a.received in self.received)
            and (self.assets is None or a.asset in self.assets)
            and self.years.held_on(a.year, day)
        )

    @property
    def deductible(self) -> bool | None:
        return v.OUTCOMES[self.outcome].deductible

    @cached_property  # read for every answer decided; the texts never change
    def facts_used(self) -> frozenset[str]:
        """The dated facts (law.facts) its texts name, the year itself aside."""
        names = {
            name
            for text in (self.headline, self.reason, self.instead, self.past_headline)
            for _, name, _, _ in string.Formatter().parse(text)
            if name
        }
        return frozenset(names - {"year"} - ANSWER_WORDS)


def rule(id: str, **kw) -> Rule:
    """A Rule, with its sets of answers given as any iterables."""
    for name in ("accounts", "events"):
        kw[name] = frozenset(kw[name])
    for name in ("contributions", "received", "assets"):
        if kw.get(name) is not None:
            kw[name] = frozenset(kw[name])
    return Rule(id=id, **kw)
