"""The "how much" worksheets: the arithmetic behind an answer, line by line.

Four worksheets, with the inputs and outputs of the JSON API (DESIGN.md,
`/api/amounts`): `capital-loss`, `section-1244`, `wash-sale`, `basis-loss`.
Each returns its lines in the order a person fills in the IRS form, with the
form and line names, and what carries to next year. Money is Decimal, in
cents; limits and line numbers are dated parameters in rules.law.parameters, so a year's
worksheet uses that year's law. No Django imports; no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from rules.law import parameters as law
from rules.law.bibliography import Citation, cite

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

CAPITAL_LOSS = "capital-loss"
SECTION_1244 = "section-1244"
WASH_SALE = "wash-sale"
BASIS_LOSS = "basis-loss"

# Filing statuses (DESIGN.md slugs) and their labels.
FILINGS = {
    "single": "Single",
    "married-joint": "Married filing jointly",
    "married-separate": "Married filing separately",
    "head-of-household": "Head of household",
    "qualifying-surviving-spouse": "Qualifying surviving spouse",
}


def cents(amount: Decimal) -> Decimal:
    """To the cent, half up; never a negative zero."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP) + ZERO


@dataclass(frozen=True)
class Line:
    label: str
    amount: Decimal
    carry: bool = False  # carries to next year's return

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", cents(self.amount))


@dataclass(frozen=True)
class Worksheet:
    slug: str
    outputs: dict[str, Decimal]
    lines: tuple[Line, ...]
    notes: tuple[str, ...]
    citations: tuple[Citation, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "outputs", {k: cents(a) for k, a in self.outputs.items()})

    @property
    def carried(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.carry)


def capital_loss_limit(year: int, filing: str) -> Decimal:
    """$3,000 a year against other income; $1,500 married filing separately (1211(b))."""
    limits = law.CAPITAL_LOSS_LIMIT.at(year)
    return limits[law.MARRIED_SEPARATE if filing == "married-separate" else law.SINGLE]


def section_1244_limit(year: int, filing: str) -> Decimal:
    """$50,000 a year; $100,000 for a husband and wife on a joint return (1244(b))."""
    limits = law.SECTION_1244_LIMIT.at(year)
    return limits[law.JOINT if filing == "married-joint" else law.SINGLE]


def _numbered(numbered: bool, form: str, number: object, words: str) -> str:
    return f"{form} line {number}: {words}" if numbered else f"{form}: {words}"


# --- Capital losses: Schedule D lines 7, 15, 16 and 21, then the carryover worksheet


