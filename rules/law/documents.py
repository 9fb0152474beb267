"""What the bibliography is made of: a document, a citation of it, and the public laws
(the acts of Congress the rules cite, each with the day it was signed in its title).

No Django imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Document:
    short: str  # the key: "IRC 165", "Pub 590-B", "Form 8949"
    title: str
    url: str
    # An IRS form: its name as our texts write it ("Form 8949", "Schedule D"), and the key
    # of its instructions' entry.
    name: str = ""
    instructions: str = ""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # "Form 1099-R" but not "Form 1099-RA"; "Schedule D" but not "Schedule D-1".
        return re.compile(rf"(?<![\w-]){re.escape(self.name)}(?![\w-])")

    @property
    def instructions_url(self) -> str:
        from rules.law.bibliography import DOCUMENTS

        return DOCUMENTS[self.instructions].url

    @property
    def instructions_title(self) -> str:
        """The link to a form's instructions, in the list of forms a page names."""
        return f"Instructions for {self.name}"


@dataclass(frozen=True)
class Citation:
    reference: Document
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


PUBLIC_LAWS: tuple[Document, ...] = (
    Document(
        "P.L. 99-514",
        "Tax Reform Act of 1986, Public Law 99-514 (October 22, 1986)",
        "https://www.congress.gov/bill/99th-congress/house-bill/3838",
    ),
    Document(
        "P.L. 104-188",
        "Small Business Job Protection Act of 1996, Public Law 104-188 (August 20, 1996)",
        "https://www.congress.gov/104/plaws/publ188/PLAW-104publ188.pdf",
    ),
    Document(
        "P.L. 105-34",
        "Taxpayer Relief Act of 1997, Public Law 105-34 (August 5, 1997)",
        "https://www.congress.gov/105/plaws/publ34/PLAW-105publ34.pdf",
    ),
    Document(
        "P.L. 107-16",
        "Economic Growth and Tax Relief Reconciliation Act of 2001, Public Law 107-16 "
        "(June 7, 2001)",
        "https://www.congress.gov/107/plaws/publ16/PLAW-107publ16.pdf",
    ),
    Document(
        "P.L. 108-173",
        "Medicare Prescription Drug, Improvement, and Modernization Act of 2003, Public Law "
        "108-173 (December 8, 2003)",
        "https://www.congress.gov/108/plaws/publ173/PLAW-108publ173.pdf",
    ),
    Document(
        "P.L. 111-240",
        "Small Business Jobs Act of 2010, Public Law 111-240 (September 27, 2010)",
        "https://www.congress.gov/111/plaws/publ240/PLAW-111publ240.pdf",
    ),
    Document(
        "P.L. 115-97",
        "Tax Cuts and Jobs Act, Public Law 115-97 (December 22, 2017)",
        "https://www.congress.gov/115/plaws/publ97/PLAW-115publ97.pdf",
    ),
    Document(
        "P.L. 119-21",
        "Public Law 119-21 (July 4, 2025), known as the One Big Beautiful Bill Act",
        "https://www.congress.gov/119/plaws/publ21/PLAW-119publ21.htm",
    ),
    Document(
        "P.L. 109-280",
        "Pension Protection Act of 2006, Public Law 109-280 (August 17, 2006)",
        "https://www.congress.gov/109/plaws/publ280/PLAW-109publ280.pdf",
    ),
    Document(
        "P.L. 114-113",
        "Consolidated Appropriations Act, 2016, Public Law 114-113 (December 18, 2015), "
        "division Q: Protecting Americans from Tax Hikes (PATH) Act of 2015",
        "https://www.congress.gov/114/plaws/publ113/PLAW-114publ113.pdf",
    ),
    Document(
        "P.L. 117-328",
        "Consolidated Appropriations Act, 2023, Public Law 117-328 (December 29, 2022), "
        "division T: SECURE 2.0 Act of 2022",
        "https://www.congress.gov/117/plaws/publ328/PLAW-117publ328.pdf",
    ),
)
