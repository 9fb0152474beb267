"""Rules for investments in a taxable brokerage account."""

from __future__ import annotations

from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.parameters import cite
from rules.law.rulebook.rule import (
    ALL_YEARS,
    FLOOR_YEARS,
    NOT_ALLOWED_YEARS,
    STOCK,
    Rule,
    law_years,
    rule,
)

_TAXABLE = dict(accounts={v.TAXABLE}, contributions={None})
_CAPITAL_LOSS_REASON = (
    "A realized loss first offsets capital gains without limit. A net loss then reduces "
    "other income by up to {limit} a year ({limit_separate} if married filing "
    "separately), and the rest carries forward to later years for the rest of your life."
)
_SECTION_1244_REASON = (
    "A loss on stock a small business corporation issued to you is an ordinary loss, up "
    "to {s1244_limit} a year ({s1244_limit_joint} on a joint return), so it is not held "
    "to the capital-loss limit. Any loss above that is a capital loss."
)
_SECTION_1244_INSTEAD = (
    "Check the stock qualifies: issued to you for money or property by a US corporation "
    "whose paid-in capital was modest when it issued it, and mostly earning income from "
    "a business. Report the ordinary part on Form 4797 and keep the company's records."
)
# The years the wash-sale rule does not reach cryptocurrency (every year, so far).
_CRYPTO_OUTSIDE_WASH_SALES = law_years(law.WASH_SALE_COVERS_CRYPTO, False)

