"""LAW.md's worked examples with figures."""

from decimal import Decimal as D

from rules import law
from rules.amounts import basis_loss, capital_loss_use


def test_ira_closed_in_2017_basis_12000_received_10000_agi_50000_deducts_1000():
    # Loss: 12,000 - 10,000 = 2,000. Floor: 2% of 50,000 = 1,000. Deductible: 1,000.
    r = basis_loss(2017, D("12000"), D("10000"), D("50000"))
    assert (r.loss, r.floor, r.deductible) == (D("2000"), D("1000.00"), D("1000.00"))


def test_the_same_loss_in_2018_and_2026_deducts_nothing():
    for year in (2018, 2026):
        assert basis_loss(year, D("12000"), D("10000"), D("50000")).deductible == 0


def test_a_loss_under_the_floor_deducts_nothing_but_other_items_count():
    assert basis_loss(2010, D("1000"), D("500"), D("50000")).deductible == 0
    # 500 + 800 other items - 1,000 floor = 300
    assert basis_loss(2010, D("1000"), D("500"), D("50000"), D("800")).deductible == D("300")


def test_single_net_loss_10000_no_gains_uses_3000_and_carries_7000():
    r = capital_loss_use(2026, D("10000"))
    assert (r.against_gains, r.against_other_income, r.carried_forward) == (0, D("3000"), D("7000"))


def test_married_filing_separately_uses_1500():
    r = capital_loss_use(2026, D("10000"), filing_status=law.MARRIED_SEPARATE)
    assert (r.against_other_income, r.carried_forward) == (D("1500"), D("8500"))


def test_gains_are_offset_first_without_limit():
    # 10,000 loss - 8,000 gains = 2,000 net, all of it within the limit.
    r = capital_loss_use(2026, D("10000"), gains=D("8000"))
    assert (r.against_gains, r.against_other_income, r.carried_forward) == (D("8000"), D("2000"), 0)
