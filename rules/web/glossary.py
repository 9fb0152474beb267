"""The few tax words the answers cannot do without, in plain words (the /glossary/ page).

Each term has an anchor (its slug) and the forms of the word the results page
links to it on first use. Figures come from rules.law.parameters, as in the rules. No
Django imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rules.law import parameters as law
from rules.law.vocabulary import QUESTION_WORDS


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    meaning: str  # plain text; {limit} and the like are rules.law.parameters's facts
    words: str  # a regular expression for the forms used in our texts
    also: tuple[str, ...] = ()  # slugs of related terms

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{self.words})(?![\w-])", re.IGNORECASE)

    def explained(self, year: int) -> str:
        return self.meaning.format(**law.facts(year))


TERMS: tuple[Term, ...] = (
    Term(
        "adjusted-gross-income",
        "Adjusted gross income (AGI)",
        "Your total income for the year, less a few adjustments such as deductible IRA "
        "contributions and student loan interest. It's on your Form 1040. Until "
        "{last_floor_year}, miscellaneous itemized deductions counted only for the part "
        "above {floor} of it.",
        r"adjusted gross income|AGI",
    ),
    Term(
        "after-tax-money",
        "After-tax money",
        "Money you had already paid income tax on before it went into a retirement "
        "account, outside a Roth account: for example after-tax contributions to a 401(k), "
        "or nondeductible contributions to a traditional IRA, which you record on Form "
        "8606. It comes back to you tax-free; what it earned doesn't.",
        r"after-tax money|after-tax",
        also=("basis", "pre-tax-money", "roth"),
    ),
    Term(
        "basis",
        "Basis",
        "The part of your money that the tax rules let you get back without paying tax on "
        "it again. For an investment in a taxable account, it's usually what you paid, "
        "fees included. In a retirement account, it's the after-tax or Roth money you put "
        "in and haven't taken out yet. A loss is measured against it.",
        r"(?:cost |unrecovered )?basis",
        also=("after-tax-money", "realized"),
    ),
    Term(
        "capital-loss",
        "Capital loss",
        "A loss on selling an investment (stocks, bonds, funds, cryptocurrency) for less "
        "than its basis. It first cancels out capital gains, with no limit; then up to "
        "{limit} a year ({limit_separate} if married filing separately) comes off your "
        "other income, and the rest carries forward to later years.",
        r"capital loss(?:es)?",
        also=("basis", "wash-sale"),
    ),
    Term(
        "conversion",
        "Conversion (to Roth)",
        "Moving pre-tax money into a Roth account. The amount moved counts as income for "
        "that year, so it's taxed then; later qualified withdrawals are tax-free.",
        r"conver(?:sion|sions|ted|t)",
        also=("roth", "pre-tax-money"),
    ),
    Term(
        "itemize",
        "Itemize",
        "To list certain expenses on Schedule A of your tax return (such as mortgage "
        "interest, state and local taxes, gifts to charity) instead of taking the standard "
        "deduction. It only helps when the items add up to more than the standard "
        "deduction.",
        r"itemiz(?:e|ed|es|ing)",
        also=("miscellaneous-itemized-deduction",),
    ),
    Term(
        "miscellaneous-itemized-deduction",
        "Miscellaneous itemized deduction",
        "A group of itemized deductions for costs such as investment fees, tax preparation "
        "and certain losses. Until {last_floor_year} they counted only for the part of "
        "their total above {floor} of your adjusted gross income. None are allowed for "
        "2018 to 2025 (26 U.S.C. 67(g) then), and the 2025 tax law took away that end "
        "date: none for later years either, apart from educator expenses from 2026 "
        "(67(b)(13), (h)).",
        r"miscellaneous itemized deductions?",
        also=("itemize", "adjusted-gross-income"),
    ),
    Term(
        "ordinary-loss",
        "Ordinary loss",
        "A loss that comes off your other income, such as wages, in full, without the "
        "yearly limit on capital losses. A loss on qualifying small-business stock "
        "(Section 1244 stock) is an ordinary loss up to {s1244_limit} a year "
        "({s1244_limit_joint} on a joint return).",
        r"ordinary loss(?:es)?",
        also=("capital-loss",),
    ),
    Term(
        "pre-tax-money",
        "Pre-tax money",
        "Money that went into an account before income tax was taken from it: what you "
        "put in from your pay, your employer's contributions, or IRA contributions you "
        "deducted. It's taxed when it comes out, so it has no basis.",
        r"pre-tax money|pre-tax",
        also=("after-tax-money", "basis"),
    ),
    Term(
        "realized",
        "Realized",
        "A gain or loss is realized when something fixes it for tax: usually a sale, an "
        "exchange, or an investment becoming completely worthless. A lower price on your "
        "statement isn't realized: the investment can still recover.",
        r"(?:un)?realiz(?:e|ed|es|ing)",
        also=("basis",),
    ),
    Term(
        "rollover",
        "Rollover",
        "Moving retirement money to another account of the same tax kind: directly from "
        "one provider to the other (a transfer), or paid to you and put into the new "
        "account within {rollover_days} days. Done right, it isn't taxed.",
        r"roll(?:ed)? ?over|rollovers",
        also=("conversion",),
    ),
    Term(
        "roth",
        "Roth",
        "Roth money was taxed before it went in: a Roth IRA, or the Roth part of a "
        "workplace plan. What you put in comes back tax-free; earnings are tax-free too "
        "in a qualified withdrawal (generally after age {early_age} and five years).",
        r"Roth",
        also=("after-tax-money", "conversion"),
    ),
    Term(
        "substantially-identical",
        "Substantially identical",
        "So close to the investment you sold that the wash-sale rule treats it as the "
        "same. Shares of the same company are; shares of a different company usually "
        "aren't. For funds there's no exact test: two funds that hold the same things in "
        "the same way may be.",
        r"substantially identical",
        also=("wash-sale",),
    ),
    Term(
        "wash-sale",
        "Wash sale",
        "Selling an investment at a loss and buying the same or a substantially identical "
        "one within {wash_days} days before or after the sale (or your spouse buying it). "
        "You can't deduct the loss then; it's usually added to the basis of the new "
        "shares, and counts when you sell them.",
        r"wash[- ]sales?",
        also=("substantially-identical", "basis"),
    ),
)
TERMS_BY_SLUG = {t.slug: t for t in TERMS}


def question_link(field: str, glossary_url: str) -> dict[str, str] | None:
    """The glossary link for a question page (the question's record names the word), or
    None."""
    link = QUESTION_WORDS[field].glossary
    if link is None:
        return None
    slug, text = link
    return {"url": f"{glossary_url}#{slug}", "text": text}
