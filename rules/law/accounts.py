"""The kinds of account a saver can ask about, one record each: the slug (a contract,
DESIGN.md), label, article form and hints, the kinds of money each can hold and the
events that can happen to it, when it began (and the law that created it), the names
editors use for it in "[For ...]" tags, and the family it belongs to (rules name
families; rules.law.account_types holds the shapes and the families' records).

A new account is a record in ACCOUNTS, its family's rulebook entry and its content
files: every other module reads the accounts from here. rules.law.vocabulary re-exports
these names, so `v.ACCOUNTS` reads as before. No Django imports.
"""

from __future__ import annotations

from rules.law import enactments as enacted
from rules.law.account_types import (
    ANSWERED_FROM,
    EDUCATION,
    FAMILIES,
    HSA_KIND,
    INHERITED,
    IRA,
    IRA_CONVERSION,
    IRA_WORDS,
    PLAN_457B_WORDS,
    PLAN_CONVERSION,
    PLAN_KINDS,
    PLAN_WORDS,
    PRE_TAX_PLAN_HELP,
    ROTH_IRAS_BEGAN,
    TAXABLE,
    TAXABLE_KIND,
    Account,
    Began,
    heirs_basis,
    roth_in,
)
from rules.law.bibliography import cite
from rules.law.vocabulary import (
    AFTER_TAX,
    CLOSED_AT_LOSS,
    CONVERTED,
    CONVERTIBLE_EVENTS,
    PRE_TAX,
    RETIREMENT_EVENTS,
    ROLLED_OVER,
    ROTH,
    TAXABLE_EVENTS,
    UNSURE,
    Term,
)

