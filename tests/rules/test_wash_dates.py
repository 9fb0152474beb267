"""The wash-sale date helper: the 61-day window around a sale and the first day buying
it back keeps the loss (26 U.S.C. 1091(a))."""

from __future__ import annotations

from datetime import date

import pytest

from rules.law import wash_dates as wd

pytestmark = pytest.mark.django_db


def test_the_window_is_thirty_days_either_side_and_sixty_one_in_all():
    w = wd.window(date(2026, 3, 9))
    assert (w.first, w.last, w.safe_from) == (date(2026, 2, 7), date(2026, 4, 8), date(2026, 4, 9))
    assert w.days == 61
    assert w.is_wash(date(2026, 2, 7)) and w.is_wash(date(2026, 3, 9)) and w.is_wash(w.last)
    assert not w.is_wash(date(2026, 2, 6)) and not w.is_wash(w.safe_from)


def test_it_crosses_a_year_and_a_leap_day():
    w = wd.window(date(2027, 12, 15))
    assert w.safe_from == date(2028, 1, 15)
    assert wd.window(date(2024, 2, 15)).last == date(2024, 3, 16)  # 29 days in February


@pytest.mark.parametrize(
    ("text", "words"),
    [("2026-13-01", "real date"), ("9 March", "year, month and day"), ("1900-01-01", "from"),
     ("x" * 500, "year, month and day")],
)
def test_a_bad_date_is_refused_in_words(text, words):
    day, error = wd.read_date(text, 1987, 2027)
    assert day is None and words in error


SALE = "/results/?account=taxable&event=wash-sale&asset=securities"
SHEET = "/amounts/wash-sale/?account=taxable&event=wash-sale&asset=securities"


def test_the_wash_sale_answer_gives_the_dates_for_a_sale_today(client):
    html = client.get(SALE).content.decode()
    # The suite's day is November 28, 2026.
    assert "buying it back on or after <time datetime=\"2026-12-29\">December 29, 2026</time>" \
        " keeps the loss" in html
    assert 'name="sale_date"' in html


def test_the_worksheet_works_out_the_dates_of_a_sale(client):
    html = client.get(SHEET + "&sale_date=2026-03-09&bought_on=2026-03-20").content.decode()
    assert "buying it back on or after <time datetime=\"2026-04-09\">April 9, 2026</time>" \
        " keeps the loss" in html
    assert "February 7, 2026" in html and "April 8, 2026" in html
    assert "your purchase on <time datetime=\"2026-03-20\">March 20, 2026</time> makes it a" \
        " wash sale" in html
    safe = client.get(SHEET + "&sale_date=2026-03-09&bought_on=2026-04-09").content.decode()
    assert "your purchase on <time datetime=\"2026-04-09\">April 9, 2026</time> does not make" \
        in safe


def test_a_bad_sale_date_gets_a_400_with_words(client):
    r = client.get(SHEET + "&sale_date=2026-02-30")
    assert r.status_code == 400
    assert "Enter a real date" in r.content.decode()
