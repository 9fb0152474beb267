"""Rules for IRAs and Roth IRAs kept as a beneficiary (inherited IRAs).

A beneficiary's inherited IRAs are a group of their own: not counted with the
beneficiary's own IRAs, nor with IRAs inherited from someone else; the basis of
the person who died passes to the beneficiary (Publication 590-B, Form 8606
instructions). Price moves inside them follow the rule for every IRA
(sheltered-no-realisation); a whole-account payout that covered the basis follows
basis-covered-no-loss.
"""

from __future__ import annotations

from rules.law import vocabulary as v
from rules.law.parameters import cite
from rules.law.rulebook.rule import (
    ALL_YEARS,
    FLOOR_YEARS,
    INHERITED_IRAS,
    NOT_ALLOWED_YEARS,
    WITH_BASIS,
    Rule,
    rule,
)

_ANY_KIND = dict(accounts=INHERITED_IRAS, contributions=None, years=ALL_YEARS)
_BELOW_BASIS = dict(
    accounts=INHERITED_IRAS,
    events={v.CLOSED_AT_LOSS},
    contributions=WITH_BASIS,
    received={v.BELOW_BASIS},
    turns_on_misc_law=True,
)

# Publication 590-B sets out inherited Roth IRAs in its Roth IRA chapter (chapter 2,
# "Distributions After Owner's Death"), not in the traditional IRA sections.
_INHERITED_TRADITIONAL = frozenset({"inherited-ira"})
_INHERITED_ROTH = frozenset({"inherited-roth-ira"})
_ROTH_DEATH = "chapter 2, Roth IRAs; Distributions After Owner's Death"

