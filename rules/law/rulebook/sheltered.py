"""Rules for money inside a retirement account or an HSA."""

from __future__ import annotations

from rules.law import vocabulary as v
from rules.law.parameters import cite
from rules.law.rulebook.rule import (
    ALL_YEARS,
    FLOOR_YEARS,
    HSAS,
    INHERITED_IRAS,
    IRAS,
    PL_119_21_YEARS,
    PLANS,
    RETIREMENT,
    SHELTERED,
    TCJA_YEARS,
    WITH_BASIS,
    Doubt,
    Rule,
    rule,
)

# Emptied at a loss, with after-tax or Roth money, and everything received came
# to less than that basis: the one situation that ever gave a deduction.
_BASIS_LOSS = dict(
    accounts=RETIREMENT,
    events={v.CLOSED_AT_LOSS},
    contributions=WITH_BASIS,
    received={v.BELOW_BASIS},
    turns_on_misc_law=True,
)
_NOT_TAXED_AGAIN = (
    "Your after-tax or Roth money isn't taxed again: check the payout's after-tax part was "
    "reported as tax-free (Form 8606 for an IRA; box 5 of Form 1099-R for a plan). "
    "California still allows this deduction on its own return."
)

# Publication 590-B sets out Roth IRAs in a chapter of their own (chapter 2); the
# traditional IRA sections are no source for a Roth IRA owner's answer.
_TRADITIONAL_IRA = frozenset({"traditional-ira"})
_ROTH_IRA = frozenset({"roth-ira"})
_ROTH_LOSSES = "chapter 2, Roth IRAs; Recognizing Losses on Investments"

