"""The case table: named cases over every rule, both sides of each year boundary,
every LAW.md worked example, the legal review's cases, and every account with
every event it allows."""

from __future__ import annotations

import pytest

from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import answers as A
from rules.law.engine import determine
from rules.law.rulebook import RULES_BY_ID

# (sentence, answers, outcome, rule)
CASES = [
    (
        "a 401(k) whose pre-tax balance fell in 2026 gives no deduction (LAW.md example)",
        A("traditional-401k", "value-dropped", contribution="pre-tax", year=2026),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "switching funds inside a Roth IRA gives no deduction, even before 2018",
        A("roth-ira", "reallocated", year=2010),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "an HSA whose investments fell gives no deduction",
        A("hsa", "value-dropped", year=2020),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "a 403(b) rolled over at a loss carries the lower balance over",
        A("403b", "rolled-over", contribution="after-tax", year=2017),
        "not-deductible",
        "rollover-carries-over",
    ),
    (
        "a Roth 401(k) rolled to a Roth IRA is not a loss",
        A("roth-401k", "rolled-over", year=2024),
        "not-deductible",
        "rollover-carries-over",
    ),
    (
        "a partial withdrawal from a traditional IRA with basis never realizes a loss in 2017",
        A("traditional-ira", "partial-withdrawal", contribution="after-tax", year=2017),
        "not-deductible",
        "partial-withdrawal-no-loss",
    ),
    (
        "a partial withdrawal from a 457(b) gives no deduction",
        A("457b", "partial-withdrawal", contribution="pre-tax", year=1995),
        "not-deductible",
        "partial-withdrawal-no-loss",
    ),
    (
        "emptying a pre-tax 401(k) at a loss in 2017 gives nothing: no basis (LAW.md example)",
        A("traditional-401k", "closed-at-loss", contribution="pre-tax", year=2017),
        "not-deductible",
        "pre-tax-no-basis",
    ),
    (
        "emptying deductible IRA money at a loss in 1990 gives nothing",
        A("traditional-ira", "closed-at-loss", contribution="pre-tax", year=1990),
        "not-deductible",
        "pre-tax-no-basis",
    ),
    (
        "emptying an HSA at a loss gives nothing (LAW.md example)",
        A("hsa", "closed-at-loss", year=2026),
        "not-deductible",
        "hsa-no-basis",
    ),
    (
        "a traditional IRA with nondeductible basis closed at a loss in 2017 was a 2% deduction "
        "(LAW.md example)",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2017,
        ),
        "itemized-2-percent",
        "ira-basis-loss-2-percent",
    ),
    (
        "the same IRA closed in 2018 falls under the TCJA suspension (LAW.md example)",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2018,
        ),
        "itemized-suspended",
        "basis-loss-suspended-tcja",
    ),
    (
        "the same IRA closed in 2025, the last TCJA year, is still suspended",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2025,
        ),
        "itemized-suspended",
        "basis-loss-suspended-tcja",
    ),
    (
        "the same IRA closed in 2026 falls under P.L. 119-21 (LAW.md example)",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2026,
        ),
        "itemized-suspended",
        "basis-loss-terminated",
    ),
    (
        "a Roth IRA closed below its contributions in 1998, its first year, was a 2% deduction",
        A("roth-ira", "closed-at-loss", year=1998),
        "itemized-2-percent",
        "ira-basis-loss-2-percent",
    ),
    (
        "the 2% deduction reaches back to 1987, the first year of the floor",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=1987,
        ),
        "itemized-2-percent",
        "ira-basis-loss-2-percent",
    ),
    (
        "a 401(k) with after-tax money paid out below contributions in 2017 was a 2% deduction",
        A(
            "traditional-401k",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2017,
        ),
        "itemized-2-percent",
        "plan-basis-loss-2-percent",
    ),
    (
        "a Roth 401(k) paid out below contributions in 2018 is suspended",
        A("roth-401k", "closed-at-loss", year=2018),
        "itemized-suspended",
        "basis-loss-suspended-tcja",
    ),
    (
        "a 403(b) Roth payout below contributions in 2026 is ended by P.L. 119-21",
        A("403b", "closed-at-loss", contribution="roth", received="below-basis", year=2026),
        "itemized-suspended",
        "basis-loss-terminated",
    ),
    (
        "a 457(b) Roth payout below contributions in 2011, its first Roth year, was a 2% deduction",
        A("457b", "closed-at-loss", contribution="roth", received="below-basis", year=2011),
        "itemized-2-percent",
        "plan-basis-loss-2-percent",
    ),
    (
        "not sure, 401(k) closed at a loss in 2017: it depends on the kind",
        A("traditional-401k", "closed-at-loss", contribution="unsure", year=2017),
        "depends",
        "unsure-depends",
    ),
    (
        "not sure, IRA closed at a loss in 2018: no either way, for different reasons",
        A("traditional-ira", "closed-at-loss", contribution="unsure", year=2018),
        "not-deductible",
        "unsure-no-either-way",
    ),
    (
        "not sure, 403(b) closed at a loss in 2026: no either way",
        A("403b", "closed-at-loss", contribution="unsure", year=2026),
        "not-deductible",
        "unsure-no-either-way",
    ),
    (
        "not sure, 401(k) whose value fell: every kind shares one answer",
        A("traditional-401k", "value-dropped", contribution="unsure", year=2017),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "a taxable investment that fell but was not sold gives nothing yet",
        A("taxable", "value-dropped", year=2026),
        "not-deductible",
        "taxable-unrealised",
    ),
    (
        "a taxable sale at a loss is a capital loss (LAW.md example)",
        A("taxable", "sold-at-loss", year=2026),
        "capital-loss",
        "capital-loss-sale",
    ),
    (
        "a taxable sale at a loss in 1987 was a capital loss too",
        A("taxable", "sold-at-loss", year=1987),
        "capital-loss",
        "capital-loss-sale",
    ),
    (
        "a worthless security is a capital loss",
        A("taxable", "worthless", year=2017),
        "capital-loss",
        "worthless-security",
    ),
    (
        "a wash sale defers the loss into the replacement",
        A("taxable", "wash-sale", year=2018),
        "wash-sale-deferred",
        "wash-sale-deferred",
    ),
    (
        "a wash sale through an IRA loses it for good (LAW.md example)",
        A("taxable", "wash-sale-ira", year=2026),
        "wash-sale-disallowed",
        "wash-sale-into-ira",
    ),
    (
        "Q13/Q15: bought back in a spouse's IRA or a 401(k): the cautious reading, not settled",
        A("taxable", "wash-sale-other-account", year=2026),
        "wash-sale-disallowed",
        "wash-sale-other-account",
    ),
    # --- Version 2: the legal review's cases (LAW-FINDINGS.md)
    (
        "W2: an IRA with deductible and nondeductible money emptied for more than the basis "
        "gives no loss (Notice 89-25 Q&A-7)",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="covers-basis",
            year=2015,
        ),
        "not-deductible",
        "basis-covered-no-loss",
    ),
    (
        "W2: not sure whether everything received covered the basis, 2015: it depends",
        A(
            "traditional-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="unsure",
            year=2015,
        ),
        "depends",
        "unsure-depends",
    ),
    (
        "W1: a governmental 457(b) before 2011 held only pre-tax money: not sure means no",
        A("457b", "closed-at-loss", contribution="unsure", year=2009),
        "not-deductible",
        "pre-tax-no-basis",
    ),
    (
        "W3: bitcoin bought back the next day is not a wash sale: a capital loss",
        A("taxable", "wash-sale", asset="crypto", year=2025),
        "capital-loss",
        "crypto-no-wash-sale",
    ),
    (
        "W3: crypto bought back inside an IRA is not a wash sale either",
        A("taxable", "wash-sale-ira", asset="crypto", year=2025),
        "capital-loss",
        "crypto-no-wash-sale",
    ),
    (
        "W4: a sale to a brother at a loss gives no deduction (IRC 267)",
        A("taxable", "sold-to-relative", year=2025),
        "not-deductible",
        "related-party-sale",
    ),
    (
        "T1: an HSA payout in 2008 is decided with the 10% additional tax of that year",
        A("hsa", "closed-at-loss", year=2008),
        "not-deductible",
        "hsa-no-basis",
    ),
    (
        "T8: Section 1244 stock sold at a loss is an ordinary loss",
        A("taxable", "sold-at-loss", asset="small-business-stock", year=2024),
        "ordinary-loss",
        "section-1244-sale",
    ),
    (
        "T8: Section 1244 stock that became worthless is an ordinary loss too",
        A("taxable", "worthless", asset="small-business-stock", year=2024),
        "ordinary-loss",
        "section-1244-worthless",
    ),
    (
        "worthless crypto in 2017 was, in the IRS's view, a 2% deduction (CCA 202302011)",
        A("taxable", "worthless", asset="crypto", year=2017),
        "itemized-2-percent",
        "worthless-crypto-2-percent",
    ),
    (
        "worthless crypto from 2018 is, in the IRS's view, not deductible",
        A("taxable", "worthless", asset="crypto", year=2022),
        "itemized-suspended",
        "worthless-crypto-not-allowed",
    ),
    (
        "not sure whether it was stock, crypto or Section 1244 stock, sold at a loss: yes "
        "either way",
        A("taxable", "sold-at-loss", asset="unsure", year=2024),
        "depends",
        "unsure-yes-either-way",
    ),
    (
        "a partial withdrawal from an HSA gives no deduction",
        A("hsa", "partial-withdrawal", year=2012),
        "not-deductible",
        "hsa-partial-withdrawal",
    ),
    # --- More savers (issue 12): inherited IRAs, 529 plans and Coverdell accounts
    (
        "a daughter's inherited IRA whose funds fell in 2022 gives no deduction",
        A("inherited-ira", "value-dropped", contribution="pre-tax", year=2022),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "a nephew moves an inherited IRA to another custodian after a fall: a transfer, no loss",
        A("inherited-ira", "rolled-over", contribution="unsure", year=2020),
        "not-deductible",
        "inherited-transfer-only",
    ),
    (
        "an inherited Roth IRA moved between trustees in 2009 carries over too",
        A("inherited-roth-ira", "rolled-over", year=2009),
        "not-deductible",
        "inherited-transfer-only",
    ),
    (
        "a 40-year-old takes a yearly payout from an inherited IRA that fell: no loss",
        A("inherited-ira", "partial-withdrawal", contribution="after-tax", year=2024),
        "not-deductible",
        "inherited-partial-withdrawal",
    ),
    (
        "an inherited IRA of rollover money emptied at a loss in 2016: no basis, no loss",
        A("inherited-ira", "closed-at-loss", contribution="pre-tax", year=2016),
        "not-deductible",
        "inherited-no-basis",
    ),
    (
        "inherited IRAs with the mother's nondeductible money, emptied for more than that "
        "basis in 2012: no loss",
        A(
            "inherited-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="covers-basis",
            year=2012,
        ),
        "not-deductible",
        "inherited-basis-covered",
    ),
    (
        "inherited IRAs emptied below the inherited basis in 2008: probably a 2% deduction",
        A(
            "inherited-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2008,
        ),
        "itemized-2-percent",
        "inherited-basis-loss-2-percent",
    ),
    (
        "an inherited Roth IRA emptied below its contributions in 2017: probably a 2% deduction",
        A("inherited-roth-ira", "closed-at-loss", year=2017),
        "itemized-2-percent",
        "inherited-basis-loss-2-percent",
    ),
    (
        "the same inherited Roth IRA emptied in 2018: no federal deduction",
        A("inherited-roth-ira", "closed-at-loss", year=2018),
        "itemized-suspended",
        "inherited-basis-loss-not-allowed",
    ),
    (
        "inherited IRAs emptied below the inherited basis in 2026: no federal deduction",
        A(
            "inherited-ira",
            "closed-at-loss",
            contribution="after-tax",
            received="below-basis",
            year=2026,
        ),
        "itemized-suspended",
        "inherited-basis-loss-not-allowed",
    ),
    (
        "not sure what the father's IRA held, emptied at a loss in 2010: it depends",
        A("inherited-ira", "closed-at-loss", contribution="unsure", year=2010),
        "depends",
        "unsure-depends",
    ),
    (
        "a 529 plan that fell in the 2022 market gives no deduction",
        A("529", "value-dropped", year=2022),
        "not-deductible",
        "education-no-realisation",
    ),
    (
        "switching a Coverdell account from stocks to bonds gives no deduction",
        A("coverdell-esa", "reallocated", year=2009),
        "not-deductible",
        "education-no-realisation",
    ),
    (
        "a 529 moved to another state's plan after a fall carries the lower balance over",
        A("529", "rolled-over", year=2015),
        "not-deductible",
        "education-rollover",
    ),
    (
        "a 529 rolled into the beneficiary's Roth IRA in 2024 is not a loss",
        A("529", "rolled-over", year=2024),
        "not-deductible",
        "education-rollover",
    ),
    (
        "a Coverdell withdrawal for school costs after a fall gives no deduction",
        A("coverdell-esa", "partial-withdrawal", year=2019),
        "not-deductible",
        "education-partial-withdrawal",
    ),
    (
        "a 529 paid out in full for less than the contributions in 2009 was a 2% deduction "
        "(Pub 970)",
        A("529", "closed-at-loss", year=2009),
        "itemized-2-percent",
        "education-loss-2-percent",
    ),
    (
        "a 529 emptied in 1996, its first year, below the contributions was a 2% deduction",
        A("529", "closed-at-loss", year=1996),
        "itemized-2-percent",
        "education-loss-2-percent",
    ),
    (
        "an Education IRA emptied below the contributions in 2001 was a 2% deduction",
        A("coverdell-esa", "closed-at-loss", year=2001),
        "itemized-2-percent",
        "education-loss-2-percent",
    ),
    (
        "a Coverdell account emptied below the contributions in 2018 is suspended",
        A("coverdell-esa", "closed-at-loss", year=2018),
        "itemized-suspended",
        "education-loss-not-allowed",
    ),
    (
        "a 529 emptied below the contributions in 2026 is ended by P.L. 119-21",
        A("529", "closed-at-loss", year=2026),
        "itemized-suspended",
        "education-loss-not-allowed",
    ),
    # --- Roth conversions
    (
        "a traditional IRA converted to Roth in 2008 before the crash: taxed, and a fall "
        "after is not deductible, but it could be undone",
        A("traditional-ira", "converted", contribution="pre-tax", year=2008),
        "not-deductible",
        "conversion-recharacterizable",
    ),
    (
        "a backdoor Roth conversion of nondeductible money in 2017 could still be undone",
        A("traditional-ira", "converted", contribution="after-tax", year=2017),
        "not-deductible",
        "conversion-recharacterizable",
    ),
    (
        "a 401(k) converted straight to a Roth IRA in 2008, the first year it could be",
        A("traditional-401k", "converted", contribution="pre-tax", year=2008),
        "not-deductible",
        "conversion-recharacterizable",
    ),
    (
        "an IRA converted in 2018 during the fall cannot be undone",
        A("traditional-ira", "converted", year=2018),
        "not-deductible",
        "conversion-final",
    ),
    (
        "a 403(b) converted inside the plan in 2022 is final",
        A("403b", "converted", contribution="pre-tax", year=2022),
        "not-deductible",
        "conversion-final",
    ),
    (
        "a governmental 457(b) converted in 2026, not sure of the kind: final either way",
        A("457b", "converted", contribution="unsure", year=2026),
        "not-deductible",
        "conversion-final",
    ),
]


