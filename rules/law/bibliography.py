"""The bibliography: every statute, regulation, ruling, case, publication, form and notice
the site names, one entry each, in one table (DOCUMENTS, keyed by a short name).

Rules cite entries (`cite("IRC 165", "165(a)")`); the results page links the IRS forms
its texts name (FORMS: the entries with a `name`) and lists them with their instructions;
the not-covered page lists entries as where to look (rules.web.linking finds the forms a
text names). No Django imports.
"""

from __future__ import annotations

from rules.law.documents import PUBLIC_LAWS, Citation, Document

__all__ = ["DOCUMENTS", "FORMS", "Citation", "Document", "cite"]


_USC = "https://www.law.cornell.edu/uscode/text/26/"
_CFR = "https://www.law.cornell.edu/cfr/text/26/"


def _usc(section: str, title: str, **form: str) -> Document:
    return Document(f"IRC {section}", f"26 U.S.C. {section}, {title}", _USC + section, **form)


def _reg(section: str, title: str) -> Document:
    return Document(f"Treas. Reg. {section}", f"Treas. Reg. {section}, {title}", _CFR + section)


def _pub(number: str, title: str) -> Document:
    page = number.lower().replace("-", "")  # 590-A is at /publications/p590a
    return Document(
        f"Pub {number}",
        f"IRS Publication {number}, {title}",
        f"https://www.irs.gov/publications/p{page}",
    )


def _form(
    number: str, title: str, about: str, page: str, name: str = "", instructions: str = ""
) -> tuple[Document, Document]:
    """A form's entry and its instructions' ("Form 8949 instructions")."""
    name = name or f"Form {number}"
    irs = "https://www.irs.gov"
    return (
        Document(
            name,
            f"IRS {name}, {title}",
            f"{irs}/forms-pubs/about-{about}",
            name=name,
            instructions=f"{name} instructions",
        ),
        Document(
            f"{name} instructions",
            instructions or f"Instructions for {name}",
            f"{irs}/instructions/{page}",
        ),
    )


