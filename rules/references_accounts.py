"""Authorities for the inherited IRAs, the education accounts (529 plans and
Coverdell accounts) and Roth conversions: (short name, title, where to open it).

rules.references adds them to REFERENCES, so `cite("IRC 529")` works like any other.
No Django imports.
"""

from __future__ import annotations

_USC = "https://www.law.cornell.edu/uscode/text/26/"
_CFR = "https://www.law.cornell.edu/cfr/text/26/"
_DROP = "https://www.irs.gov/pub/irs-drop/"

SOURCES: tuple[tuple[str, str, str], ...] = (
    ("IRC 529", "26 U.S.C. 529, Qualified tuition programs", _USC + "529"),
    ("IRC 530", "26 U.S.C. 530, Coverdell education savings accounts", _USC + "530"),
    (
        "IRC 691",
        "26 U.S.C. 691, Recipients of income in respect of decedents",
        _USC + "691",
    ),
    (
        "Treas. Reg. 1.408A-4",
        "Treas. Reg. 1.408A-4, Converting amounts to Roth IRAs",
        _CFR + "1.408A-4",
    ),
    (
        "Treas. Reg. 1.408A-5",
        "Treas. Reg. 1.408A-5, Recharacterized contributions",
        _CFR + "1.408A-5",
    ),
    (
        "Pub 590-A",
        "IRS Publication 590-A, Contributions to Individual Retirement Arrangements (IRAs)",
        "https://www.irs.gov/publications/p590a",
    ),
    (
        "Pub 970",
        "IRS Publication 970, Tax Benefits for Education",
        "https://www.irs.gov/publications/p970",
    ),
    (
        "Pub 970 (2017)",
        "IRS Publication 970, Tax Benefits for Education (2017 edition)",
        "https://www.irs.gov/pub/irs-prior/p970--2017.pdf",
    ),
    (
        "Pub 559",
        "IRS Publication 559, Survivors, Executors, and Administrators",
        "https://www.irs.gov/publications/p559",
    ),
    (
        "Form 8606 instructions",
        "Instructions for Form 8606, Nondeductible IRAs",
        "https://www.irs.gov/instructions/i8606",
    ),
    (
        "Notice 2008-30",
        "IRS Notice 2008-30 (rollovers from workplace plans to Roth IRAs)",
        _DROP + "n-08-30.pdf",
    ),
    (
        "Notice 2010-84",
        "IRS Notice 2010-84 (Roth rollovers inside a plan)",
        _DROP + "n-10-84.pdf",
    ),
    (
        "Notice 2016-13",
        "IRS Notice 2016-13 (529 accounts no longer counted together, PATH Act)",
        _DROP + "n-16-13.pdf",
    ),
    (
        "P.L. 109-280",
        "Pension Protection Act of 2006, Public Law 109-280 (August 17, 2006)",
        "https://www.congress.gov/109/plaws/publ280/PLAW-109publ280.pdf",
    ),
    (
        "P.L. 114-113",
        "Consolidated Appropriations Act, 2016, Public Law 114-113 (December 18, 2015), division "
        "Q: Protecting Americans from Tax Hikes (PATH) Act of 2015",
        "https://www.congress.gov/114/plaws/publ113/PLAW-114publ113.pdf",
    ),
    (
        "P.L. 117-328",
        "Consolidated Appropriations Act, 2023, Public Law 117-328 (December 29, 2022), division "
        "T: SECURE 2.0 Act of 2022",
        "https://www.congress.gov/117/plaws/publ328/PLAW-117publ328.pdf",
    ),
)
