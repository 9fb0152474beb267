"""Spans of tax years and parameters dated by them: the building blocks of rules.law.parameters.

No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rules.law.bibliography import Citation

# The first tax year the tool answers for: the first year of the 2% floor on
# miscellaneous itemized deductions (Tax Reform Act of 1986), the regime every
# later year is compared against.
FIRST_TAX_YEAR = 1987


@dataclass(frozen=True)
class Period:
    """Tax years from `start` to `end` (inclusive; no end: still in force), and what
    held in them: a parameter's value with its citations, or nothing (a rule's years)."""

    start: int
    end: int | None
    value: Any = None
    citations: tuple[Citation, ...] = ()

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)

    def describe(self) -> str:
        """The years in words: "every year", "2018–2025", "2026 onward"..."""
        if self.start <= FIRST_TAX_YEAR and self.end is None:
            return "every year"
        if self.end is None:
            return f"{self.start} onward"
        if self.start <= FIRST_TAX_YEAR:
            return f"{self.end} and earlier"
        if self.start == self.end:
            return str(self.start)
        return f"{self.start}–{self.end}"


def years(start: int, end: int | None = None) -> Period:
    """A span of tax years with no value attached (a rule's years, a span of answers)."""
    return Period(start, end)


EVERY_YEAR = years(FIRST_TAX_YEAR)


@dataclass(frozen=True)
class Parameter:
    name: str
    periods: tuple[Period, ...]

    def period(self, year: int) -> Period:
        for p in self.periods:
            if year in p:
                return p
        raise LookupError(f"{self.name}: no value for tax year {year}")

    def at(self, year: int) -> Any:
        return self.period(year).value

    def get(self, year: int, default: Any = None) -> Any:
        """The value in force in the year, or `default` when the parameter has none."""
        for p in self.periods:
            if year in p:
                return p.value
        return default

    def where(self, value: Any) -> Period:
        """The one period in which the parameter had this value."""
        (found,) = [p for p in self.periods if p.value == value]
        return found
