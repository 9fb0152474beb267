"""What the tool does not answer, and where to look instead: the page behind "Something
else" on the account question (/not-covered/).

"Something else" is a choice on the wizard's account question only. It is not an
account: it has no slug in the contract (DESIGN.md), the results page and the API
refuse it, and nobody has to pick a wrong account to get somewhere. The situations
come from the legal review's list of what version 1 could not express
(LAW-FINDINGS.md, section 5) that this version still leaves out. Links go to the IRS's
own pages only. No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from rules.law.bibliography import DOCUMENTS, Document
from rules.law.vocabulary import Term

SOMETHING_ELSE = Term(
    "something-else",
    "Something else",
    "An annuity, a business or trading account, options or futures, a foreign account, "
    "or another kind of account not listed: we say where to look.",
)

@dataclass(frozen=True)
class Topic:
    id: str  # the anchor on the page
    title: str
    text: str
    sources: tuple[Document, ...]  # from the bibliography
    where: str = ""  # where to look, in words, when no IRS page answers it


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    topics: tuple[Topic, ...]


# Accounts people look for under another name: the account to choose instead.
COVERED_AFTER_ALL: tuple[tuple[str, str], ...] = (
    ("The federal Thrift Savings Plan (TSP), or a solo 401(k)", "choose the 401(k)."),
    ("A SEP IRA or a SIMPLE IRA", "choose the traditional IRA, and answer for all your "
     "traditional, SEP and SIMPLE IRAs together. In your first two years in a SIMPLE IRA "
     "its money can move only to another SIMPLE IRA."),
    ("A 401(k) that is part Roth (the TSP has had Roth money since 2012)", "choose the "
     "401(k); the next questions ask about the kind of money."),
    ("An IRA you inherited from your spouse and made your own", "choose the traditional or "
     "Roth IRA; if you kept it as a beneficiary, choose the inherited IRA."),
    ("A 403(b) held in annuity contracts", "choose the 403(b)."),
    ("Your employer's shares, paid out of a 401(k) as shares and later sold at a loss",
     "choose the taxable brokerage account: the shares' tax basis is what was taxed when "
     "they came out."),
    ("Cryptocurrency held at an exchange or in a wallet", "choose the taxable brokerage "
     "account, then say it was cryptocurrency."),
    ("A college savings plan run by a state, or a prepaid tuition plan", "choose the 529 "
     "plan."),
)

GROUPS: tuple[Group, ...] = (
    Group(
        "annuities",
        "Annuities and pensions",
        (
            Topic(
                "annuity-outside-a-plan",
                "An annuity you bought yourself",
                "A deferred or variable annuity bought outside a workplace plan or IRA and "
                "surrendered for less than you paid. Whether the shortfall can be deducted, "
                "and as what kind of loss, is not clear-cut, so we do not answer it.",
                (DOCUMENTS["Pub 575"], DOCUMENTS["Pub 939"]),
            ),
            Topic(
                "pension-for-life",
                "A pension or annuity that pays for life",
                "Payments that include after-tax money you paid in, and the deduction on the "
                "final return when payments stop at death before all of that money came "
                "back.",
                (DOCUMENTS["Pub 575"], DOCUMENTS["Pub 939"]),
            ),
            Topic(
                "pension-lump-sum",
                "A pension paid out in one sum",
                "A traditional (defined-benefit) pension paid out as a lump sum worth less "
                "than the contributions you made to it.",
                (DOCUMENTS["Pub 575"],),
            ),
        ),
    ),
    Group(
        "plans",
        "Workplace plan situations we do not model",
        (
            Topic(
                "plan-loan-offset",
                "A plan loan taken from your balance",
                "An unpaid 401(k) or 403(b) loan subtracted from your account when you left "
                "the job or the plan ended. It counts as a payout, and can often still be "
                "rolled over.",
                (DOCUMENTS["Pub 575"],),
            ),
            Topic(
                "excess-contributions",
                "Excess contributions taken back at a loss",
                "Money put in over the yearly limit and returned with a loss on it.",
                (DOCUMENTS["Pub 590-A"], DOCUMENTS["Pub 525"]),
            ),
            Topic(
                "nongovernmental-457b",
                "A 457(b) plan of a nonprofit employer",
                "Unlike a governmental 457(b), it belongs to the employer until paid and "
                "cannot be rolled into an IRA.",
                (DOCUMENTS["Pub 575"], DOCUMENTS["Pub 525"]),
            ),
        ),
    ),
    Group(
        "business",
        "Business, trading and contracts",
        (
            Topic(
                "business-accounts",
                "Accounts of a business",
                "Investments held by a corporation, a partnership or your own business "
                "follow business tax rules.",
                (DOCUMENTS["Pub 334"], DOCUMENTS["Pub 541"], DOCUMENTS["Pub 542"]),
            ),
            Topic(
                "traders",
                "Trading as a business",
                "Traders in securities, including those who elect to mark their positions "
                "to market each year.",
                (DOCUMENTS["Topic 429"], DOCUMENTS["Pub 550"]),
            ),
            Topic(
                "options-futures",
                "Options, futures and other contracts",
                "Options you wrote or bought, futures, and other contracts marked to market "
                "at year end, with their own split between short and long term.",
                (DOCUMENTS["Pub 550"], DOCUMENTS["About Form 6781"]),
            ),
        ),
    ),
    Group(
        "abroad",
        "Outside the United States",
        (
            Topic(
                "foreign-accounts",
                "Foreign accounts and investments",
                "Accounts, pensions and funds held abroad, foreign mutual funds, and losses "
                "from changes in currency.",
                (
                    DOCUMENTS["Pub 54"],
                    DOCUMENTS["Pub 514"],
                    DOCUMENTS["About Form 8938"],
                    DOCUMENTS["About Form 8621"],
                ),
            ),
        ),
    ),
    Group(
        "states",
        "State income tax",
        (
            Topic(
                "state-questions",
                "Questions about your state return",
                "Our answers are for the federal return. States can differ: some still allow "
                "the miscellaneous itemized deductions the federal return no longer does, "
                "and some tax money the federal return treats as pre-tax.",
                (),
                where="Your state's tax agency (often called the department of revenue or "
                "taxation): its website and the instructions for your state return.",
            ),
        ),
    ),
    Group(
        "other-accounts",
        "Other tax-favored accounts",
        (
            Topic(
                "archer-msa",
                "An Archer medical savings account",
                "The forerunner of the HSA.",
                (DOCUMENTS["Pub 969"],),
            ),
            Topic(
                "able-account",
                "An ABLE account",
                "A savings account for a person with a disability.",
                (DOCUMENTS["Pub 907"],),
            ),
        ),
    ),
    Group(
        "other-losses",
        "Other losses",
        (
            Topic(
                "theft",
                "Theft or fraud",
                "Money lost to a Ponzi scheme or another theft, in a taxable account or "
                "inside a retirement account.",
                (DOCUMENTS["Pub 547"], DOCUMENTS["Rev. Proc. 2009-20"]),
            ),
            Topic(
                "small-business-gain",
                "Small business stock held more than five years",
                "The exclusion of gain on qualified small business stock and rolling that "
                "gain into new stock. A loss on stock a small company issued to you is "
                "covered: choose the taxable brokerage account.",
                (DOCUMENTS["Pub 550"],),
            ),
            Topic(
                "bad-debts-and-property",
                "Loans that went bad, your home and other property",
                "A personal loan that was never repaid, a home or car sold at a loss, or "
                "rental property.",
                (DOCUMENTS["Pub 550"], DOCUMENTS["Pub 523"], DOCUMENTS["Pub 544"]),
            ),
            Topic(
                "after-a-death",
                "After someone dies",
                "The final return of someone who died, their unused capital losses, and the "
                "estate's own return. Inherited IRAs are covered: choose the inherited IRA.",
                (DOCUMENTS["Pub 559"],),
            ),
        ),
    ),
)


def every_source() -> tuple[Document, ...]:
    """Each source the page links to, once (for checking the links)."""
    found: dict[str, Document] = {}
    for group in GROUPS:
        for topic in group.topics:
            for source in topic.sources:
                found.setdefault(source.url, source)
    return tuple(found.values())