ACCOUNTS: dict[str, Account] = {
    a.slug: a
    for a in (
        Account(
            "traditional-401k",
            "401(k), including the Thrift Savings Plan (TSP) and solo 401(k)s",
            "A workplace plan. Part Roth? Choose this too.",
            PLAN_KINDS,
            None,
            CONVERTIBLE_EVENTS,
            loss_help=PRE_TAX_PLAN_HELP,
            event_terms=(
                Term(
                    CLOSED_AT_LOSS,
                    "I took everything out and got back less than I put in",
                    "Your whole balance in that plan, paid out in cash (for its Roth part: "
                    "the whole designated Roth account, 26 U.S.C. 402A(d)(4)). Your employer's "
                    "shares paid out to you as shares are not a loss when they come out: "
                    "they keep a tax basis, and a fall below it counts when you sell them, "
                    "as in a brokerage account.",
                ),
            ),
            **PLAN_WORDS,
            with_article="a 401(k)",
            roth_began=roth_in("a 401(k)", 2006),
            events_began=PLAN_CONVERSION,
            audience_names=("401(k)s", "traditional 401(k)s"),
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
            with_article="a Roth 401(k)",
            began=Began(
                2006, "Roth 401(k) accounts began in tax year 2006", cite("IRC 402A"),
                enacted.ROTH_PLANS_BEGAN,
            ),
            audience_names=("401(k)s", "Roth 401(k)s"),
        ),
        Account(
            "403b",
            "403(b)",
            "A workplace plan for schools, hospitals and nonprofits.",
            PLAN_KINDS,
            None,
            CONVERTIBLE_EVENTS,
            loss_help=PRE_TAX_PLAN_HELP,
            **PLAN_WORDS,
            with_article="a 403(b)",
            roth_began=roth_in("a 403(b)", 2006),
            events_began=PLAN_CONVERSION,
            audience_names=("403(b)s",),
        ),
        Account(
            "457b",
            "Governmental 457(b)",
            "A plan for state and local government employees.",
            (PRE_TAX, ROTH, UNSURE),
            None,
            CONVERTIBLE_EVENTS,
            loss_help="Withdrawals carry no 10% early-withdrawal tax (except on money rolled in "
            "from another kind of plan or an IRA), and a smaller pre-tax balance means less "
            "tax when it comes out.",
            **PLAN_457B_WORDS,
            with_article="a governmental 457(b)",
            roth_began=roth_in("a governmental 457(b)", 2011, "402A(e)(1)"),
            events_began=PLAN_CONVERSION,
            audience_names=("457(b)s", "governmental 457(b)s"),
        ),
        Account(
            "traditional-ira",
            "Traditional IRA, including SEP and SIMPLE IRAs",
            "All of them together: the tax rules count them as one.",
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
            **IRA_WORDS,
            with_article="a traditional IRA",
            events_began=IRA_CONVERSION,
            audience_names=("traditional IRAs",),
        ),
        Account(
            "roth-ira",
            "Roth IRA",
            "All of them together: the tax rules count them as one.",
            (),
            ROTH,
            RETIREMENT_EVENTS,
            kind=IRA,
            loss_help="Contributions come out first and tax-free at any age, so basis is "
            "never taxed twice.",
            with_article="a Roth IRA",
            began=Began(1998, ROTH_IRAS_BEGAN, cite("IRC 408A"), enacted.ROTH_IRA_BEGAN),
            audience_names=("Roth IRAs",),
        ),
        Account(
            "inherited-ira",
            "Inherited traditional IRA (kept as a beneficiary, not treated as your own)",
            "Still in the name of the person who died.",
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
            with_article="an inherited IRA",
            audience_names=("inherited traditional IRAs",),
            answer_terms=(
                ("contribution", Term(
                    PRE_TAX,
                    "Pre-tax money",
                    "Contributions the person who died deducted, money rolled in from a "
                    "workplace plan before tax, and the earnings.",
                )),
                ("contribution", Term(
                    AFTER_TAX,
                    "After-tax money (not Roth)",
                    "Nondeductible contributions the person who died reported on their "
                    "Form 8606.",
                )),
                ("contribution", Term(
                    UNSURE,
                    "Not sure",
                    "The Form 8606 of the person who died, or the IRA's custodian, says "
                    "which kind there was. We will check every kind.",
                )),
                *heirs_basis("after-tax money", "the after-tax money the person who died had "
                              "put in and not taken out (the basis that passed to you)"),
            ),
            received_money="the after-tax money the person who died had put in and not "
            "taken out",
        ),
        Account(
            "inherited-roth-ira",
            "Inherited Roth IRA",
            "Still in the name of the person who died.",
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
            with_article="an inherited Roth IRA",
            began=Began(
                1998,
                "Roth IRAs, and so inherited Roth IRAs, began in tax year 1998 (Taxpayer "
                "Relief Act of 1997)",
                cite("IRC 408A"),
                enacted.ROTH_IRA_BEGAN,
            ),
            audience_names=("inherited Roth IRAs",),
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
            with_article="an HSA",
            began=Began(
                2004, "Health savings accounts began in tax year 2004", cite("IRC 223"),
                enacted.HSA_BEGAN,
            ),
        ),
        Account(
            "529",
            "529 college savings or prepaid tuition plan",
            "Answer for one beneficiary's accounts.",
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
            with_article="a 529 plan",
            began=Began(
                1996,
                "529 plans (qualified tuition programs) began in tax year 1996 (Small Business "
                "Job Protection Act of 1996)",
                cite("IRC 529"),
                enacted.QTP_BEGAN,
            ),
            audience_names=("529s", "529 plans"),
        ),
        Account(
            "coverdell-esa",
            "Coverdell education savings account (an Education IRA before 2002)",
            "A savings account for a child's education.",
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
            with_article="a Coverdell education savings account",
            began=Began(
                1998,
                "Coverdell accounts began in tax year 1998, as Education IRAs (Taxpayer Relief "
                "Act of 1997)",
                cite("IRC 530"),
                enacted.EDUCATION_IRA_BEGAN,
            ),
            audience_names=("Coverdell accounts",),
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
            with_article="a taxable brokerage account",
        ),
    )
}


def _listed(phrases: list[str]) -> str:
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}" if len(phrases) > 1 else phrases[0]


# What the tool covers, in words, from the families of the accounts in ACCOUNTS.
_KINDS = list(dict.fromkeys(a.kind for a in ACCOUNTS.values()))
COVERED = _listed([FAMILIES[k].covers for k in _KINDS if FAMILIES[k].covers])
COVERED_SHORT = _listed([FAMILIES[k].covers_short for k in _KINDS if FAMILIES[k].covers_short])


def _audience_names() -> dict[str, tuple[str, ...]]:
    """Each "[For ...]" name, as editors write it, and the tokens it stands for: family
    slugs for a family's names, account slugs, in the order of ACCOUNTS, for an account's
    (rules.law.audiences looks them up whatever their case)."""
    names: dict[str, list[str]] = {}
    for holder in (*FAMILIES.values(), *ACCOUNTS.values()):
        for name in holder.audience_names:
            names.setdefault(name, []).append(holder.slug)
    return {name: tuple(tokens) for name, tokens in names.items()}


AUDIENCE_NAMES = _audience_names()


def first_year(account: str, contribution: str | None = None, event: str | None = None) -> Began:
    """When the answers for this account (its kind of money, this event) begin; for a slug
    that is no account, the first year we answer for."""
    acct = ACCOUNTS.get(account)
    return ANSWERED_FROM if acct is None else acct.first_year(contribution, event)


def accounts_of(*kinds: str) -> frozenset[str]:
    """The slugs of every account in these families."""
    return frozenset(slug for slug, acct in ACCOUNTS.items() if acct.kind in kinds)
