"""Rules for education accounts: 529 plans (qualified tuition programs) and Coverdell
education savings accounts (Education IRAs before 2002).

Every dollar contributed was already taxed, so the contributions are basis; a loss
could count only when the account was paid out in full for less than them, as a
miscellaneous itemized deduction (Publication 970, editions for 2017 and earlier).
"""

from __future__ import annotations

from rules.law import vocabulary as v
from rules.law.parameters import cite
from rules.law.rulebook.rule import (
    ALL_YEARS,
    EDUCATION_ACCOUNTS,
    FLOOR_YEARS,
    NOT_ALLOWED_YEARS,
    WITH_BASIS,
    Rule,
    rule,
)

_ANY = dict(accounts=EDUCATION_ACCOUNTS, contributions=None, years=ALL_YEARS)
_EMPTIED = dict(
    accounts=EDUCATION_ACCOUNTS,
    events={v.CLOSED_AT_LOSS},
    contributions=WITH_BASIS,
    received={v.BELOW_BASIS},
    turns_on_misc_law=True,
)

RULES: tuple[Rule, ...] = (
    rule(
        "education-no-realisation",
        result="Nothing to report while the money stays in the account.",
        situation="The balance of a 529 plan or Coverdell account fell, or its investments "
        "were changed",
        **_ANY,
        events={v.VALUE_DROPPED, v.REALLOCATED},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: a fall in value inside a 529 or Coverdell account isn't deductible while "
        "the money stays in the account",
        reason="A 529 plan and a Coverdell account are exempt from tax, so gains and losses "
        "inside them never reach your return while the money stays in. A loss could only "
        "ever count once the account was emptied.",
        instead="Staying invested costs nothing in tax: growth inside the account is "
        "tax-free when it is spent on qualified education costs. A 529 plan lets you "
        "change how the money is invested only a limited number of times a year.",
        references=(
            cite("IRC 529", "529(a), (b)(4)"),
            cite("IRC 530", "530(a)"),
            cite("Pub 970"),
        ),
    ),
    rule(
        "education-rollover",
        result="No tax on an allowed move; your contributions move with the money.",
        situation="A 529 plan or Coverdell account was rolled over or moved to another "
        "account that can take it",
        **_ANY,
        events={v.ROLLED_OVER},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        # A 529 cannot roll into a Coverdell account (529(c)(3)(C) names only another 529,
        # an ABLE account, a Roth IRA); a Coverdell can move to a 529 (530(d)(2)(C)).
        headline="No: moving the money to {moved_to} carries the smaller balance across; it "
        "isn't a loss you can deduct",
        reason="A rollover finished within {rollover_days} days, or a direct transfer, into "
        "an account that can take the money is not a payout: the smaller balance and your "
        "contributions simply move. {moves}",
        instead="Keep the statement showing how much of what moved was contributions and how "
        "much earnings: the receiving account needs it, or it may treat everything as "
        "earnings. Only one rollover paid out through your hands is allowed for the same "
        "beneficiary in a year; direct transfers are not limited. Money moved into a Roth "
        "IRA or an ABLE account counts toward that account's yearly limit.",
        references=(
            cite("IRC 529", "529(c)(3)(C), (c)(3)(E)"),
            cite("IRC 530", "530(d)(5), (b)(2)"),
            cite("P.L. 117-328", "sec. 126 (529 to Roth IRA)"),
            cite("Pub 970", "Rollovers and other transfers"),
        ),
    ),
    rule(
        "education-partial-withdrawal",
        result="Tax-free if spent on education; otherwise the earnings part is income.",
        situation="Some money was taken out of a 529 plan or Coverdell account that is not empty",
        **_ANY,
        events={v.PARTIAL_WITHDRAWAL},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: taking part of the money out of a 529 or Coverdell account doesn't give "
        "you a loss you can deduct",
        reason="A loss could only ever be counted once the account was empty. Each "
        "withdrawal is part contributions, which come back tax-free, and part earnings, "
        "and after a fall there may be no earnings at all. Earnings spent on qualified "
        "education costs are tax-free; otherwise they are income and can carry an "
        "additional tax.",
        instead="Keep the receipts for the education costs the withdrawal paid for, and the "
        "Form 1099-Q the plan sends, which splits each payout into earnings and basis.",
        references=(
            cite("IRC 529", "529(c)(3)"),
            cite("IRC 530", "530(d)"),
            cite("Pub 970"),
        ),
    ),
    rule(
        "education-loss-2-percent",
        result="Schedule A deduction for the part above {floor} of AGI, if you itemized.",
        situation="A 529 plan or Coverdell account was paid out in full for less than the "
        "contributions",
        years=FLOOR_YEARS,
        **_EMPTIED,
        outcome=v.ITEMIZED_2_PERCENT,
        certainty=v.IRS_POSITION,
        headline="Yes, for {year}: if you itemized, you could deduct part of what you put in "
        "and did not get back",
        reason="The account was paid out in full for less than the contributions not yet "
        "taken back. The IRS allowed the shortfall as a miscellaneous itemized deduction on "
        "Schedule A, for the part of all such deductions above {floor} of adjusted gross "
        "income, if you itemized. {qtp_note}",
        instead="Work out the loss as the contributions not yet taken back minus everything "
        "paid out; Form 1099-Q shows the payouts and the basis. The deduction is added back "
        "for the alternative minimum tax. The IRS publication does not say plainly whose "
        "loss it is when the owner and the beneficiary are different people: ask a tax "
        "professional if a real amount depends on it.",
        references=(
            cite("Pub 970 (2017)", "Losses on QTP investments; Coverdell ESA losses"),
            cite("IRC 529", "529(c)(3)(A)"),
            cite("IRC 530", "530(d)(1)"),
            cite("IRC 67", "67(a)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    rule(
        "education-loss-not-allowed",
        result="No federal deduction; the contributions still come back tax-free.",
        situation="A 529 plan or Coverdell account was paid out in full for less than the "
        "contributions, while the miscellaneous itemized deduction is not allowed",
        years=NOT_ALLOWED_YEARS,
        **_EMPTIED,
        outcome=v.ITEMIZED_SUSPENDED,
        certainty=v.SETTLED,
        headline="No federal deduction for {year}: this deduction is no longer allowed",
        reason="A 529 or Coverdell account paid out for less than its contributions could "
        "only ever give a miscellaneous itemized deduction, and none is allowed for this "
        "year under {misc_law}.",
        instead="Your contributions still come back without tax, and with no earnings there "
        "is no income and no additional tax: check that Form 1099-Q shows it that way.",
        references=(
            cite("IRC 67", "67(g), (h)"),
            cite("P.L. 115-97", "sec. 11045"),
            cite("P.L. 119-21", "sec. 70110"),
            cite("Pub 970"),
        ),
    ),
)
