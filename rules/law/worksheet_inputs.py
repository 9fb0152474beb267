"""A worksheet's inputs from a query string, or field errors a person understands.

Shared by `/api/amounts` and the "Work out how much" pages. Amounts are US
dollars with at most two places after the point ("3000", "3,000.50",
"$3,000", "-250" where a loss can be entered); anything else, a negative
where it cannot be, or more than $1 billion is a field error in words. No
Django imports: a query is anything with `getlist`, or a mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law import worksheets as w

MOST = Decimal("1000000000")  # $1 billion: more is a typing slip
MOST_SHARES = Decimal("1000000000")
_MONEY = re.compile(
    r"^(?P<sign>-?)\$?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{0,2}))?$", re.ASCII
)
_SHARES = re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{0,6}))?$", re.ASCII)
_PAREN = re.compile(r"^\((?P<inner>[^()]*)\)$")  # (1,000) is a loss, as the forms write it

MONEY, SIGNED, SHARES, YEAR, FILING = "money", "signed", "shares", "year", "filing"
# A loss asked for as a loss: an amount of money lost, so "12,000", "-12,000" and
# "(12,000)" all mean a loss of $12,000 (the field says which way it goes, never a sign).
LOSS = "loss"


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # what the form's label says
    kind: str
    hint: str = ""
    required: bool = True
    words: str = ""  # "your net short-term gain or loss", for messages
    more: bool = False  # behind the "(optional)" disclosure on the page


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str  # what the page and the link call it
    fields: tuple[Field, ...]
    outputs: tuple[tuple[str, str], ...]  # (output key, what it is in words)
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (legend, field names)
    more: str = ""  # what the optional fields are, for the "(optional)" disclosure
    # Fields read from a query but not shown on the page: the net figures of links and API
    # calls made before losses and gains were asked apart ("short=-12000"), which keep
    # their meaning. Each is (the net field, the page's loss field, the page's gain field).
    nets: tuple[tuple[Field, str, str], ...] = ()


_FILING = Field("filing", "Filing status", FILING, words="your filing status")
_YEAR = Field("year", "Tax year", YEAR, words="the tax year")
_NET_SHORT = Field(
    "short", "Net short-term gain or loss", SIGNED, "", False, "your net short-term gain or loss"
)
_NET_LONG = Field(
    "long", "Net long-term gain or loss", SIGNED, "", False, "your net long-term gain or loss"
)

SPECS: dict[str, Spec] = {
    s.slug: s
    for s in (
        Spec(
            w.CAPITAL_LOSS,
            "Capital loss and carryover",
            (
                _FILING,
                _YEAR,
                Field(
                    "short_loss",
                    "Short-term",
                    LOSS,
                    "Held a year or less",
                    False,
                    "your short-term losses",
                ),
                Field(
                    "long_loss",
                    "Long-term",
                    LOSS,
                    "Held over a year",
                    False,
                    "your long-term losses",
                ),
                Field(
                    "short_gain",
                    "Short-term",
                    MONEY,
                    "",
                    False,
                    "your short-term gains",
                ),
                Field(
                    "long_gain",
                    "Long-term",
                    MONEY,
                    "",
                    False,
                    "your long-term gains",
                ),
                Field(
                    "carry_short",
                    "Short-term",
                    MONEY,
                    "",
                    False,
                    "the short-term loss carried over from last year",
                    more=True,
                ),
                Field(
                    "carry_long",
                    "Long-term",
                    MONEY,
                    "",
                    False,
                    "the long-term loss carried over from last year",
                    more=True,
                ),
                Field(
                    "taxable_income",
                    "Taxable income",
                    SIGNED,
                    "With this deduction; matters only below zero",
                    False,
                    "your taxable income",
                    more=True,
                ),
            ),
            (
                ("deduction", "Deducted from other income this year"),
                ("carryover_short", "Short-term loss carried to next year"),
                ("carryover_long", "Long-term loss carried to next year"),
                ("net", "Net capital gain or (loss) this year"),
            ),
            (
                ("Losses this year", ("short_loss", "long_loss")),
                ("Gains this year, if any", ("short_gain", "long_gain")),
                ("Loss carried over from last year", ("carry_short", "carry_long")),
            ),
            "Carryovers and more",
            (
                (_NET_SHORT, "short_loss", "short_gain"),
                (_NET_LONG, "long_loss", "long_gain"),
            ),
        ),
        Spec(
            w.SECTION_1244,
            "Section 1244 stock loss",
            (
                _FILING,
                _YEAR,
                Field(
                    "loss",
                    "Loss on the stock",
                    MONEY,
                    "All your Section 1244 stock this year",
                    words="the loss",
                ),
            ),
            (("ordinary", "Ordinary loss"), ("capital", "Capital loss")),
        ),
        Spec(
            w.WASH_SALE,
            "Wash sale and new basis",
            (
                Field(
                    "loss", "Loss on the sale", MONEY, "Before the wash-sale rule", words="the loss"
                ),
                Field("sold", "Shares sold", SHARES, "", words="the number of shares sold"),
                Field(
                    "bought",
                    "Shares bought back",
                    SHARES,
                    "Within 30 days before or after",
                    words="the number of shares bought back",
                ),
            ),
            (
                ("disallowed", "Loss put off (disallowed now)"),
                ("allowed", "Loss you can deduct now"),
                ("basis_added_per_share", "Added to the basis of each share bought"),
            ),
        ),
        Spec(
            w.BASIS_LOSS,
            "Closed accounts before 2018",
            (
                _YEAR,
                Field(
                    "basis",
                    "Unrecovered basis",
                    MONEY,
                    "After-tax or Roth, not yet got back",
                    words="your unrecovered basis",
                ),
                Field(
                    "received",
                    "Everything received",
                    MONEY,
                    "From all accounts of the kind, pre-tax too",
                    words="everything you received",
                ),
                Field(
                    "agi",
                    "Adjusted gross income",
                    MONEY,
                    "0 if below zero",
                    words="your adjusted gross income",
                ),
                Field(
                    "other_misc",
                    "Other 2%-floor items",
                    MONEY,
                    "Like tax preparation fees",
                    False,
                    "your other 2%-floor deductions",
                    more=True,
                ),
            ),
            (
                ("loss", "Loss"),
                ("floor", "2% of adjusted gross income"),
                ("deduction", "Deductible part of this loss"),
            ),
            more="Other deductions subject to the 2% floor",
        ),
    )
}

WORKSHEET_WORDS = (
    "Choose a worksheet: the capital loss and its carryover, the Section 1244 stock loss, "
    "the wash sale, or the loss on closed accounts before 2018."
)


def _values(query: Any, name: str) -> list[str]:
    raw = query.getlist(name) if hasattr(query, "getlist") else query.get(name, [])
    if isinstance(raw, str | int | float | Decimal):
        raw = [raw]
    return [str(x).strip() for x in raw if str(x).strip() != ""]


def one(query: Any, name: str) -> str | None:
    """The one value given for a name; None when missing. ValueError for several."""
    values = _values(query, name)
    if len(set(values)) > 1:
        raise ValueError
    return values[0] if values else None


def _amount(text: str, kind: str) -> Decimal:
    """Dollars, or shares. ValueError when the text is not one."""
    text = text.replace(" ", "")
    if text.startswith("$-"):
        text = "-" + text[2:]
    paren = _PAREN.match(text)
    if paren and kind in (SIGNED, LOSS):
        text = "-" + paren["inner"].lstrip("-")
    m = (_SHARES if kind == SHARES else _MONEY).match(text) if len(text) <= 40 else None
    if not m:
        raise ValueError
    number = Decimal(m["int"].replace(",", "") + "." + (m["frac"] or "0"))
    if kind != SHARES and m["sign"]:
        number = -number
    if kind == LOSS:
        number = abs(number)  # a minus or parentheses say "loss", as the field does
    return number if kind == SHARES else w.cents(number)


def year_range(slug: str, current: int) -> tuple[int, int]:
    if slug == w.BASIS_LOSS:
        return w.FLOOR_YEARS.start, w.FLOOR_YEARS.end
    return law.FIRST_TAX_YEAR, current


def _read_field(f: Field, text: str, slug: str, current: int) -> tuple[Any, str | None]:
    if f.kind == FILING:
        if text.lower() in w.FILINGS:
            return text.lower(), None
        return None, "Choose your filing status."
    if f.kind == YEAR:
        first, last = year_range(slug, current)
        if re.fullmatch(r"[0-9]{4}", text) and first <= int(text) <= last:
            return int(text), None
        if slug == w.BASIS_LOSS and re.fullmatch(r"[0-9]{4}", text) and int(text) > last:
            return None, (
                f"This worksheet is for tax years {first} to {last}. From {last + 1} the "
                "deduction for losses on closed accounts is not allowed."
            )
        return None, f"Enter a tax year from {first} to {last}, as 4 digits, like {last}."
    try:
        number = _amount(text, f.kind)
    except (ValueError, ArithmeticError):
        if f.kind == SHARES:
            return None, f"Enter {f.words} as a number, like 100 or 12.5."
        example = "-2,500" if f.kind == SIGNED else "2,500"
        return None, (f"Enter {f.words} in dollars and cents, like {example} or {example}.50.")
    if number < 0 and f.name.endswith("_gain"):
        return None, (
            f"Enter {f.words} as an amount without a minus sign. A loss goes under "
            "\u201cLosses this year\u201d."
        )
    if number < 0 and f.kind != SIGNED:
        return None, f"{f.words[0].upper()}{f.words[1:]} cannot be below zero."
    top = MOST_SHARES if f.kind == SHARES else MOST
    if abs(number) > top:
        what = "1,000,000,000" if f.kind == SHARES else "$1,000,000,000"
        return None, f"{f.words[0].upper()}{f.words[1:]} must be {what} or less."
    return number, None


def read(slug: str, query: Any, current: int) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The worksheet's inputs (validated and typed), or field errors."""
    spec = SPECS[slug]
    inputs: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for f in (*spec.fields, *(net for net, _, _ in spec.nets)):
        try:
            text = one(query, f.name)
        except ValueError:
            errors[f.name] = [f"Give one value for {f.words}, not several."]
            continue
        if text is None:
            if f.required:
                errors[f.name] = [
                    f"Enter {f.words}." if f.kind != FILING else "Choose your filing status."
                ]
            continue
        value, error = _read_field(f, text, slug, current)
        if error:
            errors[f.name] = [error]
        else:
            inputs[f.name] = value
    for net, loss, gain in spec.nets:
        if net.name in inputs and {loss, gain} & (set(inputs) | set(errors)):
            errors[net.name] = [
                f"Give {net.words} as a net figure or as a loss and a gain, not both."
            ]
    given = {name for net, loss, gain in spec.nets for name in (net.name, loss, gain)}
    if spec.nets and not given & (set(inputs) | set(errors)):
        errors[spec.nets[0][1]] = [
            "Enter a loss or a gain this year: short-term, long-term or both."
        ]
    if slug == w.WASH_SALE and "sold" in inputs and inputs["sold"] == 0:
        errors["sold"] = ["Enter the number of shares sold, more than zero."]
    return inputs, errors


