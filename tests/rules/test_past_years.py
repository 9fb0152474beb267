"""A past year whose time to claim has passed leads with that (issue 25 #5): an amber
"Too late to claim, usually" tag instead of a green yes, keeping the records as the
first thing to do, and the worksheet says the deadline again."""

from __future__ import annotations

import pytest

from tests.conftest import CURRENT as NOW
from tests.spelling import visible_text

pytestmark = pytest.mark.django_db

ROTH_2016 = "/results/?account=roth-ira&event=closed-at-loss&year=2016"
SALE_2016 = "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2016"
SALE_2024 = "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2024"
SALE_NOW = f"/results/?account=taxable&event=sold-at-loss&asset=securities&year={NOW}"


def page(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200
    return r.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def verdict_line(html: str) -> str:
    return html.split('<p class="verdict', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize("url", [ROTH_2016, SALE_2016])
def test_a_closed_window_leads_with_an_amber_too_late_tag(client, url):
    html = page(client, url)
    line = verdict_line(html)
    assert line.startswith(' verdict-too-late"')
    assert "Too late to claim, usually" in line and "Yes" not in line
    next_steps = html.split('id="next-heading"', 1)[1].split("</section>", 1)[0]
    first = next_steps.split("</h2>", 1)[1].lstrip()
    assert first.startswith('<p class="records-first"><strong>Keep your records.</strong>')
    assert "<summary>If you never filed a return for " in next_steps  # the usual steps, folded
    assert visible_text(html).count("Keep your records") == 1  # not again under Why


def test_only_a_capital_loss_speaks_of_a_loss_carried_forward(client):
    assert "carried forward from it" in page(client, SALE_2016)
    assert "carried forward from it" not in page(client, ROTH_2016)  # a 2% deduction


@pytest.mark.parametrize("url", [SALE_2024, SALE_NOW])
def test_an_open_window_or_this_year_keeps_its_yes(client, url):
    html = page(client, url)
    assert "verdict-too-late" not in html and "Keep your records." not in html
    assert verdict_line(html).startswith(' verdict-capital-loss"')


def test_the_worksheet_repeats_a_closed_deadline(client):
    html = page(client, "/amounts/capital-loss/?account=taxable&event=sold-at-loss"
                        "&asset=securities&year=2016")
    text = visible_text(html)
    assert "Too late to claim, usually: the last day to claim a refund for 2016" in text
    assert "April 15, 2020" in text or "July 15, 2020" in text
    assert text.index("Too late to claim") < text.index("Work it out")


def test_the_worksheet_says_an_open_deadline_too(client):
    text = visible_text(page(client, "/amounts/capital-loss/?account=taxable"
                                     "&event=sold-at-loss&asset=securities&year=2024"))
    assert "A refund for 2024 can usually be claimed" in text


def test_a_worksheet_for_this_year_or_without_answers_says_no_deadline(client):
    for url in ("/amounts/capital-loss/", "/amounts/capital-loss/?account=taxable"
                f"&event=sold-at-loss&asset=securities&year={NOW}"):
        assert "claim a refund" not in visible_text(page(client, url))