RULES: tuple[Rule, ...] = (
    rule(
        "inherited-transfer-only",
        result="No tax on a direct transfer; money paid out to you cannot be put back.",
        situation="An inherited IRA was moved to another inherited IRA",
        **_ANY_KIND,
        events={v.ROLLED_OVER},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: moving an inherited IRA to another one carries the smaller balance across; "
        "it isn't a loss you can deduct",
        reason="An inherited IRA can move only by a direct transfer between trustees to "
        "another IRA kept in the name of the person who died. That is not a payout, so the "
        "smaller balance, and any basis in it, simply carries over. A beneficiary other "
        "than a spouse cannot roll an inherited IRA over: money paid out to you is a payout "
        "and cannot be put back.",
        instead="If the money was paid to you rather than moved between trustees, it was a "
        "payout: answer again for a withdrawal, or for taking everything out if every IRA "
        "you inherited from that person is now empty. A surviving spouse may instead roll "
        "it into their own IRA, and then answers for a traditional or Roth IRA.",
        references=(
            cite("IRC 408", "408(d)(3)(C)"),
            cite("IRC 408A", "408A(a)"),
            cite("Pub 590-B", "What if You Inherit an IRA?; trustee-to-trustee transfers",
                 _INHERITED_TRADITIONAL),
            cite("Pub 590-B", f"{_ROTH_DEATH}; trustee-to-trustee transfers", _INHERITED_ROTH),
        ),
    ),
    rule(
        "inherited-partial-withdrawal",
        result="Taxed as the owner's payout would have been, with no early-withdrawal tax.",
        situation="Some money was withdrawn from an inherited IRA that is not empty",
        **_ANY_KIND,
        events={v.PARTIAL_WITHDRAWAL},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: taking part of the money out of an inherited IRA doesn't give you a loss "
        "you can deduct",
        reason="A loss could only ever be counted once every IRA you inherited from the same "
        "person was empty. Until then each withdrawal is taxed much as it would have been "
        "for the owner: any basis of the person who died comes back tax-free in its share, "
        "and an inherited Roth IRA pays out contributions first. A beneficiary's "
        "withdrawals never carry the {early_tax} additional tax on early withdrawals, "
        "whatever the beneficiary's age.",
        instead="Check how much must come out, and by when: that depends on when the owner "
        "died and on who you are, and the rules changed over the years. Keep a Form 8606 "
        "for the inherited IRA, apart from your own, so the basis you inherited is not "
        "taxed.",
        references=(
            cite("Pub 590-B", "What if You Inherit an IRA?", _INHERITED_TRADITIONAL),
            cite("Pub 590-B", _ROTH_DEATH, _INHERITED_ROTH),
            cite("IRC 72(t)", "72(t)(2)(A)(ii)"),
            cite("Form 8606 instructions", "inherited IRAs"),
            cite("IRC 408A", "408A(d)(2), (d)(4)"),
            # The taxable part of a payout is income in respect of a decedent.
            cite("IRC 691", "691(c)", frozenset({"inherited-ira"})),
            cite("Pub 559", "Income in Respect of a Decedent", frozenset({"inherited-ira"})),
        ),
    ),
    rule(
        "inherited-no-basis",
        result="The whole payout is income, with no early-withdrawal tax.",
        situation="An inherited IRA holding only pre-tax money was emptied at a loss",
        years=ALL_YEARS,
        accounts=INHERITED_IRAS,
        events={v.CLOSED_AT_LOSS},
        contributions={v.PRE_TAX},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: nobody paid tax on the pre-tax money you inherited, so getting back less "
        "isn't a loss you can deduct",
        reason="Money the person who died never paid tax on has no basis for you either. "
        "Getting back less than the account was once worth is not a tax loss: the whole "
        "payout is ordinary income to you, without the {early_tax} additional tax on early "
        "withdrawals.",
        instead="If the estate paid federal estate tax, you can deduct the part of it that "
        "fell on this IRA: an itemized deduction that is not one of the miscellaneous "
        "deductions, so it is still allowed. If the person who died had made nondeductible "
        "contributions (their Form 8606 shows them), answer again with after-tax money.",
        references=(
            cite("Pub 590-B", "What if You Inherit an IRA?"),
            cite("IRC 691", "691(c)"),
            cite("IRC 67", "67(b)(7)"),
            cite("IRC 72(t)", "72(t)(2)(A)(ii)"),
            cite("Pub 559", "Income in Respect of a Decedent"),
        ),
    ),
    rule(
        "inherited-basis-covered",
        result="No loss; the inherited basis in the payout is tax-free.",
        situation="Every IRA inherited from the same person was emptied, and everything "
        "received covered the basis that passed with them",
        years=ALL_YEARS,
        accounts=INHERITED_IRAS,
        events={v.CLOSED_AT_LOSS},
        contributions=WITH_BASIS,
        received={v.COVERS_BASIS},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: you got back at least the already-taxed money you inherited, so "
        "there's no loss",
        reason="The test adds up everything received from all the IRAs you inherited from the "
        "same person, pre-tax money and earnings included, and compares it with the basis "
        "that passed to you and had not yet come back. When the total covers it, there is "
        "no loss, even if the account was once worth more.",
        instead="The basis still comes out tax-free: check that the payout's tax-free part was "
        "worked out on a Form 8606 for the inherited IRA, kept apart from your own IRAs.",
        references=(
            cite("Form 8606 instructions", "inherited IRAs"),
            cite("Pub 590-B", "What if You Inherit an IRA?", _INHERITED_TRADITIONAL),
            cite("Pub 590-B", _ROTH_DEATH, _INHERITED_ROTH),
            cite("Notice 89-25", "Q&A-7"),
        ),
    ),
    rule(
        "inherited-basis-loss-2-percent",
        result="Our reading: a Schedule A deduction for the part above {floor} of AGI, if "
        "you itemized.",
        situation="Every IRA inherited from the same person was emptied, and everything "
        "received was less than the basis that passed with them",
        years=FLOOR_YEARS,
        **_BELOW_BASIS,
        outcome=v.ITEMIZED_2_PERCENT,
        certainty=v.UNSETTLED,
        headline="Probably yes, for {year}: if you itemized, you could deduct part of the "
        "already-taxed money you inherited and did not get back",
        reason="All the IRAs you inherited from the same person were paid out, and "
        "everything you received came to less than the basis that passed to you. For IRAs "
        "emptied below their basis, the IRS allowed the shortfall as a miscellaneous "
        "itemized deduction above {floor} of adjusted gross income, if you itemized. No "
        "ruling applies that to a beneficiary in so many words: we apply it to the IRAs "
        "inherited from one person as a group of their own, as Form 8606 keeps their basis "
        "apart.",
        instead="Work out the loss as the basis that passed to you (the Form 8606 of the "
        "person who died, less anything already returned tax-free) minus everything "
        "received from those inherited IRAs. The deduction is added back for the "
        "alternative minimum tax. As no authority speaks to a beneficiary directly, ask a "
        "tax professional before relying on it.",
        references=(
            cite(
                "Pub 590-B (2017)",
                "Inherited IRAs; Recognizing Losses on Traditional IRA Investments",
                _INHERITED_TRADITIONAL,
            ),
            cite(
                "Pub 590-B (2017)",
                f"{_ROTH_DEATH}; Recognizing Losses on Investments",
                _INHERITED_ROTH,
            ),
            cite("Form 8606 instructions", "a separate Form 8606 for each person inherited from"),
            cite("Notice 89-25", "Q&A-7"),
            cite("IRC 67", "67(a)"),
            cite("IRC 56", "56(b)(1)(A)(i)"),
        ),
    ),
    rule(
        "inherited-basis-loss-not-allowed",
        result="No federal deduction; the inherited basis still comes out tax-free.",
        situation="Every IRA inherited from the same person was emptied for less than its "
        "basis, while the miscellaneous itemized deduction is not allowed",
        years=NOT_ALLOWED_YEARS,
        **_BELOW_BASIS,
        outcome=v.ITEMIZED_SUSPENDED,
        certainty=v.SETTLED,
        headline="No federal deduction for {year}: this deduction is no longer allowed",
        reason="A beneficiary's shortfall below the basis of an inherited IRA could only ever "
        "be a miscellaneous itemized deduction, and none is allowed for this year under "
        "{misc_law}.",
        instead="The basis you inherited still comes out tax-free: check that the payout's "
        "tax-free part was worked out on a Form 8606 for the inherited IRA. {estate_tax}",
        references=(
            cite("IRC 67", "67(g), (h)"),
            cite("P.L. 115-97", "sec. 11045"),
            cite("P.L. 119-21", "sec. 70110"),
            cite("IRC 691", "691(c)"),
            cite("Form 8606 instructions", "inherited IRAs"),
        ),
    ),
)