RULES: tuple[Rule, ...] = (
    rule(
        "taxable-unrealised",
        result="Nothing yet; the loss counts when you sell.",
        situation="An investment in a taxable account fell in value but was not sold",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.VALUE_DROPPED},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="Not yet: a fall in value counts only when you sell",
        reason="A loss is realized by a sale, an exchange, or a security becoming "
        "worthless. Until then a lower price has no effect on your tax.",
        instead="If you sell, the loss offsets gains and then up to {limit} of other income "
        "a year. Don't buy the same investment in the {wash_days} days before or after "
        "the sale, or the loss is put off.",
        references=(cite("Topic 409"), cite("Pub 550")),
    ),
    rule(
        "capital-loss-sale",
        result="Offsets gains, then up to {limit} of other income; the rest carries forward.",
        situation="An investment in a taxable account was sold at a loss",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.SOLD_AT_LOSS},
        assets={v.SECURITIES, v.CRYPTO},
        outcome=v.CAPITAL_LOSS,
        certainty=v.SETTLED,
        headline="Yes: you can deduct it as a capital loss, against your gains and up to "
        "{limit} a year of other income",
        past_headline="Yes, for {year}: it was deductible as a capital loss, against your "
        "gains and up to {limit} of other income that year",
        reason=_CAPITAL_LOSS_REASON,
        instead="Report the sale on {sale_forms}, and keep the carryover worksheet for next "
        "year.",
        references=(
            cite("IRC 1211", "1211(b)"),
            cite("IRC 1212", "1212(b)"),
            cite("Topic 409"),
            # Q29 (LAW-FINDINGS-3 part 7): a carryover counts each year's allowed deduction
            # as used, claimed or not (1212(b)(2)(A)); the worksheet works from taxable income.
            cite("Schedule D instructions"),
        ),
    ),
    rule(
        "related-party-sale",
        result="No loss for you; the buyer can use it against a later gain.",
        situation="An investment was sold at a loss to a close relative or a controlled "
        "company",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.SOLD_TO_RELATIVE},
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: a loss on a sale to close family or your own company isn't deductible",
        reason="The tax code disallows a loss on a sale to a brother or sister, a parent or "
        "grandparent, a child or grandchild, or a company you own more than half of. The "
        "loss isn't wasted: if the buyer later sells at a gain, the gain is reduced by it.",
        instead="A sale to your spouse is different again: there is no loss, and your spouse "
        "keeps your original cost. A sale at a fair price to anyone else (a nephew, an "
        "in-law, a friend) gives an ordinary capital loss.",
        references=(
            cite("IRC 267", "267(a)(1), (b), (c)(4), (d)"),
            cite("IRC 1041"),
            cite("Pub 550", "Related Party Transactions"),
        ),
    ),
    rule(
        "section-1244-sale",
        result="An ordinary loss up to the yearly limit; the rest is a capital loss.",
        situation="Small-business (Section 1244) stock was sold at a loss",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.SOLD_AT_LOSS},
        assets={v.SMALL_BUSINESS_STOCK},
        outcome=v.ORDINARY_LOSS,
        certainty=v.SETTLED,
        headline="Yes: up to {s1244_limit} a year ({s1244_limit_joint} on a joint return) "
        "comes off your other income in full",
        past_headline="Yes, for {year}: up to {s1244_limit} ({s1244_limit_joint} on a joint "
        "return) came off your other income in full",
        reason=_SECTION_1244_REASON,
        instead=_SECTION_1244_INSTEAD,
        references=(cite("IRC 1244", "1244(a), (b), (c), (d)(3)"), cite("Pub 550")),
    ),
    rule(
        "section-1244-worthless",
        result="An ordinary loss up to the yearly limit, in the year it became worthless.",
        situation="Small-business (Section 1244) stock became worthless",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.WORTHLESS},
        assets={v.SMALL_BUSINESS_STOCK},
        outcome=v.ORDINARY_LOSS,
        certainty=v.SETTLED,
        long_claim=True,
        headline="Yes: up to {s1244_limit} ({s1244_limit_joint} on a joint return) comes off "
        "your other income in full, for the year it became worthless",
        past_headline="Yes, for {year}: up to {s1244_limit} ({s1244_limit_joint} on a joint "
        "return) came off your other income in full, if it became worthless that year",
        reason=_SECTION_1244_REASON,
        instead=_SECTION_1244_INSTEAD,
        references=(
            cite("IRC 1244", "1244(a), (b), (d)(3)"),
            cite("IRC 165", "165(g)"),
            cite("IRC 6511", "6511(d)(1)"),
        ),
    ),
    rule(
        "worthless-security",
        result="A capital loss in the year it became worthless.",
        situation="A security in a taxable account became worthless",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.WORTHLESS},
        assets={v.SECURITIES},
        outcome=v.CAPITAL_LOSS,
        certainty=v.SETTLED,
        long_claim=True,
        headline="Yes: you can deduct it as a capital loss, for the year it became worthless",
        past_headline="Yes, for {year}: it was deductible as a capital loss, if it became "
        "worthless that year",
        reason="A security that becomes completely worthless is treated as sold on the last "
        "day of that tax year, so it counts as a capital loss within the {limit} yearly "
        "limit on other income.",
        instead="Claim it for the year it became worthless, not the year you noticed. If you "
        "find out later, you have {worthless_claim_years} years from that year's filing "
        "deadline to amend. Giving up a security for nothing counts the same way.",
        references=(
            cite("IRC 165", "165(g)"),
            cite("IRC 6511", "6511(d)(1)"),
            cite("Pub 550", "Worthless Securities"),
        ),
    ),
    rule(
        "worthless-crypto-2-percent",
        result="In the IRS's view, a miscellaneous itemized deduction above {floor} of AGI.",
        situation="Cryptocurrency became worthless or was abandoned, while the miscellaneous "
        "itemized deduction was allowed",
        years=FLOOR_YEARS,
        **_TAXABLE,
        events={v.WORTHLESS},
        assets={v.CRYPTO},
        outcome=v.ITEMIZED_2_PERCENT,
        certainty=v.IRS_POSITION,
        turns_on_misc_law=True,
        headline="Yes, for {year}, in the IRS's view: if you itemized, you could deduct part "
        "of the loss",
        # CCA 202302011 is the IRS's view of worthless or abandoned crypto; Notice 2014-21
        # says only that virtual currency is property.
        reason="In the IRS's view, a loss on crypto that was abandoned or became worthless "
        "falls outside the rule for worthless securities: it is a miscellaneous itemized "
        "deduction, allowed above {floor} of adjusted gross income if you itemized.",
        instead="If it could still be sold for anything, selling it gave a capital loss "
        "instead, which is usually worth more.",
        references=(
            cite("CCA 202302011"),
            cite("Notice 2014-21"),
            cite("IRC 165", "165(c)(2)"),
            cite("IRC 67", "67(a)"),
        ),
    ),
    rule(
        "worthless-crypto-not-allowed",
        result="In the IRS's view, no federal deduction unless it is sold.",
        situation="Cryptocurrency became worthless or was abandoned, while the "
        "miscellaneous itemized deduction is not allowed",
        years=NOT_ALLOWED_YEARS,
        **_TAXABLE,
        events={v.WORTHLESS},
        assets={v.CRYPTO},
        outcome=v.ITEMIZED_SUSPENDED,
        certainty=v.IRS_POSITION,
        turns_on_misc_law=True,
        headline="No federal deduction for {year}, in the IRS's view, unless you sell it",
        reason="In the IRS's view, a loss on crypto that was abandoned or became worthless "
        "falls outside the rule for worthless securities: it is a miscellaneous itemized "
        "deduction, and {misc_law} allows none for this year.",
        instead="If it can still be sold for anything, even a tiny amount, selling it gives a "
        "capital loss that offsets gains and up to {limit} of other income a year.",
        references=(
            cite("CCA 202302011"),
            cite("Notice 2014-21"),
            cite("IRC 165", "165(c)(2)"),
            cite("IRC 67", "67(g), (h)"),
        ),
    ),
    rule(
        "wash-sale-deferred",
        result="Not deductible now; added to the replacement's basis.",
        situation="Sold at a loss and the same stock or security bought back within the "
        "wash-sale window",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.WASH_SALE},
        assets=STOCK,
        outcome=v.WASH_SALE_DEFERRED,
        certainty=v.SETTLED,
        headline="Not now: because you bought it back within {wash_days} days, the loss "
        "waits until you sell the new shares",
        reason="Buying a substantially identical security within {wash_days} days before or "
        "after the sale (including a purchase by your spouse) disallows the loss for now. "
        "It's added to the basis of the new shares and counts when you sell them. If you "
        "bought back fewer shares, only that part of the loss waits.",
        instead="Keep the adjusted basis of the new shares; their holding period includes "
        "the old ones'. Next time, wait more than {wash_days} days or buy something that "
        "isn't substantially identical.",
        references=(cite("IRC 1091", "1091(a), (d)"), cite("Pub 550", "Wash Sales")),
    ),
    rule(
        "wash-sale-into-ira",
        result="In the IRS's view, the loss is gone for good; the IRA's basis does not rise.",
        situation="Sold at a loss in a taxable account and bought back inside an IRA within "
        "the wash-sale window",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.WASH_SALE_IRA},
        assets=STOCK,
        outcome=v.WASH_SALE_DISALLOWED,
        certainty=v.IRS_POSITION,
        headline="No, in the IRS's view: buying it back in an IRA loses the deduction for good",
        reason="Under an IRS ruling, a replacement bought in your IRA or Roth IRA within "
        "{wash_days} days makes the sale a wash sale, and because the IRA's basis doesn't "
        "rise, the loss is never recovered. If fewer shares were bought back than were "
        "sold, only that part of the loss is lost. The ruling doesn't speak to purchases in your "
        "spouse's IRA, a 401(k), a 403(b) or an HSA, which remain uncertain.",
        instead="Next time, buy the replacement in the taxable account after the {wash_days}"
        "-day window, or choose an investment that isn't substantially identical.",
        references=(
            cite("RR 2008-5"),
            cite("IRC 1091", "1091(a)"),
            cite("Treas. Reg. 1.1091-1", "1.1091-1(c)"),
        ),
    ),
    rule(
        "wash-sale-other-account",
        result="Not settled: the loss may be lost for good, as with your own IRA.",
        situation="Sold at a loss in a taxable account and bought back within the wash-sale "
        "window in a spouse's IRA, a workplace plan or an HSA",
        years=ALL_YEARS,
        **_TAXABLE,
        events={v.WASH_SALE_ELSEWHERE},
        assets=STOCK,
        outcome=v.WASH_SALE_DISALLOWED,
        # Rev. Rul. 2008-5 covers the seller's own IRA only; no ruling or case speaks to
        # these accounts (LAW-FINDINGS-3 Q13, Q15).
        certainty=v.UNSETTLED,
        headline="Probably not, though it isn't settled: a buy-back there may lose the "
        "deduction for good",
        reason="An IRS ruling treats a replacement bought in your own IRA or Roth IRA within "
        "{wash_days} days as a wash sale whose loss is never recovered. No ruling or court "
        "decision speaks to a purchase in your spouse's IRA, a 401(k), a 403(b) or an HSA. "
        "The IRS counts a purchase by your spouse in a taxable account, and it could read "
        "these the same way; this answer takes that cautious reading. If fewer shares were "
        "bought back than were sold, only that part of the loss is at stake.",
        instead="Next time, keep purchases of the same investment in every account, yours "
        "and your spouse's, more than {wash_days} days away from a sale at a loss, or buy "
        "something that isn't substantially identical.",
        references=(cite("RR 2008-5"), cite("IRC 1091", "1091(a)"), cite("Pub 550", "Wash Sales")),
    ),
    rule(
        "crypto-no-wash-sale",
        result="A capital loss: the wash-sale rule does not reach it.",
        situation="Cryptocurrency sold at a loss and bought back within the wash-sale window",
        years=_CRYPTO_OUTSIDE_WASH_SALES,
        **_TAXABLE,
        events={v.WASH_SALE, v.WASH_SALE_IRA, v.WASH_SALE_ELSEWHERE},
        assets={v.CRYPTO},
        outcome=v.CAPITAL_LOSS,
        # 1091(a) names "stock or securities"; Notice 2014-21 treats virtual currency as
        # property and says nothing of 1091. No guidance says whether 1091 reaches it.
        certainty=v.UNSETTLED,
        headline="Probably yes, though it isn't settled: buying cryptocurrency back soon "
        "after most likely doesn't block the deduction, so you can deduct it as a capital "
        "loss",
        past_headline="Probably yes, for {year}, though it isn't settled: buying cryptocurrency "
        "back soon after most likely didn't block the deduction, so it was deductible as a "
        "capital loss",
        reason="The wash-sale rule names only stock or securities. The IRS treats "
        "cryptocurrency as property, and no law, regulation or IRS guidance says whether the "
        "rule reaches it; as the law reads now, it most likely does not. Then buying it back "
        "within {wash_days} days doesn't put off the loss: it offsets gains and then up to "
        "{limit} of other income a year.",
        instead="Report the sale on {sale_forms}. Congress has considered extending the "
        "wash-sale rule to digital assets; this answer would change if it did.",
        references=(
            cite("IRC 1091", "1091(a)"),
            cite("Notice 2014-21"),
            cite("IRC 1211", "1211(b)"),
        ),
    ),
)
