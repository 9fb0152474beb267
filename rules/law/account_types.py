"""The shapes of the account records: what an account is (Account), the families
accounts belong to (Family, one record each: rules name families, not lists of slugs)
and when something began (Began), and the pieces several account records share (the
kinds of money in a plan, when Roth money and conversions began, an heir's answers).
The accounts themselves are in rules.law.accounts.

No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from rules.law import enactments as enacted
from rules.law.bibliography import Citation, cite
from rules.law.periods import FIRST_TAX_YEAR, Enactment
from rules.law.vocabulary import (
    AFTER_TAX,
    BELOW_BASIS,
    CLOSED_AT_LOSS,
    CONVERTED,
    COVERS_BASIS,
    PRE_TAX,
    RETIREMENT_EVENT_TERMS,
    ROTH,
    TAXABLE_EVENT_TERMS,
    TERMS,
    UNSURE,
    Term,
    in_sentence,
)

# What family an account belongs to: rules name families, not lists of slugs.
PLAN = "plan"  # a workplace plan: 401(k), 403(b), governmental 457(b)
IRA = "ira"
HSA_KIND = "hsa"
INHERITED = "inherited"  # an IRA or Roth IRA kept as a beneficiary
EDUCATION = "education"  # a 529 plan or a Coverdell education savings account
TAXABLE_KIND = "taxable"
TAXABLE = "taxable"  # the one account with no shelter (its slug)


@dataclass(frozen=True)
class Began:
    """A dated, cited fact: the first tax year something existed, why there is no answer
    before it (said to the saver), and the law that created it."""

    year: int
    why: str
    law: Citation | None = None
    # When the law that created it was enacted (None: before the years we answer for).
    enacted: Enactment | None = None


# Accounts older than the years we answer for begin with the first of those years.
ANSWERED_FROM = Began(FIRST_TAX_YEAR, f"We answer for tax years from {FIRST_TAX_YEAR}")


@dataclass(frozen=True)
class Family:
    slug: str
    # The names an editor may write in "[For ...]" for every account of the family.
    audience_names: tuple[str, ...] = ()
    # Hints for an event worded for this family, where the shared wording would have a
    # saver read about accounts they do not have (an HSA owner about plans and IRAs).
    event_hints: tuple[tuple[str, str], ...] = ()
    # The family in the list of what the tool covers: the start page's words and the
    # not-covered page's shorter ones ("" when another family's words include it).
    covers: str = ""
    covers_short: str = ""

    def event_hint(self, event: str, default: str) -> str:
        return dict(self.event_hints).get(event, default)


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
    # Whose accounts count together when the saver says what they got back.
    received_scope: str = "from the plan"
    # Said under the question about the kind of money, when it needs saying.
    contribution_hint: str = ""
    with_article: str = ""  # the account in a sentence: "a 401(k)", "an HSA"
    began: Began = ANSWERED_FROM
    roth_began: Began | None = None  # Roth money in a plan, when later than the plan
    # Events that began later than the account: (event, when).
    events_began: tuple[tuple[str, Began], ...] = ()
    # The names an editor may write in "[For ...]" for this account (besides its family's).
    audience_names: tuple[str, ...] = ()
    # Answers to the kind-of-money and what-came-back questions worded for this account,
    # as (question, term): an inherited IRA's money is the money of the person who died.
    answer_terms: tuple[tuple[str, Term], ...] = ()
    # What everything received is weighed against, in the question "Was everything you got
    # back less than ...?" ("" for the saver's own after-tax or Roth money).
    received_money: str = ""

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

    def term(self, question: str, slug: str) -> Term:
        """An answer to the kind-of-money, what-came-back or what-was-sold question, in
        this account's words."""
        for asked, term in self.answer_terms:
            if asked == question and term.slug == slug:
                return term
        return TERMS[question][slug]

    @property
    def in_sentence(self) -> str:
        return in_sentence(self.label)

    @property
    def short(self) -> str:
        """ "401(k)", "traditional IRA": the account without its article, for lists."""
        return self.with_article.split(" ", 1)[1]

    def first_year(self, contribution: str | None = None, event: str | None = None) -> Began:
        """The first tax year there is an answer for, and why there is none before it: the
        latest of when the account, its Roth money and the event began."""
        found = self.began
        later = [self.roth_began if contribution == ROTH else None]
        later.append(dict(self.events_began).get(event))
        for candidate in later:
            if candidate is not None and candidate.year > found.year:
                found = candidate
        return found


FAMILIES: dict[str, Family] = {
    f.slug: f
    for f in (
        Family(
            PLAN,
            ("workplace plans", "plans"),
            (
                # A designated Roth account is tested on its own (26 U.S.C. 402A(d)(4)).
                (CLOSED_AT_LOSS, "Your whole balance in the plan, paid out to you in cash "
                 "(for its Roth part: the whole designated Roth account)."),
            ),
            "workplace retirement plans such as a 401(k), 403(b) or governmental 457(b)",
            "401(k), 403(b) and governmental 457(b) plans",
        ),
        Family(
            IRA,
            ("IRAs", "IRA"),
            ((CLOSED_AT_LOSS, "All your IRAs of this kind, counted together, are now empty."),),
            "traditional and Roth IRAs (your own or inherited)",
            "traditional and Roth IRAs (your own or inherited)",
        ),
        Family(INHERITED, ("inherited IRAs",)),  # the IRA family's words include it
        Family(
            HSA_KIND,
            ("HSAs", "HSA"),
            ((CLOSED_AT_LOSS, "Your whole HSA balance, paid out to you."),),
            "health savings accounts (HSAs)",
            "HSAs",
        ),
        Family(
            EDUCATION,
            ("education accounts",),
            (),
            "529 plans, Coverdell education savings accounts",
            "529 plans, Coverdell accounts",
        ),
        Family(
            TAXABLE_KIND,
            ("taxable accounts", "brokerage accounts"),
            (),
            "taxable brokerage accounts",
            "taxable brokerage accounts",
        ),
    )
}


