"""The public vocabulary: events, kinds of money, what was received,
kinds of asset, outcomes and certainty (version 2 of the contract, DESIGN.md),
and, from rules.law.accounts, the accounts.

Slugs are a contract (URLs, JSON, tests). Labels and hints are what a saver
reads. No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

# Outcomes and certainty live beside this module; they are part of the same vocabulary.
from rules.law.verdicts import (  # noqa: F401
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
CONVERTED = "converted"
SOLD_AT_LOSS = "sold-at-loss"
SOLD_TO_RELATIVE = "sold-to-relative"
WASH_SALE = "wash-sale"
WASH_SALE_IRA = "wash-sale-ira"
WASH_SALE_ELSEWHERE = "wash-sale-other-account"
WORTHLESS = "worthless"

RETIREMENT_EVENTS = (VALUE_DROPPED, REALLOCATED, ROLLED_OVER, PARTIAL_WITHDRAWAL, CLOSED_AT_LOSS)
TAXABLE_EVENTS = (
    VALUE_DROPPED,
    SOLD_AT_LOSS,
    SOLD_TO_RELATIVE,
    WASH_SALE,
    WASH_SALE_IRA,
    WASH_SALE_ELSEWHERE,
    WORTHLESS,
)

# A Roth conversion: only from accounts holding pre-tax money that can be converted.
CONVERTIBLE_EVENTS = (*RETIREMENT_EVENTS, CONVERTED)

EVENTS = CONVERTIBLE_EVENTS + tuple(e for e in TAXABLE_EVENTS if e not in RETIREMENT_EVENTS)

# Labels are worded per kind of account: the same slug reads differently for
# a brokerage account than for a plan.
RETIREMENT_EVENT_TERMS = {
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
        "For a workplace plan: your whole balance in that plan (for its Roth part: the "
        "whole designated Roth account), paid out in cash. For IRAs: all your accounts of "
        "the kind, counted together, are now empty.",
    ),
    CONVERTED: Term(
        CONVERTED,
        "I converted it to Roth",
        "A Roth conversion: pre-tax money moved into a Roth IRA, or into a Roth account in "
        "the same plan, and taxed as income.",
    ),
}

TAXABLE_EVENT_TERMS = {
    VALUE_DROPPED: Term(
        VALUE_DROPPED,
        "The investment fell in value, and I still hold it",
        "You have not sold it.",
    ),
    SOLD_AT_LOSS: Term(
        SOLD_AT_LOSS,
        "I sold it for less than I paid",
        # The relatives 26 U.S.C. 267(b)(1) and (c)(4) name, plus the spouse (1041) and
        # controlled companies (267(b)(2)); in-laws are not on the list (issue 23 item 6).
        "To a buyer who is not your spouse, a brother or sister, a parent, grandparent or "
        "other ancestor, a child, grandchild or other descendant, or a company you control. "
        "In-laws, nephews, nieces, aunts, uncles and cousins count as other buyers. And I "
        "did not buy the same investment back within 30 days either side of the sale.",
    ),
    SOLD_TO_RELATIVE: Term(
        SOLD_TO_RELATIVE,
        "I sold it at a loss to a relative or to a company I control",
        "Your spouse, a brother or sister (half-blood too), a parent, grandparent or other "
        "ancestor, a child, grandchild or other descendant, or a company you own more than "
        "half of (26 U.S.C. 267(b), (c)(4)). In-laws are not on the list: a sale to a "
        "brother-in-law is a sale to any other buyer.",
    ),
    WASH_SALE: Term(
        WASH_SALE,
        "I sold at a loss and bought the same investment back within 30 days",
        "Before or after the sale, in a taxable account, by you or your spouse. "
        "Dividends reinvested automatically count as buying.",
    ),
    WASH_SALE_IRA: Term(
        WASH_SALE_IRA,
        "I sold at a loss and bought it back inside my own IRA within 30 days",
        "The replacement was bought in your own traditional or Roth IRA, within 30 days "
        "before or after the sale.",
    ),
    # Rev. Rul. 2008-5 speaks only of the seller's own IRA (issue 23 item 7, Q13, Q15).
    WASH_SALE_ELSEWHERE: Term(
        WASH_SALE_ELSEWHERE,
        "I sold at a loss and it was bought back within 30 days in my spouse's IRA, or in "
        "a 401(k), 403(b) or HSA",
        "Within 30 days before or after the sale, in your spouse's IRA, or in a workplace "
        "plan or HSA of yours or your spouse's (a payroll contribution that buys the same "
        "fund counts).",
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

# --- The questions, one record each: everything a saver or a link reader is told about a
# question, wherever it is said (the question page, the summary, a link that cannot be
# read, "what would change the answer", the glossary link).


@dataclass(frozen=True)
class Question:
    slug: str  # the field name: in URLs, JSON and the wizard's steps
    label: str  # in the summary of answers: "Kind of money"
    heading: str  # the question page's h1
    hint: str  # under the heading; "" for the default ("Choose one answer.")
    required: str  # the error when nothing was chosen
    changed: str  # "You changed the account, so..."
    noun: str  # the answer inside a sentence about a link: "Its tax year is cut short."
    ask_again: str = ""  # "... so tell us again what happened"; "" for the generic words
    missing: str = ""  # a link without this answer cannot be read (only the first two)
    glossary: tuple[str, str] | None = None  # the glossary word the page links: (slug, text)
    lead: str = ""  # before another answer in "what would change it": "If it was"


QUESTION_WORDS: dict[str, Question] = {
    q.slug: q
    for q in (
        Question(
            "account",
            "Account",
            "What kind of account lost money?",
            "More than one? Answer for one at a time, but all your IRAs of one kind "
            "together.",
            "Choose the kind of account.",
            "the account",
            "kind of account",
            missing="It does not say what kind of account the loss was in.",
        ),
        Question(
            "event",
            "What happened",
            "What happened?",
            "",
            "Choose what happened to the investment.",
            "what happened",
            "answer to what happened",
            ask_again="what happened",
            missing="It does not say what happened to the investment.",
        ),
        Question(
            "contribution",
            "Kind of money",
            "What kind of money went into the account?",
            "Money you had already paid income tax on before it went in counts differently.",
            "Choose the kind of money, or \u201cNot sure\u201d.",
            "the kind of money",
            "kind of money",
            ask_again="what kind of money went into the account",
            glossary=("pre-tax-money", "What pre-tax, after-tax and Roth money mean"),
            lead="If it was",
        ),
        Question(
            "received",
            "What you got back",
            "Was everything you got back less than your after-tax or Roth money?",
            "",
            "Choose an answer, or \u201cNot sure\u201d.",
            "what you got back",
            "answer to what you got back",
            ask_again="what you got back",
            glossary=("after-tax-money", "What counts as after-tax or Roth money"),
            lead="If what you got back was",
        ),
        Question(
            "asset",
            "What you sold",
            "What did you sell?",
            "The rules differ for stock, cryptocurrency and stock in a small business.",
            "Choose what you sold, or \u201cNot sure\u201d.",
            "what you sold",
            "answer to what you sold",
            ask_again="what you sold",
            lead="If it was",
        ),
        Question(
            "year",
            "Tax year",
            "Which tax year is this for?",
            "",
            "",  # worded with the years there are (questionnaire.forms.YearForm)
            "the tax year",
            "tax year",
            ask_again="which tax year this is for",
        ),
    )
}
# Field names, in the order the wizard asks them and the canonical URL lists them.
FIELDS = tuple(QUESTION_WORDS)


# --- Accounts: rules.law.accounts (the records) and rules.law.account_types (their shapes and
# families) define them; they are read here as before (`v.ACCOUNTS`, `v.PLAN`...).
# Loaded on first use, so that those modules can build on the terms above.
_ACCOUNT_NAMES = frozenset({"ACCOUNTS", "accounts_of"})
_ACCOUNT_TYPE_NAMES = frozenset(
    {"Account", "PLAN", "IRA", "HSA_KIND", "INHERITED", "EDUCATION", "TAXABLE_KIND", "TAXABLE"}
)


def __getattr__(name: str):
    if name in _ACCOUNT_NAMES or name in _ACCOUNT_TYPE_NAMES:
        from rules.law import account_types, accounts

        value = getattr(accounts if name in _ACCOUNT_NAMES else account_types, name)
        globals()[name] = value  # found once; later reads are ordinary attributes
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
