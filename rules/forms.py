"""The IRS forms our texts name, and where a reader can open each one and its instructions.

The results page links the first mention of a form to its page on irs.gov and
lists every form it names under Sources, so a printout handed to a tax
preparer carries the addresses. The "About Form ..." pages on irs.gov list the
current revision and link the prior-year ones. No Django imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IRS = "https://www.irs.gov"


@dataclass(frozen=True)
class Form:
    name: str  # as our texts write it: "Form 8949", "Schedule D"
    title: str
    url: str
    instructions_url: str
    instructions_title: str

    @property
    def pattern(self) -> re.Pattern[str]:
        # "Form 1099-R" but not "Form 1099-RA"; "Schedule D" but not "Schedule D-1".
        return re.compile(rf"(?<![\w-]){re.escape(self.name)}(?![\w-])")


def _form(number: str, title: str, about: str, instructions: str, name: str = "") -> Form:
    name = name or f"Form {number}"
    return Form(
        name=name,
        title=f"IRS {name}, {title}",
        url=f"{IRS}/forms-pubs/about-{about}",
        instructions_url=f"{IRS}/instructions/{instructions}",
        instructions_title=f"Instructions for {name}",
    )


FORMS: tuple[Form, ...] = (
    _form("8949", "Sales and Other Dispositions of Capital Assets", "form-8949", "i8949"),
    _form(
        "D",
        "Capital Gains and Losses (with the Capital Loss Carryover Worksheet in its instructions)",
        "schedule-d-form-1040",
        "i1040sd",
        name="Schedule D",
    ),
    _form("8606", "Nondeductible IRAs", "form-8606", "i8606"),
    _form(
        "1099-R",
        "Distributions From Pensions, Annuities, Retirement or Profit-Sharing Plans, IRAs, "
        "Insurance Contracts, etc.",
        "form-1099-r",
        "i1099r",
    ),
    _form("A", "Itemized Deductions", "schedule-a-form-1040", "i1040sca", name="Schedule A"),
    _form("1040-X", "Amended U.S. Individual Income Tax Return", "form-1040x", "i1040x"),
    _form("4797", "Sales of Business Property", "form-4797", "i4797"),
    _form(
        "1099-B", "Proceeds From Broker and Barter Exchange Transactions", "form-1099-b", "i1099b"
    ),
    _form("1099-DA", "Digital Asset Proceeds From Broker Transactions", "form-1099-da", "i1099da"),
    _form("8889", "Health Savings Accounts (HSAs)", "form-8889", "i8889"),
    _form(
        "1099-SA",
        "Distributions From an HSA, Archer MSA, or Medicare Advantage MSA",
        "form-1099-sa",
        "i1099sa",
    ),
)
FORMS_BY_NAME = {f.name: f for f in FORMS}


def named_in(text: str) -> list[Form]:
    """The forms a text names, in the order of FORMS."""
    return [f for f in FORMS if f.pattern.search(text)]
