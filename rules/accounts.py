"""The kinds of account a saver can ask about: slugs (a contract, DESIGN.md),
labels and hints, the kinds of money each can hold and the events that can
happen to it, and the family each belongs to (rules name families).

rules.vocabulary re-exports these names, so `v.ACCOUNTS` reads as before.
No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from rules.vocabulary import (
    AFTER_TAX,
    PRE_TAX,
    RETIREMENT_EVENT_TERMS,
    RETIREMENT_EVENTS,
    ROLLED_OVER,
    ROTH,
    TAXABLE_EVENT_TERMS,
    TAXABLE_EVENTS,
    UNSURE,
    Term,
    in_sentence,
)

# What family an account belongs to: rules name families, not lists of slugs.
PLAN = "plan"  # a workplace plan: 401(k), 403(b), governmental 457(b)
IRA = "ira"
HSA_KIND = "hsa"
TAXABLE_KIND = "taxable"


@dataclass(frozen=True)
class Account:
    slug: str
    label: str
    hint: str
    contributions: tuple[str, ...]  # the kinds a saver may choose; empty = not asked
    # The kind every dollar is when there is no choice (None: the question has no
    # meaning, as for a brokerage account). Accounts that ask have none.
    implied_contribution: str | None
    events: tuple[str, ...]
    kind: str = PLAN
    loss_help: str = ""  # how a loss can still help, for the accounts table
    event_terms: tuple[Term, ...] = ()  # wording of an event peculiar to this account

    @property
    def asks_contribution(self) -> bool:
        return bool(self.contributions)

    @property
    def possible_contributions(self) -> tuple[str | None, ...]:
        """Concrete kinds the money in this account can be (no `unsure`)."""
        if self.contributions:
            return tuple(c for c in self.contributions if c != UNSURE)
        return (self.implied_contribution,)

    def event(self, slug: str) -> Term:
        for term in self.event_terms:
            if term.slug == slug:
                return term
        terms = TAXABLE_EVENT_TERMS if self.slug == TAXABLE else RETIREMENT_EVENT_TERMS
        return terms[slug]

    @property
    def in_sentence(self) -> str:
        return in_sentence(self.label)


TAXABLE = "taxable"
_PLAN_KINDS = (PRE_TAX, AFTER_TAX, ROTH, UNSURE)
_PRE_TAX_PLAN_HELP = (
    "Pre-tax money is taxed only when it comes out, so a smaller balance also means less "
    "tax later. Staying invested lets it recover without tax until you withdraw it."
)

ACCOUNTS: dict[str, Account] = {
    a.slug: a
    for a in (
        Account(
            "traditional-401k",
            "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s",
            "A workplace plan. If part of it is Roth, choose this and say so later.",
            _PLAN_KINDS,
            None,
            RETIREMENT_EVENTS,
            loss_help=_PRE_TAX_PLAN_HELP,
        ),
        Account(
            "roth-401k",
            "Roth 401(k) (a designated Roth account)",
            "A workplace plan account holding only Roth money.",
            (),
            ROTH,
            RETIREMENT_EVENTS,
            loss_help="Your contributions come back tax-free in any withdrawal (in proportion "
            "with earnings if it is not qualified); a qualified withdrawal is tax-free in "
            "full, and a direct rollover to a Roth IRA keeps the basis.",
        ),
        Account(
            "403b",
            "403(b)",
            "A workplace plan for schools, hospitals and nonprofits.",
            _PLAN_KINDS,
            None,
            RETIREMENT_EVENTS,
            loss_help=_PRE_TAX_PLAN_HELP,
        ),
        Account(
            "457b",
            "Governmental 457(b)",
            "A plan for state and local government employees. It holds pre-tax and Roth "
            "money only, never other after-tax money.",
            (PRE_TAX, ROTH, UNSURE),
            None,
            RETIREMENT_EVENTS,
            loss_help="Withdrawals carry no 10% early-withdrawal tax (except on money rolled in "
            "from another kind of plan or an IRA), and a smaller pre-tax balance means less "
            "tax when it comes out.",
        ),
        Account(
            "traditional-ira",
            "Traditional IRA, including SEP and SIMPLE IRAs",
            "Answer for all your traditional, SEP and SIMPLE IRAs together: the tax rules "
            "count them as one.",
            (PRE_TAX, AFTER_TAX, UNSURE),
            None,
            RETIREMENT_EVENTS,
            kind=IRA,
            loss_help="Nondeductible contributions stay basis on Form 8606 and come out "
            "tax-free later; pre-tax money is taxed only when withdrawn.",
        ),
        Account(
            "roth-ira",
            "Roth IRA",
            "Answer for all your Roth IRAs together: the tax rules count them as one.",
            (),
            ROTH,
            RETIREMENT_EVENTS,
            kind=IRA,
            loss_help="Contributions come out first and tax-free at any age, so basis is "
            "never taxed twice.",
        ),
        Account(
            "hsa",
            "Health savings account (HSA)",
            "An account paired with a high-deductible health plan.",
            (),
            PRE_TAX,
            RETIREMENT_EVENTS,
            kind=HSA_KIND,
            loss_help="Money spent on qualified medical costs comes out tax-free, whatever "
            "the investments did.",
            event_terms=(
                Term(
                    ROLLED_OVER,
                    "I moved it to another HSA",
                    "A rollover or a direct transfer to another HSA, after the value had fallen.",
                ),
            ),
        ),
        Account(
            TAXABLE,
            "Taxable brokerage account",
            "An ordinary investment account with no tax shelter.",
            (),
            None,
            TAXABLE_EVENTS,
            kind=TAXABLE_KIND,
            loss_help="A realised loss offsets gains without limit, then ordinary income up "
            "to the yearly limit, and the rest carries forward.",
        ),
    )
}


def accounts_of(*kinds: str) -> frozenset[str]:
    """The slugs of every account in these families."""
    return frozenset(slug for slug, acct in ACCOUNTS.items() if acct.kind in kinds)
