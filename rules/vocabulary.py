"""The public vocabulary: accounts, events, kinds of money, what was received,
kinds of asset, outcomes and certainty (version 2 of the contract, DESIGN.md).

Slugs are a contract (URLs, JSON, tests). Labels and hints are what a saver
reads. No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

# Outcomes and certainty live beside this module; they are part of the same vocabulary.
from rules.verdicts import (  # noqa: F401
    CAPITAL_LOSS,
    CERTAINTIES,
    DEPENDS,
    IRS_POSITION,
    ITEMIZED_2_PERCENT,
    ITEMIZED_SUSPENDED,
    NOT_DEDUCTIBLE,
    ORDINARY_LOSS,
    OUTCOMES,
    SETTLED,
    UNSETTLED,
    WASH_SALE_DEFERRED,
    WASH_SALE_DISALLOWED,
    Certainty,
    Outcome,
)


def in_sentence(label: str) -> str:
    """A label inside a sentence: "taxable brokerage account", but "Roth IRA"."""
    if label.startswith("Roth"):
        return label
    return label[0].lower() + label[1:]


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    hint: str = ""


# --- Contribution kinds

PRE_TAX = "pre-tax"
AFTER_TAX = "after-tax"
ROTH = "roth"
UNSURE = "unsure"

CONTRIBUTIONS: dict[str, Term] = {
    t.slug: t
    for t in (
        Term(
            PRE_TAX,
            "Pre-tax money",
            "Taken from pay before income tax, employer money, or an IRA contribution "
            "you deducted.",
        ),
        Term(
            AFTER_TAX,
            "After-tax money (not Roth)",
            "Already taxed when it went in, and not labeled Roth: for an IRA, a "
            "nondeductible contribution you reported on Form 8606.",
        ),
        Term(ROTH, "Roth money", "Already taxed when it went in, in a Roth account."),
        Term(
            UNSURE,
            "Not sure",
            "Your pay stub, the plan's year-end statement or, for an IRA, Form 8606 "
            "from your tax return says which kind you have. We will check every kind.",
        ),
    )
}

# --- Events

VALUE_DROPPED = "value-dropped"
REALLOCATED = "reallocated"
ROLLED_OVER = "rolled-over"
PARTIAL_WITHDRAWAL = "partial-withdrawal"
CLOSED_AT_LOSS = "closed-at-loss"
SOLD_AT_LOSS = "sold-at-loss"
SOLD_TO_RELATIVE = "sold-to-relative"
WASH_SALE = "wash-sale"
WASH_SALE_IRA = "wash-sale-ira"
WORTHLESS = "worthless"

RETIREMENT_EVENTS = (VALUE_DROPPED, REALLOCATED, ROLLED_OVER, PARTIAL_WITHDRAWAL, CLOSED_AT_LOSS)
TAXABLE_EVENTS = (
    VALUE_DROPPED,
    SOLD_AT_LOSS,
    SOLD_TO_RELATIVE,
    WASH_SALE,
    WASH_SALE_IRA,
    WORTHLESS,
)

EVENTS = RETIREMENT_EVENTS + tuple(e for e in TAXABLE_EVENTS if e not in RETIREMENT_EVENTS)

# Labels are worded per kind of account: the same slug reads differently for
# a brokerage account than for a plan.
_RETIREMENT_EVENT_TERMS = {
    VALUE_DROPPED: Term(
        VALUE_DROPPED,
        "The balance fell, and the money is still in the account",
        "You have not taken anything out.",
    ),
    REALLOCATED: Term(
        REALLOCATED,
        "I sold or switched investments inside the account",
        "For example, moved from a stock fund to a bond fund within the same account.",
    ),
    ROLLED_OVER: Term(
        ROLLED_OVER,
        "I moved it to another plan or IRA",
        "A rollover or a direct transfer to an account of the same tax kind, after the "
        "value had fallen. Moving pre-tax money to a Roth account is a conversion, which "
        "is taxed.",
    ),
    PARTIAL_WITHDRAWAL: Term(
        PARTIAL_WITHDRAWAL,
        "I took some money out, and some is still in",
        "A withdrawal or distribution that did not empty the account.",
    ),
    CLOSED_AT_LOSS: Term(
        CLOSED_AT_LOSS,
        "I took everything out and got back less than I put in",
        "For a workplace plan: your whole balance in that plan, paid out in cash. For "
        "IRAs: all your accounts of the kind, counted together, are now empty.",
    ),
}

_TAXABLE_EVENT_TERMS = {
    VALUE_DROPPED: Term(
        VALUE_DROPPED,
        "The investment fell in value, and I still hold it",
        "You have not sold it.",
    ),
    SOLD_AT_LOSS: Term(
        SOLD_AT_LOSS,
        "I sold it for less than I paid",
        "To a buyer who is not family, and I did not buy the same investment back within "
        "30 days either side of the sale.",
    ),
    SOLD_TO_RELATIVE: Term(
        SOLD_TO_RELATIVE,
        "I sold it at a loss to a relative or to a company I control",
        "A brother or sister, a parent or grandparent, a child or grandchild, or a "
        "company you own more than half of.",
    ),
    WASH_SALE: Term(
        WASH_SALE,
        "I sold at a loss and bought the same investment back within 30 days",
        "Before or after the sale, in a taxable account, by you or your spouse. "
        "Dividends reinvested automatically count as buying.",
    ),
    WASH_SALE_IRA: Term(
        WASH_SALE_IRA,
        "I sold at a loss and bought it back inside an IRA within 30 days",
        "The replacement was bought in your or your spouse's traditional or Roth IRA, "
        "within 30 days before or after the sale.",
    ),
    WORTHLESS: Term(
        WORTHLESS,
        "The investment became worthless",
        "For example, the company went bankrupt and its shares have no value.",
    ),
}

# --- What was received, against the basis (the whole-account test)

BELOW_BASIS = "below-basis"
COVERS_BASIS = "covers-basis"

RECEIVED: dict[str, Term] = {
    t.slug: t
    for t in (
        Term(
            BELOW_BASIS,
            "Less than my after-tax or Roth money",
            "Everything you got back, pre-tax money and earnings included, added up to "
            "less than the after-tax or Roth money you had put in and not yet taken out.",
        ),
        Term(
            COVERS_BASIS,
            "At least as much as my after-tax or Roth money",
            "The total was as much as, or more than, your after-tax or Roth money, even if "
            "it was less than everything you put in.",
        ),
        Term(
            UNSURE,
            "Not sure",
            "Form 8606 (for IRAs) or the plan's statement shows your after-tax or Roth "
            "money; Form 1099-R shows what was paid out. We will check both answers.",
        ),
    )
}

# --- Kinds of asset sold (taxable accounts)

SECURITIES = "securities"
CRYPTO = "crypto"
SMALL_BUSINESS_STOCK = "small-business-stock"

ASSETS: dict[str, Term] = {
    t.slug: t
    for t in (
        Term(SECURITIES, "Stocks, bonds, funds or ETFs", "Shares, bonds, mutual funds, ETFs."),
        Term(
            CRYPTO,
            "Cryptocurrency or another digital asset",
            "Bitcoin, ether, stablecoins and other digital assets that are not securities.",
        ),
        Term(
            SMALL_BUSINESS_STOCK,
            "Stock in a small business that I bought from the company",
            "Shares issued to you by a small US corporation (Section 1244 stock): ask the "
            "company if you are not sure.",
        ),
        Term(UNSURE, "Not sure", "We will check each kind."),
    )
}

# The terms of each question a saver can answer "not sure".
TERMS = {"contribution": CONTRIBUTIONS, "received": RECEIVED, "asset": ASSETS}

# --- Accounts


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
        terms = _TAXABLE_EVENT_TERMS if self.slug == TAXABLE else _RETIREMENT_EVENT_TERMS
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
            loss_help="A realized loss offsets gains without limit, then ordinary income up "
            "to the yearly limit, and the rest carries forward.",
        ),
    )
}

# Field names, in the order the wizard asks them and the canonical URL lists them.
FIELDS = ("account", "event", "contribution", "received", "asset", "year")
FIELD_LABELS = {
    "account": "Account",
    "event": "What happened",
    "contribution": "Kind of money",
    "received": "What you got back",
    "asset": "What you sold",
    "year": "Tax year",
}


def accounts_of(*kinds: str) -> frozenset[str]:
    """The slugs of every account in these families."""
    return frozenset(slug for slug, acct in ACCOUNTS.items() if acct.kind in kinds)