def run(slug: str, inputs: dict[str, Any]) -> w.Worksheet:
    """The worksheet for valid inputs."""
    if slug == w.CAPITAL_LOSS:
        return w.capital_loss(**net_inputs(slug, inputs))
    if slug == w.SECTION_1244:
        return w.section_1244(**inputs)
    if slug == w.WASH_SALE:
        return w.wash_sale(**inputs)
    return w.basis_loss(**inputs)


def net_inputs(slug: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """The inputs with each loss and gain pair made the net figure the worksheet counts
    (gain minus loss); a net figure given as such is kept as it is."""
    out = dict(inputs)
    for net, loss, gain in SPECS[slug].nets:
        if loss in out or gain in out:
            out[net.name] = out.pop(gain, Decimal(0)) - out.pop(loss, Decimal(0))
    return out


# --- Which worksheets an answer has


def for_outcomes(outcomes: list[str], account: str) -> list[str]:
    """The worksheets that work out the amount of the answer's outcomes, in order."""
    found: list[str] = []
    for outcome in outcomes:
        if outcome == v.CAPITAL_LOSS:
            found.append(w.CAPITAL_LOSS)
        elif outcome == v.ORDINARY_LOSS:
            found += [w.SECTION_1244, w.CAPITAL_LOSS]
        elif outcome == v.WASH_SALE_DEFERRED:
            found.append(w.WASH_SALE)
        elif outcome == v.ITEMIZED_2_PERCENT and account != v.TAXABLE:
            found.append(w.BASIS_LOSS)
    return list(dict.fromkeys(found))
