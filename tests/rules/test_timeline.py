"""The timeline of tax years (issue 25): data from the rules (rules.law.timeline), drawn
as inline SVG with a name and a text equivalent on every results page whose answer
changes with the year, and on the tables page."""

from __future__ import annotations

import re
from datetime import date

import pytest

from rules.law import timeline as tl
from rules.law.answers import answers as A
from tests.conftest import CURRENT as NOW
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

ROTH_2016 = "/results/?account=roth-ira&event=closed-at-loss&year=2016"
SALE = f"/results/?account=taxable&event=sold-at-loss&asset=securities&year={NOW}"
FELL = "/results/?account=traditional-401k&event=value-dropped"


def test_the_eras_come_from_the_rules():
    t = tl.build(NOW, TODAY, 2016, 1998)
    assert [(e.start, e.end, e.still_in_force, e.label) for e in t.eras] == [
        (1987, 2017, False, "2% floor"),
        (2018, 2025, False, "Suspended"),
        (2026, NOW, True, "No end date"),
    ]
    assert (t.account_start, t.year) == (1998, 2016)
    # On November 28, 2026 the 2022 window (April 18, 2026) has closed; 2023's is open.
    assert (t.claim_from, t.claim_last_day) == (2023, date(2027, 4, 15))
    assert tl.build(NOW, TODAY, account_start=1987).account_start is None


def test_a_worthless_security_has_seven_years():
    assert tl.build(NOW, TODAY, worthless=True).claim_from == 2019


@pytest.mark.parametrize(
    ("answers", "changes"),
    [
        (A("roth-ira", event="closed-at-loss", year=2016), True),
        (A("traditional-ira", "closed-at-loss", "after-tax", received="below-basis", year=2020),
         True),
        (A("taxable", event="sold-at-loss", asset="securities", year=2016), False),
        (A("traditional-401k", event="value-dropped"), False),
    ],
)
def test_it_is_drawn_only_where_the_answer_changes_with_the_year(answers, changes):
    assert tl.changes_with_year(answers, NOW) is changes


def svg(html: str) -> str:
    return html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_a_results_page_draws_it_with_a_name_and_words(client):
    html = client.get(ROTH_2016).content.decode()
    drawing = svg(html)
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in drawing
    assert "Timeline of tax years 1987 to 2026, with 2016 marked" in drawing
    assert "2018 to 2025: not deductible: suspended by the 2017 tax law." in drawing
    assert "Your year: 2016" in drawing and "Can still claim: 2023\u20132025" in drawing
    assert "This kind of account began in 1998" in drawing  # the Roth IRA's first year
    words = html.split('class="timeline-words"', 1)[1].split("</ul>", 1)[0]
    assert "1987&ndash;2017: deductible above 2% of income, if you itemized (your year, 2016)" \
        in words
    assert '<a href="#timeline-heading">The years</a>' in html


@pytest.mark.parametrize("url", [SALE, FELL])
def test_a_page_whose_answer_is_the_same_every_year_has_none(client, url):
    assert "<svg" not in client.get(url).content.decode().split("<main", 1)[1]


def test_the_tables_page_draws_it_without_a_saver_s_year(client):
    drawing = svg(client.get("/tables/").content.decode())
    assert "Timeline of tax years 1987 to 2026</title>" in drawing
    assert "Your year" not in drawing


def test_every_mark_stays_inside_the_drawing(client):
    for url in (ROTH_2016, "/results/?account=529&event=closed-at-loss&year=2025", "/tables/"):
        drawing = svg(client.get(url).content.decode())
        width = int(re.search(r'viewBox="0 0 (\d+) ', drawing)[1])
        for x in re.findall(r' x[01]?="([-0-9.]+)"', drawing):
            assert 0 <= float(x) <= width, (url, x)
