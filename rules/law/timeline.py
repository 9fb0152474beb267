"""A picture of the tax years (issue 25, "a picture of the years"), as data from the
rules: the eras of the miscellaneous itemized deduction (the 2% floor until 2017,
suspended 2018-2025, then no end date: rules.law.parameters), the account's first
year, the saver's year and the years whose refund can still be claimed
(rules.law.claims). The web layer draws it (rules.web.timeline). Pure: no Django; today
is an argument."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rules.law import claims, engine
from rules.law import parameters as law
from rules.law.answers import Answers

ERA_WORDS = {
    law.ALLOWED_ABOVE_FLOOR: ("2% floor", "deductible above 2% of income, if you itemized"),
    law.SUSPENDED: ("Suspended", "not deductible: suspended by the 2017 tax law"),
    law.TERMINATED: ("No end date", "not deductible: the 2025 tax law ended it with no end date"),
}


@dataclass(frozen=True)
class Era:
    start: int
    end: int  # the last year drawn for an era still in force
    still_in_force: bool
    label: str  # short, inside the bar
    words: str  # said in the text equivalent


@dataclass(frozen=True)
class Timeline:
    first: int
    last: int  # the current tax year
    eras: tuple[Era, ...]
    account_start: int | None  # the account's first year, when later than the first drawn
    year: int | None  # the saver's year
    claim_from: int | None  # the earliest past year whose refund can still be claimed
    claim_last_day: date | None  # that year's last day to claim

    def x(self, year: int) -> float:
        """Where a year's start falls, from 0 to 1."""
        return (year - self.first) / (self.last + 1 - self.first)


def _claim(current: int, worthless: bool, today: date) -> tuple[int | None, date | None]:
    year, last = None, None
    for y in range(current - 1, law.FIRST_TAX_YEAR - 1, -1):
        c = claims.claim(y, worthless, today)
        if not c.open:
            break
        year, last = y, c.last_day
    return year, last


def build(
    current: int,
    today: date,
    year: int | None = None,
    account_start: int | None = None,
    worthless: bool = False,
) -> Timeline:
    eras = tuple(
        Era(
            p.start,
            p.end if p.end is not None else current,
            p.end is None,
            *ERA_WORDS[p.value],
        )
        for p in law.MISC_ITEMIZED_DEDUCTIONS.periods
        if p.start <= current
    )
    start = account_start if account_start and account_start > law.FIRST_TAX_YEAR else None
    claim_from, claim_last = _claim(current, worthless, today)
    return Timeline(law.FIRST_TAX_YEAR, current, eras, start, year, claim_from, claim_last)


def changes_with_year(a: Answers, current: int) -> bool:
    """Whether the answer (its outcome) differs between tax years for these answers."""
    if a.year is None:
        return False
    first = engine.first_year(a.account, a.contribution, a.event)
    outcomes = {
        engine.determine(replace(a, year=y)).outcome
        for y in {first, 2017, 2018, 2025, current} if first <= y <= current
    }
    return len(outcomes) > 1


def for_answers(a: Answers, current: int, today: date, worthless: bool) -> Timeline | None:
    """The timeline of a results page, when its answer changes with the year."""
    if not changes_with_year(a, current):
        return None
    start = engine.first_year(a.account, a.contribution, a.event)
    return build(current, today, a.year, start, worthless)
