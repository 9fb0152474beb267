"""The rules, as data: for each situation, the tax years it covers, which answers
it matches, the outcome and the references it rests on.

A change in the law lands here (and in law.py): a new rule, or a rule whose
years end. tests/rules/test_coverage.py proves that, for any valid answers,
exactly one rule in RULES matches. No Django imports.
"""

from __future__ import annotations

from rules.law.rulebook import combining, conversions, education, inherited, sheltered, taxable
from rules.law.rulebook.rule import Rule

RULES: tuple[Rule, ...] = (
    sheltered.RULES + conversions.RULES + inherited.RULES + education.RULES + taxable.RULES
)
COMBINING_RULES: tuple[Rule, ...] = combining.RULES
ALL_RULES: tuple[Rule, ...] = RULES + COMBINING_RULES
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in ALL_RULES}

__all__ = ["ALL_RULES", "COMBINING_RULES", "RULES", "RULES_BY_ID", "Rule"]
