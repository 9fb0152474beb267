"""The case table: named cases over every rule, both sides of each year boundary,
every LAW.md worked example, and every account with every event it allows."""

from __future__ import annotations

import pytest

from rules import law
from rules import vocabulary as v
from rules.engine import Answers, determine
from rules.questions import default_contribution
from rules.rulebook import RULES_BY_ID

# (sentence, answers, outcome, rule)
CASES = [
    # --- Inside the account: never a deduction
    (
        "a 401(k) whose pre-tax balance fell in 2026 gives no deduction (LAW.md example)",
        ("traditional-401k", "pre-tax", "value-dropped", 2026),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "switching funds inside a Roth IRA gives no deduction, even before 2018",
        ("roth-ira", "roth", "reallocated", 2010),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "an HSA whose investments fell gives no deduction",
        ("hsa", "pre-tax", "value-dropped", 2020),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    (
        "a 403(b) rolled over at a loss carries the lower balance over",
        ("403b", "after-tax", "rolled-over", 2017),
        "not-deductible",
        "rollover-carries-over",
    ),
    (
        "a Roth 401(k) rolled to a Roth IRA is not a loss",
        ("roth-401k", "roth", "rolled-over", 2024),
        "not-deductible",
        "rollover-carries-over",
    ),
    (
        "a partial withdrawal from a traditional IRA with basis never recognises a loss in 2017",
        ("traditional-ira", "after-tax", "partial-withdrawal", 2017),
        "not-deductible",
        "partial-withdrawal-no-loss",
    ),
    (
        "a partial withdrawal from a 457(b) gives no deduction",
        ("457b", "pre-tax", "partial-withdrawal", 1995),
        "not-deductible",
        "partial-withdrawal-no-loss",
    ),
    # --- Closing at a loss: pre-tax money has no basis
    (
        "emptying a pre-tax 401(k) at a loss in 2017 gives nothing: no basis (LAW.md example)",
        ("traditional-401k", "pre-tax", "closed-at-loss", 2017),
        "not-deductible",
        "pre-tax-no-basis",
    ),
    (
        "emptying deductible IRA money at a loss in 1990 gives nothing",
        ("traditional-ira", "pre-tax", "closed-at-loss", 1990),
        "not-deductible",
        "pre-tax-no-basis",
    ),
    (
        "emptying an HSA at a loss gives nothing (LAW.md example)",
        ("hsa", "pre-tax", "closed-at-loss", 2026),
        "not-deductible",
        "hsa-no-basis",
    ),
    # --- Closing at a loss with basis: the year decides
    (
        "a traditional IRA with nondeductible basis closed at a loss in 2017 was a 2% deduction "
        "(LAW.md example)",
        ("traditional-ira", "after-tax", "closed-at-loss", 2017),
        "itemized-2-percent",
        "ira-basis-loss-2-percent",
    ),
    (
        "the same IRA closed in 2018 falls under the TCJA suspension (LAW.md example)",
        ("traditional-ira", "after-tax", "closed-at-loss", 2018),
        "itemized-suspended",
        "basis-loss-suspended-tcja",
    ),
    (
        "the same IRA closed in 2025, the last TCJA year, is still suspended",
        ("traditional-ira", "after-tax", "closed-at-loss", 2025),
        "itemized-suspended",
        "basis-loss-suspended-tcja",
    ),
    (
        "the same IRA closed in 2026 falls under P.L. 119-21 (LAW.md example)",
        ("traditional-ira", "after-tax", "closed-at-loss", 2026),
        "itemized-suspended",
        "basis-loss-terminated",
    ),
    (
        "a Roth IRA closed below its contributions in 1998, its first year, was a 2% deduction",
        ("roth-ira", "roth", "closed-at-loss", 1998),
        "itemized-2-percent",
        "ira-basis-loss-2-percent",
    ),
    (
        "the 2% deduction reaches back to 1987, the first year of the floor",
        ("traditional-ira", "after-tax", "closed-at-loss", 1987),
        "itemized-2-percent",
        "ira-basis-loss-2-percent",
    ),
    (
        "a 401(k) with after-tax money paid out below contributions in 2017 was a 2% deduction",
        ("traditional-401k", "after-tax", "closed-at-loss", 2017),
        "itemized-2-percent",
        "plan-basis-loss-2-percent",
    ),
    (
        "a Roth 401(k) paid out below contributions in 2018 is suspended",
        ("roth-401k", "roth", "closed-at-loss", 2018),
        "itemized-suspended",
        "basis-loss-suspended-tcja",
    ),
    (
        "a 403(b) Roth payout below contributions in 2026 is ended by P.L. 119-21",
        ("403b", "roth", "closed-at-loss", 2026),
        "itemized-suspended",
        "basis-loss-terminated",
    ),
    (
        "a 457(b) Roth payout below contributions in 2011, its first Roth year, was a 2% deduction",
        ("457b", "roth", "closed-at-loss", 2011),
        "itemized-2-percent",
        "plan-basis-loss-2-percent",
    ),
    # --- Not sure of the kind of money
    (
        "not sure, 401(k) closed at a loss in 2017: it depends on the kind",
        ("traditional-401k", "unsure", "closed-at-loss", 2017),
        "depends",
        "unsure-depends",
    ),
    (
        "not sure, IRA closed at a loss in 2018: no either way, for different reasons",
        ("traditional-ira", "unsure", "closed-at-loss", 2018),
        "not-deductible",
        "unsure-no-either-way",
    ),
    (
        "not sure, 403(b) closed at a loss in 2026: no either way",
        ("403b", "unsure", "closed-at-loss", 2026),
        "not-deductible",
        "unsure-no-either-way",
    ),
    (
        "not sure, 401(k) whose value fell: every kind shares one answer",
        ("traditional-401k", "unsure", "value-dropped", 2017),
        "not-deductible",
        "sheltered-no-realisation",
    ),
    # --- Taxable accounts
    (
        "a taxable investment that fell but was not sold gives nothing yet",
        ("taxable", None, "value-dropped", 2026),
        "not-deductible",
        "taxable-unrealised",
    ),
    (
        "a taxable sale at a loss is a capital loss (LAW.md example)",
        ("taxable", None, "sold-at-loss", 2026),
        "capital-loss",
        "capital-loss-sale",
    ),
    (
        "a taxable sale at a loss in 1987 was a capital loss too",
        ("taxable", None, "sold-at-loss", 1987),
        "capital-loss",
        "capital-loss-sale",
    ),
    (
        "a worthless security is a capital loss",
        ("taxable", None, "worthless", 2017),
        "capital-loss",
        "worthless-security",
    ),
    (
        "a wash sale defers the loss into the replacement",
        ("taxable", None, "wash-sale", 2018),
        "wash-sale-deferred",
        "wash-sale-deferred",
    ),
    (
        "a wash sale through an IRA loses it for good (LAW.md example)",
        ("taxable", None, "wash-sale-ira", 2026),
        "wash-sale-disallowed",
        "wash-sale-into-ira",
    ),
]


@pytest.mark.parametrize(
    ("answers", "outcome", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_case_table(answers, outcome, rule):
    d = determine(Answers(*answers))
    assert (d.outcome, d.rule) == (outcome, rule)
    assert d.deductible == v.OUTCOMES[outcome].deductible


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
    "hsa": ("not-deductible", "not-deductible"),
}
_TAXABLE = {
    "value-dropped": ("not-deductible", "not-deductible"),
    "sold-at-loss": ("capital-loss", "capital-loss"),
    "wash-sale": ("wash-sale-deferred", "wash-sale-deferred"),
    "wash-sale-ira": ("wash-sale-disallowed", "wash-sale-disallowed"),
    "worthless": ("capital-loss", "capital-loss"),
}
_EXPECTED = {
    **{(a, e): o for a in _CLOSED_AT_LOSS for e, o in _EVERY_EVENT.items()},
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
    decided = tuple(
        determine(Answers(account, default_contribution(account), event, year)).outcome
        for year in (2017, 2026)
    )
    assert decided == outcomes


def test_depends_lists_a_branch_per_kind_with_its_own_answer():
    d = determine(Answers("traditional-401k", "unsure", "closed-at-loss", 2017))
    assert [(b.contribution, b.outcome) for b in d.branches] == [
        ("pre-tax", "not-deductible"),
        ("after-tax", "itemized-2-percent"),
        ("roth", "itemized-2-percent"),
    ]
    assert d.deductible is None


def test_not_sure_before_roth_existed_only_weighs_the_kinds_of_that_year():
    d = determine(Answers("traditional-401k", "unsure", "closed-at-loss", 2005))
    assert [b.contribution for b in d.branches] == ["pre-tax", "after-tax"]


def test_no_either_way_names_each_reason():
    d = determine(Answers("traditional-ira", "unsure", "closed-at-loss", 2026))
    assert {b.rule for b in d.branches} == {"pre-tax-no-basis", "basis-loss-terminated"}


def test_the_law_applied_is_named_for_year_dependent_answers():
    periods = ((2017, law.ALLOWED_ABOVE_FLOOR), (2018, law.SUSPENDED), (2026, law.TERMINATED))
    for year, value in periods:
        d = determine(Answers("roth-ira", "roth", "closed-at-loss", year))
        assert d.misc_law.value == value
    assert determine(Answers("taxable", None, "sold-at-loss", 2026)).misc_law is None


def test_capital_loss_headline_quotes_the_dated_limit():
    d = determine(Answers("taxable", None, "sold-at-loss", 2026))
    assert "$3,000" in d.headline and "$1,500" in d.reason
