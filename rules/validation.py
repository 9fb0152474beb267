"""Turn a query (strings from a URL) into Answers, or field errors a person understands.

Shared by the results page and the JSON API. No Django imports: a Django
QueryDict is read through its `getlist`, any other mapping of strings or
lists of strings works too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rules import engine, law, questions
from rules import vocabulary as v

MAX_SHOWN = 40  # characters of a bad value echoed back in a message


def _values(query: Any, name: str) -> list[str]:
    if hasattr(query, "getlist"):
        raw = query.getlist(name)
    else:
        raw = query.get(name, [])
        if isinstance(raw, str):
            raw = [raw]
    return [str(x).strip() for x in raw]


def _shown(value: str) -> str:
    value = "".join(ch if ch.isprintable() else "\ufffd" for ch in value)
    return value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "\u2026"


def _choices(slugs) -> str:
    return ", ".join(slugs)


class Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)


def _one(query: Any, name: str, errors: Errors) -> str | None:
    values = [x for x in _values(query, name) if x != ""]
    if len(set(values)) > 1:
        errors.add(name, f"Give one {v.FIELD_LABELS[name].lower()}, not {len(values)}.")
        return None
    return values[0] if values else None


def validate(
    query: Mapping[str, Any] | Any, *, current: int
) -> tuple[engine.Answers | None, dict[str, list[str]]]:
    """Return (answers, {}) when the query is valid, else (None, errors by field).

    `current` is the current tax year: no answer exists for a later one.
    """
    errors = Errors()
    account_slug = _one(query, "account", errors)
    contribution = _one(query, "contribution", errors)
    event = _one(query, "event", errors)
    year_text = _one(query, "year", errors)

    account = None
    if account_slug is None:
        errors.setdefault("account", ["Choose the kind of account."])
    elif account_slug.lower() not in v.ACCOUNTS:
        errors.add(
            "account",
            f"\u201c{_shown(account_slug)}\u201d is not an account type we know. "
            f"Use one of: {_choices(v.ACCOUNTS)}.",
        )
    else:
        account = v.ACCOUNTS[account_slug.lower()]

    if event is None:
        errors.setdefault("event", ["Say what happened to the investment."])
    elif account is not None:
        if event.lower() not in account.events:
            known = event.lower() in v.RETIREMENT_EVENTS + v.TAXABLE_EVENTS
            errors.add(
                "event",
                (
                    f"\u201c{_shown(event)}\u201d is not possible for a {account.in_sentence}. "
                    if known
                    else f"\u201c{_shown(event)}\u201d is not an event we know. "
                )
                + f"Use one of: {_choices(account.events)}.",
            )
        else:
            event = event.lower()

    if account is not None and "contribution" not in errors:
        if contribution is None:
            contribution = questions.default_contribution(account.slug)
        elif account.asks_contribution:
            if contribution.lower() not in account.contributions:
                errors.add(
                    "contribution",
                    f"\u201c{_shown(contribution)}\u201d is not a kind of money a "
                    f"{account.in_sentence} holds. Use one of: {_choices(account.contributions)}.",
                )
            else:
                contribution = contribution.lower()
        elif account.implied_contribution is None:
            errors.add(
                "contribution",
                f"A {account.in_sentence} has no contribution kind: leave it out.",
            )
        elif contribution.lower() != account.implied_contribution:
            errors.add(
                "contribution",
                f"A {account.in_sentence} holds only "
                f"{v.in_sentence(v.CONTRIBUTIONS[account.implied_contribution].label)}: "
                f"leave the contribution out or use \u201c{account.implied_contribution}\u201d.",
            )
        else:
            contribution = account.implied_contribution

    year = current
    if year_text is not None:
        if not (len(year_text) == 4 and year_text.isascii() and year_text.isdigit()):
            errors.add("year", "Enter the tax year as four digits, for example 2025.")
        else:
            year = int(year_text)
            if not law.FIRST_TAX_YEAR <= year <= current:
                errors.add(
                    "year",
                    f"We answer for tax years {law.FIRST_TAX_YEAR} to {current}.",
                )
    if account is not None and "year" not in errors and "contribution" not in errors:
        start = engine.first_year(account.slug, contribution)
        if year < start:
            why = engine.first_year_reason(account.slug, contribution)
            errors.add("year", f"{why}: choose {start} or later.")

    if errors:
        return None, dict(errors)
    return engine.Answers(account.slug, contribution, event, year), {}
