"""The law as it stood on a day (rules.law.as_of), over the whole input space."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules.law import account_parameters, as_of, engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.law.rulebook import RULES
from rules.law.rulebook.rule import LawYears

CURRENT = 2027
ANSWERS = tuple(engine.all_answers(CURRENT))
DAY = timedelta(days=1)


def roth_ira_closed(year: int) -> Answers:
    (a,) = [
        a for a in ANSWERS
        if a.account == "roth-ira" and a.event == v.CLOSED_AT_LOSS and a.year == year
        and a.contribution != v.UNSURE
    ]
    return a


def test_every_parameter_read_as_of_today_is_todays():
    for p in as_of.parameters():
        assert p.as_of(date.max).periods == p.periods, p.name


def test_every_period_a_rule_dates_by_and_every_later_beginning_says_when_it_was_enacted():
    for r in RULES:
        if isinstance(r.years, LawYears):
            for p in r.years.parameter.periods:
                assert p.enacted is not None, (r.id, p)
    for slug, began in as_of._beginnings():
        if began.year > law.FIRST_TAX_YEAR:
            assert began.enacted is not None, (slug, began)
    for p in (*law.RETURN_DUE_POSTPONED.periods, *account_parameters.QTP_AGGREGATION.periods):
        assert p.enacted is not None


def test_the_suspension_still_ended_after_2025_until_july_4_2025():
    misc = law.MISC_ITEMIZED_DEDUCTIONS
    assert misc.as_of(date(2025, 1, 15)).at(2026) == law.ALLOWED_ABOVE_FLOOR
    assert misc.as_of(date(2025, 7, 4)).at(2026) == law.TERMINATED
    assert misc.as_of(date(2017, 12, 21)).at(2018) == law.ALLOWED_ABOVE_FLOOR
    assert misc.as_of(date(2017, 12, 22)).at(2018) == law.SUSPENDED


def test_a_roth_ira_emptied_in_2026_was_deductible_on_january_15_2025():
    a = roth_ira_closed(2026)
    then = as_of.determine_as_of(a, date(2025, 1, 15))
    now = engine.determine(a)
    assert then.deductible is True and now.deductible is False
    assert then.misc_law.value == law.ALLOWED_ABOVE_FLOOR
    (change,) = as_of.changes_between(a, date(2025, 1, 15), date(2026, 1, 1))
    assert change.enacted.law.reference.short == "P.L. 119-21"
    assert as_of.changes_between(a, date(2025, 8, 1), date(2026, 1, 1)) == ()


def test_today_is_todays_law():
    last = as_of.change_days()[-1]
    for a in ANSWERS:
        assert as_of.determine_as_of(a, last) == engine.determine(a)


def test_a_roth_ira_did_not_exist_before_august_5_1997():
    a = roth_ira_closed(1998)
    assert as_of.determine_as_of(a, date(1997, 8, 4)) is None
    assert as_of.determine_as_of(a, date(1997, 8, 5)) is not None


# Changes that move a rule's years, an account's beginning or a deadline: each changed
# some answer. (The 529 aggregation changed only the words of a text.)
WORDS_ONLY = {("P.L. 114-113", date(2015, 12, 18))}


@pytest.mark.parametrize("day", as_of.change_days(), ids=str)
def test_on_each_change_day_only_what_the_change_explains_differs(day):
    on_the_day = [c for c in as_of.changes() if c.day == day]
    changed = [
        a for a in ANSWERS if as_of.summary(a, day - DAY) != as_of.summary(a, day)
    ]
    for a in changed:
        assert any(c.touches(a) for c in on_the_day), (day, a)
    for c in on_the_day:
        if (c.enacted.law.reference.short, day) not in WORDS_ONLY:
            assert any(c.touches(a) for a in changed), (day, c.enacted.change)
    # Between two change days nothing changes.
    later = [d for d in as_of.change_days() if d > day]
    if later and later[0] - day > DAY:
        for a in ANSWERS[::7]:
            assert as_of.summary(a, day) == as_of.summary(a, later[0] - DAY)


def test_changes_newest_first_with_examples_it_changed():
    found = as_of.changes()
    assert [c.day for c in found] == sorted((c.day for c in found), reverse=True)
    laws = {c.enacted.law.reference.short for c in found}
    assert {"P.L. 115-97", "P.L. 119-21", "P.L. 105-34", "P.L. 108-173"} <= laws
    tcja = [c for c in found if c.enacted.change.startswith("suspended")]
    assert tcja[0].years.describe() == "2018–2025"
    for c in found:
        a = as_of.example(c, CURRENT)
        assert a is not None and c.touches(a)


def test_every_enactment_is_a_change_day_so_the_law_stands_still_between_them():
    """as_of decides once per state of the law, as of the last change day: that holds only
    if every enactment the data records is one of the change days."""
    from rules.law import enactments
    from rules.law.enactments import Enactment

    recorded = {e.day for e in vars(enactments).values() if isinstance(e, Enactment)}
    assert recorded and recorded <= set(as_of.change_days())
