"""Spans of tax years and parameters dated by them: the building blocks of rules.law.parameters.

No Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rules.law.bibliography import Citation

# The first tax year the tool answers for: the first year of the 2% floor on
# miscellaneous itemized deductions (Tax Reform Act of 1986), the regime every
# later year is compared against.
FIRST_TAX_YEAR = 1987


@dataclass(frozen=True)
class Enactment:
    """When a piece of the law became law: the day a statute was signed or a notice was
    released, the document (cited), and what it did, in words."""

    day: date
    law: Citation
    change: str
    # The accounts a change of a figure the texts name touches (a change that moves a
    # rule's years or an account's beginning finds its accounts from the rules).
    accounts: frozenset[str] = frozenset()

    @property
    def day_words(self) -> str:
        return f"{self.day:%B} {self.day.day}, {self.day.year}"


@dataclass(frozen=True)
class Period:
    """Tax years from `start` to `end` (inclusive; no end: still in force), and what
    held in them: a parameter's value with its citations, or nothing (a rule's years)."""

    start: int
    end: int | None
    value: Any = None
    citations: tuple[Citation, ...] = ()
    # When it became law (None: before the years we answer for), and its last year as
    # enacted when later law cut it short (the 2% floor was for every year from 1987 until
    # the 2017 law suspended it): Ellipsis, the same as `end`.
    enacted: Enactment | None = field(default=None, compare=False)
    enacted_end: Any = field(default=..., compare=False)

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)

    def held_on(self, year: int, day: date) -> bool:
        """Whether the year is in these years as the law stood on `day` (plain years do not
        depend on the day; rules.law.rulebook.rule.LawYears do)."""
        return year in self

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

    def enactments(self) -> tuple[Enactment, ...]:
        return tuple(p.enacted for p in self.periods if p.enacted is not None)

    def as_of(self, day: date) -> Parameter:
        """The parameter as the law stood on `day`: each period enacted by then covers the
        years it was enacted for, and a later one overrides an earlier one where they meet;
        a period enacted after `day` does not exist yet."""
        key = (id(self), day)
        if key not in _AS_OF:
            _AS_OF[key] = Parameter(self.name, _layered(self.periods, day))
        return _AS_OF[key]


_AS_OF: dict[tuple[int, date], Parameter] = {}


def _layered(periods: tuple[Period, ...], day: date) -> tuple[Period, ...]:
    layers = sorted(
        (p for p in periods if p.enacted is None or p.enacted.day <= day),
        key=lambda p: p.enacted.day if p.enacted else date.min,
    )
    spans = [(p.start, p.end if p.enacted_end is ... else p.enacted_end, p) for p in layers]
    cuts = sorted({s for s, _, _ in spans} | {e + 1 for _, e, _ in spans if e is not None})
    found: list[tuple[Period, int, int | None]] = []  # (layer, first year, last year)
    for i, start in enumerate(cuts):
        end = cuts[i + 1] - 1 if i + 1 < len(cuts) else None
        top = [p for s, e, p in spans if s <= start and (e is None or start <= e)]
        if not top:
            continue
        if found and found[-1][0] is top[-1] and found[-1][2] == start - 1:
            found[-1] = (top[-1], found[-1][1], end)
        else:
            found.append((top[-1], start, end))
    return tuple(replace(layer, start=s, end=e) for layer, s, e in found)
