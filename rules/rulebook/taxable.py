"""Rules for investments in a taxable brokerage account."""

from __future__ import annotations

from rules import vocabulary as v
from rules.law import cite
from rules.rulebook.rule import (
    ALL_YEARS,
    Rule,
    rule,
)

RULES: tuple[Rule, ...] = (
    rule(
        "taxable-unrealised",
        result="Nothing yet; the loss counts when you sell.",
        situation="An investment in a taxable account fell in value but was not sold",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.VALUE_DROPPED},
        contributions={None},
        outcome=v.NOT_DEDUCTIBLE,
        headline="Not yet: a fall in value counts only when you sell",
        reason="A loss is realised by a sale, an exchange, or the security becoming "
        "worthless. Until then a lower price has no effect on your tax.",
        instead="If you sell, the loss offsets gains and then up to {limit} of other income "
        "a year. Wait more than {wash_days} days before buying the same investment back.",
        references=(cite("Topic 409"), cite("Pub 550")),
    ),
    rule(
        "capital-loss-sale",
        result="Offsets gains, then up to {limit} of other income; the rest carries forward.",
        situation="An investment in a taxable account was sold at a loss",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.SOLD_AT_LOSS},
        contributions={None},
        outcome=v.CAPITAL_LOSS,
        headline="Yes: a capital loss, against gains and then up to {limit} of other income",
        reason="A realised loss first offsets capital gains without limit. A net loss then "
        "reduces other income by up to {limit} a year ({limit_separate} if married filing "
        "separately), and the rest carries forward with no expiry.",
        instead="Report the sale on Form 8949 and Schedule D, and keep the carryover "
        "worksheet for next year.",
        references=(
            cite("IRC 1211", "1211(b)"),
            cite("IRC 1212", "1212(b)"),
            cite("Topic 409"),
        ),
    ),
    rule(
        "worthless-security",
        result="A capital loss in the year it became worthless.",
        situation="A security in a taxable account became worthless",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.WORTHLESS},
        contributions={None},
        outcome=v.CAPITAL_LOSS,
        headline="Yes: a worthless security is a capital loss, as if sold on the last day "
        "of the year",
        reason="A security that becomes worthless is treated as sold on the last day of the "
        "tax year it became worthless, so the loss counts like any other capital loss, "
        "within the {limit} yearly limit against other income.",
        instead="Claim it for the year it became worthless, not when you noticed; keep "
        "evidence such as a bankruptcy notice.",
        references=(cite("IRC 165", "165(g)"), cite("IRC 1211", "1211(b)"), cite("Pub 550")),
    ),
    rule(
        "wash-sale-deferred",
        result="Loss added to the replacement's basis; counts when that is sold.",
        situation="Sold at a loss and bought back within the wash-sale window in a taxable account",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.WASH_SALE},
        contributions={None},
        outcome=v.WASH_SALE_DEFERRED,
        headline="Not now: a wash sale moves the loss into the new shares",
        reason="Buying the same or a substantially identical investment within {wash_days} "
        "days before or after the sale (including a purchase by your spouse) disallows the "
        "loss for now. It is added to the basis of the replacement and counts when that is "
        "sold.",
        instead="Keep the adjusted basis of the replacement shares. Next time, wait more "
        "than {wash_days} days or buy something that is not substantially identical.",
        references=(cite("IRC 1091", "1091(a), (d)"), cite("Pub 550", "Wash Sales")),
    ),
    rule(
        "wash-sale-into-ira",
        result="Loss gone for good; the IRA's basis does not rise.",
        situation="Sold at a loss in a taxable account and bought back inside an IRA within "
        "the wash-sale window",
        years=ALL_YEARS,
        accounts={v.TAXABLE},
        events={v.WASH_SALE_IRA},
        contributions={None},
        outcome=v.WASH_SALE_DISALLOWED,
        headline="No: a wash sale through an IRA loses the deduction for good",
        reason="A replacement bought inside an IRA or Roth IRA within {wash_days} days makes "
        "it a wash sale, and because the IRA's basis is not increased, the loss is never "
        "recovered.",
        instead="Next time, buy the replacement in the taxable account after the {wash_days}"
        "-day window, or choose an investment that is not substantially identical.",
        references=(cite("RR 2008-5"), cite("IRC 1091", "1091(a)")),
    ),
)
