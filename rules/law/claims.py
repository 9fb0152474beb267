"""The time to claim: for a past tax year, the usual last day to claim a refund by
amending that year's return (Form 1040-X), assuming it was filed on time.

The dates: 3 years from the due date of the return (6511(a); a return filed
early counts as filed on the due date, 6513(a)), 7 years from it for a
worthless security (6511(d)(1)); a last day on a weekend or a legal holiday
moves to the next business day (7503), and one that fell in the 2020 and 2021
general postponements moves to their end. No Django imports; no clock (today is
an argument).

The 2019 and 2020 returns (issue 23 item 3, LAW-FINDINGS-3 part 4): their due dates
were postponed to July 15, 2020 and May 17, 2021 under 7508A, but a postponement is
not an extension (Treas. Reg. 301.7508A-1(b)(4)), so "the last day prescribed for
filing" stayed April 15 and a return filed by then counts as filed on April 15
(6513(a)). Its 3 years ended April 18, 2023 (April 15 a Saturday, Emancipation Day
observed on Monday the 17th) and April 15, 2024. A return filed after April 15 and by
the postponed date has 3 years from the day it was filed (6511(a)); Notice 2023-21
leaves the postponement out of the lookback of 6511(b)(2)(A), so its refund still
includes the tax deemed paid on April 15. The last day shown is
therefore the early filer's, the earliest any on-time filer had; the page names the
postponed date and says a later on-time filer had 3 years from filing. The IRS has
not spelled out the early filer's date in so many words: the page says it is our
reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rules.law import parameters as law

APRIL, EMANCIPATION_DAY = 4, 16


def _emancipation_day_observed(year: int) -> date | None:
    if year < law.EMANCIPATION_DAY_FIRST_YEAR:
        return None
    day = date(year, APRIL, EMANCIPATION_DAY)
    if day.weekday() == 5:  # a Saturday: observed on the Friday
        return day - timedelta(days=1)
    if day.weekday() == 6:  # a Sunday: observed on the Monday
        return day + timedelta(days=1)
    return day


def next_business_day(day: date) -> date:
    """The day itself, or the next day that is not a weekend or a legal holiday."""
    while day.weekday() >= 5 or day == _emancipation_day_observed(day.year):
        day += timedelta(days=1)
    return day


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def statutory_due_date(year: int) -> date:
    """April 15 after the tax year (IRC 6072(a)), before weekends and postponements."""
    return date(year + 1, APRIL, 15)


def due_date(year: int) -> date:
    """The day the year's return was due: postponed (2019, 2020) or moved past a
    weekend or holiday."""
    postponed = law.RETURN_DUE_POSTPONED.get(year)
    if postponed:
        return date(year + 1, *postponed)
    return next_business_day(statutory_due_date(year))


def last_day(year: int, worthless: bool = False, as_of: date | None = None) -> date:
    """The last day to claim a refund for the year; `as_of`: as the law stood on that day
    (a postponement announced later had not moved it yet)."""
    if worthless:
        # Seven years from the date the law sets for filing; a postponement of the
        # filing date does not move it (our reading of 6511(d)(1) and 7508A).
        start = statutory_due_date(year)
        years = law.WORTHLESS_CLAIM_YEARS.at(year)
    else:
        # A return filed by April 15 counts as filed on April 15, even in a year whose
        # due date was postponed (6513(a); Treas. Reg. 301.7508A-1(b)(4)).
        start = statutory_due_date(year)
        years = law.REFUND_CLAIM_YEARS.at(year)
    return _postponed(next_business_day(_years_after(start, years)), as_of)


def _postponed(day: date, as_of: date | None = None) -> date:
    """A deadline that fell in a general postponement moves to its new date."""
    for first, last, new, announced in law.DEADLINE_POSTPONEMENTS:
        if as_of is not None and announced.day > as_of:
            continue
        if date(*first) <= day <= date(*last):
            return date(*new)
    return day


@dataclass(frozen=True)
class Claim:
    year: int
    last_day: date
    open: bool
    years: int  # 3, or 7 for a worthless security
    # The postponed due date of the year's return (2019, 2020), for the 3-year window: a
    # return filed after April 15 and by it had 3 years from the day it was filed.
    postponed_due: date | None = None

    @property
    def original_due(self) -> date:
        return statutory_due_date(self.year)

    @property
    def postponed_by(self) -> str:
        """The notice that postponed the year's due date (2019: Notice 2020-23; 2020:
        Notice 2021-21), as the page names it."""
        if self.postponed_due is None:
            return ""
        return _named(law.RETURN_DUE_POSTPONED.period(self.year).citations[0])

    @property
    def start_postponed(self) -> bool:
        """A 7-year window of a year whose due date was postponed (2019, 2020): whether it
        runs from the postponed date is not settled (LAW-FINDINGS-3 part 7); we count
        from April 15."""
        return self.years == 7 and law.RETURN_DUE_POSTPONED.get(self.year) is not None

    @property
    def moved(self) -> tuple[date, str] | None:
        """A last day that fell in a general postponement: the day it would have been, and
        the notice that moved it (a 2016 claim: April 15, 2020 to July 15, 2020)."""
        before = next_business_day(_years_after(statutory_due_date(self.year), self.years))
        if before == self.last_day:
            return None
        for first, last, _, announced in law.DEADLINE_POSTPONEMENTS:
            if date(*first) <= before <= date(*last):
                return before, _named(announced.law)
        return None

    def as_dict(self) -> dict:
        return {"last_day": self.last_day.isoformat(), "open": self.open, "years": self.years}


def _named(citation) -> str:
    """"IRS Notice 2020-23": a notice as a sentence names it."""
    return f"IRS {citation.reference.short}"


def claim(year: int, worthless: bool, today: date) -> Claim:
    parameter = law.WORTHLESS_CLAIM_YEARS if worthless else law.REFUND_CLAIM_YEARS
    end = last_day(year, worthless)
    postponed = None if worthless else law.RETURN_DUE_POSTPONED.get(year)
    return Claim(
        year=year,
        last_day=end,
        open=today <= end,
        years=parameter.at(year),
        postponed_due=date(year + 1, *postponed) if postponed else None,
    )
