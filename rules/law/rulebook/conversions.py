"""Rules for a Roth conversion: pre-tax money moved into a Roth IRA (from a traditional
IRA from 1998, from a workplace plan from 2008) or into a Roth account in the same
plan. The conversion is income; a fall afterwards is a loss inside a Roth account.
Whether it could be undone depends on the year (rules.law.account_parameters.RECHARACTERIZATION).
"""

from __future__ import annotations

from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.parameters import cite
from rules.law.rulebook.rule import Rule, law_years, rule

# Accounts a conversion can come from: those whose events include it.
CONVERTIBLE = frozenset(slug for slug, acct in v.ACCOUNTS.items() if v.CONVERTED in acct.events)
_CONVERSION = dict(accounts=CONVERTIBLE, events={v.CONVERTED}, contributions=None)
_TAXED = (
    "A conversion is taxed as income on the pre-tax value moved, on the day it moves. If "
    "the investments fall afterwards, that is a loss inside a Roth account, not deductible "
    "while the money stays in, and the tax on the conversion stays"
)
_FIVE_YEARS = (
    "{five_year_tax}. Converting while prices are "
    "down moves more shares into the Roth account for the same tax: whether that suits you "
    "depends on your tax rate now and later."
)

RULES: tuple[Rule, ...] = (
    rule(
        "conversion-recharacterizable",
        result="The converted value is income; the conversion could be undone in time.",
        situation="Converted to Roth, in a year when a conversion could still be undone",
        years=law_years(law.RECHARACTERIZATION, True),
        **_CONVERSION,
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: a fall after a Roth conversion is not deductible, but a conversion made "
        "in {year} could have been undone",
        reason=_TAXED + ". A conversion made in {year} {recharacterize}; once undone, it "
        "counted as never made, and its tax went with it. A conversion inside a workplace "
        "plan could not be undone.{conversion_limit}",
        instead="If the time to undo it has passed, the tax on the conversion stands. "
        + _FIVE_YEARS,
        references=(
            cite("IRC 408A", "408A(d)(3), (d)(6)"),
            cite("Treas. Reg. 1.408A-5", "recharacterizing a conversion"),
            cite("Treas. Reg. 1.408A-4", "converting amounts to a Roth IRA"),
            cite("Notice 2008-30", "workplace plans converted into Roth IRAs"),
            cite("Notice 2010-84", "Roth rollovers inside a plan"),
            cite("IRC 408A", "408A(d)(3)(F)"),
            cite("IRC 72(t)", "72(t)(9)", frozenset({"457b"})),
        ),
    ),
    rule(
        "conversion-final",
        result="The converted value is income, and the conversion cannot be undone.",
        situation="Converted to Roth, since a conversion can no longer be undone",
        years=law_years(law.RECHARACTERIZATION, False),
        **_CONVERSION,
        outcome=v.NOT_DEDUCTIBLE,
        certainty=v.SETTLED,
        headline="No: a fall after a Roth conversion is not deductible, and the conversion "
        "cannot be undone",
        reason=_TAXED + ". A conversion made in {year} {recharacterize}.",
        instead=_FIVE_YEARS + " Basis in your traditional IRAs makes part of a conversion "
        "tax-free, worked out over all of them together on Form 8606.",
        references=(
            cite("IRC 408A", "408A(d)(3)"),
            cite("IRC 408A", "408A(d)(6)(B)(iii)"),
            cite("P.L. 115-97", "sec. 13611"),
            cite("IRC 408A", "408A(d)(3)(F)"),
            cite("IRC 402A", "402A(c)(4)"),
            cite("Pub 590-A", "Can You Move Retirement Plan Assets?"),
            cite("IRC 72(t)", "72(t)(9)", frozenset({"457b"})),
        ),
    ),
)
