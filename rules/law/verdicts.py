"""The public vocabulary of verdicts: outcomes and how firm their ground is.

Slugs are a contract (URLs, JSON, tests); rules.law.vocabulary re-exports them.
No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Outcomes

NOT_DEDUCTIBLE = "not-deductible"
CAPITAL_LOSS = "capital-loss"
ORDINARY_LOSS = "ordinary-loss"
ITEMIZED_2_PERCENT = "itemized-2-percent"
ITEMIZED_SUSPENDED = "itemized-suspended"
WASH_SALE_DEFERRED = "wash-sale-deferred"
WASH_SALE_DISALLOWED = "wash-sale-disallowed"
DEPENDS = "depends"


@dataclass(frozen=True)
class Outcome:
    slug: str
    label: str
    deductible: bool | None
    verdict: str  # yes / no / not now / it depends


OUTCOMES: dict[str, Outcome] = {
    o.slug: o
    for o in (
        Outcome(NOT_DEDUCTIBLE, "No deduction", False, "No"),
        Outcome(CAPITAL_LOSS, "Deductible as a capital loss", True, "Yes"),
        Outcome(ORDINARY_LOSS, "Deductible as an ordinary loss, within limits", True, "Yes"),
        Outcome(
            ITEMIZED_2_PERCENT,
            "Miscellaneous itemized deduction above 2% of AGI",
            True,
            "Yes, for that year",
        ),
        Outcome(ITEMIZED_SUSPENDED, "That deduction is not allowed", False, "No"),
        Outcome(WASH_SALE_DEFERRED, "Not now: the loss moves to the replacement", False, "Not now"),
        Outcome(WASH_SALE_DISALLOWED, "Lost for good", False, "No"),
        Outcome(DEPENDS, "It depends on what you are not sure of", None, "It depends"),
    )
}

# --- Certainty: how firm the ground under a rule is

SETTLED = "settled"
IRS_POSITION = "irs-position"
UNSETTLED = "unsettled"


@dataclass(frozen=True)
class Certainty:
    slug: str
    label: str  # the badge
    sentence: str  # said next to the verdict
    rank: int  # lower is weaker: a combined answer is as firm as its weakest part


CERTAINTIES: dict[str, Certainty] = {
    c.slug: c
    for c in (
        Certainty(
            SETTLED,
            "Settled law",
            "the tax code, regulations or court decisions say this directly.",
            3,
        ),
        Certainty(
            IRS_POSITION,
            "The IRS's position, not tested in court",
            "a court could decide otherwise. If a real amount depends on it, check with a tax "
            "professional before you rely on it.",
            2,
        ),
        Certainty(
            UNSETTLED,
            "Not settled",
            "no law, ruling or court decision speaks to this directly; this is our best "
            "reading. If a real amount depends on it, check with a tax professional before you "
            "rely on it.",
            1,
        ),
    )
}
