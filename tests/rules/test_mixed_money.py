"""Money of more than one kind in one plan (issue 25 #7): the kind-of-money question says
how to describe it, and an answer for one part of a plan that holds Roth money beside
other money links to the answer for the other part (26 U.S.C. 402A(d)(4): the designated
Roth account is a contract of its own). The links are existing readings: the contract's
URLs are unchanged."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from questionnaire.forms import ContributionForm
from rules.law import mixed_money
from rules.law import vocabulary as v
from rules.law.answers import answers
from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db

ROTH_2016 = (
    "/results/?account=traditional-401k&event=closed-at-loss&contribution=roth"
    "&received=below-basis&year=2016"
)
PRE_TAX_2016 = "/results/?account=403b&event=closed-at-loss&contribution=pre-tax&year=2016"


def section(client, url: str) -> str:
    r = client.get(url, follow=True)
    assert r.status_code == 200
    html = r.content.decode()
    if 'id="other-parts-heading"' not in html:
        return ""
    return html.split('id="other-parts-heading"', 1)[1].split("</section>", 1)[0]


def linked(html: str) -> list[dict[str, list[str]]]:
    hrefs = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    return [parse_qs(urlsplit(h.replace("&amp;", "&")).query) for h in hrefs]


def test_the_roth_part_links_to_the_rest_of_the_plan(client):
    html = section(client, ROTH_2016)
    assert "Your plan also holds other money?" in html
    assert "designated Roth account" in html
    queries = linked(html)
    assert [q["contribution"] for q in queries] == [["pre-tax"], ["after-tax"]]
    # What came back is the other contract's own answer: it does not carry across.
    assert all(q.get("received", ["unsure"]) == ["unsure"] for q in queries)
    assert all(q["event"] == ["closed-at-loss"] for q in queries)


def test_the_rest_of_the_plan_links_to_the_roth_part(client):
    html = section(client, PRE_TAX_2016)
    assert "Part of your plan is Roth money?" in html
    assert [q["contribution"] for q in linked(html)] == [["roth"]]


def test_the_statute_is_among_the_sources(client):
    html = client.get(PRE_TAX_2016, follow=True).content.decode()
    assert "402A(d)(4)" in html.split('id="sources-heading"', 1)[1]


@pytest.mark.parametrize(
    "url",
    [
        # A traditional IRA's kinds are counted together: nothing to link.
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2016",
        # Not sure of the kind: the answer already lists every kind.
        "/results/?account=traditional-401k&event=closed-at-loss&year=2016",
        # Before Roth money in a 401(k) (2006) there is no Roth part.
        "/results/?account=traditional-401k&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2004",
    ],
)
def test_no_link_where_there_is_no_other_part(client, url):
    assert section(client, url) == ""


def test_the_law_names_the_parts():
    roth = answers("457b", v.CLOSED_AT_LOSS, v.ROTH, v.BELOW_BASIS, year=2016)
    assert [p.contribution for p in mixed_money.other_parts(roth)] == [v.PRE_TAX]
    assert mixed_money.other_parts(answers("roth-401k", v.CLOSED_AT_LOSS, year=2016)) == ()


@pytest.mark.parametrize(
    ("account", "says"),
    [
        ("traditional-401k", "Pre-tax and after-tax money together: choose after-tax money"),
        ("403b", "Roth part counts as an account of its own"),
        ("457b", "Pre-tax and Roth money in the plan?"),
        ("traditional-ira", "Both deductible and nondeductible contributions?"),
    ],
)
def test_the_question_says_how_to_describe_a_mix(account, says):
    form = ContributionForm(prefix="contribution", known={"account": account}, current=NOW)
    assert says in form.hint


@pytest.mark.parametrize("account", ["traditional-401k", "403b", "457b"])
def test_a_plans_kinds_of_money_speak_of_a_plan_not_an_ira(account):
    acct = v.ACCOUNTS[account]
    words = " ".join(acct.term("contribution", c).hint for c in acct.contributions)
    assert "IRA" not in words and "8606" not in words
