"""The "how much" worksheets: worked cases from the law and the IRS, and invariants.

Each worked case names where its figures come from. Money is Decimal, in cents.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.law import worksheets as w

CENT = D("0.01")


def _out(sheet: w.Worksheet) -> dict[str, D]:
    return sheet.outputs


# (case, source, worksheet call, expected outputs)
WORKED = [
    (
        "single, net loss 10,000, no gains: 3,000 now, 7,000 carried",
        "LAW.md section 8; IRC 1211(b), 1212(b)",
        lambda: w.capital_loss("single", 2026, D("-10000"), D("0")),
        {"deduction": "3000", "carryover_short": "7000", "carryover_long": "0", "net": "-10000"},
    ),
    (
        "married filing separately: the limit is 1,500",
        "IRC 1211(b)(1); IRS Topic 409",
        lambda: w.capital_loss("married-separate", 2026, D("0"), D("-10000")),
        {"deduction": "1500", "carryover_short": "0", "carryover_long": "8500", "net": "-10000"},
    ),
    (
        "joint return, capital loss 7,000, no other sales: 3,000 now, 4,000 carried",
        "Publication 550, Capital Losses, the carryover example (a joint return's $7,000 loss)",
        lambda: w.capital_loss(
            "married-joint", 2026, D("0"), D("-7000"), taxable_income=D("26000")
        ),
        {"deduction": "3000", "carryover_short": "0", "carryover_long": "4000", "net": "-7000"},
    ),
    (
        "the same couple with a 2,000 loss: all of it deducted, nothing carried",
        "Publication 550, Capital Losses, the same example",
        lambda: w.capital_loss("married-joint", 2026, D("0"), D("-2000")),
        {"deduction": "2000", "carryover_short": "0", "carryover_long": "0", "net": "-2000"},
    ),
    (
        "gains are offset first, without limit",
        "IRC 1211(b); Schedule D lines 7, 15 and 16",
        lambda: w.capital_loss("single", 2026, D("-10000"), D("8000")),
        {"deduction": "2000", "carryover_short": "0", "carryover_long": "0", "net": "-2000"},
    ),
    (
        "both kinds of loss: the deduction uses the short-term loss first",
        "Schedule D instructions, Capital Loss Carryover Worksheet lines 5 to 13; IRC 1212(b)(1)",
        lambda: w.capital_loss("single", 2026, D("-2000"), D("-8000")),
        {"deduction": "3000", "carryover_short": "0", "carryover_long": "7000", "net": "-10000"},
    ),
    (
        "a carryover from last year is netted on Schedule D lines 6 and 14",
        "Schedule D instructions, lines 6 and 14",
        lambda: w.capital_loss("single", 2026, D("1000"), D("500"), D("4000"), D("2500")),
        {"deduction": "3000", "carryover_short": "0", "carryover_long": "2000", "net": "-5000"},
    ),
    (
        "taxable income below zero: the unused part of the deduction carries over",
        "IRC 1212(b)(2); Capital Loss Carryover Worksheet lines 1 to 4",
        lambda: w.capital_loss("single", 2026, D("-10000"), D("0"), taxable_income=D("-1500")),
        # Line 3: -1,500 + 3,000 = 1,500; line 4: 1,500 used; carryover 10,000 - 1,500.
        {"deduction": "3000", "carryover_short": "8500", "carryover_long": "0", "net": "-10000"},
    ),
    (
        "taxable income far below zero: none of the deduction is used",
        "IRC 1212(b)(2); Capital Loss Carryover Worksheet line 3 (zero or less: 0)",
        lambda: w.capital_loss("single", 2017, D("-1000"), D("-5000"), taxable_income=D("-9000")),
        {"deduction": "3000", "carryover_short": "1000", "carryover_long": "5000", "net": "-6000"},
    ),
    (
        "a net gain: nothing to deduct or carry",
        "Schedule D line 16",
        lambda: w.capital_loss("head-of-household", 2026, D("-500"), D("2000")),
        {"deduction": "0", "carryover_short": "0", "carryover_long": "0", "net": "1500"},
    ),
    (
        "Section 1244, single, loss 120,000: 50,000 ordinary, 70,000 capital",
        "IRC 1244(b)(1); Publication 550, Losses on Section 1244 Stock",
        lambda: w.section_1244("single", 2026, D("120000")),
        {"ordinary": "50000", "capital": "70000"},
    ),
    (
        "Section 1244, joint return, loss 120,000: 100,000 ordinary, 20,000 capital",
        "IRC 1244(b)(2)",
        lambda: w.section_1244("married-joint", 2026, D("120000")),
        {"ordinary": "100000", "capital": "20000"},
    ),
    (
        "Section 1244, married filing separately: the single limit",
        "IRC 1244(b)(1) (the joint limit is for a joint return only)",
        lambda: w.section_1244("married-separate", 2001, D("60000")),
        {"ordinary": "50000", "capital": "10000"},
    ),
    (
        "wash sale, 100 sold at a 250 loss, 100 bought back: all deferred, 2.50 a share",
        "Publication 550, Wash Sales (100 shares bought for $1,000, sold for $750, "
        "bought back for $800: basis $1,050); IRC 1091(a), (d)",
        lambda: w.wash_sale(D("250"), D("100"), D("100")),
        {"disallowed": "250", "allowed": "0", "basis_added_per_share": "2.50"},
    ),
    (
        "partial wash sale: 50 of 100 shares bought back",
        "Treas. Reg. 1.1091-1(c): the loss is disallowed only on the shares replaced",
        lambda: w.wash_sale(D("250"), D("100"), D("50")),
        {"disallowed": "125", "allowed": "125", "basis_added_per_share": "2.50"},
    ),
    (
        "more bought than sold: the loss on every share sold is deferred",
        "Treas. Reg. 1.1091-1(d)",
        lambda: w.wash_sale(D("1000"), D("100"), D("300")),
        {"disallowed": "1000", "allowed": "0", "basis_added_per_share": "10"},
    ),
    (
        "IRA closed in 2017, basis 12,000, received 10,000, AGI 50,000: 1,000",
        "LAW.md section 8; IRC 67(a); Publication 590-B (2017)",
        lambda: w.basis_loss(2017, D("12000"), D("10000"), D("50000")),
        {"loss": "2000", "floor": "1000", "deduction": "1000"},
    ),
    (
        "a loss under the floor deducts nothing alone",
        "IRC 67(a)",
        lambda: w.basis_loss(2010, D("1000"), D("500"), D("50000")),
        {"loss": "500", "floor": "1000", "deduction": "0"},
    ),
    (
        "other 2%-floor deductions use up the floor first: 500 + 800 - 1,000 = 300",
        "IRC 67(a) (all miscellaneous itemized deductions together); Schedule A lines 21 to 27",
        lambda: w.basis_loss(2010, D("1000"), D("500"), D("50000"), D("800")),
        {"loss": "500", "floor": "1000", "deduction": "300"},
    ),
    (
        "other deductions above the floor: all of this loss is deductible",
        "IRC 67(a)",
        lambda: w.basis_loss(1995, D("3000"), D("0"), D("40000"), D("2000")),
        {"loss": "3000", "floor": "800", "deduction": "3000"},
    ),
    (
        "received more than the basis: no loss",
        "Publication 590-B (2017), Recognizing Losses on Traditional IRA Investments",
        lambda: w.basis_loss(2017, D("5000"), D("7000"), D("50000"), D("4000")),
        {"loss": "0", "floor": "1000", "deduction": "0"},
    ),
]


@pytest.mark.parametrize(("case", "source", "call", "expected"), WORKED, ids=[c[0] for c in WORKED])
def test_worked_case(case, source, call, expected):
    assert source  # every case names where it comes from
    assert _out(call()) == {k: D(v) for k, v in expected.items()}


def test_every_amount_is_in_cents_and_never_a_negative_zero():
    sheet = w.capital_loss("single", 2026, D("-10000.5"), D("0"))
    for amount in [*sheet.outputs.values(), *(line.amount for line in sheet.lines)]:
        assert amount == amount.quantize(CENT) and amount.as_tuple().exponent == -2
        assert not (amount == 0 and amount.is_signed())


def test_the_capital_loss_lines_follow_schedule_d_then_the_carryover_worksheet():
    sheet = w.capital_loss("single", 2026, D("-2000"), D("-8000"), taxable_income=D("-1500"))
    names = [line.label.split(":")[0] for line in sheet.lines if "line" in line.label]
    assert names[:6] == [
        "Schedule D line 6",
        "Schedule D line 7",
        "Schedule D line 14",
        "Schedule D line 15",
        "Schedule D line 16",
        "Schedule D line 21",
    ]
    assert names[6:] == [f"Carryover Worksheet line {n}" for n in range(1, 14)]
    assert [line.label.split(":")[0] for line in sheet.carried] == [
        "Carryover Worksheet line 8",
        "Carryover Worksheet line 13",
    ]
    assert any("1212(b)(2)" in note for note in sheet.notes)
    # For 2017 and earlier, line 1 is taxable income before personal exemptions.
    old = w.capital_loss("single", 2017, D("-5000"), D("0"), taxable_income=D("-1"))
    assert "before personal exemptions" in old.lines[8].label
    assert "before personal exemptions" not in sheet.lines[8].label


def test_years_before_the_2011_schedule_d_name_lines_without_numbers():
    sheet = w.capital_loss("single", 2005, D("-5000"), D("0"))
    assert not any("line" in line.label.split(":")[0] for line in sheet.lines)
    assert sheet.outputs["carryover_short"] == D("2000")


def test_schedule_a_line_numbers_are_the_2017_form_s():
    labels = [line.label for line in w.basis_loss(2017, D("2"), D("1"), D("1")).lines]
    assert [label.split(":")[0] for label in labels if label.startswith("Schedule A line ")] == [
        "Schedule A line 23",
        "Schedule A line 24",
        "Schedule A line 25",
        "Schedule A line 26",
        "Schedule A line 27",
    ]
    earlier = [line.label for line in w.basis_loss(2016, D("2"), D("1"), D("1")).lines]
    assert not any(label.startswith("Schedule A line ") for label in earlier)


def test_basis_loss_notes_itemizing_and_the_amt_add_back():
    notes = " ".join(w.basis_loss(2017, D("12000"), D("10000"), D("50000")).notes)
    assert "standard deduction for 2017" in notes
    assert "56(b)(1)(A)(i)" in notes


@pytest.mark.parametrize("year", [1986, 2018, 2026])
def test_basis_loss_is_only_for_the_years_of_the_2_percent_floor(year):
    with pytest.raises(ValueError):
        w.basis_loss(year, D("2"), D("1"), D("1"))


def test_wash_sale_notes_the_holding_period_and_a_partial_replacement():
    notes = " ".join(w.wash_sale(D("250"), D("100"), D("50")).notes)
    assert "1223(3)" in notes and "1.1091-1(c)" in notes


# --- Invariants

money = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
positive = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
shares = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False)
filings = st.sampled_from(sorted(w.FILINGS))
years = st.integers(1987, 2026)


@given(filings, years, money, money, positive, positive, st.none() | money)
def test_capital_loss_invariants(filing, year, short, long, carry_short, carry_long, income):
    sheet = w.capital_loss(filing, year, short, long, carry_short, carry_long, income)
    out = sheet.outputs
    line7, line15 = short - carry_short, long - carry_long
    net_loss = max(D(0), -(line7 + line15))
    carried = out["carryover_short"] + out["carryover_long"]
    # The deduction never exceeds the limit or the net loss.
    assert 0 <= out["deduction"] <= min(w.capital_loss_limit(year, filing), net_loss)
    # The carryovers never exceed the loss available; with the deduction they account
    # for all of it, and exactly so unless taxable income was below zero (1212(b)(2)).
    assert 0 <= carried <= net_loss
    assert carried + out["deduction"] >= net_loss
    if income is None or income >= 0:
        assert carried + out["deduction"] == net_loss
    # Carryovers keep their character: never more than that kind's own net loss.
    assert out["carryover_short"] <= max(D(0), -line7)
    assert out["carryover_long"] <= max(D(0), -line15)


@given(filings, years, positive)
def test_section_1244_invariants(filing, year, loss):
    out = w.section_1244(filing, year, loss).outputs
    assert out["ordinary"] + out["capital"] == loss
    assert 0 <= out["ordinary"] <= w.section_1244_limit(year, filing)


@given(positive, shares.filter(lambda n: n > 0), shares)
def test_wash_sale_invariants(loss, sold, bought):
    out = w.wash_sale(loss, sold, bought).outputs
    assert out["disallowed"] + out["allowed"] == loss
    assert 0 <= out["disallowed"] <= loss
    matched = min(sold, bought)
    if matched == 0:
        assert out["disallowed"] == 0 and out["basis_added_per_share"] == 0
    else:
        assert abs(out["basis_added_per_share"] * matched - out["disallowed"]) <= (
            matched * D("0.005") + D("0.005")
        )


@given(st.integers(1987, 2017), positive, positive, positive, positive)
def test_basis_loss_invariants(year, basis, received, agi, other):
    out = w.basis_loss(year, basis, received, agi, other).outputs
    assert out["loss"] == max(D(0), basis - received)
    assert 0 <= out["deduction"] <= out["loss"]
    assert out["deduction"] <= max(D(0), out["loss"] + other - out["floor"])