RULES: tuple[Rule, ...] = (
    rule(
        "sheltered-no-realisation",
        result="Nothing to report while the money stays in the account.",
        situation="The balance fell, or investments were sold or switched, inside a "
        "retirement account or HSA",
        years=ALL_YEARS,
        accounts=SHELTERED | INHERITED_IRAS,
        events={v.VALUE_DROPPED, v.REALLOCATED},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: {loss} inside {account_a} isn't deductible while the money stays in "
        "the account",
        reason="Trades and price changes inside the account aren't taxable events, so no "
        "gain or loss reaches your tax return while the money stays in.",
        instead="Stay invested if it still suits your plans: a recovery inside the account "
        "is not taxed until you withdraw it (and not at all in a qualified Roth withdrawal "
        "or an HSA payout spent on medical costs).",
        references=(
            cite("IRC 408", "408(e)(1)"),
            cite("IRC 501", "501(a)", frozenset({"traditional-401k", "roth-401k"})),
            # A 403(b) is taxed on what it pays out (403(b)(1)); a custodial account of
            # funds is treated as a 401(a) trust for the exemption (403(b)(7)(B)): T18.
            cite("IRC 403", "403(b)(1), (7)", frozenset({"403b"})),
            cite("IRC 457", "457(g)", frozenset({"457b"})),
            cite("IRC 223", "223(e)(1)", HSAS),
            cite("Fish", "losses on trades inside an IRA are not deductible"),
            cite("FTB Pub 1001", accounts=HSAS),
            cite("Cal. R&TC 17215.4", accounts=HSAS),
            cite("NJ-1040 instructions", accounts=HSAS),
        ),
    ),
    rule(
        "rollover-carries-over",
        result="No tax if completed in time; after-tax and Roth money keeps its status where "
        "the new account can take it.",
        situation="The account was rolled over or transferred to another plan, IRA or HSA",
        years=ALL_YEARS,
        accounts=SHELTERED,
        events={v.ROLLED_OVER},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: moving the money to another account carries the smaller balance "
        "across; it isn't a loss you can deduct",
        reason="{moved_how} isn't "
        "a taxable event: the smaller balance simply carries over. After-tax and Roth "
        "money keeps its tax-free status when the new account can take it.{portability}",
        instead="Keep records of any after-tax or Roth money that moved. Check the move was "
        "between accounts of the same tax kind: pre-tax money moved into a Roth account is "
        "a conversion, which is taxed. An HSA can move only to another HSA.",
        references=(
            cite("Topic 413"),
            cite("IRC 402", "402(c)(2)", RETIREMENT),
            cite("Treas. Reg. 1.408A-10", "Q&A-3", PLANS),
            cite("Pub 969", "Rollovers", HSAS),
        ),
    ),
    rule(
        "partial-withdrawal-no-loss",
        result="The withdrawal is taxed as usual; after-tax or Roth money not yet taken out "
        "stays with the account.",
        situation="Some money was withdrawn from a retirement account that is not empty",
        years=ALL_YEARS,
        accounts=RETIREMENT,
        events={v.PARTIAL_WITHDRAWAL},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: taking out part of the money doesn't give you a loss you can deduct",
        reason="A loss could only ever be counted once the account (for IRAs, every IRA of "
        "the kind) was empty. While money remains, the withdrawal is taxed under the usual "
        "rules, and any after-tax or Roth money you haven't taken out stays in the account "
        "for later.",
        instead="Check whether the withdrawal is taxable or carries the {early_tax} "
        "additional tax on early withdrawals, which has many exceptions. Your regular "
        "after-tax or Roth contributions come back without it, but money converted to a "
        "Roth account in the last five years can carry it.",
        references=(
            cite("Notice 89-25", "Q&A-7", IRAS),
            cite("RR 72-305", accounts=PLANS),
            cite("Pub 575", accounts=PLANS),
            cite("Pub 590-B", accounts=_TRADITIONAL_IRA),
            cite("Pub 590-B", "chapter 2, Roth IRAs", _ROTH_IRA),
            cite("IRC 72(t)", "72(t)(1), (2)"),
            cite("IRC 408A", "408A(d)(3)(F)"),
            cite("Topic 558"),
        ),
    ),
    rule(
        "hsa-partial-withdrawal",
        result="Tax-free if spent on medical costs; otherwise income plus an additional tax.",
        situation="Some money was withdrawn from an HSA",
        years=ALL_YEARS,
        accounts=HSAS,
        events={v.PARTIAL_WITHDRAWAL},
        contributions=None,
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: taking money out of an HSA doesn't give you a deduction",
        reason="HSA money went in before tax, so getting back less can't be a loss for tax. "
        "A payout spent on qualified medical costs is tax-free; any other payout is income, "
        "plus a {hsa_tax} additional tax unless you are 65 or over, disabled, or the "
        "payout follows death.",
        instead="Keep your medical receipts: you can reimburse yourself tax-free later for "
        "costs you paid after the HSA was opened.",
        references=(
            cite("Pub 969"), cite("IRC 223", "223(f)(2), (4)"), cite("FTB Pub 1001"),
            cite("Cal. R&TC 17215.4"), cite("NJ-1040 instructions"),
        ),
    ),
    rule(
        "pre-tax-no-basis",
        result="The whole payout is ordinary income.",
        situation="A retirement account holding only pre-tax money was emptied at a loss",
        years=ALL_YEARS,
        accounts=RETIREMENT,
        events={v.CLOSED_AT_LOSS},
        contributions={v.PRE_TAX},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: you never paid tax on pre-tax money, so getting back less isn't a loss "
        "you can deduct",
        reason="Pre-tax money was never taxed on the way in, so its basis is zero. Getting "
        "back less than you put in isn't a tax loss; the whole payout is ordinary income.",
        instead="The payout is taxable income, and before age {early_age} it may also carry "
        "the {early_tax} additional tax (not from a governmental 457(b), except on money "
        "rolled in from another kind of plan or an IRA). A rollover instead of a cash "
        "payout keeps the money sheltered.",
        references=(
            cite("Pub 575", "Cost (Investment in the Contract)", PLANS),
            cite("Pub 590-B", accounts=IRAS),
            cite("IRC 72(t)", "72(t)(1), (9)"),
            # C4: Pennsylvania taxes 401(k) and 403(b) deferrals (state basis).
            cite("72 P.S. 7301(d)", accounts=frozenset({"traditional-401k", "403b"})),
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
        certainty=v.SETTLED,
        headline="No: HSA money went in before tax, so getting back less isn't a loss you "
        "can deduct",
        reason="HSA contributions are deducted or left out of your pay, so the money has no "
        "basis. A payout not spent on medical costs is income, plus a {hsa_tax} additional "
        "tax unless you are 65 or over, disabled, or the payout follows death.",
        instead="Use the money for qualified medical expenses, which come out tax-free, or "
        "keep receipts to reimburse yourself later.",
        references=(
            cite("Pub 969"), cite("IRC 223", "223(f)(4)"), cite("FTB Pub 1001"),
            cite("Cal. R&TC 17215.4"), cite("NJ-1040 instructions"),
        ),
    ),
    rule(
        "basis-covered-no-loss",
        result="No loss; the after-tax or Roth part of the payout is tax-free.",
        situation="Emptied, and everything received covered the after-tax or Roth money put in",
        years=ALL_YEARS,
        accounts=RETIREMENT,
        events={v.CLOSED_AT_LOSS},
        contributions=WITH_BASIS,
        received={v.COVERS_BASIS},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        # After-tax money in a plan and its earnings "may be treated as a separate
        # contract" (26 U.S.C. 72(d)(2)); no ruling says whether the loss test may then
        # look at that part alone, which could leave a loss where the whole plan covers
        # the basis. Before 2018 that decides whether there was a deduction.
        doubts=(
            Doubt(
                PLANS,
                frozenset({v.AFTER_TAX}),
                FLOOR_YEARS,
                v.UNSETTLED,
                "after-tax money in a plan before 2018: 26 U.S.C. 72(d)(2)",
            ),
        ),
        headline="No: you got back at least your after-tax or Roth money, so there's no loss",
        reason="The test adds up {received_total}, and compares it with your "
        "after-tax or Roth money not yet taken out. When the total covers it, there's no "
        "loss, even if you got back less than everything you put in.",
        instead="Your after-tax or Roth money still comes out tax-free: check the payout's "
        "tax-free part was reported that way (Form 8606 for an IRA; box 5 of Form 1099-R "
        "for a plan).",
        references=(
            cite("Notice 89-25", "Q&A-7", IRAS),
            cite("IRC 408", "408(d)(2)", IRAS),
            cite("RR 72-305", accounts=PLANS),
            cite("Pub 575", "Cost (Investment in the Contract)", PLANS),
        ),
    ),
    rule(
        "ira-basis-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemized.",
        situation="Every IRA of the kind was emptied, and everything received was less than "
        "the after-tax or Roth money put in",
        years=FLOOR_YEARS,
        **{**_BASIS_LOSS, "accounts": IRAS},
        outcome=v.ITEMIZED_2_PERCENT,
        certainty=v.IRS_POSITION,
        headline="Yes, for {year}: if you itemized, you could deduct part of the loss",
        reason="All your IRAs of the kind were paid out, and {received_total}, came to less "
        "than the after-tax or Roth money you had put in and not yet taken out (your "
        "basis). The shortfall was a miscellaneous itemized deduction on Schedule A: if "
        "you itemized, you could deduct the part of all such deductions above {floor} of "
        "your adjusted gross income.",
        instead="Work out the loss as your basis minus everything received. Basis is your "
        "nondeductible contributions on Form 8606 and, for Roth IRAs, conversions and "
        "Roth money rolled in from a plan. The deduction is added back for the alternative "
        "minimum tax, and in some years higher incomes lost part of it to the overall "
        "limit on itemized deductions.",
        references=(
            cite("Notice 89-25", "Q&A-7"),
            cite("Pub 590 (2013)", "Recognizing Losses on Traditional IRA Investments",
                 _TRADITIONAL_IRA),
            cite("Pub 590 (2013)", _ROTH_LOSSES, _ROTH_IRA),
            cite("Pub 590-B (2017)", "Recognizing Losses on Traditional IRA Investments",
                 _TRADITIONAL_IRA),
            cite("Pub 590-B (2017)", _ROTH_LOSSES, _ROTH_IRA),
            cite("IRC 408", "408(d)(2)"),
            cite("IRC 67", "67(a)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    rule(
        "plan-basis-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemized.",
        situation="A workplace plan was paid out in cash for less than the after-tax or "
        "Roth contributions",
        years=FLOOR_YEARS,
        **{**_BASIS_LOSS, "accounts": PLANS},
        outcome=v.ITEMIZED_2_PERCENT,
        certainty=v.IRS_POSITION,
        headline="Yes, for {year}: if you itemized, you could probably deduct part of the "
        "loss",
        reason="{paid_out}, and {received_total}, came to less than "
        "your after-tax or Roth contributions. The "
        "shortfall was a miscellaneous itemized deduction on Schedule A: if you itemized, "
        "the part of all such deductions above {floor} of your adjusted gross income. For "
        "plans this rests on a single IRS ruling.",
        instead="Check the payout was in cash: if shares or other property were paid out "
        "instead, no loss arises then; your after-tax or Roth money moves into their cost "
        "and counts when you sell. Take the figures from the plan's records. The deduction "
        "is added back for the alternative minimum tax.",
        references=(
            cite("RR 72-305"),
            cite("IRC 67", "67(a)"),
            cite("Pub 575", "Cost (Investment in the Contract)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    rule(
        "basis-loss-suspended-tcja",
        result="No federal deduction; the after-tax part of the payout is still tax-free.",
        situation="Emptied for less than the after-tax or Roth money put in, while the "
        "deduction was suspended",
        years=TCJA_YEARS,
        **_BASIS_LOSS,
        outcome=v.ITEMIZED_SUSPENDED,
        certainty=v.SETTLED,
        headline="No federal deduction for {year}: {tcja} switched this deduction off for "
        "{tcja_years}",
        reason="A payout below the after-tax or Roth money you put in could only ever be a "
        "miscellaneous itemized deduction, and {tcja_full} allows none for tax years "
        "{tcja_years}. {obbba_full} (sec. 70110) removed that end date, so none is "
        "allowed for the years after either, until a new law says otherwise.",
        instead=_NOT_TAXED_AGAIN,
        references=(
            cite("IRC 67", "67(g)"),
            cite("P.L. 115-97", "sec. 11045"),
            cite("Pub 529"),
            cite("Cal. R&TC 17076"),
        ),
    ),
    rule(
        "basis-loss-terminated",
        result="No federal deduction; the after-tax part of the payout is still tax-free.",
        situation="Emptied for less than the after-tax or Roth money put in, once the "
        "suspension had no end date",
        years=PL_119_21_YEARS,
        **_BASIS_LOSS,
        outcome=v.ITEMIZED_SUSPENDED,
        certainty=v.SETTLED,
        headline="No federal deduction for {year}: {obbba} took away the end date of the "
        "suspension",
        reason="A payout below the after-tax or Roth money you put in could only ever be a "
        "miscellaneous itemized deduction, and {obbba_full} removed the end date of their "
        "suspension: none is allowed for any tax year after {last_floor_year}, apart from "
        "educator expenses, until a new law says otherwise.",
        instead=_NOT_TAXED_AGAIN,
        references=(
            cite("IRC 67", "67(h)"),
            cite("P.L. 119-21", "sec. 70110"),
            cite("Cal. R&TC 17076"),
        ),
    ),
)
