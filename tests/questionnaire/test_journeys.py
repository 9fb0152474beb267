"""The journeys the browser layer used to walk for every account, with the test client:
each set of answers reaches its results page, which shows the verdict, the certainty and
the source a saver is told to look at. The browser keeps a few representatives
(tests/browser/test_flows.py, test_more_savers_flows.py) for what only a browser shows:
labels clicked, keyboard, JavaScript, widths."""

from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.django_db

JOURNEYS = [
    (
        dict(
            account="traditional-401k",
            event="closed-at-loss",
            contribution="unsure",
            received="unsure",
            year="2017",
        ),
        "Too late to claim, usually",
        None,
        None,
    ),
    (dict(account="roth-401k", event="closed-at-loss", year="2020"), "No", None, None),
    (dict(account="403b", event="value-dropped"), "No", None, None),
    (dict(account="457b", event="rolled-over", year="2024"), "No", None, None),
    (
        dict(
            account="traditional-ira",
            event="closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year="2016",
        ),
        "Too late to claim, usually",
        None,
        None,
    ),
    (dict(account="roth-ira", event="partial-withdrawal"), "No", None, None),
    (dict(account="hsa", event="rolled-over"), "No", None, None),
    (
        dict(account="taxable", event="sold-at-loss", asset="securities", year="2026"),
        "Yes",
        None,
        None,
    ),
    (dict(account="taxable", event="wash-sale", asset="crypto", year="2025"), "Yes", None, None),
    (
        dict(
            account="inherited-ira",
            event="closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year="2016",
        ),
        "Too late to claim, usually",
        "Not settled",
        "Instructions for Form 8606, Nondeductible IRAs",
    ),
    (
        dict(account="inherited-roth-ira", event="rolled-over"),
        "No",
        "Settled law",
        "26 U.S.C. 408, Individual retirement accounts",
    ),
    (
        dict(account="529", event="closed-at-loss", year="2014"),
        "Too late to claim, usually",
        "The IRS's position, not tested in court",
        "IRS Publication 970, Tax Benefits for Education (2017 edition)",
    ),
    (
        dict(account="coverdell-esa", event="closed-at-loss", year="2020"),
        "No",
        "Settled law",
        "Tax Cuts and Jobs Act, Public Law 115-97 (December 22, 2017)",
    ),
    (
        dict(account="traditional-ira", event="converted", year="2017"),
        "No",
        "Settled law",
        "Treas. Reg. 1.408A-5, Recharacterized contributions",
    ),
]


def _texts(pattern: str, page: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>|\s+", lambda m: " " if m.group().isspace() else "", t))
        .strip()
        for t in re.findall(pattern, page, flags=re.S)
    ]


@pytest.mark.parametrize(
    ("answers", "verdict", "certainty", "source"),
    JOURNEYS,
    ids=["-".join(j[0].values()) for j in JOURNEYS],
)
def test_each_account_reaches_its_verdict_with_its_certainty_and_source(
    saver, client, answers, verdict, certainty, source
):
    url = saver.walk(**answers)
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert _texts(r'<span class="verdict-word">(.*?)</span>', body) == [verdict]
    badges = _texts(r'<strong class="certainty-badge">(.*?)</strong>', body)
    assert len(badges) == 1
    if certainty:
        assert badges[0].rstrip(":") == certainty
    lists = re.findall(r'<ul class="sources">(.*?)</ul>', body, flags=re.S)
    links = [t for block in lists for t in _texts(r"<a [^>]*>(.*?)</a>", block)]
    assert links, "the answer names its sources"
    if source:
        assert source in links, (source, links)