DOCUMENTS: dict[str, Document] = {
    d.short: d
    for d in (
        # Statutes, regulations, rulings, cases, publications and notices the rules cite
        *PUBLIC_LAWS,
        _usc("67", "2-percent floor on miscellaneous itemized deductions"),
        _usc("56", "Adjustments in computing alternative minimum taxable income"),
        _usc("165", "Losses"),
        _usc("223", "Health savings accounts"),
        _usc("408", "Individual retirement accounts"),
        _usc("1211", "Limitation on capital losses"),
        _usc("1212", "Capital loss carrybacks and carryovers"),
        _usc("1091", "Loss from wash sales of stock or securities"),
        Document(
            "IRC 72(t)",
            "26 U.S.C. 72, additional tax on early distributions",
            "https://www.law.cornell.edu/uscode/text/26/72",
        ),
        _reg("1.408A-10", "Designated Roth accounts rolled into Roth IRAs"),
        _pub("575", "Pension and Annuity Income"),
        _pub("590-B", "Distributions from IRAs"),
        _pub("529", "Miscellaneous Deductions"),
        _pub("550", "Investment Income and Expenses"),
        _pub("969", "HSAs and Other Tax-Favored Health Plans"),
        Document(
            "Topic 409",
            "IRS Tax Topic 409, Capital gains and losses",
            "https://www.irs.gov/taxtopics/tc409",
        ),
        Document(
            "Topic 413",
            "IRS Tax Topic 413, Rollovers of retirement plan and IRA distributions",
            "https://www.irs.gov/taxtopics/tc413",
        ),
        Document(
            "Topic 558",
            "IRS Tax Topic 558, Additional tax on early distributions",
            "https://www.irs.gov/taxtopics/tc558",
        ),
        Document(
            "RR 2008-5",
            "Revenue Ruling 2008-5, 2008-3 I.R.B. (wash sale through an IRA)",
            "https://www.irs.gov/irb/2008-03_IRB",
        ),
        Document(
            "RR 72-305",
            "Revenue Ruling 72-305, 1972-1 C.B. 116 (lump-sum payout below employee contributions)",
            "https://www.taxnotes.com/lr/resolve/d8ss",
        ),
        Document(
            "Fish",
            "Fish v. Commissioner, T.C. Memo. 2015-176",
            "https://casetext.com/case/fish-v-commr-2",
        ),
        Document(
            "Notice 89-25",
            "IRS Notice 89-25, 1989-1 C.B. 662 (questions and answers on distributions)",
            "https://www.taxnotes.com/research/federal/irs-guidance/notices/service-augments-guidance-on-qualified-plans%2c-annuity-contracts%2c-and-iras/1fsvp",
        ),
        Document(
            "Pub 590 (2013)",
            "IRS Publication 590, Individual Retirement Arrangements (2013 edition)",
            "https://www.irs.gov/pub/irs-prior/p590--2013.pdf",
        ),
        Document(
            "Pub 590-B (2017)",
            "IRS Publication 590-B, Distributions from IRAs (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/p590b--2017.pdf",
        ),
        Document(
            "Pub 529 (2017)",
            "IRS Publication 529, Miscellaneous Deductions (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/p529--2017.pdf",
        ),
        _usc(
            "267",
            "Losses, expenses, and interest with respect to transactions between related taxpayers",
        ),
        _usc("1041", "Transfers of property between spouses"),
        _usc("1244", "Losses on small business stock"),
        _usc("6511", "Limitations on credit or refund"),
        _usc("6513", "Time return deemed filed and tax considered paid"),
        _usc(
            "7503",
            "Time for performance of acts where last day falls on Saturday, Sunday, or legal "
            "holiday",
        ),
        _usc("501", "Exemption from tax on corporations, certain trusts, etc."),
        _usc("403", "Taxation of employee annuities"),
        _usc("457", "Deferred compensation plans of State and local governments"),
        _usc("402A", "Optional treatment of elective deferrals as Roth contributions"),
        _usc("408A", "Roth IRAs"),
        _usc("402", "Taxability of beneficiary of employees' trust"),
        Document(
            "Notice 2014-21",
            "IRS Notice 2014-21, virtual currency is property",
            "https://www.irs.gov/pub/irs-drop/n-14-21.pdf",
        ),
        Document(
            "CCA 202302011",
            "IRS Chief Counsel Advice 202302011 (crypto that lost value)",
            "https://www.irs.gov/pub/irs-wd/202302011.pdf",
        ),
        Document(
            "Notice 2020-23",
            "IRS Notice 2020-23 (2019 returns due July 15, 2020)",
            "https://www.irs.gov/pub/irs-drop/n-20-23.pdf",
        ),
        Document(
            "Notice 2021-21",
            "IRS Notice 2021-21 (2020 returns due May 17, 2021)",
            "https://www.irs.gov/pub/irs-drop/n-21-21.pdf",
        ),
        Document(
            "Notice 2023-21",
            "IRS Notice 2023-21, 2023-11 I.R.B. 563 (refund claims for 2019 and 2020 returns "
            "filed in the postponements)",
            "https://www.irs.gov/pub/irs-drop/n-23-21.pdf",
        ),
        _usc(
            "7508A",
            "Authority to postpone certain deadlines by reason of Presidentially declared "
            "disaster, significant fire, or terroristic or military actions",
        ),
        _reg("301.7508A-1", "Postponement of certain tax-related deadlines by reason of a "
             "federally declared disaster or terroristic or military action"),
        _reg("1.1091-1", "Losses from wash sales of stock or securities"),
        _reg("1.1091-2", "Basis of stock or securities acquired in wash sales"),
        _usc("1223", "Holding period of property"),
        Document(
            "Cal. R&TC 17076",
            "California Revenue and Taxation Code 17076 (the 2% floor still applies)",
            "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=RTC&sectionNum=17076.",
        ),
        # California does not follow the federal HSA rules (C4, LAW-FINDINGS-3 part 6).
        Document(
            "FTB Pub 1001",
            "California Franchise Tax Board Publication 1001, Supplemental Guidelines to "
            "California Adjustments (health savings accounts)",
            "https://www.ftb.ca.gov/forms/misc/1001.pdf",
        ),
        # State notes, pointers to the state return (C4, LAW-FINDINGS-3 part 1): California
        # and New Jersey tax HSA money and earnings; Pennsylvania taxes 401(k) and 403(b)
        # deferrals, which gives basis on its return.
        Document(
            "Cal. R&TC 17215.4",
            "California Revenue and Taxation Code 17215.4 (section 223, health savings "
            "accounts, does not apply)",
            "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=RTC&sectionNum=17215.4.",
        ),
        Document(
            "NJ-1040 instructions",
            "New Jersey Division of Taxation, NJ-1040 instructions (health savings accounts; "
            "N.J.S.A. 54A:5-1 and 54A:6 have no HSA exclusion)",
            "https://www.nj.gov/treasury/taxation/pdf/current/1040i.pdf",
        ),
        Document(
            "72 P.S. 7301(d)",
            "Pennsylvania Tax Reform Code of 1971, 72 P.S. 7301(d) (compensation), as the "
            "Department of Revenue's Personal Income Tax Guide explains for 401(k) and 403(b) "
            "deferrals",
            "https://www.revenue.pa.gov/FormsandPublications/PAPersonalIncomeTaxGuide/Pages/Gross-Compensation.aspx",
        ),
        _usc("529", "Qualified tuition programs"),
        _usc("530", "Coverdell education savings accounts"),
        _usc("691", "Recipients of income in respect of decedents"),
        _reg("1.408A-4", "Converting amounts to Roth IRAs"),
        _reg("1.408A-5", "Recharacterized contributions"),
        _pub("590-A", "Contributions to Individual Retirement Arrangements (IRAs)"),
        _pub("970", "Tax Benefits for Education"),
        Document(
            "Pub 970 (2017)",
            "IRS Publication 970, Tax Benefits for Education (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/p970--2017.pdf",
        ),
        _pub("559", "Survivors, Executors, and Administrators"),
        Document(
            "Notice 2008-30",
            "IRS Notice 2008-30 (rollovers from workplace plans to Roth IRAs)",
            "https://www.irs.gov/pub/irs-drop/n-08-30.pdf",
        ),
        Document(
            "Notice 2010-84",
            "IRS Notice 2010-84 (Roth rollovers inside a plan)",
            "https://www.irs.gov/pub/irs-drop/n-10-84.pdf",
        ),
        Document(
            "Notice 2016-13",
            "IRS Notice 2016-13 (529 accounts no longer counted together, PATH Act)",
            "https://www.irs.gov/pub/irs-drop/n-16-13.pdf",
        ),
        # IRS forms (`name` as texts write it: linked there, listed under Sources), each
        # followed by its instructions.
        *_form("8949", "Sales and Other Dispositions of Capital Assets", "form-8949", "i8949"),
        *_form(
            "D",
            "Capital Gains and Losses (with the Capital Loss Carryover Worksheet in its "
            "instructions)",
            "schedule-d-form-1040",
            "i1040sd",
            name="Schedule D",
            instructions="Instructions for Schedule D (Form 1040), Capital Gains and Losses "
            "(Capital Loss Carryover Worksheet)",
        ),
        *_form(
            "8606",
            "Nondeductible IRAs",
            "form-8606",
            "i8606",
            instructions="Instructions for Form 8606, Nondeductible IRAs",
        ),
        *_form(
            "1099-R",
            "Distributions From Pensions, Annuities, Retirement or Profit-Sharing Plans, IRAs, "
            "Insurance Contracts, etc.",
            "form-1099-r",
            "i1099r",
        ),
        *_form("A", "Itemized Deductions", "schedule-a-form-1040", "i1040sca", name="Schedule A"),
        *_form("1040-X", "Amended U.S. Individual Income Tax Return", "form-1040x", "i1040x"),
        *_form(
            "4797",
            "Sales of Business Property",
            "form-4797",
            "i4797",
            instructions="Instructions for Form 4797, Sales of Business Property",
        ),
        *_form(
            "1099-B",
            "Proceeds From Broker and Barter Exchange Transactions",
            "form-1099-b",
            "i1099b",
        ),
        *_form(
            "1099-DA", "Digital Asset Proceeds From Broker Transactions", "form-1099-da", "i1099da"
        ),
        *_form("8889", "Health Savings Accounts (HSAs)", "form-8889", "i8889"),
        *_form(
            "1099-SA",
            "Distributions From an HSA, Archer MSA, or Medicare Advantage MSA",
            "form-1099-sa",
            "i1099sa",
        ),
        Document(
            "Schedule A instructions (2017)",
            "Instructions for Schedule A (Form 1040), Itemized Deductions (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/i1040sca--2017.pdf",
        ),
        # Where to look for what the tool does not cover (the not-covered page)
        _pub("54", "Tax Guide for U.S. Citizens and Resident Aliens Abroad"),
        _pub("334", "Tax Guide for Small Business"),
        _pub("514", "Foreign Tax Credit for Individuals"),
        _pub("523", "Selling Your Home"),
        _pub("525", "Taxable and Nontaxable Income"),
        _pub("541", "Partnerships"),
        _pub("544", "Sales and Other Dispositions of Assets"),
        _pub("542", "Corporations"),
        _pub("547", "Casualties, Disasters, and Thefts"),
        _pub("907", "Tax Highlights for Persons With Disabilities"),
        _pub("939", "General Rule for Pensions and Annuities"),
        Document(
            "Topic 429",
            "IRS Tax Topic 429, Traders in securities",
            "https://www.irs.gov/taxtopics/tc429",
        ),
        Document(
            "About Form 6781",
            "About Form 6781, Gains and Losses From Section 1256 Contracts and Straddles",
            "https://www.irs.gov/forms-pubs/about-form-6781",
        ),
        Document(
            "About Form 8938",
            "About Form 8938, Statement of Specified Foreign Financial Assets",
            "https://www.irs.gov/forms-pubs/about-form-8938",
        ),
        Document(
            "About Form 8621",
            "About Form 8621, for shareholders of passive foreign investment companies",
            "https://www.irs.gov/forms-pubs/about-form-8621",
        ),
        Document(
            "Rev. Proc. 2009-20",
            "Revenue Procedure 2009-20, losses from Ponzi schemes (Internal Revenue Bulletin "
            "2009-14)",
            "https://www.irs.gov/irb/2009-14_IRB",
        ),
    )
}
# The IRS forms, in the order a page lists them.
FORMS: tuple[Document, ...] = tuple(d for d in DOCUMENTS.values() if d.name)


def cite(short: str, pinpoint: str = "", accounts: frozenset[str] | None = None) -> Citation:
    return Citation(DOCUMENTS[short], pinpoint, accounts)
