"""A worksheet's figures in words and numbers: what the "Work out how much" pages show
and what `/api/amounts` answers (the inputs are read in rules.law.worksheet_inputs). No
Django imports."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rules.law import worksheets as w
from rules.law.worksheet_inputs import SPECS


def page_values(slug: str, inputs: dict[str, Any]) -> dict[str, str]:
    """What the page's loss and gain fields show for a net figure from an older link:
    a net loss in the loss field, a net gain in the gain field."""
    shown: dict[str, str] = {}
    for net, loss, gain in SPECS[slug].nets:
        if net.name in inputs:
            amount = inputs[net.name]
            shown[loss if amount < 0 else gain] = f"{abs(amount):.2f}"
    return shown


def dollars(amount: Decimal) -> str:
    """$3,000.00, and a loss as the forms write it: ($3,000.00)."""
    shown = f"${abs(amount):,.2f}"
    return f"({shown})" if amount < 0 else shown


def as_json(slug: str, inputs: dict[str, Any], sheet: w.Worksheet) -> dict[str, Any]:
    """The API's 200 body: amounts as decimal strings with two places."""
    return {
        "worksheet": slug,
        "inputs": {**as_text(inputs), **{k: v for k, v in inputs.items() if k == "year"}},
        "outputs": {k: f"{a:.2f}" for k, a in sheet.outputs.items()},
        "lines": [
            {"label": line.label, "amount": f"{line.amount:.2f}", "carry": line.carry}
            for line in sheet.lines
        ],
        "notes": list(sheet.notes),
        "citations": [c.as_dict() for c in sheet.citations],
    }


def as_text(inputs: dict[str, Any]) -> dict[str, str]:
    """Inputs as query-string values: amounts with two places, shares as typed."""
    out = {}
    for name, value in inputs.items():
        if isinstance(value, Decimal):
            value = f"{value.normalize():f}" if name in ("sold", "bought") else f"{value:.2f}"
        out[name] = str(value)
    return out
