"""When the dated pieces of the law became law: each statute's signing day or notice's
release day, cited, with what it did in words. rules.law.parameters, account_parameters
and accounts attach them to the periods and beginnings they created; rules.law.as_of reads
the law as it stood on a day from them; /changes/ lists them. No Django imports.
"""

from __future__ import annotations

from datetime import date

from rules.law.bibliography import cite
from rules.law.periods import Enactment

TAX_REFORM_1986 = Enactment(
    date(1986, 10, 22),
    cite("P.L. 99-514", "sec. 132"),
    "limited miscellaneous itemized deductions to the part above 2% of adjusted gross income",
)
QTP_BEGAN = Enactment(
    date(1996, 8, 20),
    cite("P.L. 104-188", "sec. 1806"),
    "created 529 plans (qualified tuition programs) from tax year 1996",
    frozenset({"529"}),
)
ROTH_IRA_BEGAN = Enactment(
    date(1997, 8, 5),
    cite("P.L. 105-34", "sec. 302"),
    "created Roth IRAs and Roth conversions (which could be undone by recharacterizing "
    "them) from tax year 1998",
)
EDUCATION_IRA_BEGAN = Enactment(
    date(1997, 8, 5),
    cite("P.L. 105-34", "sec. 213"),
    "created Education IRAs, now Coverdell accounts, from tax year 1998",
)
ROTH_PLANS_BEGAN = Enactment(
    date(2001, 6, 7),
    cite("P.L. 107-16", "sec. 617"),
    "allowed Roth money in 401(k) and 403(b) plans from tax year 2006",
)
HSA_BEGAN = Enactment(
    date(2003, 12, 8),
    cite("P.L. 108-173", "sec. 1201"),
    "created health savings accounts from tax year 2004",
)
PLAN_TO_ROTH_BEGAN = Enactment(
    date(2006, 8, 17),
    cite("P.L. 109-280", "sec. 824"),
    "let a workplace plan be converted straight to a Roth IRA from tax year 2008",
)
ROTH_457B_BEGAN = Enactment(
    date(2010, 9, 27),
    cite("P.L. 111-240", "sec. 2111"),
    "allowed Roth money in governmental 457(b) plans from tax year 2011",
)
CRYPTO_IS_PROPERTY = Enactment(
    date(2014, 3, 25),
    cite("Notice 2014-21"),
    "treated virtual currency as property; the wash-sale rule names only stock or "
    "securities, so it most likely does not reach it",
)
QTP_AGGREGATION_ENDED = Enactment(
    date(2015, 12, 18),
    cite("P.L. 114-113", "div. Q, sec. 302(b)"),
    "stopped counting every 529 account in one program for one beneficiary as one account, "
    "for distributions from 2015",
    frozenset({"529"}),
)
TCJA = Enactment(
    date(2017, 12, 22),
    cite("P.L. 115-97", "sec. 11045"),
    "suspended miscellaneous itemized deductions for 2018–2025",
)
TCJA_RECHARACTERIZATION = Enactment(
    date(2017, 12, 22),
    cite("P.L. 115-97", "sec. 13611"),
    "ended undoing a Roth conversion by recharacterizing it, for conversions from 2018",
)
POSTPONED_2020 = Enactment(
    date(2020, 4, 9),
    cite("Notice 2020-23"),
    "postponed the due date of 2019 returns to July 15, 2020, and deadlines falling from "
    "April 1 to July 14, 2020",
)
POSTPONED_2021 = Enactment(
    date(2021, 3, 29),
    cite("Notice 2021-21"),
    "postponed the due date of 2020 returns to May 17, 2021, and deadlines falling from "
    "April 15 to May 16, 2021",
)
PL_119_21 = Enactment(
    date(2025, 7, 4),
    cite("P.L. 119-21", "sec. 70110"),
    "removed the end date of the suspension of miscellaneous itemized deductions, so they "
    "stay disallowed from 2026",
)
