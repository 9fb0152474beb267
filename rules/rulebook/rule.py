"""What a rule is: its years, the answers it matches, its outcome and references;
and the groups of accounts and spans of years rules are written in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rules import law
from rules import vocabulary as v
from rules.law import Citation

if TYPE_CHECKING:
    from rules.engine import Answers

ALL_YEARS = law.EVERY_YEAR
_MISC = law.MISC_ITEMIZED_DEDUCTIONS
# The rule's years are the periods of the law on miscellaneous itemized deductions.
FLOOR_YEARS = _MISC.where(law.ALLOWED_ABOVE_FLOOR)
TCJA_YEARS = _MISC.where(law.SUSPENDED)
PL_119_21_YEARS = _MISC.where(law.TERMINATED)

PLANS = v.accounts_of(v.PLAN)
IRAS = v.accounts_of(v.IRA)
HSAS = v.accounts_of(v.HSA_KIND)
SHELTERED = v.accounts_of(v.PLAN, v.IRA, v.HSA_KIND)
WITH_BASIS = frozenset({v.AFTER_TAX, v.ROTH})


@dataclass(frozen=True)
class Rule:
    id: str
    situation: str  # a short description of the case, for the situations table
    years: law.Period
    accounts: frozenset[str]
    events: frozenset[str]
    contributions: frozenset[str | None] | None  # None: any kind
    outcome: str
    headline: str
    reason: str
    instead: str
    references: tuple[Citation, ...]
    result: str = ""  # the typical tax result, in a few words, for the situations table
    # The answer turns on which law on miscellaneous itemized deductions governs the year.
    turns_on_misc_law: bool = False

    def matches(self, a: Answers) -> bool:
        return (
            a.account in self.accounts
            and a.event in self.events
            and (self.contributions is None or a.contribution in self.contributions)
            and a.year in self.years
        )

    @property
    def deductible(self) -> bool | None:
        return v.OUTCOMES[self.outcome].deductible


def rule(id: str, **kw) -> Rule:
    """A Rule, with its sets of answers given as any iterables."""
    kw["accounts"] = frozenset(kw["accounts"])
    kw["events"] = frozenset(kw["events"])
    if kw.get("contributions") is not None:
        kw["contributions"] = frozenset(kw["contributions"])
    else:
        kw["contributions"] = None
    return Rule(id=id, **kw)