@pytest.mark.parametrize(
    ("answers", "outcome", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_case_table(answers, outcome, rule):
    d = determine(answers)
    assert (d.outcome, d.rule) == (outcome, rule)
    every_reading_deductible = rule == "unsure-yes-either-way"
    assert d.deductible == (True if every_reading_deductible else v.OUTCOMES[outcome].deductible)


def test_every_rule_is_reached_by_a_named_case():
    reached = {c[3] for c in CASES}
    assert reached == set(RULES_BY_ID)


# Every account with every event it allows, in 2017 and in 2026, with the kind of
# money left out (read as "not sure" where the account asks): the expected
# outcomes are written out, not worked out.
_EVERY_EVENT = {
    # event: (outcome in 2017, outcome in 2026), for every sheltered account but these
    "value-dropped": ("not-deductible", "not-deductible"),
    "reallocated": ("not-deductible", "not-deductible"),
    "rolled-over": ("not-deductible", "not-deductible"),
    "partial-withdrawal": ("not-deductible", "not-deductible"),
}
_CLOSED_AT_LOSS = {
    "traditional-401k": ("depends", "not-deductible"),
    "403b": ("depends", "not-deductible"),
    "457b": ("depends", "not-deductible"),
    "traditional-ira": ("depends", "not-deductible"),
    "roth-401k": ("itemized-2-percent", "itemized-suspended"),
    "roth-ira": ("itemized-2-percent", "itemized-suspended"),
    "inherited-ira": ("depends", "not-deductible"),
    "inherited-roth-ira": ("itemized-2-percent", "itemized-suspended"),
    "hsa": ("not-deductible", "not-deductible"),
    "529": ("itemized-2-percent", "itemized-suspended"),
    "coverdell-esa": ("itemized-2-percent", "itemized-suspended"),
}
_TAXABLE = {  # stocks and the like, the reading of a missing answer
    "value-dropped": ("not-deductible", "not-deductible"),
    "sold-at-loss": ("capital-loss", "capital-loss"),
    "sold-to-relative": ("not-deductible", "not-deductible"),
    "wash-sale": ("wash-sale-deferred", "wash-sale-deferred"),
    "wash-sale-ira": ("wash-sale-disallowed", "wash-sale-disallowed"),
    "wash-sale-other-account": ("wash-sale-disallowed", "wash-sale-disallowed"),
    "worthless": ("capital-loss", "capital-loss"),
}
_CONVERTIBLE = ("traditional-401k", "403b", "457b", "traditional-ira")
_EXPECTED = {
    **{(a, e): o for a in _CLOSED_AT_LOSS for e, o in _EVERY_EVENT.items()},
    **{(a, "converted"): ("not-deductible", "not-deductible") for a in _CONVERTIBLE},
    **{(a, "closed-at-loss"): o for a, o in _CLOSED_AT_LOSS.items()},
    **{("taxable", e): o for e, o in _TAXABLE.items()},
}


def test_the_expected_table_names_every_account_and_event():
    assert set(_EXPECTED) == {(a, e) for a, acct in v.ACCOUNTS.items() for e in acct.events}


@pytest.mark.parametrize(
    ("pair", "outcomes"),
    list(_EXPECTED.items()),
    ids=[f"{a} with {e} in 2017 and 2026" for a, e in _EXPECTED],
)
def test_every_account_with_every_event(pair, outcomes):
    account, event = pair
    decided = tuple(determine(A(account, event, year=year)).outcome for year in (2017, 2026))
    assert decided == outcomes


def test_depends_lists_a_branch_per_reading_with_its_own_answer():
    d = determine(A("traditional-401k", "closed-at-loss", contribution="unsure", year=2017))
    assert [(b.contribution, b.answers.received, b.outcome) for b in d.branches] == [
        ("pre-tax", None, "not-deductible"),
        ("after-tax", "below-basis", "itemized-2-percent"),
        ("after-tax", "covers-basis", "not-deductible"),
        ("roth", "below-basis", "itemized-2-percent"),
        ("roth", "covers-basis", "not-deductible"),
    ]
    # As firm as its weakest reading: after-tax plan money covering its basis before 2018
    # is not settled (26 U.S.C. 72(d)(2) may make it a separate contract).
    assert d.deductible is None and d.certainty == "unsettled"
    assert d.branches[2].certainty == "unsettled" and d.branches[4].certainty == "settled"


def test_after_tax_plan_money_covering_its_basis_is_settled_only_from_2018():
    for year, certainty in ((2017, "unsettled"), (2018, "settled"), (2026, "settled")):
        d = determine(A("403b", "closed-at-loss", contribution="after-tax",
                        received="covers-basis", year=year))
        assert (d.outcome, d.certainty) == ("not-deductible", certainty)
    ira = determine(A("traditional-ira", "closed-at-loss", contribution="after-tax",
                      received="covers-basis", year=2017))
    assert ira.certainty == "settled"


def test_not_sure_before_roth_existed_only_weighs_the_kinds_of_that_year():
    d = determine(A("traditional-401k", "closed-at-loss", contribution="unsure", year=2005))
    assert {b.contribution for b in d.branches} == {"pre-tax", "after-tax"}


def test_no_either_way_names_each_reason():
    d = determine(A("traditional-ira", "closed-at-loss", contribution="unsure", year=2026))
    assert {b.rule for b in d.branches} == {
        "pre-tax-no-basis",
        "basis-loss-terminated",
        "basis-covered-no-loss",
    }


def test_the_hsa_additional_tax_follows_the_year():
    assert "10% additional tax" in determine(A("hsa", "closed-at-loss", year=2010)).reason
    assert "20% additional tax" in determine(A("hsa", "closed-at-loss", year=2011)).reason


def test_sale_forms_follow_the_year():
    assert "on Schedule D," in determine(A("taxable", "sold-at-loss", year=2010)).instead
    assert "Form 8949 and Schedule D" in determine(A("taxable", "sold-at-loss", year=2011)).instead


def test_section_1244_quotes_its_dated_limits():
    d = determine(A("taxable", "sold-at-loss", asset="small-business-stock", year=2024))
    assert "$50,000" in d.headline and "$100,000" in d.headline


@pytest.mark.parametrize(
    ("answers", "certainty"),
    [
        (A("taxable", "wash-sale-ira", year=2024), "irs-position"),
        # Rev. Rul. 2008-5 speaks only of the seller's own IRA (LAW-FINDINGS-3 Q15).
        (A("taxable", "wash-sale-other-account", year=2024), "unsettled"),
        (A("roth-ira", "closed-at-loss", year=2017), "irs-position"),
        (A("taxable", "sold-to-relative", year=2024), "settled"),
        (A("traditional-401k", "value-dropped", year=2024), "settled"),
        (A("inherited-ira", "closed-at-loss", contribution="after-tax", year=2016), "unsettled"),
        (A("inherited-roth-ira", "closed-at-loss", year=2016), "unsettled"),
        (A("529", "closed-at-loss", year=2016), "irs-position"),
        (A("traditional-ira", "converted", year=2016), "settled"),
    ],
)
def test_every_determination_says_how_firm_its_ground_is(answers, certainty):
    assert determine(answers).certainty == certainty


def test_the_law_applied_is_named_for_year_dependent_answers():
    periods = ((2017, law.ALLOWED_ABOVE_FLOOR), (2018, law.SUSPENDED), (2026, law.TERMINATED))
    for year, value in periods:
        d = determine(A("roth-ira", "closed-at-loss", year=year))
        assert d.misc_law.value == value
    assert determine(A("taxable", "sold-at-loss", year=2026)).misc_law is None


def test_capital_loss_headline_quotes_the_dated_limit():
    d = determine(A("taxable", "sold-at-loss", year=2026))
    assert "$3,000" in d.headline and "$1,500" in d.reason


def test_rev_rul_2008_5_is_the_irs_view_only_for_the_sellers_own_ira():
    # Issue 23 item 7 (LAW-FINDINGS-3 Q13, Q15): the ruling speaks of the seller's own IRA
    # or Roth IRA; a spouse's IRA, a 401(k), 403(b) or HSA has its own choice, not settled.
    from rules.law import vocabulary as v

    own = v.TAXABLE_EVENT_TERMS[v.WASH_SALE_IRA]
    assert "spouse" not in own.hint and "own" in own.label
    other = v.TAXABLE_EVENT_TERMS[v.WASH_SALE_ELSEWHERE]
    assert all(w in other.label for w in ("spouse's IRA", "401(k)", "403(b)", "HSA"))
    for year in (2007, 2017, 2026):
        assert determine(A("taxable", "wash-sale-ira", year=year)).certainty == "irs-position"
        d = determine(A("taxable", "wash-sale-other-account", year=year))
        assert (d.outcome, d.certainty) == ("wash-sale-disallowed", "unsettled")


def test_a_403b_fall_in_value_cites_the_403b_section():
    # T18: the 403(b)'s own section (403(b)(1), (7)), not only the IRA's 408(e)(1).
    d = determine(A("403b", "value-dropped", year=2024))
    assert any(c.pinpoint == "403(b)(1), (7)" for c in d.sources)
    assert not any("403(b)" in c.pinpoint for c in determine(A("traditional-ira", "value-dropped",
                                                                year=2024)).sources)
