"""The arithmetic behind two outcomes, for worked examples. Money is Decimal.

No Django imports. Figures come from rules.law for the tax year asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rules import law

ZERO = Decimal("0")


@dataclass(frozen=True)
class BasisLoss:
    loss: Decimal  # unrecovered basis minus everything received
    floor: Decimal  # 2% of AGI
    deductible: Decimal  # what survives the floor (before 2018), else 0


def basis_loss(
    year: int,
    basis: Decimal,
    received: Decimal,
    agi: Decimal,
    other_miscellaneous: Decimal = ZERO,
) -> BasisLoss:
    """Loss on closing every account of a kind, and what the 2% floor left of it."""
    loss = max(ZERO, basis - received)
    floor = (agi * law.TWO_PERCENT_FLOOR.at(year)).quantize(Decimal("0.01"))
    if law.MISC_ITEMIZED_DEDUCTIONS.at(year) != law.ALLOWED_ABOVE_FLOOR:
        return BasisLoss(loss, floor, ZERO)
    return BasisLoss(loss, floor, max(ZERO, loss + other_miscellaneous - floor))


@dataclass(frozen=True)
class CapitalLossUse:
    against_gains: Decimal
    against_other_income: Decimal
    carried_forward: Decimal


def capital_loss_use(
    year: int, losses: Decimal, gains: Decimal = ZERO, filing_status: str = law.SINGLE
) -> CapitalLossUse:
    """How a year's capital losses are used: gains first, then the yearly limit.

    Simplified: ignores the short/long-term split and the adjusted-taxable-income
    cap of 1212(b)(2), which can only make the carryover larger.
    """
    against_gains = min(losses, gains)
    net = losses - against_gains
    limit = law.CAPITAL_LOSS_LIMIT.at(year)[filing_status]
    against_income = min(net, limit)
    return CapitalLossUse(against_gains, against_income, net - against_income)
