"""The public vocabulary: accounts, contribution kinds, events and outcomes.

Slugs are a contract (URLs, JSON, tests). Labels and hints are what a saver
reads. No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass


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
            "Already taxed when it went in, and not labelled Roth: for an IRA, a "
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
WASH_SALE = "wash-sale"
WASH_SALE_IRA = "wash-sale-ira"
WORTHLESS = "worthless"

RETIREMENT_EVENTS = (VALUE_DROPPED, REALLOCATED, ROLLED_OVER, PARTIAL_WITHDRAWAL, CLOSED_AT_LOSS)
TAXABLE_EVENTS = (VALUE_DROPPED, SOLD_AT_LOSS, WASH_SALE, WASH_SALE_IRA, WORTHLESS)

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
        "A rollover or a direct transfer, after the value had fallen.",
    ),
    PARTIAL_WITHDRAWAL: Term(
        PARTIAL_WITHDRAWAL,
        "I took some money out, and some is still in",
        "A withdrawal or distribution that did not empty the account.",
    ),
    CLOSED_AT_LOSS: Term(
        CLOSED_AT_LOSS,
        "I took everything out and got back less than I put in",
        "Every account of this kind is now empty (for IRAs: all your accounts of the "
        "kind, counted together).",
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
        "And did not buy the same investment back within 30 days either side of the sale.",
    ),
    WASH_SALE: Term(
        WASH_SALE,
        "I sold at a loss and bought the same investment back within 30 days",
        "Before or after the sale, in a taxable account, by you or your spouse.",
    ),
    WASH_SALE_IRA: Term(
        WASH_SALE_IRA,
        "I sold at a loss and bought it back inside an IRA within 30 days",
        "The replacement was bought in a traditional or Roth IRA.",
    ),
    WORTHLESS: Term(
        WORTHLESS,
        "The investment became worthless",
        "For example, the company went bankrupt and its shares have no value.",
    ),
}

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
    "tax later. Staying invested lets it recover tax-free."
)

ACCOUNTS: dict[str, Account] = {
    a.slug: a
    for a in (
        Account(
            "traditional-401k",
            "401(k)",
            "A workplace plan. If part of it is Roth, choose this and say so next.",
            _PLAN_KINDS,
            None,
            RETIREMENT_EVENTS,
            loss_help=_PRE_TAX_PLAN_HELP,
        ),
        Account(
            "roth-401k",
            "Roth 401(k)",
            "A workplace plan account holding only Roth money.",
            (),
            ROTH,
            RETIREMENT_EVENTS,
            loss_help="Your contributions (basis) still come out tax-free in a qualified "
            "withdrawal, and a rollover to a Roth IRA keeps the basis.",
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
            "457(b) (governmental)",
            "A plan for state and local government employees.",
            _PLAN_KINDS,
            None,
            RETIREMENT_EVENTS,
            loss_help="Withdrawals carry no 10% early-withdrawal tax, and a smaller pre-tax "
            "balance means less tax when it comes out.",
        ),
        Account(
            "traditional-ira",
            "Traditional IRA (including SEP and SIMPLE IRAs)",
            "An individual retirement account that is not a Roth IRA.",
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
            "An individual retirement account funded with after-tax money.",
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

# --- Outcomes

NOT_DEDUCTIBLE = "not-deductible"
CAPITAL_LOSS = "capital-loss"
ITEMIZED_2_PERCENT = "itemized-2-percent"
ITEMIZED_SUSPENDED = "itemized-suspended"
WASH_SALE_DEFERRED = "wash-sale-deferred"
WASH_SALE_DISALLOWED = "wash-sale-disallowed"
DEPENDS = "depends"


@dataclass(frozen=True)
class Outcome:
    slug: str
    label: str
    deductible: bool | None
    verdict: str  # yes / no / not now / it depends


OUTCOMES: dict[str, Outcome] = {
    o.slug: o
    for o in (
        Outcome(NOT_DEDUCTIBLE, "No deduction", False, "No"),
        Outcome(CAPITAL_LOSS, "Deductible as a capital loss", True, "Yes"),
        Outcome(
            ITEMIZED_2_PERCENT,
            "Miscellaneous itemized deduction above 2% of AGI",
            True,
            "Yes, for that year",
        ),
        Outcome(ITEMIZED_SUSPENDED, "That deduction is not allowed", False, "No"),
        Outcome(WASH_SALE_DEFERRED, "Not now: the loss moves to the replacement", False, "Not now"),
        Outcome(WASH_SALE_DISALLOWED, "Lost for good", False, "No"),
        Outcome(DEPENDS, "It depends on the kind of money", None, "It depends"),
    )
}

# Field names, in the fixed order of the canonical URL.
FIELDS = ("account", "contribution", "event", "year")
FIELD_LABELS = {
    "account": "Account",
    "contribution": "Kind of money",
    "event": "What happened",
    "year": "Tax year",
}


def accounts_of(*kinds: str) -> frozenset[str]:
    """The slugs of every account in these families."""
    return frozenset(slug for slug, acct in ACCOUNTS.items() if acct.kind in kinds)
