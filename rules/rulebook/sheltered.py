"""Rules for money inside a retirement account or an HSA."""

from __future__ import annotations

from rules import vocabulary as v
from rules.law import cite
from rules.rulebook.rule import (
    ALL_YEARS,
    FLOOR_YEARS,
    HSAS,
    IRAS,
    PL_119_21_YEARS,
    PLANS,
    SHELTERED,
    TCJA_YEARS,
    WITH_BASIS,
    Rule,
    rule,
)

_BASIS_LOSS = dict(
    accounts=PLANS | IRAS,
    events={v.CLOSED_AT_LOSS},
    contributions=WITH_BASIS,
    turns_on_misc_law=True,
)

RULES: tuple[Rule, ...] = (
    rule(
        "sheltered-no-realisation",
        result="Nothing to report while the money stays in the account.",
        situation="The balance fell, or investments were sold or switched, inside a "
        "retirement account or HSA",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.VALUE_DROPPED, v.REALLOCATED},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: a loss inside a tax-sheltered account is never deductible",
        reason="Trades and price changes inside the account are not taxable events, so no "
        "gain or loss reaches your tax return while the money stays in.",
        instead="Stay invested if it still suits your plans: any recovery inside the account "
        "is not taxed until withdrawal (and not at all in a qualified Roth withdrawal or an "
        "HSA payout spent on medical costs).",
        references=(
            cite("IRC 408", "408(e)(1)"),
            cite("Fish", "losses on trades inside an IRA are not deductible"),
            cite("Pub 590-B"),
        ),
    ),
    rule(
        "rollover-carries-over",
        result="No tax if completed in time; basis moves with the money.",
        situation="The account was rolled over or transferred to another plan, IRA or HSA",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.ROLLED_OVER},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: a rollover moves the lower balance, it does not realise a loss",
        reason="A rollover completed within {rollover_days} days, or a direct transfer, is "
        "not a taxable event. The smaller balance carries over; in a retirement account any "
        "after-tax or Roth basis moves with it.",
        instead="Keep records of any after-tax or Roth basis that moved with the money, so "
        "it comes out tax-free later. An HSA can move only to another HSA.",
        references=(
            cite("Topic 413"),
            cite("Treas. Reg. 1.408A-10", "Q&A-3"),
            cite("Pub 590-B"),
            cite("Pub 969", "Rollovers"),
        ),
    ),
    rule(
        "partial-withdrawal-no-loss",
        result="The withdrawal is taxed as usual; basis stays with the account.",
        situation="Some money was withdrawn and the account is not empty",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.PARTIAL_WITHDRAWAL},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: a partial withdrawal never recognises a loss",
        reason="A loss could only ever be counted once every account of the kind was empty "
        "(and never for an HSA). While money remains, the withdrawal is taxed under the usual "
        "rules and any basis stays with the account.",
        instead="Check whether the withdrawal is taxable or carries an additional tax: "
        "{early_tax} on early withdrawals from most plans and IRAs, {hsa_tax} on an HSA "
        "payout not spent on medical costs. Keep track of any basis you still have.",
        references=(
            cite("Pub 590-B", "editions for 2017 and earlier: Recognizing Losses"),
            cite("Pub 575"),
            cite("IRC 72(t)", "72(t)(1)"),
            cite("Pub 969"),
        ),
    ),
    rule(
        "pre-tax-no-basis",
        result="The whole payout is ordinary income.",
        situation="Every account of the kind was emptied at a loss, and the money was pre-tax",
        years=ALL_YEARS,
        accounts=PLANS | IRAS,
        events={v.CLOSED_AT_LOSS},
        contributions={v.PRE_TAX},
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: pre-tax money has no basis, so there is no loss to deduct",
        reason="Pre-tax money was never taxed on the way in, so its tax basis is zero. "
        "Getting back less than you put in is not a tax loss; the whole payout is ordinary "
        "income.",
        instead="The payout is taxable income, and before age {early_age} it may also carry "
        "the {early_tax} additional tax (not from a governmental 457(b), except on money "
        "rolled in from another kind of plan). A rollover instead of a cash payout keeps the "
        "money sheltered.",
        references=(
            cite("Pub 575", "Cost (Investment in the Contract)"),
            cite("Pub 590-B"),
            cite("IRC 72(t)", "72(t)(1)"),
        ),
    ),
    rule(
        "hsa-no-basis",
        result="Tax-free if spent on medical costs; otherwise income plus an additional tax.",
        situation="An HSA was emptied at a loss",
        years=ALL_YEARS,
        accounts=HSAS,
        events={v.CLOSED_AT_LOSS},
        contributions={v.PRE_TAX},
        outcome=v.NOT_DEDUCTIBLE,
        headline="No: HSA money went in before tax, so there is no loss to deduct",
        reason="HSA contributions are deducted or excluded from pay, so the money has no "
        "basis. A payout not spent on medical costs is income, plus a {hsa_tax} additional "
        "tax unless you are 65 or over, disabled, or the payout follows death.",
        instead="Use the money for qualified medical expenses, which come out tax-free, or "
        "keep receipts to reimburse yourself later.",
        references=(cite("Pub 969"), cite("IRC 223", "223(f)")),
    ),
    rule(
        "ira-basis-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemised.",
        situation="Every IRA of the kind was emptied for less than its after-tax or Roth basis",
        years=FLOOR_YEARS,
        **{**_BASIS_LOSS, "accounts": IRAS},
        outcome=v.ITEMIZED_2_PERCENT,
        headline="Yes, for {year}: the unrecovered basis was a miscellaneous itemized "
        "deduction above {floor} of AGI",
        reason="When all your IRAs of the kind were paid out and you received less than your "
        "unrecovered basis, the shortfall was deductible on Schedule A, but only for the part "
        "of all such deductions above {floor} of adjusted gross income, and only if you "
        "itemised.",
        instead="Work out the loss as unrecovered basis minus everything received, using "
        "Form 8606 for a traditional IRA. The deduction is added back for the alternative "
        "minimum tax.",
        references=(
            cite("Pub 590-B", "editions for 2017 and earlier: Recognizing Losses"),
            cite("IRC 408", "408(d)(2)"),
            cite("IRC 67", "67(a)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    rule(
        "plan-basis-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemised.",
        situation="A workplace plan was paid out in cash for less than the after-tax or "
        "Roth contributions",
        years=FLOOR_YEARS,
        **{**_BASIS_LOSS, "accounts": PLANS},
        outcome=v.ITEMIZED_2_PERCENT,
        headline="Yes, for {year}: the unrecovered after-tax or Roth contributions were a "
        "miscellaneous itemized deduction above {floor} of AGI",
        reason="When your entire interest in the plan was paid out in cash for less than your "
        "after-tax or Roth contributions, the shortfall could be claimed on Schedule A above "
        "{floor} of adjusted gross income, if you itemised. The authority for plans is "
        "thinner than for IRAs, and thinner still for a governmental 457(b), which holds "
        "no after-tax money other than Roth.",
        instead="Confirm the payout covered your whole interest and that your basis figure "
        "comes from the plan's records. The deduction is added back for the alternative "
        "minimum tax.",
        references=(
            cite("RR 72-305"),
            cite("IRC 67", "67(a)"),
            cite("Pub 575", "Cost (Investment in the Contract)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    rule(
        "basis-loss-suspended-tcja",
        result="No deduction; the after-tax part of the payout is still tax-free.",
        situation="Emptied for less than the after-tax or Roth basis, under the Tax Cuts and "
        "Jobs Act",
        years=TCJA_YEARS,
        **_BASIS_LOSS,
        outcome=v.ITEMIZED_SUSPENDED,
        headline="No: for {year}, the Tax Cuts and Jobs Act suspended this deduction",
        reason="A loss of basis in a retirement account could only ever be a miscellaneous "
        "itemized deduction, and 26 U.S.C. 67(g) allows none of those for tax years "
        "{tcja_years}.",
        instead="Your basis is not taxed again: make sure the payout's after-tax part was "
        "reported as a tax-free return of basis.",
        references=(
            cite("IRC 67", "67(g)"),
            cite("P.L. 115-97", "sec. 11045"),
            cite("Pub 529"),
        ),
    ),
    rule(
        "basis-loss-terminated",
        result="No deduction; the after-tax part of the payout is still tax-free.",
        situation="Emptied for less than the after-tax or Roth basis, under Public Law 119-21",
        years=PL_119_21_YEARS,
        **_BASIS_LOSS,
        outcome=v.ITEMIZED_SUSPENDED,
        headline="No: for {year}, Public Law 119-21 ended this deduction for good",
        reason="A loss of basis in a retirement account could only ever be a miscellaneous "
        "itemized deduction. Public Law 119-21 made the suspension permanent: "
        "26 U.S.C. 67(h) allows none for any tax year after {last_floor_year}, apart from "
        "educator expenses.",
        instead="Your basis is not taxed again: make sure the payout's after-tax part was "
        "reported as a tax-free return of basis.",
        references=(
            cite("IRC 67", "67(h)"),
            cite("P.L. 119-21", "sec. 70110"),
        ),
    ),
)
