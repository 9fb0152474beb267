"""Dated legal parameters, each with the reference it rests on.

Rule code asks these objects for a limit or a year boundary; it never holds a
bare number. A change in the law is a new dated period here.
No Django imports: the law can be read and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# The first tax year the tool answers for: the first year of the 2% floor on
# miscellaneous itemized deductions (Tax Reform Act of 1986), the regime every
# later year is compared against.
FIRST_TAX_YEAR = 1987


@dataclass(frozen=True)
class Reference:
    short: str
    title: str
    url: str


@dataclass(frozen=True)
class Citation:
    reference: Reference
    pinpoint: str = ""

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
            "Tax Cuts and Jobs Act, Public Law 115-97 (22 Dec 2017)",
            "https://www.congress.gov/115/plaws/publ97/PLAW-115publ97.pdf",
        ),
        _ref(
            "P.L. 119-21",
            "Public Law 119-21 (4 Jul 2025), sec. 70110",
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
            "Revenue Ruling 72-305 (lump-sum payout below employee contributions)",
            "https://www.irs.gov/pub/irs-utl/rr72-305.pdf",
        ),
        _ref(
            "Fish",
            "Fish v. Commissioner, T.C. Memo. 2015-176",
            "https://www.ustaxcourt.gov/",
        ),
    )
}


def cite(short: str, pinpoint: str = "") -> Citation:
    return Citation(REFERENCES[short], pinpoint)


@dataclass(frozen=True)
class Period:
    """Tax years from `start` to `end` (inclusive; no end: still in force), and what
    held in them: a parameter's value with its citations, or nothing (a rule's years)."""

    start: int
    end: int | None
    value: Any = None
    citations: tuple[Citation, ...] = ()

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)

    def describe(self) -> str:
        """The years in words: "every year", "2018–2025", "2026 onward"..."""
        if self.start <= FIRST_TAX_YEAR and self.end is None:
            return "every year"
        if self.end is None:
            return f"{self.start} onward"
        if self.start <= FIRST_TAX_YEAR:
            return f"{self.end} and earlier"
        if self.start == self.end:
            return str(self.start)
        return f"{self.start}–{self.end}"


def years(start: int, end: int | None = None) -> Period:
    """A span of tax years with no value attached (a rule's years, a span of answers)."""
    return Period(start, end)


EVERY_YEAR = years(FIRST_TAX_YEAR)


@dataclass(frozen=True)
class Parameter:
    name: str
    periods: tuple[Period, ...]

    def period(self, year: int) -> Period:
        for p in self.periods:
            if year in p:
                return p
        raise LookupError(f"{self.name}: no value for tax year {year}")

    def at(self, year: int) -> Any:
        return self.period(year).value

    def where(self, value: Any) -> Period:
        """The one period in which the parameter had this value."""
        (found,) = [p for p in self.periods if p.value == value]
        return found


# --- Miscellaneous itemized deductions (where the historical IRA/plan loss went)

ALLOWED_ABOVE_FLOOR = "allowed-above-2-percent-floor"
SUSPENDED = "suspended"
TERMINATED = "terminated"

MISC_ITEMIZED_DEDUCTIONS = Parameter(
    "miscellaneous itemized deductions",
    (
        Period(
            FIRST_TAX_YEAR,
            2017,
            ALLOWED_ABOVE_FLOOR,
            (cite("IRC 67", "67(a)"), cite("Pub 529", "editions for 2017 and earlier")),
        ),
        Period(
            2018,
            2025,
            SUSPENDED,
            (cite("IRC 67", "67(g)"), cite("P.L. 115-97", "sec. 11045"), cite("Pub 529")),
        ),
        Period(
            2026,
            None,
            TERMINATED,
            (cite("IRC 67", "67(h)"), cite("P.L. 119-21", "sec. 70110")),
        ),
    ),
)

# The floor itself: the share of adjusted gross income that miscellaneous
# itemized deductions had to exceed.
TWO_PERCENT_FLOOR = Parameter(
    "floor on miscellaneous itemized deductions (share of AGI)",
    (Period(FIRST_TAX_YEAR, None, Decimal("0.02"), (cite("IRC 67", "67(a)"),)),),
)

# Which law governs the year, in words, for the results page.
LAW_NAMES = {
    ALLOWED_ABOVE_FLOOR: "the 2% floor of 26 U.S.C. 67(a) (Tax Reform Act of 1986)",
    SUSPENDED: "the Tax Cuts and Jobs Act suspension, 26 U.S.C. 67(g)",
    TERMINATED: "Public Law 119-21, sec. 70110, 26 U.S.C. 67(h)",
}

# --- Capital losses (taxable accounts)

SINGLE = "single"
MARRIED_SEPARATE = "married-filing-separately"

CAPITAL_LOSS_LIMIT = Parameter(
    "net capital loss allowed against other income per year",
    (
        Period(
            1978,
            None,
            {SINGLE: Decimal("3000"), MARRIED_SEPARATE: Decimal("1500")},
            (cite("IRC 1211", "1211(b)"), cite("Topic 409")),
        ),
    ),
)

WASH_SALE_WINDOW_DAYS = Parameter(
    "days before or after a loss sale in which a replacement purchase is a wash sale",
    (Period(1954, None, 30, (cite("IRC 1091", "1091(a)"), cite("Pub 550"))),),
)

# --- Tax on early or non-medical withdrawals (context for "what to do instead")

HSA_NON_MEDICAL_ADDITIONAL_TAX = Parameter(
    "additional tax on non-medical HSA distributions",
    (
        Period(2004, 2010, Decimal("0.10"), (cite("IRC 223", "223(f)(4)"), cite("Pub 969"))),
        Period(2011, None, Decimal("0.20"), (cite("IRC 223", "223(f)(4)"), cite("Pub 969"))),
    ),
)

ROLLOVER_WINDOW_DAYS = Parameter(
    "days to complete an indirect rollover",
    (Period(FIRST_TAX_YEAR, None, 60, (cite("Topic 413"),)),),
)

# The age before which a distribution is "early" (shown as words: 59 1/2).
EARLY_DISTRIBUTION_AGE = Parameter(
    "age before which a plan or IRA distribution is early",
    (Period(FIRST_TAX_YEAR, None, "59\u00bd", (cite("IRC 72(t)", "72(t)(2)(A)(i)"),)),),
)

EARLY_DISTRIBUTION_ADDITIONAL_TAX = Parameter(
    "additional tax on early distributions before age 59 1/2",
    (Period(1987, None, Decimal("0.10"), (cite("IRC 72(t)", "72(t)(1)"), cite("Topic 558"))),),
)

# --- When each account type (and Roth money in plans) became available.
# A question about a year before the account existed has no honest answer.

ACCOUNT_FIRST_YEAR: dict[str, tuple[int, str]] = {
    # slug: (first tax year, why)
    "roth-ira": (1998, "Roth IRAs began in tax year 1998 (Taxpayer Relief Act of 1997)"),
    "roth-401k": (2006, "Roth 401(k) accounts began in tax year 2006"),
    "hsa": (2004, "Health savings accounts began in tax year 2004"),
}

ROTH_IN_PLAN_FIRST_YEAR: dict[str, tuple[int, str]] = {
    "traditional-401k": (2006, "Roth contributions to a 401(k) began in tax year 2006"),
    "403b": (2006, "Roth contributions to a 403(b) began in tax year 2006"),
    "457b": (2011, "Roth contributions to a governmental 457(b) began in tax year 2011"),
}


def money(amount: Decimal) -> str:
    """$3,000 style, whole dollars when the amount is whole."""
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


def facts(year: int) -> dict[str, str]:
    """The figures in force for a tax year, for filling rule texts."""
    limits = CAPITAL_LOSS_LIMIT.at(year)
    misc = MISC_ITEMIZED_DEDUCTIONS.period(year)
    floor = TWO_PERCENT_FLOOR.at(year)
    return {
        "year": str(year),
        "limit": money(limits[SINGLE]),
        "limit_separate": money(limits[MARRIED_SEPARATE]),
        "floor": _percent(floor),
        "wash_days": str(WASH_SALE_WINDOW_DAYS.at(year)),
        "misc_law": LAW_NAMES[misc.value],
        "last_floor_year": str(MISC_ITEMIZED_DEDUCTIONS.where(ALLOWED_ABOVE_FLOOR).end),
        "tcja_years": MISC_ITEMIZED_DEDUCTIONS.where(SUSPENDED).describe(),
        "rollover_days": str(ROLLOVER_WINDOW_DAYS.at(year)),
        "early_age": EARLY_DISTRIBUTION_AGE.at(year),
        "early_tax": _percent(EARLY_DISTRIBUTION_ADDITIONAL_TAX.at(year)),
        # HSAs began in 2004; for earlier years the first rate is the one that applied.
        "hsa_tax": _percent(
            HSA_NON_MEDICAL_ADDITIONAL_TAX.at(
                max(year, HSA_NON_MEDICAL_ADDITIONAL_TAX.periods[0].start)
            )
        ),
    }


def _percent(rate: Decimal) -> str:
    return f"{rate * 100:.0f}%"
