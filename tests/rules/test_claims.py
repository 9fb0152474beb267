"""The time to claim a refund: due dates and last days, checked against the dates
the IRS announced."""

from __future__ import annotations

from datetime import date

import pytest

from rules.law import claims


@pytest.mark.parametrize(
    ("year", "due"),
    [
        (2016, date(2017, 4, 18)),  # April 15 a Saturday, Emancipation Day on the Monday
        (2017, date(2018, 4, 17)),  # April 15 a Sunday, Emancipation Day on the Monday
        (2018, date(2019, 4, 15)),
        (2019, date(2020, 7, 15)),  # postponed, Notice 2020-23
        (2020, date(2021, 5, 17)),  # postponed, Notice 2021-21
        (2021, date(2022, 4, 18)),  # Emancipation Day observed on Friday April 15
        (2022, date(2023, 4, 18)),
        (2023, date(2024, 4, 15)),
        (2025, date(2026, 4, 15)),
        (2004, date(2005, 4, 15)),
        (2006, date(2007, 4, 17)),
        (2010, date(2011, 4, 18)),
        (1990, date(1991, 4, 15)),
    ],
)
def test_the_due_date_of_each_years_return(year, due):
    assert claims.due_date(year) == due


@pytest.mark.parametrize(
    ("year", "last"),
    [
        (2016, date(2020, 7, 15)),  # fell in the 2020 postponement
        (2017, date(2021, 5, 17)),  # fell on April 15, 2021, postponed to May 17
        (2018, date(2022, 4, 18)),
        # A return filed by April 15 counts as filed on April 15 although the due date was
        # postponed: a postponement is not an extension (6513(a); Treas. Reg.
        # 301.7508A-1(b)(4); LAW-FINDINGS-3 part 4). Before issue 23 these read July 17,
        # 2023 and May 17, 2024, right only for a return filed on the postponed date.
        (2019, date(2023, 4, 18)),  # April 15 a Saturday, Emancipation Day on the Monday
        (2020, date(2024, 4, 15)),
        (2021, date(2025, 4, 15)),
        (2022, date(2026, 4, 15)),
        (2023, date(2027, 4, 15)),
    ],
)
def test_the_usual_last_day_to_claim_a_refund(year, last):
    assert claims.last_day(year) == last


def test_a_worthless_security_can_be_claimed_for_seven_years():
    assert claims.last_day(2020, worthless=True) == date(2028, 4, 18)  # from April 15, 2021
    assert claims.last_day(2012, worthless=True) == date(2020, 7, 15)  # postponed


def test_open_until_the_last_day_and_closed_the_day_after():
    assert claims.claim(2022, False, date(2026, 4, 15)).open
    assert not claims.claim(2022, False, date(2026, 4, 16)).open
    assert claims.claim(2022, False, date(2026, 4, 16)).as_dict() == {
        "last_day": "2026-04-15",
        "open": False,
        "years": 3,
    }


def test_a_postponed_year_names_the_postponed_due_date_for_the_3_year_window_only():
    """Notice 2023-21: a 2019 or 2020 return filed after April 15 and by the postponed
    date had 3 years from the day it was filed; the page says so next to the date."""
    today = date(2026, 12, 4)
    assert claims.claim(2019, False, today).postponed_due == date(2020, 7, 15)
    assert claims.claim(2020, False, today).postponed_due == date(2021, 5, 17)
    assert claims.claim(2020, False, today).original_due == date(2021, 4, 15)
    assert claims.claim(2021, False, today).postponed_due is None
    assert claims.claim(2019, True, today).postponed_due is None  # 6511(d)(1): by law
