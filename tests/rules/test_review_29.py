"""The enrolled agent's 29 fresh questions (issue 23, third review round): no wrong outcome,
but seven texts that said more, or other, than the law does. Each test walks the savers a
text is shown to (tests/rules/test_conditions.py's walk of every answer in every year) or
renders the page, and fails on the text as it was.
"""

from __future__ import annotations

import re

import pytest

from rules.law import enactments, engine
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.law.rulebook import RULES_BY_ID
from tests.rules.test_conditions import page_words, pages

# --- 1. A year never filed: a late first return reports the loss, but its refund is limited


SALE_2019 = "/results/?account=taxable&event=sold-at-loss&asset=securities&year=2019"
ROTH_2016 = "/results/?account=roth-ira&event=closed-at-loss&year=2016"


def _main(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200
    return r.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_a_closed_year_says_what_a_late_first_return_can_still_get(client):
    html = _main(client, SALE_2019)
    # Not "if you can still claim ... (for example, you never filed that return)": a late
    # first return can claim, but 6511(b)(2)(A) looks back 3 years from its filing and
    # 6513(b) dates withholding and estimated tax on the due date.
    assert "for example, you never filed that return" not in html
    assert "<summary>If you never filed a return for 2019</summary>" in html
    note = html.split('<p class="late-return">', 1)[1].split("</p>", 1)[0]
    assert "6511(b)(2)(A)" in note and "6513(b)" in note
    assert "withheld" in note and "estimated tax" in note
    assert "carry forward" in note  # a capital loss still carries over


@pytest.mark.django_db
def test_the_carryover_is_offered_only_where_a_loss_carries(client):
    # A miscellaneous itemized deduction (before 2018) has no carryover.
    note = _main(client, ROTH_2016).split('<p class="late-return">', 1)[1].split("</p>", 1)[0]
    assert "6511(b)(2)(A)" in note and "carry forward" not in note


@pytest.mark.django_db
def test_the_spanish_page_says_it_in_spanish(client):
    note = _main(client, "/es" + SALE_2019).split('<p class="late-return">', 1)[1]
    assert note.startswith("Una declaración que presente por primera vez ahora")


# --- 2. An inherited Roth IRA: no yearly amounts within the 10 years

YEARLY = re.compile(r"take a yearly amount")


def test_no_inherited_roth_saver_is_told_to_take_a_yearly_amount():
    shown = [
        (d.rule, a) for a, page, d in pages()
        if a.account == "inherited-roth-ira" and YEARLY.search(page_words(page, d))
    ]
    assert shown == []


def test_inherited_roth_savers_are_told_why_no_yearly_amount_applies():
    found = [
        page_words(page, d) for a, page, d in pages()
        if a.account == "inherited-roth-ira" and d.rule == "inherited-partial-withdrawal"
    ]
    assert found
    for words in found:
        assert "No yearly amount is required" in words
        assert "1.408A-6" in words


def test_inherited_traditional_savers_still_hear_of_the_yearly_amount():
    found = [
        page_words(page, d) for a, page, d in pages()
        if a.account == "inherited-ira" and d.rule == "inherited-partial-withdrawal"
    ]
    assert found and all(YEARLY.search(w) and "1.401(a)(9)-5(d)" in w for w in found)


# --- 3. A 529 cannot roll into a Coverdell account (529(c)(3)(C))


def test_a_529_rollover_names_no_coverdell_account():
    found = [(a, d) for a, _, d in pages() if a.account == "529" and a.event == v.ROLLED_OVER]
    assert found
    for _, d in found:
        assert "Coverdell" not in d.headline + d.reason


def test_a_coverdell_rollover_still_names_the_529_it_may_move_to():
    found = [
        d for a, _, d in pages() if a.account == "coverdell-esa" and a.event == v.ROLLED_OVER
    ]
    assert found and all("529 plan" in d.headline for d in found)


# --- 4. Crypto and the wash-sale rule: Notice 2014-21 says "property", nothing more

NOT_A_SECURITY = re.compile(
    r"not (?:as )?a security|property, not|doesn't treat cryptocurrency as a security"
)


def test_no_page_says_the_notice_calls_crypto_not_a_security():
    wrong = [
        (d.rule, a) for a, page, d in pages()
        if a.asset == v.CRYPTO and NOT_A_SECURITY.search(page_words(page, d))
    ]
    assert wrong == []
    assert not NOT_A_SECURITY.search(enactments.CRYPTO_IS_PROPERTY.change)


def test_crypto_bought_back_is_our_reading_not_the_irs_position():
    rule = RULES_BY_ID["crypto-no-wash-sale"]
    assert rule.certainty == v.UNSETTLED
    assert "stock or securities" in rule.reason


def test_the_chief_counsel_memo_is_cited_for_worthless_crypto_only():
    for rule_id in ("worthless-crypto-2-percent", "worthless-crypto-not-allowed"):
        assert "CCA 202302011" in {c.reference.short for c in RULES_BY_ID[rule_id].references}
    assert "CCA 202302011" not in {
        c.reference.short for c in RULES_BY_ID["crypto-no-wash-sale"].references
    }


# --- 5. A buy-back in an IRA of fewer shares disallows only that part (1.1091-1(c))


def test_a_partial_buy_back_in_an_ira_loses_only_its_part():
    found = [page_words(page, d) for _, page, d in pages() if d.rule == "wash-sale-into-ira"]
    assert found and all("1.1091-1(c)" in w and "fewer shares" in w for w in found)


# --- 6. A Section 1244 loss above the year's income is a net operating loss (1244(d)(3))


def test_section_1244_pages_say_the_loss_can_be_a_net_operating_loss():
    for rule_id in ("section-1244-sale", "section-1244-worthless"):
        found = [page_words(page, d) for _, page, d in pages() if d.rule == rule_id]
        assert found and all("net operating loss" in w and "1244(d)(3)" in w for w in found)


# --- 7. A Roth IRA page points to Publication 590-B's Roth IRA chapter


ROTH_IRAS = ("roth-ira", "inherited-roth-ira")
TRADITIONAL_SECTIONS = re.compile(r"Traditional IRA|What if You Inherit an IRA\?")


def test_roth_ira_pages_cite_the_roth_chapter_of_publication_590():
    pubs = []
    for a, page, d in pages():
        if a.account not in ROTH_IRAS:
            continue
        for c in d.sources:
            if c.reference.short.startswith("Pub 590"):
                pubs.append((d.rule, c.pinpoint))
                assert not TRADITIONAL_SECTIONS.search(c.pinpoint), (d.rule, c.pinpoint)
                assert c.pinpoint.startswith("chapter 2, Roth IRAs"), (d.rule, c.pinpoint)
    assert {rule for rule, _ in pubs} >= {
        "ira-basis-loss-2-percent", "partial-withdrawal-no-loss",
        "inherited-partial-withdrawal", "inherited-basis-loss-2-percent",
    }


def test_traditional_ira_pages_keep_their_sections():
    a = engine.determine(
        Answers("traditional-ira", "closed-at-loss", "after-tax", "below-basis", None, 2016)
    )
    assert any("Traditional IRA" in c.pinpoint for c in a.sources)
