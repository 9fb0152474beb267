"""Texts the third legal review found misleading (issue 23), each with its law."""

from __future__ import annotations

import html
import re

import pytest

from rules.law import vocabulary as v


def _hint(event: str) -> str:
    return v.ACCOUNTS["taxable"].event(event).hint


def test_the_sale_hints_name_the_relatives_of_267_and_leave_out_in_laws():
    """26 U.S.C. 267(b)(1), (c)(4): brothers and sisters, spouse, ancestors and lineal
    descendants; 267(b)(2): a company more than half owned. In-laws are not family there
    (LAW-FINDINGS-3 Q28): a sale to a brother-in-law is an ordinary sale."""
    for event in (v.SOLD_AT_LOSS, v.SOLD_TO_RELATIVE):
        hint = _hint(event)
        for relative in ("spouse", "brother or sister", "ancestor", "descendant", "company"):
            assert relative in hint, (event, relative)
        assert "In-laws" in hint, event
    assert "not family" not in _hint(v.SOLD_AT_LOSS)
    assert "267(b), (c)(4)" in _hint(v.SOLD_TO_RELATIVE)


# --- On the results pages (issue 23: C4 state notes, 457(b) conversions, Q29)

HSA_2024 = "results/?account=hsa&event=closed-at-loss&year=2024"
PLAN_PRE_TAX = "results/?account={}&event=closed-at-loss&contribution=pre-tax"
CONVERTED_457B = "results/?account=457b&event=converted&year=2024"


def _page(client, path: str, lang: str = "") -> str:
    response = client.get(f"/{lang}{path}")
    assert response.status_code == 200, path
    # The words as a reader sees them: glossary links and emphasis split them in the HTML.
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.mark.django_db
def test_an_hsa_page_points_to_california_and_new_jersey_in_both_languages(client):
    """Cal. R&TC 17215.4 and N.J.S.A. 54A:6: neither state follows 26 U.S.C. 223."""
    english = _page(client, HSA_2024)
    assert "not a state answer: California and New Jersey" in english
    assert "17215.4" in english and "54A:6" in english
    spanish = _page(client, HSA_2024, "es/")
    assert "no una respuesta estatal: California y Nueva Jersey" in spanish


@pytest.mark.django_db
def test_pennsylvania_deferrals_are_named_for_401k_and_403b_savers_only(client):
    """72 P.S. 7301(d): Pennsylvania taxes employee deferrals to 401(k) and 403(b) plans."""
    for account in ("traditional-401k", "403b"):
        page = _page(client, PLAN_PRE_TAX.format(account))
        assert "Pennsylvania taxes your own payroll deferrals" in page, account
        assert "7301(d)" in page, account
    for account in ("traditional-ira", "457b"):
        assert "Pennsylvania" not in _page(client, PLAN_PRE_TAX.format(account)), account


@pytest.mark.django_db
def test_a_457b_conversion_says_where_the_10_percent_applies(client):
    """408A(d)(3)(F) once in a Roth IRA; inside the 457(b), only rolled-in money (72(t)(9))."""
    page = _page(client, CONVERTED_457B)
    assert "straight into a Roth IRA" in page and "72(t)(9)" in page
    assert "Money converted and then taken out within five years" not in page
    ira = _page(client, CONVERTED_457B.replace("457b", "traditional-ira"))
    assert "Money converted and then taken out within five years" in ira
    assert "72(t)(9)" not in ira


@pytest.mark.django_db
def test_a_loss_never_claimed_carries_over_as_if_claimed_not_settled(client):
    """Q29: 1212(b)(2)(A) counts the amount 1211(b) allows; no ruling on unclaimed years."""
    page = _page(client, "results/?account=taxable&event=sold-at-loss&asset=securities&year=2009")
    assert "1212(b)(2)(A)" in page and "this point is not settled" in page


@pytest.mark.parametrize(
    ("account", "contribution", "says", "never"),
    [
        # 402A(d)(4): the designated Roth account is tested on its own (issue 23 item 2, Q19).
        ("traditional-401k", "roth", "leave out the plan's pre-tax money", "pre-tax money and "
         "earnings included"),
        ("403b", "roth", "designated Roth account", "pre-tax money and earnings included"),
        # An IRA's after-tax money is tested against all the IRAs of the kind (408(d)(2)).
        ("traditional-ira", "after-tax", "pre-tax money and earnings included", "Roth part"),
    ],
)
def test_the_received_hint_adds_up_what_the_law_tests(account, contribution, says, never):
    from questionnaire.forms import ReceivedForm

    form = ReceivedForm(
        known={"account": account, "contribution": contribution, "event": v.CLOSED_AT_LOSS},
        current=2026,
    )
    assert says in form.hint and never not in form.hint