def capital_loss(
    filing: str,
    year: int,
    short: Decimal = ZERO,
    long: Decimal = ZERO,
    carry_short: Decimal = ZERO,
    carry_long: Decimal = ZERO,
    taxable_income: Decimal | None = None,
) -> Worksheet:
    """This year's deduction against other income and next year's carryovers by
    character: Schedule D and the Capital Loss Carryover Worksheet in its
    instructions (IRC 1211(b), 1212(b), including the 1212(b)(2) adjustment
    when taxable income figured with the deduction is below zero)."""
    numbered = law.SCHEDULE_D_LINE_NUMBERS.get(year, False)

    def sd(n: int, words: str) -> str:
        return _numbered(numbered, "Schedule D", n, words)

    def ws(n: int, words: str) -> str:
        return _numbered(numbered, "Carryover Worksheet", n, words)

    limit = capital_loss_limit(year, filing)
    line7 = short - carry_short
    line15 = long - carry_long
    line16 = line7 + line15
    lines = [
        Line("Short-term gains and losses this year, before carryovers", short),
        Line(sd(6, "short-term loss carried over from last year"), -carry_short),
        Line(sd(7, "net short-term gain or (loss)"), line7),
        Line("Long-term gains and losses this year, before carryovers", long),
        Line(sd(14, "long-term loss carried over from last year"), -carry_long),
        Line(sd(15, "net long-term gain or (loss)"), line15),
        Line(sd(16, "net gain or (loss): line 7 plus line 15"), line16),
    ]
    notes: list[str] = []
    citations = [
        cite("IRC 1211", "1211(b)"),
        cite("IRC 1212", "1212(b)"),
        cite("Schedule D instructions", "Capital Loss Carryover Worksheet"),
    ]
    if line16 >= 0:
        notes.append(
            "There is no net loss to deduct or carry over: the losses are used up "
            "against gains, without limit."
        )
        outputs = {"deduction": ZERO, "carryover_short": ZERO, "carryover_long": ZERO}
        return Worksheet(
            CAPITAL_LOSS, {**outputs, "net": line16}, tuple(lines), tuple(notes), tuple(citations)
        )

    deduction = min(-line16, limit)
    lines.append(
        Line(
            sd(
                21,
                f"the smaller of the line 16 loss or {law.money(limit)}: "
                "deducted from other income this year",
            ),
            -deduction,
        )
    )
    # The Capital Loss Carryover Worksheet (filled in with next year's return).
    if taxable_income is not None:
        before = law.TAXABLE_INCOME_BEFORE_EXEMPTIONS.at(year)
        lines.append(
            Line(
                ws(
                    1,
                    "taxable income, figured with this deduction"
                    + (", before personal exemptions" if before else "")
                    + "; a loss in parentheses",
                ),
                taxable_income,
            )
        )
    lines.append(Line(ws(2, "the loss on Schedule D line 21, as a positive amount"), deduction))
    if taxable_income is None:
        line4 = deduction
    else:
        line3 = max(ZERO, taxable_income + deduction)
        line4 = min(deduction, line3)
        lines.append(Line(ws(3, "line 1 plus line 2, if more than zero"), line3))
    lines.append(Line(ws(4, "the smaller of line 2 or line 3: the deduction used"), line4))
    if line4 < deduction:
        citations.insert(2, cite("IRC 1212", "1212(b)(2)"))
        notes.append(
            f"Taxable income was below zero, so {law.money(deduction - line4)} of this "
            "year's deduction lowered no tax. That part is not used up: it stays in the "
            "carryover (IRC 1212(b)(2))."
        )

    line5 = -line7 if line7 < 0 else ZERO
    carry_st = ZERO
    if line7 < 0:
        line6 = max(ZERO, line15)
        line7w = line4 + line6
        carry_st = max(ZERO, line5 - line7w)
        lines += [
            Line(ws(5, "the loss on Schedule D line 7, as a positive amount"), line5),
            Line(ws(6, "any gain on Schedule D line 15"), line6),
            Line(ws(7, "line 4 plus line 6"), line7w),
            Line(ws(8, "short-term capital loss carryover to next year"), carry_st, carry=True),
        ]
    carry_lt = ZERO
    if line15 < 0:
        line9 = -line15
        line10 = max(ZERO, line7)
        line11 = max(ZERO, line4 - line5)
        line12 = line10 + line11
        carry_lt = max(ZERO, line9 - line12)
        lines += [
            Line(ws(9, "the loss on Schedule D line 15, as a positive amount"), line9),
            Line(ws(10, "any gain on Schedule D line 7"), line10),
            Line(ws(11, "line 4 minus line 5, if more than zero"), line11),
            Line(ws(12, "line 10 plus line 11"), line12),
            Line(ws(13, "long-term capital loss carryover to next year"), carry_lt, carry=True),
        ]
    if carry_st or carry_lt:
        notes.append(
            f"Carry to next year: {law.money(carry_st)} short-term and "
            f"{law.money(carry_lt)} long-term"
            + (" (next year's Schedule D lines 6 and 14, in parentheses)" if numbered else "")
            + ". A carryover keeps its short- or long-term character and has no time limit."
        )
    outputs = {
        "deduction": deduction,
        "carryover_short": carry_st,
        "carryover_long": carry_lt,
        "net": line16,
    }
    return Worksheet(CAPITAL_LOSS, outputs, tuple(lines), tuple(notes), tuple(citations))


# --- Section 1244 stock: an ordinary loss within the yearly limit, the rest capital


def section_1244(filing: str, year: int, loss: Decimal) -> Worksheet:
    limit = section_1244_limit(year, filing)
    ordinary = min(loss, limit)
    capital = loss - ordinary
    lines = (
        Line("Loss on all your Section 1244 stock this year", loss),
        Line(f"Yearly limit on the ordinary loss ({FILINGS[filing].lower()})", limit),
        Line("Ordinary loss: the smaller of the two (Form 4797, Part II)", ordinary),
        Line(f"Capital loss: the rest ({law.SALE_FORMS.at(year)})", capital),
    )
    notes = [
        "The ordinary loss lowers other income in full, without the "
        f"{law.money(capital_loss_limit(year, filing))} yearly limit on capital losses.",
    ]
    if filing == "married-joint":
        notes.append(
            "On a joint return the limit is the same whether one spouse or both had the loss."
        )
    if capital:
        notes.append(
            "The capital part goes on Schedule D with your other sales: work it out with "
            "the capital loss worksheet, which also gives what carries to next year."
        )
    return Worksheet(
        SECTION_1244,
        {"ordinary": ordinary, "capital": capital},
        lines,
        tuple(notes),
        (cite("IRC 1244", "1244(a), (b)"), cite("Pub 550"), cite("Form 4797 instructions")),
    )


# --- Wash sales: the disallowed part moves into the replacement shares' basis


def _count(n: Decimal) -> str:
    return f"{n.normalize():,f}"


def _shares(n: Decimal) -> str:
    return _count(n) + (" share" if n == 1 else " shares")