# --- Pieces the account records share (rules.law.accounts)

PLAN_KINDS = (PRE_TAX, AFTER_TAX, ROTH, UNSURE)


# The kinds of money in a workplace plan, in a plan's words (no IRA forms: issue 25 #15).
PLAN_MONEY: tuple[tuple[str, Term], ...] = (
    ("contribution", Term(
        PRE_TAX,
        "Pre-tax money",
        "Taken from your pay before income tax, and your employer's contributions unless "
        "your statement shows them as Roth.",
    )),
    ("contribution", Term(
        AFTER_TAX,
        "After-tax money (not Roth)",
        "Taken from your pay after income tax, and not labeled Roth.",
    )),
    ("contribution", Term(
        ROTH, "Roth money", "Taken from your pay after income tax, into the plan's Roth part."
    )),
    ("contribution", Term(
        UNSURE,
        "Not sure",
        "Your pay stub or the plan's year-end statement says which kind you have. We will "
        "check every kind.",
    )),
)
# Money of more than one kind in one plan (issue 25 #7): pre-tax and after-tax money are
# one reading (after-tax: some of it was taxed); the Roth part is a contract of its own
# (26 U.S.C. 402A(d)(4); rules.law.mixed_money), and its answer links to the rest.
PLAN_MIX_HINT = (
    "More than one kind? Pre-tax and after-tax money together: choose after-tax money. "
    "The plan's Roth part counts as an account of its own: answer for it with Roth money, "
    "and its answer links to the rest."
)
PLAN_457B_MIX_HINT = (
    "Pre-tax and Roth money in the plan? The Roth part counts as an account of its own: "
    "answer for it with Roth money, and its answer links to the rest."
)

# A traditional IRA's kinds of money, in an IRA's words; all IRAs of the kind count as
# one, so deductible and nondeductible contributions together are the after-tax reading.
IRA_MONEY: tuple[tuple[str, Term], ...] = (
    ("contribution", Term(
        PRE_TAX,
        "Pre-tax money",
        "Contributions you deducted, money rolled in from a workplace plan before tax, and "
        "the earnings.",
    )),
    ("contribution", Term(
        AFTER_TAX,
        "After-tax money (not Roth)",
        "Nondeductible contributions you reported on Form 8606.",
    )),
    ("contribution", Term(
        UNSURE,
        "Not sure",
        "Form 8606 from your tax return, or the IRA's custodian, says which kind you have. "
        "We will check every kind.",
    )),
)
IRA_MIX_HINT = (
    "Both deductible and nondeductible contributions? Choose after-tax money: the tax "
    "rules count all your traditional IRAs together."
)
# The words each record passes on (rules.law.accounts: `**PLAN_WORDS`).
PLAN_WORDS = {"contribution_hint": PLAN_MIX_HINT, "answer_terms": PLAN_MONEY}
PLAN_457B_WORDS = {"contribution_hint": PLAN_457B_MIX_HINT, "answer_terms": PLAN_MONEY}
IRA_WORDS = {"contribution_hint": IRA_MIX_HINT, "answer_terms": IRA_MONEY}

# Roth contributions to a 401(k) or 403(b) began in 2006, to a governmental 457(b) in 2011.
def roth_in(plan: str, year: int, pinpoint: str = "") -> Began:
    return Began(
        year,
        f"Roth contributions to {plan} began in tax year {year}",
        cite("IRC 402A", pinpoint),
        enacted.ROTH_457B_BEGAN if year == 2011 else enacted.ROTH_PLANS_BEGAN,
    )


PLAN_CONVERSION = (
    (
        CONVERTED,
        Began(
            2008,
            "A workplace plan could first be converted straight to a Roth IRA in tax year 2008 "
            "(Pension Protection Act of 2006, sec. 824). Before that, the way to do it was to "
            "roll the plan into a traditional IRA and convert the IRA: for that, answer for a "
            "traditional IRA",
            cite("P.L. 109-280", "sec. 824"),
            enacted.PLAN_TO_ROTH_BEGAN,
        ),
    ),
)
IRA_CONVERSION = (
    (
        CONVERTED,
        Began(
            1998,
            "Roth conversions began in tax year 1998, with Roth IRAs (Taxpayer Relief Act of "
            "1997)",
            cite("IRC 408A", "408A(d)(3)"),
            enacted.ROTH_IRA_BEGAN,
        ),
    ),
)
ROTH_IRAS_BEGAN = "Roth IRAs began in tax year 1998 (Taxpayer Relief Act of 1997)"
PRE_TAX_PLAN_HELP = (
    "Pre-tax money is taxed only when it comes out, so a smaller balance also means less "
    "tax later. Staying invested lets it recover without tax until you withdraw it."
)

def heirs_basis(short: str, long: str) -> tuple[tuple[str, Term], ...]:
    """The answers to "what came back" for an inherited account: weighed against the
    money of the person who died, not money the beneficiary put in."""
    return (
        ("received", Term(
            BELOW_BASIS,
            f"Less than their {short}",
            f"Everything you got back, earnings included, added up to less than {long}.",
        )),
        ("received", Term(
            COVERS_BASIS,
            f"At least as much as their {short}",
            f"The total was as much as, or more than, their {short}, even if it was less "
            "than the account was once worth.",
        )),
        ("received", Term(
            UNSURE,
            "Not sure",
            "Your Form 8606 for the inherited account, or the custodian's records, show "
            f"their {short} that passed to you; Form 1099-R shows what was paid out. We will "
            "check both answers.",
        )),
    )
