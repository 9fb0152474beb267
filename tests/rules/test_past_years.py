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


def headline(html: str) -> str:
    return html.split("<h1>", 1)[1].split("</h1>", 1)[0]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (SALE_2016, "Yes, for 2016: it was deductible as a capital loss"),
        (SALE_2024, "Yes, for 2024: it was deductible as a capital loss"),
        (SALE_NOW, "Yes: you can deduct it as a capital loss"),
        (
            "/results/?account=taxable&event=worthless&asset=securities&year=2016",
            "Yes, for 2016: it was deductible as a capital loss, if it became worthless",
        ),
        (
            "/results/?account=traditional-ira&event=converted&year=2016",
            "a conversion made in 2016 could have been undone",
        ),
    ],
)
def test_a_past_year_headline_is_in_the_past_tense(client, url, said):
    """Issue 25 #5: "you can deduct it" for 2016 reads as still open."""
    assert headline(page(client, url)).startswith(said) or said in headline(page(client, url))


def test_the_api_says_the_past_year_headline_too(client):
    r = client.get("/api/v1/determination?account=taxable&event=sold-at-loss&year=2016")
    assert r.json()["headline"].startswith("Yes, for 2016: it was deductible")


def test_the_year_line_names_no_act_a_saver_must_look_up(client):
    """Issue 25 #15: "decided under the Tax Reform Act of 1986" was jargon."""
    html = page(client, ROTH_2016)
    assert "Tax Reform Act of 1986" not in visible_text(html.split('id="sources-heading"')[0])
    assert "Tax year 2016: the law then allowed this kind of deduction above 2%" in html
