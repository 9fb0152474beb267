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
    CLOSED_AT_LOSS,
    CONVERTED,
    CONVERTIBLE_EVENTS,
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
INHERITED = "inherited"  # an IRA or Roth IRA kept as a beneficiary
EDUCATION = "education"  # a 529 plan or a Coverdell education savings account
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
    # Whose accounts count together when the saver says what they got back.
    received_scope: str = "from the plan"
    # Said under the question about the kind of money, when it needs saying.
    contribution_hint: str = ""

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
            "A workplace plan, including the federal Thrift Savings Plan and a solo 401(k) "
            "for the self-employed. If part of it is Roth (in the TSP, from 2012), choose "
            "this and say so later.",
            _PLAN_KINDS,
            None,
            CONVERTIBLE_EVENTS,
            loss_help=_PRE_TAX_PLAN_HELP,
            event_terms=(
                Term(
                    CLOSED_AT_LOSS,
                    "I took everything out and got back less than I put in",
                    "Your whole balance in that plan, paid out in cash. Your employer's "
                    "shares paid out to you as shares are not a loss when they come out: "
                    "they keep a tax basis, and a fall below it counts when you sell them, "
                    "as in a brokerage account.",
                ),
            ),
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
            CONVERTIBLE_EVENTS,
            loss_help=_PRE_TAX_PLAN_HELP,
        ),
        Account(
            "457b",
            "Governmental 457(b)",
            "A plan for state and local government employees. It holds pre-tax and Roth "
            "money only, never other after-tax money.",
            (PRE_TAX, ROTH, UNSURE),
            None,
            CONVERTIBLE_EVENTS,
            loss_help="Withdrawals carry no 10% early-withdrawal tax (except on money rolled in "
            "from another kind of plan or an IRA), and a smaller pre-tax balance means less "
            "tax when it comes out.",
        ),
        Account(
            "traditional-ira",
            "Traditional IRA, including SEP and SIMPLE IRAs",
            "Answer for all your traditional, SEP and SIMPLE IRAs together: the tax rules "
            "count them as one. In your first two years in a SIMPLE IRA its money can move "
            "only to another SIMPLE IRA.",
            (PRE_TAX, AFTER_TAX, UNSURE),
            None,
            CONVERTIBLE_EVENTS,
            kind=IRA,
            event_terms=(
                Term(
                    CONVERTED,
                    "I converted it to a Roth IRA",
                    "A Roth conversion: money moved from a traditional, SEP or SIMPLE IRA "
                    "into a Roth IRA and taxed as income (from a SIMPLE IRA, only after your "
                    "first two years in it).",
                ),
            ),
            loss_help="Nondeductible contributions stay basis on Form 8606 and come out "
            "tax-free later; pre-tax money is taxed only when withdrawn.",
            received_scope="from all your traditional, SEP and SIMPLE IRAs together",
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
            "inherited-ira",
            "Inherited traditional IRA (kept as a beneficiary, not treated as your own)",
            "An IRA you inherited that is still in the name of the person who died. If you "
            "inherited it from your spouse and made it your own IRA, choose traditional IRA "
            "instead.",
            (PRE_TAX, AFTER_TAX, UNSURE),
            None,
            RETIREMENT_EVENTS,
            kind=INHERITED,
            loss_help="The nondeductible contributions of the person who died stay basis for "
            "you (on your own Form 8606 for the inherited IRA) and come out tax-free; a "
            "beneficiary's withdrawals never carry the early-withdrawal tax.",
            event_terms=(
                Term(
                    ROLLED_OVER,
                    "I moved it to another inherited IRA",
                    "A direct transfer between trustees to another IRA in the name of the "
                    "person who died, after the value had fallen.",
                ),
                Term(
                    CLOSED_AT_LOSS,
                    "I took everything out and got back less than was put in",
                    "All the IRAs you inherited from the same person, counted together, are "
                    "now empty.",
                ),
            ),
            received_scope="from all the IRAs you inherited from the same person",
            contribution_hint="Answer for the money of the person who died: their Form 8606 "
            "shows any nondeductible (after-tax) contributions, and that basis passes to you.",
        ),
        Account(
            "inherited-roth-ira",
            "Inherited Roth IRA",
            "A Roth IRA you inherited that is still in the name of the person who died. If "
            "you inherited it from your spouse and made it your own, choose Roth IRA instead.",
            (),
            ROTH,
            RETIREMENT_EVENTS,
            kind=INHERITED,
            loss_help="Contributions of the person who died come out first and tax-free, and "
            "everything is tax-free once the Roth IRA is five years old, counting from their "
            "first contribution.",
            event_terms=(
                Term(
                    ROLLED_OVER,
                    "I moved it to another inherited Roth IRA",
                    "A direct transfer between trustees to another Roth IRA in the name of the "
                    "person who died, after the value had fallen.",
                ),
                Term(
                    CLOSED_AT_LOSS,
                    "I took everything out and got back less than was put in",
                    "All the Roth IRAs you inherited from the same person, counted together, "
                    "are now empty.",
                ),
            ),
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
            "529",
            "529 college savings or prepaid tuition plan",
            "A state's college savings plan or a prepaid tuition plan (a qualified tuition "
            "program). Answer for one beneficiary's accounts.",
            (),
            AFTER_TAX,
            RETIREMENT_EVENTS,
            kind=EDUCATION,
            loss_help="Money spent on qualified education costs comes out tax-free, and your "
            "contributions always come back without tax, so a smaller balance only means "
            "less untaxed growth.",
            event_terms=(
                Term(
                    ROLLED_OVER,
                    "I moved it to another 529 plan, an ABLE account or a Roth IRA",
                    "A rollover or a direct transfer, for the same beneficiary or a member of "
                    "their family, after the value had fallen.",
                ),
                Term(
                    CLOSED_AT_LOSS,
                    "I took everything out and got back less than I put in",
                    "The account is now empty. Before 2015, every account in the same "
                    "program for the same beneficiary had to be empty too.",
                ),
            ),
        ),
        Account(
            "coverdell-esa",
            "Coverdell education savings account (an Education IRA before 2002)",
            "A savings account for a child's education, from kindergarten to college, "
            "opened at a bank or a broker.",
            (),
            AFTER_TAX,
            RETIREMENT_EVENTS,
            kind=EDUCATION,
            loss_help="Money spent on qualified education costs comes out tax-free, and your "
            "contributions always come back without tax.",
            event_terms=(
                Term(
                    ROLLED_OVER,
                    "I moved it to another Coverdell account or to a 529 plan",
                    "A rollover or a direct transfer, for the same beneficiary or a member of "
                    "their family, after the value had fallen.",
                ),
                Term(
                    CLOSED_AT_LOSS,
                    "I took everything out and got back less than I put in",
                    "The account is now empty.",
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


def accounts_of(*kinds: str) -> frozenset[str]:
    """The slugs of every account in these families."""
    return frozenset(slug for slug, acct in ACCOUNTS.items() if acct.kind in kinds)
