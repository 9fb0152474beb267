"""The dated rules of Roth conversions and education accounts. rules.law.parameters reads these.

(When each account, its Roth money and the events peculiar to it began is part of the
account's record, in rules.law.accounts.) No Django imports.
"""

from __future__ import annotations

from decimal import Decimal

from rules.law import enactments as enacted
from rules.law.bibliography import cite
from rules.law.periods import Parameter, Period

# --- Roth conversions

# A conversion made in tax years 1998 to 2017 could be undone (recharacterized) by the
# return's due date with extensions; the Tax Cuts and Jobs Act ended that for
# conversions made in tax years from 2018 (a 2017 conversion could still be undone
# until October 15, 2018).
RECHARACTERIZATION = Parameter(
    "a Roth conversion can be undone by recharacterizing it",
    (
        Period(
            1998,
            2017,
            True,
            (cite("IRC 408A", "408A(d)(6)"), cite("Treas. Reg. 1.408A-5")),
            enacted=enacted.ROTH_IRA_BEGAN,
            enacted_end=None,
        ),
        Period(
            2018,
            None,
            False,
            (cite("IRC 408A", "408A(d)(6)(B)(iii)"), cite("P.L. 115-97", "sec. 13611")),
            enacted=enacted.TCJA_RECHARACTERIZATION,
        ),
    ),
)

# Until 2009 a conversion needed modified AGI of $100,000 or less, and was not open
# to a married person filing separately (408A(c)(3)(B) as then in force; repealed for
# tax years after 2009 by the Tax Increase Prevention and Reconciliation Act of 2005).
CONVERSION_INCOME_LIMIT = Parameter(
    "most modified AGI with which a Roth conversion was allowed",
    (
        Period(1998, 2009, Decimal("100000"), (cite("IRC 408A", "408A(c)(3)(B)"),)),
        Period(2010, None, None, (cite("IRC 408A", "408A(c)(3)"),)),
    ),
)

# --- 529 plans and Coverdell accounts

# Until 2014 every 529 account in the same program for the same beneficiary was
# counted as one account; the PATH Act repealed that for distributions after 2014.
QTP_AGGREGATION = Parameter(
    "529 accounts in one program for one beneficiary counted as one",
    (
        Period(
            1996,
            2014,
            True,
            (cite("IRC 529", "529(c)(3)(D) before 2015"),),
            enacted=enacted.QTP_BEGAN,
            enacted_end=None,
        ),
        Period(
            2015,
            None,
            False,
            (cite("P.L. 114-113", "div. Q, sec. 302(b)"), cite("Notice 2016-13")),
            enacted=enacted.QTP_AGGREGATION_ENDED,
        ),
    ),
)

# Where a 529 can move without tax, besides another 529 for the same beneficiary or a
# member of the family: an ABLE account (distributions after December 22, 2017, within
# the ABLE yearly limit), and from 2024 the beneficiary's Roth IRA within a lifetime
# limit (SECURE 2.0 Act sec. 126).
_ABLE = (cite("IRC 529", "529(c)(3)(C)(i)(III)"), cite("P.L. 115-97", "sec. 11025"))
QTP_ROLLOVER_TARGETS = Parameter(
    "where a 529 can be rolled over, besides another 529",
    (
        Period(1996, 2016, (), (cite("IRC 529", "529(c)(3)(C)"),)),
        Period(2017, 2017, ("able-from-december-22",), _ABLE),
        Period(2018, 2023, ("able",), _ABLE),
        Period(
            2024,
            None,
            ("able", "roth-ira"),
            (*_ABLE, cite("IRC 529", "529(c)(3)(E)"), cite("P.L. 117-328", "sec. 126")),
        ),
    ),
)
QTP_TO_ROTH_LIMITS = Parameter(
    "limits on 529 money rolled into the beneficiary's Roth IRA",
    (
        Period(
            2024,
            None,
            {"lifetime": Decimal("35000"), "years_open": 15},
            (cite("IRC 529", "529(c)(3)(E)"),),
        ),
    ),
)


def money(amount: Decimal) -> str:
    return f"${amount:,.0f}"


def facts(year: int) -> dict[str, str]:
    """This module's figures for a tax year, as words for rule texts (see law.facts)."""
    limit = CONVERSION_INCOME_LIMIT.get(year)
    targets = QTP_ROLLOVER_TARGETS.get(year, ())
    moves = ["another 529 for the same beneficiary or a member of the family"]
    if "able-from-december-22" in targets:
        moves.append("from December 22, an ABLE account (within the ABLE yearly limit)")
    if "able" in targets:
        moves.append("an ABLE account (within the ABLE yearly limit)")
    if "roth-ira" in targets:
        roth = QTP_TO_ROTH_LIMITS.at(year)
        moves.append(
            f"the beneficiary's Roth IRA (up to {money(roth['lifetime'])} in a lifetime, "
            f"once the 529 has been open {roth['years_open']} years)"
        )
    last_undone = RECHARACTERIZATION.where(True).end
    return {
        "conversion_limit": (
            f" In {year} a conversion was allowed only with modified adjusted gross income "
            f"of {money(limit)} or less, and not on a married-filing-separately return."
            if limit
            else ""
        ),
        "recharacterize": (
            "could be undone by recharacterizing it by the return's due date, extensions "
            "included"
            if RECHARACTERIZATION.get(year)
            else "cannot be undone: recharacterizing a conversion ended with conversions "
            f"made in {last_undone}"
        ),
        "qtp_moves": ", ".join(moves[:-1]) + ", or " + moves[-1] if len(moves) > 1 else moves[0],
        "qtp_accounts": (
            "every 529 account in the same program for the same beneficiary counted as one, "
            "and all had to be empty"
            if QTP_AGGREGATION.get(year)
            else "each 529 account counts on its own"
        ),
    }
