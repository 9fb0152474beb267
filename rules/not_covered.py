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

from rules.vocabulary import Term

SOMETHING_ELSE = Term(
    "something-else",
    "Something else",
    "An annuity, a business or trading account, options or futures, a foreign account, "
    "or another kind of account not listed: we say where to look.",
)

_IRS = "https://www.irs.gov/"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


def _pub(number: str, title: str) -> Source:
    page = number.lower().replace("-", "")  # 590-A is at /publications/p590a
    return Source(f"IRS Publication {number}, {title}", f"{_IRS}publications/p{page}")


PUB_54 = _pub("54", "Tax Guide for U.S. Citizens and Resident Aliens Abroad")
PUB_334 = _pub("334", "Tax Guide for Small Business")
PUB_514 = _pub("514", "Foreign Tax Credit for Individuals")
PUB_523 = _pub("523", "Selling Your Home")
PUB_525 = _pub("525", "Taxable and Nontaxable Income")
PUB_541 = _pub("541", "Partnerships")
PUB_544 = _pub("544", "Sales and Other Dispositions of Assets")
PUB_542 = _pub("542", "Corporations")
PUB_547 = _pub("547", "Casualties, Disasters, and Thefts")
PUB_550 = _pub("550", "Investment Income and Expenses")
PUB_559 = _pub("559", "Survivors, Executors, and Administrators")
PUB_575 = _pub("575", "Pension and Annuity Income")
PUB_590A = _pub("590-A", "Contributions to Individual Retirement Arrangements (IRAs)")
PUB_907 = _pub("907", "Tax Highlights for Persons With Disabilities")
PUB_939 = _pub("939", "General Rule for Pensions and Annuities")
PUB_969 = _pub("969", "Health Savings Accounts and Other Tax-Favored Health Plans")
TOPIC_429 = Source("IRS Tax Topic 429, Traders in securities", f"{_IRS}taxtopics/tc429")
FORM_6781 = Source(
    "About Form 6781, Gains and Losses From Section 1256 Contracts and Straddles",
    f"{_IRS}forms-pubs/about-form-6781",
)
FORM_8938 = Source(
    "About Form 8938, Statement of Specified Foreign Financial Assets",
    f"{_IRS}forms-pubs/about-form-8938",
)
FORM_8621 = Source(
    "About Form 8621, for shareholders of passive foreign investment companies",
    f"{_IRS}forms-pubs/about-form-8621",
)
REV_PROC_2009_20 = Source(
    "Revenue Procedure 2009-20, losses from Ponzi schemes (Internal Revenue Bulletin 2009-14)",
    f"{_IRS}irb/2009-14_IRB",
)


@dataclass(frozen=True)
class Topic:
    id: str  # the anchor on the page
    title: str
    text: str
    sources: tuple[Source, ...]
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
     "traditional, SEP and SIMPLE IRAs together."),
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
                (PUB_575, PUB_939),
            ),
            Topic(
                "pension-for-life",
                "A pension or annuity that pays for life",
                "Payments that include after-tax money you paid in, and the deduction on the "
                "final return when payments stop at death before all of that money came "
                "back.",
                (PUB_575, PUB_939),
            ),
            Topic(
                "pension-lump-sum",
                "A pension paid out in one sum",
                "A traditional (defined-benefit) pension paid out as a lump sum worth less "
                "than the contributions you made to it.",
                (PUB_575,),
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
                (PUB_575,),
            ),
            Topic(
                "excess-contributions",
                "Excess contributions taken back at a loss",
                "Money put in over the yearly limit and returned with a loss on it.",
                (PUB_590A, PUB_525),
            ),
            Topic(
                "nongovernmental-457b",
                "A 457(b) plan of a nonprofit employer",
                "Unlike a governmental 457(b), it belongs to the employer until paid and "
                "cannot be rolled into an IRA.",
                (PUB_575, PUB_525),
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
                (PUB_334, PUB_541, PUB_542),
            ),
            Topic(
                "traders",
                "Trading as a business",
                "Traders in securities, including those who elect to mark their positions "
                "to market each year.",
                (TOPIC_429, PUB_550),
            ),
            Topic(
                "options-futures",
                "Options, futures and other contracts",
                "Options you wrote or bought, futures, and other contracts marked to market "
                "at year end, with their own split between short and long term.",
                (PUB_550, FORM_6781),
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
                (PUB_54, PUB_514, FORM_8938, FORM_8621),
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
                (PUB_969,),
            ),
            Topic(
                "able-account",
                "An ABLE account",
                "A savings account for a person with a disability.",
                (PUB_907,),
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
                (PUB_547, REV_PROC_2009_20),
            ),
            Topic(
                "small-business-gain",
                "Small business stock held more than five years",
                "The exclusion of gain on qualified small business stock and rolling that "
                "gain into new stock. A loss on stock a small company issued to you is "
                "covered: choose the taxable brokerage account.",
                (PUB_550,),
            ),
            Topic(
                "bad-debts-and-property",
                "Loans that went bad, your home and other property",
                "A personal loan that was never repaid, a home or car sold at a loss, or "
                "rental property.",
                (PUB_550, PUB_523, PUB_544),
            ),
            Topic(
                "after-a-death",
                "After someone dies",
                "The final return of someone who died, their unused capital losses, and the "
                "estate's own return. Inherited IRAs are covered: choose the inherited IRA.",
                (PUB_559,),
            ),
        ),
    ),
)


def every_source() -> tuple[Source, ...]:
    """Each source the page links to, once (for checking the links)."""
    found: dict[str, Source] = {}
    for group in GROUPS:
        for topic in group.topics:
            for source in topic.sources:
                found.setdefault(source.url, source)
    return tuple(found.values())
