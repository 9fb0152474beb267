"""Rules that combine the answers for each reading when the saver is not sure (of
the kind of money, of what was received, or of what was sold)."""

from __future__ import annotations

from rules.law import vocabulary as v
from rules.law.parameters import cite
from rules.law.rulebook.rule import ALL_YEARS, rule

_ANY = dict(years=ALL_YEARS, accounts=set(v.ACCOUNTS), events=set(v.EVENTS), certainty=v.SETTLED)
_FIND_OUT = (
    "Find out which applies to you: the plan's statement or your pay stub shows pre-tax, "
    "after-tax and Roth amounts; Form 8606 shows IRA basis; Form 1099-R shows what was "
    "paid out; the broker's statement shows what you sold."
)

UNSURE_DEPENDS = rule(
    "unsure-depends",
    result="Depends on what you are not sure of.",
    situation="Not sure, and the possible answers differ in whether there is a deduction",
    **_ANY,
    contributions=None,
    outcome=v.DEPENDS,
    headline="It depends on which of these applies to you",
    reason="Some of the answers you might mean give a deduction and some don't. Each is "
    "listed with its own answer.",
    instead=_FIND_OUT,
    references=(cite("Pub 575", "Cost (Investment in the Contract)"), cite("Pub 550")),
)
UNSURE_YES_EITHER_WAY = rule(
    "unsure-yes-either-way",
    result="A deduction either way, of different kinds.",
    situation="Not sure, and every possible answer gives a deduction, in different ways",
    **_ANY,
    contributions=None,
    outcome=v.DEPENDS,
    headline="Yes, whichever applies, but the kind of deduction differs",
    reason="Every answer you might mean gives a deduction, but of different kinds with "
    "different limits. Each is listed with its own answer.",
    instead=_FIND_OUT,
    references=(cite("IRC 1244"), cite("IRC 1211", "1211(b)")),
)
UNSURE_NO_EITHER_WAY = rule(
    "unsure-no-either-way",
    result="No deduction, whichever applies.",
    situation="Not sure, and no possible answer gives a deduction",
    **_ANY,
    contributions=None,
    outcome=v.NOT_DEDUCTIBLE,
    headline="No, whichever of these applies",
    reason="None of the answers you might mean gives a deduction here, though the reason "
    "differs. Each is listed with its own answer.",
    instead="Knowing which applies still matters for tax later: after-tax and Roth money "
    "comes out tax-free.",
    references=(cite("Pub 575", "Cost (Investment in the Contract)"), cite("Pub 590-B")),
)
RULES = (UNSURE_DEPENDS, UNSURE_YES_EITHER_WAY, UNSURE_NO_EITHER_WAY)