def wash_sale(loss: Decimal, sold: Decimal, bought: Decimal) -> Worksheet:
    """A loss on `sold` shares, with `bought` substantially identical shares bought
    within 30 days before or after: the loss on as many shares as were replaced is
    disallowed (Treas. Reg. 1.1091-1(c) for a partial replacement) and added to the
    basis of the replacement shares (IRC 1091(d))."""
    matched = min(sold, bought)
    disallowed = cents(loss * matched / sold)
    allowed = loss - disallowed
    per_share = cents(disallowed / matched) if matched else ZERO
    days = law.WASH_SALE_WINDOW_DAYS.at(law.FIRST_TAX_YEAR)
    lines = [Line(f"Loss on the {_shares(sold)} sold, before the wash-sale rule", loss)]
    notes: list[str] = []
    if matched:
        lines += [
            Line(
                f"Disallowed: the loss on the {_shares(matched)} replaced within {days} "
                "days (Form 8949, column (g), code W)",
                disallowed,
            ),
            Line("Loss you can deduct now (Form 8949, column (h))", allowed),
            Line(
                f"Added to the basis of each of the {_shares(matched)} bought",
                per_share,
                carry=True,
            ),
        ]
        notes.append(
            "The disallowed loss is not lost: it raises the basis of the shares you bought, "
            "so it lowers the gain, or adds to the loss, when you sell them."
        )
        notes.append(
            "The shares you bought count as held since you bought the shares you sold "
            "(IRC 1223(3)): a sale of them can be long-term sooner."
        )
        if matched < sold:
            notes.append(
                f"Only {_count(matched)} of the {_shares(sold)} sold were replaced, so the "
                "loss on the others stays deductible (Treas. Reg. 1.1091-1(c))."
            )
        if bought > sold:
            notes.append(
                f"You bought more shares than you sold: the added basis goes to the first "
                f"{_shares(matched)} you bought (Treas. Reg. 1.1091-1(d))."
            )
        if per_share * matched != disallowed:
            notes.append("The amount for each share is rounded to the cent.")
    else:
        lines.append(Line("Loss you can deduct now: no shares were replaced", allowed))
    return Worksheet(
        WASH_SALE,
        {"disallowed": disallowed, "allowed": allowed, "basis_added_per_share": per_share},
        tuple(lines),
        tuple(notes),
        (
            cite("IRC 1091", "1091(a), (d)"),
            cite("Treas. Reg. 1.1091-1", "1.1091-1(c), (d)"),
            cite("Treas. Reg. 1.1091-2"),
            cite("IRC 1223", "1223(3)"),
            cite("Pub 550", "Wash Sales"),
        ),
    )


# --- The loss on closing every account of a kind (2017 and earlier)

FLOOR_YEARS = law.MISC_ITEMIZED_DEDUCTIONS.where(law.ALLOWED_ABOVE_FLOOR)


def basis_loss(
    year: int, basis: Decimal, received: Decimal, agi: Decimal, other_misc: Decimal = ZERO
) -> Worksheet:
    """Unrecovered basis minus everything received, and the part of that loss above
    2% of AGI once the other 2%-floor deductions are counted (IRC 67(a))."""
    if year not in FLOOR_YEARS:
        raise ValueError(f"the 2% floor deduction applies to {FLOOR_YEARS.describe()}")
    rate = law.TWO_PERCENT_FLOOR.at(year)
    ln = law.SCHEDULE_A_FLOOR_LINES.get(year)

    def sa(key: str, words: str) -> str:
        return _numbered(bool(ln), "Schedule A", ln[key] if ln else "", words)

    loss = max(ZERO, basis - received)
    total = loss + other_misc
    floor = cents(max(ZERO, agi) * rate)
    above = max(ZERO, total - floor)
    deduction = min(loss, above)
    agi_words = (
        f"adjusted gross income (Form 1040 line {ln['form_1040_agi']})"
        if ln
        else ("adjusted gross income (Form 1040)")
    )
    lines = (
        Line("Unrecovered basis: after-tax or Roth money not yet received back tax-free", basis),
        Line("Everything received, as the loss test adds it up", received),
        Line(sa("other", "the loss, basis minus everything received (other expenses)"), loss),
        Line(
            (f"Schedule A lines {ln['items']}" if ln else "Schedule A")
            + ": your other expenses subject to the 2% floor",
            other_misc,
        ),
        Line(sa("total", "the loss plus your other expenses"), total),
        Line(sa("agi", agi_words), agi),
        Line(sa("floor", f"{rate * 100:.0f}% of adjusted gross income"), floor),
        Line(sa("above", "the part above the floor"), above),
        Line("Of that, from this loss", deduction),
    )
    itemized = f"Schedule A line {ln['itemized']}" if ln else "Schedule A"
    notes = [
        f"This deduction lowers your tax only if you itemized: your itemized deductions in "
        f"total ({itemized}) had to be more than your standard deduction for {year}.",
        "For the alternative minimum tax it is added back (IRC 56(b)(1)(A)(i)): if you "
        "owed that tax (Form 6251), it may not have lowered your tax.",
    ]
    if loss == 0:
        notes.insert(0, "There is no loss: you received at least your unrecovered basis.")
    return Worksheet(
        BASIS_LOSS,
        {"loss": loss, "floor": floor, "deduction": deduction},
        lines,
        tuple(notes),
        (
            cite("IRC 67", "67(a), (b)"),
            cite("Pub 590-B (2017)", "Recognizing Losses on Traditional IRA Investments"),
            cite("Notice 89-25", "Q&A-7"),
            cite("RR 72-305"),  # the plans' loss rests on it, not on the IRA notice
            cite("IRC 56", "56(b)(1)(A)(i)"),
            cite("Schedule A instructions (2017)", "lines 21 to 27"),
        ),
    )
