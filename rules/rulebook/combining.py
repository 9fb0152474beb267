"""Rules that combine the answers for each kind of money when the saver is not sure."""

from __future__ import annotations

from rules import vocabulary as v
from rules.law import cite
from rules.rulebook.rule import (
    ALL_YEARS,
    SHELTERED,
    rule,
)

UNSURE_DEPENDS = rule(
    "unsure-depends",
    result="Depends on the kind of money.",
    situation="Not sure of the kind of money, and the kinds give different answers",
    years=ALL_YEARS,
    accounts=SHELTERED,
    events=set(v.RETIREMENT_EVENTS),
    contributions={v.UNSURE},
    outcome=v.DEPENDS,
    headline="It depends on what kind of money was in the account",
    reason="Some kinds of money in this account would give a deduction and some would not. "
    "Each is listed below with its answer.",
    instead="Find out which kind you have: the plan's statement or your pay stub shows "
    "pre-tax, after-tax and Roth amounts, and Form 8606 shows nondeductible IRA basis.",
    references=(cite("Pub 575", "Cost (Investment in the Contract)"), cite("Pub 590-B")),
)
UNSURE_NO_EITHER_WAY = rule(
    "unsure-no-either-way",
    result="No deduction for any kind of money.",
    situation="Not sure of the kind of money, and no kind gives a deduction",
    years=ALL_YEARS,
    accounts=SHELTERED,
    events=set(v.RETIREMENT_EVENTS),
    contributions={v.UNSURE},
    outcome=v.NOT_DEDUCTIBLE,
    headline="No, whatever kind of money was in the account",
    reason="No kind of money in this account gives a deduction here, though the reason "
    "differs by kind. Each is listed below.",
    instead="Knowing which kind you have still matters for tax later: after-tax and Roth "
    "basis comes out tax-free.",
    references=(cite("Pub 575", "Cost (Investment in the Contract)"), cite("Pub 590-B")),
)
RULES = (UNSURE_DEPENDS, UNSURE_NO_EITHER_WAY)
