"""The authorities rules rest on: a short name, a title and where a reader can open it.

No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from rules.references_accounts import SOURCES


@dataclass(frozen=True)
class Reference:
    short: str
    title: str
    url: str


@dataclass(frozen=True)
class Citation:
    reference: Reference
    pinpoint: str = ""
    # The accounts it speaks to, when not all a rule covers (the HSA section is no
    # source for an IRA owner's answer); None: every one.
    accounts: frozenset[str] | None = None

    def speaks_to(self, account: str) -> bool:
        return self.accounts is None or account in self.accounts

    @property
    def title(self) -> str:
        return self.reference.title

    @property
    def url(self) -> str:
        return self.reference.url

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "pinpoint": self.pinpoint}


def _ref(short: str, title: str, url: str) -> Reference:
    return Reference(short, title, url)


REFERENCES: dict[str, Reference] = {
    r.short: r
    for r in (
        _ref(
            "IRC 67",
            "26 U.S.C. 67, 2-percent floor on miscellaneous itemized deductions",
            "https://www.law.cornell.edu/uscode/text/26/67",
        ),
        _ref(
            "IRC 56",
            "26 U.S.C. 56, Adjustments in computing alternative minimum taxable income",
            "https://www.law.cornell.edu/uscode/text/26/56",
        ),
        _ref(
            "IRC 165",
            "26 U.S.C. 165, Losses",
            "https://www.law.cornell.edu/uscode/text/26/165",
        ),
        _ref(
            "IRC 223",
            "26 U.S.C. 223, Health savings accounts",
            "https://www.law.cornell.edu/uscode/text/26/223",
        ),
        _ref(
            "IRC 408",
            "26 U.S.C. 408, Individual retirement accounts",
            "https://www.law.cornell.edu/uscode/text/26/408",
        ),
        _ref(
            "IRC 1211",
            "26 U.S.C. 1211, Limitation on capital losses",
            "https://www.law.cornell.edu/uscode/text/26/1211",
        ),
        _ref(
            "IRC 1212",
            "26 U.S.C. 1212, Capital loss carrybacks and carryovers",
            "https://www.law.cornell.edu/uscode/text/26/1212",
        ),
        _ref(
            "IRC 1091",
            "26 U.S.C. 1091, Loss from wash sales of stock or securities",
            "https://www.law.cornell.edu/uscode/text/26/1091",
        ),
        _ref(
            "IRC 72(t)",
            "26 U.S.C. 72, additional tax on early distributions",
            "https://www.law.cornell.edu/uscode/text/26/72",
        ),
        _ref(
            "P.L. 115-97",
            "Tax Cuts and Jobs Act, Public Law 115-97 (December 22, 2017)",
            "https://www.congress.gov/115/plaws/publ97/PLAW-115publ97.pdf",
        ),
        _ref(
            "P.L. 119-21",
            "Public Law 119-21 (July 4, 2025), known as the One Big Beautiful Bill Act",
            "https://www.congress.gov/119/plaws/publ21/PLAW-119publ21.htm",
        ),
        _ref(
            "Treas. Reg. 1.408A-10",
            "Treas. Reg. 1.408A-10, Designated Roth accounts rolled into Roth IRAs",
            "https://www.law.cornell.edu/cfr/text/26/1.408A-10",
        ),
        _ref(
            "Pub 575",
            "IRS Publication 575, Pension and Annuity Income",
            "https://www.irs.gov/publications/p575",
        ),
        _ref(
            "Pub 590-B",
            "IRS Publication 590-B, Distributions from IRAs",
            "https://www.irs.gov/publications/p590b",
        ),
        _ref(
            "Pub 529",
            "IRS Publication 529, Miscellaneous Deductions",
            "https://www.irs.gov/publications/p529",
        ),
        _ref(
            "Pub 550",
            "IRS Publication 550, Investment Income and Expenses",
            "https://www.irs.gov/publications/p550",
        ),
        _ref(
            "Pub 969",
            "IRS Publication 969, HSAs and Other Tax-Favored Health Plans",
            "https://www.irs.gov/publications/p969",
        ),
        _ref(
            "Topic 409",
            "IRS Tax Topic 409, Capital gains and losses",
            "https://www.irs.gov/taxtopics/tc409",
        ),
        _ref(
            "Topic 413",
            "IRS Tax Topic 413, Rollovers of retirement plan and IRA distributions",
            "https://www.irs.gov/taxtopics/tc413",
        ),
        _ref(
            "Topic 558",
            "IRS Tax Topic 558, Additional tax on early distributions",
            "https://www.irs.gov/taxtopics/tc558",
        ),
        _ref(
            "RR 2008-5",
            "Revenue Ruling 2008-5, 2008-3 I.R.B. (wash sale through an IRA)",
            "https://www.irs.gov/irb/2008-03_IRB",
        ),
        _ref(
            "RR 72-305",
            "Revenue Ruling 72-305, 1972-1 C.B. 116 (lump-sum payout below employee "
            "contributions)",
            "https://www.taxnotes.com/lr/resolve/d8ss",
        ),
        _ref(
            "Fish",
            "Fish v. Commissioner, T.C. Memo. 2015-176",
            "https://casetext.com/case/fish-v-commr-2",
        ),
        _ref(
            "Notice 89-25",
            "IRS Notice 89-25, 1989-1 C.B. 662 (questions and answers on distributions)",
            "https://www.taxnotes.com/research/federal/irs-guidance/notices/"
            "service-augments-guidance-on-qualified-plans%2c-annuity-contracts%2c-and-iras/1fsvp",
        ),
        _ref(
            "Pub 590 (2013)",
            "IRS Publication 590, Individual Retirement Arrangements (2013 edition)",
            "https://www.irs.gov/pub/irs-prior/p590--2013.pdf",
        ),
        _ref(
            "Pub 590-B (2017)",
            "IRS Publication 590-B, Distributions from IRAs (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/p590b--2017.pdf",
        ),
        _ref(
            "Pub 529 (2017)",
            "IRS Publication 529, Miscellaneous Deductions (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/p529--2017.pdf",
        ),
        _ref(
            "IRC 267",
            "26 U.S.C. 267, Losses, expenses, and interest with respect to transactions "
            "between related taxpayers",
            "https://www.law.cornell.edu/uscode/text/26/267",
        ),
        _ref(
            "IRC 1041",
            "26 U.S.C. 1041, Transfers of property between spouses",
            "https://www.law.cornell.edu/uscode/text/26/1041",
        ),
        _ref(
            "IRC 1244",
            "26 U.S.C. 1244, Losses on small business stock",
            "https://www.law.cornell.edu/uscode/text/26/1244",
        ),
        _ref(
            "IRC 6511",
            "26 U.S.C. 6511, Limitations on credit or refund",
            "https://www.law.cornell.edu/uscode/text/26/6511",
        ),
        _ref(
            "IRC 6513",
            "26 U.S.C. 6513, Time return deemed filed and tax considered paid",
            "https://www.law.cornell.edu/uscode/text/26/6513",
        ),
        _ref(
            "IRC 7503",
            "26 U.S.C. 7503, Time for performance of acts where last day falls on Saturday, "
            "Sunday, or legal holiday",
            "https://www.law.cornell.edu/uscode/text/26/7503",
        ),
        _ref(
            "IRC 501",
            "26 U.S.C. 501, Exemption from tax on corporations, certain trusts, etc.",
            "https://www.law.cornell.edu/uscode/text/26/501",
        ),
        _ref(
            "IRC 457",
            "26 U.S.C. 457, Deferred compensation plans of State and local governments",
            "https://www.law.cornell.edu/uscode/text/26/457",
        ),
        _ref(
            "IRC 402A",
            "26 U.S.C. 402A, Optional treatment of elective deferrals as Roth contributions",
            "https://www.law.cornell.edu/uscode/text/26/402A",
        ),
        _ref(
            "IRC 408A",
            "26 U.S.C. 408A, Roth IRAs",
            "https://www.law.cornell.edu/uscode/text/26/408A",
        ),
        _ref(
            "IRC 402",
            "26 U.S.C. 402, Taxability of beneficiary of employees' trust",
            "https://www.law.cornell.edu/uscode/text/26/402",
        ),
        _ref(
            "Notice 2014-21",
            "IRS Notice 2014-21, virtual currency is property",
            "https://www.irs.gov/pub/irs-drop/n-14-21.pdf",
        ),
        _ref(
            "CCA 202302011",
            "IRS Chief Counsel Advice 202302011 (crypto that lost value)",
            "https://www.irs.gov/pub/irs-wd/202302011.pdf",
        ),
        _ref(
            "Notice 2020-23",
            "IRS Notice 2020-23 (2019 returns due July 15, 2020)",
            "https://www.irs.gov/pub/irs-drop/n-20-23.pdf",
        ),
        _ref(
            "Notice 2021-21",
            "IRS Notice 2021-21 (2020 returns due May 17, 2021)",
            "https://www.irs.gov/pub/irs-drop/n-21-21.pdf",
        ),
        _ref(
            "Form 1040-X",
            "IRS Form 1040-X, Amended U.S. Individual Income Tax Return",
            "https://www.irs.gov/forms-pubs/about-form-1040x",
        ),
        _ref(
            "Form 8949",
            "IRS Form 8949, Sales and Other Dispositions of Capital Assets",
            "https://www.irs.gov/forms-pubs/about-form-8949",
        ),
        _ref(
            "Form 8606",
            "IRS Form 8606, Nondeductible IRAs",
            "https://www.irs.gov/forms-pubs/about-form-8606",
        ),
        _ref(
            "Schedule D instructions",
            "Instructions for Schedule D (Form 1040), Capital Gains and Losses "
            "(Capital Loss Carryover Worksheet)",
            "https://www.irs.gov/instructions/i1040sd",
        ),
        _ref(
            "Schedule A instructions (2017)",
            "Instructions for Schedule A (Form 1040), Itemized Deductions (2017 edition)",
            "https://www.irs.gov/pub/irs-prior/i1040sca--2017.pdf",
        ),
        _ref(
            "Form 4797 instructions",
            "Instructions for Form 4797, Sales of Business Property",
            "https://www.irs.gov/instructions/i4797",
        ),
        _ref(
            "Treas. Reg. 1.1091-1",
            "Treas. Reg. 1.1091-1, Losses from wash sales of stock or securities",
            "https://www.law.cornell.edu/cfr/text/26/1.1091-1",
        ),
        _ref(
            "Treas. Reg. 1.1091-2",
            "Treas. Reg. 1.1091-2, Basis of stock or securities acquired in wash sales",
            "https://www.law.cornell.edu/cfr/text/26/1.1091-2",
        ),
        _ref(
            "IRC 1223",
            "26 U.S.C. 1223, Holding period of property",
            "https://www.law.cornell.edu/uscode/text/26/1223",
        ),
        _ref(
            "Cal. R&TC 17076",
            "California Revenue and Taxation Code 17076 (the 2% floor still applies)",
            "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml"
            "?lawCode=RTC&sectionNum=17076.",
        ),
    )
}


# The authorities of the inherited, education and conversion rules, kept beside this list.
REFERENCES.update({short: _ref(short, title, url) for short, title, url in SOURCES})


def cite(short: str, pinpoint: str = "", accounts: frozenset[str] | None = None) -> Citation:
    return Citation(REFERENCES[short], pinpoint, accounts)
