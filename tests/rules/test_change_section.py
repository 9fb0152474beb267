""""What would change this answer" agrees with the rest of the page (reviewer's findings):
a wash sale's loss is put off, not lost, and worthless crypto can still be sold."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CURRENT as NOW

pytestmark = pytest.mark.django_db
NOTHING = "Nothing you could change would make this deductible."


def _change_section(client, query: str) -> str:
    r = client.get(f"/results/?{query}")
    assert r.status_code == 200
    html = r.content.decode()
    return re.search(r'<section aria-labelledby="change-heading">(.*?)</section>', html, re.S)[1]


def test_a_wash_sale_says_the_loss_counts_when_the_replacement_is_sold(client):
    # 26 U.S.C. 1091(d): the disallowed loss is added to the basis of the replacement.
    section = _change_section(client, "account=taxable&event=wash-sale&asset=securities")
    assert NOTHING not in section
    assert "added to the basis" in section and "without another wash sale" in section


@pytest.mark.parametrize("year", [NOW, 2019])
def test_worthless_crypto_lists_selling_it_as_something_still_to_do(client, year):
    section = _change_section(client, f"account=taxable&event=worthless&asset=crypto&year={year}")
    assert NOTHING not in section
    assert "Things you could still do" in section
    assert "If you sell it for less than you paid" in section


def test_the_seven_year_claim_box_does_not_ask_for_a_timely_return_and_names_its_part(client):
    # 26 U.S.C. 6511(d)(1): 7 years from the return's due date (whenever it was filed),
    # for the part of the refund that comes from the worthless security only.
    html = client.get("/results/?account=taxable&event=worthless&asset=securities&year=2020")
    text = html.content.decode()
    assert "7 years after it was due" in text
    assert "if you filed on time" not in text
    assert "only to the part of the refund that comes from the worthless-security loss" in text
    # The usual 3 years still assume a return filed on time.
    sale = "account=taxable&event=sold-at-loss&asset=securities"
    usual = client.get(f"/results/?{sale}&year={NOW - 1}")
    assert "3 years after it was due, if you filed on time" in usual.content.decode()


def test_a_carried_forward_loss_is_named_only_where_the_loss_can_be_carried(client):
    # Miscellaneous itemized deductions (the 2% floor) have no carryforward; capital losses
    # do (26 U.S.C. 1212(b)).
    carried = "A loss carried forward from it can still count"
    ira = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2017"
    ).content.decode()
    assert "The usual time to claim this has passed" in ira and carried not in ira
    sale = client.get("/results/?account=taxable&event=sold-at-loss&asset=securities&year=2017")
    assert carried in sale.content.decode()


def test_a_suspended_year_says_the_suspension_no_longer_ends(client):
    # P.L. 119-21 sec. 70110 struck the 2025 end date of 26 U.S.C. 67(g) (now 67(h)).
    html = client.get(
        "/results/?account=traditional-ira&event=closed-at-loss&contribution=after-tax"
        "&received=below-basis&year=2020"
    ).content.decode()
    assert "removed that end date" in html and "until a new law says otherwise" in html
    assert "sec. 70110" in html
