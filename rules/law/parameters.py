"""Dated legal parameters, each with the reference it rests on.

Rule code asks these objects for a limit or a year boundary; it never holds a
bare number. A change in the law is a new dated period here.
No Django imports: the law can be read and tested on its own.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

# The building blocks, read as law.Period, law.years..., live in rules.law.periods; the
# rules peculiar to some accounts, in rules.law.account_parameters.
from rules.law import account_parameters as law_accounts
from rules.law import enactments as enacted
from rules.law.account_parameters import RECHARACTERIZATION  # noqa: F401
from rules.law.bibliography import Citation, cite  # noqa: F401
from rules.law.periods import (  # noqa: F401
    EVERY_YEAR,
    FIRST_TAX_YEAR,
    Parameter,
    Period,
    years,
)
from rules.law.verdicts import ITEMIZED_2_PERCENT, ITEMIZED_SUSPENDED

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
            (
                cite("IRC 67", "67(a)"),
                cite("Pub 529 (2017)", "Deductions Subject to the 2% Limit"),
            ),
            enacted=enacted.TAX_REFORM_1986,
            enacted_end=None,
        ),
        Period(
            2018,
            2025,
            SUSPENDED,
            (cite("IRC 67", "67(g)"), cite("P.L. 115-97", "sec. 11045"), cite("Pub 529")),
            enacted=enacted.TCJA,
        ),
        Period(
            2026,
            None,
            TERMINATED,
            (cite("IRC 67", "67(h)"), cite("P.L. 119-21", "sec. 70110")),
            enacted=enacted.PL_119_21,
        ),
    ),
)

# The floor itself: the share of adjusted gross income that miscellaneous
# itemized deductions had to exceed.
TWO_PERCENT_FLOOR = Parameter(
    "floor on miscellaneous itemized deductions (share of AGI)",
    (Period(FIRST_TAX_YEAR, None, Decimal("0.02"), (cite("IRC 67", "67(a)"),)),),
)

# The laws a saver may have heard of, by the names people use for them (the
# citations are in the periods above, and on the results page under Sources).
TAX_REFORM_ACT_1986 = "the Tax Reform Act of 1986"
TCJA = "the 2017 tax law"
TAX_LAW_2017 = f"{TCJA} (the Tax Cuts and Jobs Act, Public Law 115-97)"
OBBBA = "the 2025 tax law"
TAX_LAW_2025 = f"{OBBBA} (the One Big Beautiful Bill Act, Public Law 119-21)"

# Which law governs the year, in words, for the results page.
LAW_NAMES = {
    ALLOWED_ABOVE_FLOOR: f"{TAX_REFORM_ACT_1986}, which allowed this kind of deduction above "
    "2% of adjusted gross income",
    SUSPENDED: TAX_LAW_2017,
    TERMINATED: TAX_LAW_2025,
}

# Where the federal answer leaves out a state's own return: the outcomes whose deduction
# some states still allow, and what the results page says about it.
STATE_NOTE_OUTCOMES = (ITEMIZED_SUSPENDED, ITEMIZED_2_PERCENT)  # a tuple: its repr is stable
STATE_NOTE = (
    "Some states still allow miscellaneous itemized deductions on their own return: "
    "California does (California Revenue and Taxation Code 17076). Check your state's rules."
)


def state_note(outcomes) -> str:
    """The note on states for a page whose answer (or one of its branches) has these
    outcomes; empty when none of them is one some states still allow."""
    return STATE_NOTE if any(o in STATE_NOTE_OUTCOMES for o in outcomes) else ""


# --- Capital losses (taxable accounts)

SINGLE = "single"
MARRIED_SEPARATE = "married-filing-separately"
JOINT = "married-filing-jointly"

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

# --- Section 1244 stock: an ordinary loss within a yearly limit

SECTION_1244_LIMIT = Parameter(
    "ordinary loss allowed on Section 1244 stock per year",
    (
        Period(
            FIRST_TAX_YEAR,
            None,
            {SINGLE: Decimal("50000"), JOINT: Decimal("100000")},
            (cite("IRC 1244", "1244(b)"),),
        ),
    ),
)

# Whether the wash-sale rule reaches cryptocurrency that is not a security. Most
# likely not, though no guidance says so: 1091(a) names stock or securities, and
# Notice 2014-21 treats crypto as property. A change in the law would be a new period.
WASH_SALE_COVERS_CRYPTO = Parameter(
    "wash-sale rule applies to digital assets that are not securities",
    (
        Period(
            FIRST_TAX_YEAR,
            None,
            False,
            (cite("IRC 1091", "1091(a)"), cite("Notice 2014-21")),
            enacted=enacted.CRYPTO_IS_PROPERTY,
        ),
    ),
)

# Before 2002 (EGTRRA secs. 641-643) money could not move between most different
# kinds of plan, and after-tax plan money could not be rolled over at all.
ROLLOVER_PORTABILITY = Parameter(
    "what a rollover could carry",
    (
        Period(
            FIRST_TAX_YEAR,
            2001,
            " Before 2002 the rules were narrower: after-tax money in a plan could not be "
            "rolled over, and money could not move between most different kinds of plan, "
            "so some moves were taxable payouts.",
            (cite("IRC 402", "402(c)(2)"),),
        ),
        Period(2002, None, "", (cite("IRC 402", "402(c)(2)"),)),
    ),
)

# --- Forms named in the texts

# Form 8949 took sales off Schedule D itself from tax year 2011.
SALE_FORMS = Parameter(
    "where a sale of an investment is reported",
    (
        Period(FIRST_TAX_YEAR, 2010, "Schedule D", (cite("Pub 550"),)),
        Period(2011, None, "Form 8949 and Schedule D", (cite("Form 8949"),)),
    ),
)

# --- The "how much" worksheets (rules.law.worksheets): which form lines to name

# Schedule D's line numbers as the worksheets name them (lines 6, 7, 14, 15, 16
# and 21, and the 13 lines of the Capital Loss Carryover Worksheet) are those of
# the form as redesigned with Form 8949 for 2011; earlier years are named by what
# the line holds, without a number.
SCHEDULE_D_LINE_NUMBERS = Parameter(
    "Schedule D and its Capital Loss Carryover Worksheet, numbered as now",
    (Period(2011, None, True, (cite("Schedule D instructions"), cite("Form 8949"))),),
)

# The 2% floor's lines on the last Schedule A that had them (2017): other
# expenses on line 23, their total on 24, AGI from Form 1040 line 38 on 25, 2% of
# it on 26, the part above the floor on 27; the total of itemized deductions on 29.
SCHEDULE_A_FLOOR_LINES = Parameter(
    "Schedule A lines for miscellaneous deductions subject to the 2% floor",
    (
        Period(
            2017,
            2017,
            {"items": "21 to 23", "other": 23, "total": 24, "agi": 25, "floor": 26,
             "above": 27, "itemized": 29, "form_1040_agi": 38},
            (cite("Schedule A instructions (2017)"),),
        ),
    ),
)

# 1212(b)(2)(B): the taxable income that limits the part of the deduction treated
# as used adds back personal exemptions. While there were exemptions, the
# carryover worksheet's line 1 was taxable income before them (Form 1040 line 41
# for 2017); from 2018 the exemption amount is zero.
TAXABLE_INCOME_BEFORE_EXEMPTIONS = Parameter(
    "the carryover worksheet takes taxable income before personal exemptions",
    (
        Period(FIRST_TAX_YEAR, 2017, True, (cite("IRC 1212", "1212(b)(2)(B)"),)),
        Period(2018, None, False, (cite("IRC 1212", "1212(b)(2)(B)"), cite("P.L. 115-97"))),
    ),
)

# --- The time to claim a refund (rules.law.claims works out the dates)

# Years after the return's due date to claim a refund by amending, when the
# return was filed on time (a return filed early counts as filed on its due date).
REFUND_CLAIM_YEARS = Parameter(
    "years to claim a refund after a return filed on time",
    (Period(FIRST_TAX_YEAR, None, 3, (cite("IRC 6511", "6511(a)"), cite("IRC 6513", "6513(a)"))),),
)
# For a worthless security (or a bad debt), the period is longer.
WORTHLESS_CLAIM_YEARS = Parameter(
    "years to claim a refund for a loss on a worthless security",
    (Period(FIRST_TAX_YEAR, None, 7, (cite("IRC 6511", "6511(d)(1)"),)),),
)
# Individual returns are due on April 15 of the next year (IRC 6072(a)), moved to
# the next business day by weekends and holidays (IRC 7503), and postponed twice.
# A postponement is not an extension (Treas. Reg. 301.7508A-1(b)(4)): it leaves the
# last day prescribed for filing at April 15, so a return filed by then still counts
# as filed on April 15 (6513(a)) and its 3 years ran from April 15. A return filed
# after April 15 and by the postponed date has 3 years from the day it was filed
# (6511(a)); Notice 2023-21 leaves the postponement out of the lookback of
# 6511(b)(2)(A), so the tax deemed paid on April 15 stays refundable.
RETURN_DUE_POSTPONED = Parameter(
    "postponed due date of individual returns",
    (
        Period(
            2019,
            2019,
            (7, 15),
            (cite("Notice 2020-23"), cite("Notice 2023-21"), cite("Treas. Reg. 301.7508A-1")),
            enacted=enacted.POSTPONED_2020,
        ),
        Period(
            2020,
            2020,
            (5, 17),
            (cite("Notice 2021-21"), cite("Notice 2023-21"), cite("Treas. Reg. 301.7508A-1")),
            enacted=enacted.POSTPONED_2021,
        ),
    ),
)
# Deadlines postponed for everyone (IRC 7508A): a refund claim whose last day fell
# in the window could be made until the window's new date.
DEADLINE_POSTPONEMENTS = (
    # (first day, last day, new last day, authority)
    ((2020, 4, 1), (2020, 7, 14), (2020, 7, 15), enacted.POSTPONED_2020),
    ((2021, 4, 15), (2021, 5, 16), (2021, 5, 17), enacted.POSTPONED_2021),
)

# Emancipation Day, a legal holiday in the District of Columbia, moves a deadline
# that falls on the day it is observed (IRC 7503). It became a holiday during
# 2005, when the April 15 deadline stood; it first moved one in 2007 (to April 17),
# and in 2011 (observed on Friday April 15) moved it to April 18.
EMANCIPATION_DAY_FIRST_YEAR = 2006


def money(amount: Decimal) -> str:
    """$3,000 style, whole dollars when the amount is whole."""
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


@lru_cache(maxsize=256)  # tax years only: a bounded space
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
        "tcja": TCJA,
        "tcja_full": TAX_LAW_2017,
        "obbba": OBBBA,
        "obbba_full": TAX_LAW_2025,
        "rollover_days": str(ROLLOVER_WINDOW_DAYS.at(year)),
        "early_age": EARLY_DISTRIBUTION_AGE.at(year),
        "early_tax": _percent(EARLY_DISTRIBUTION_ADDITIONAL_TAX.at(year)),
        # HSAs began in 2004; for earlier years the first rate is the one that applied.
        "sale_forms": SALE_FORMS.at(year),
        "s1244_limit": money(SECTION_1244_LIMIT.at(year)[SINGLE]),
        "s1244_limit_joint": money(SECTION_1244_LIMIT.at(year)[JOINT]),
        "worthless_claim_years": str(WORTHLESS_CLAIM_YEARS.at(year)),
        "portability": ROLLOVER_PORTABILITY.at(year),
        "hsa_tax": _percent(
            HSA_NON_MEDICAL_ADDITIONAL_TAX.at(
                max(year, HSA_NON_MEDICAL_ADDITIONAL_TAX.periods[0].start)
            )
        ),
        **law_accounts.facts(year),
    }


def _percent(rate: Decimal) -> str:
    return f"{rate * 100:.0f}%"
