"""Turn a query (strings from a URL) into Answers, or field errors a person understands.

Shared by the results page, the JSON API and the wizard. No Django imports: a
Django QueryDict is read through its `getlist`, any other mapping of strings
or lists of strings works too. Messages name choices by their labels, never
by their slugs: a saver reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from rules.law import engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import Answers, applies, choices, default
from rules.law.not_covered import SOMETHING_ELSE
from rules.law.said import Labels, Name, Phrase, Said, Typed

MAX_SHOWN = 40  # characters of a bad value echoed back in a message

# The messages' templates (rules.law.said): English, said again in the saver's language
# by rules.web.validation_words.
GIVE_ONE = "Give one {what}, not {count}."
SAY_EVENT = "Say what happened to the investment."
UNKNOWN_ACCOUNT = "\u201c{value}\u201d is not a kind of account we know. Choose one of: {choices}."
CANNOT_HAPPEN_TO_AN = "\u201c{value}\u201d cannot happen to an {account}. Choose one of: {choices}."
CANNOT_HAPPEN_TO_A = "\u201c{value}\u201d cannot happen to a {account}. Choose one of: {choices}."
UNKNOWN_EVENT = (
    "\u201c{value}\u201d is not something we know can happen. Choose one of: {choices}."
)
UNKNOWN_MONEY = (
    "\u201c{value}\u201d is not a kind of money a {account} holds. Choose one of: {choices}."
)
NO_MONEY = "A {account} has no kind of money to choose: leave it out."
ONLY_MONEY = "A {account} holds only {money}: leave the kind of money out."
NOT_PRE_TAX = (
    "{label} does not fit pre-tax money: with only pre-tax money in the account there is "
    "no after-tax or Roth money to get back. If some of it was after-tax or Roth money, say "
    "so (or choose \u201cNot sure\u201d) as the kind of money; otherwise leave this answer out."
)
UNKNOWN_ANSWER = "\u201c{value}\u201d is not an answer we know here. Choose one of: {choices}."
YEAR_DIGITS = "Enter the tax year as four digits, from {start} to {current}."
YEAR_SPAN = "Enter a year from {start} to {current}."
YEAR_WHY = "{why}. Enter a year from {start} to {current}."
TEMPLATES = (
    GIVE_ONE, SAY_EVENT, UNKNOWN_ACCOUNT, CANNOT_HAPPEN_TO_AN, CANNOT_HAPPEN_TO_A,
    UNKNOWN_EVENT, UNKNOWN_MONEY, NO_MONEY, ONLY_MONEY, NOT_PRE_TAX, UNKNOWN_ANSWER,
    YEAR_DIGITS, YEAR_SPAN, YEAR_WHY,
)


def _cannot_happen_to(words: str) -> str:
    """With the article for a noun phrase: "an inherited IRA", "a 401(k)" (LAW-FINDINGS-3
    part 5)."""
    an = words[:1].lower() in "aeiou" and words[:1]
    return CANNOT_HAPPEN_TO_AN if an else CANNOT_HAPPEN_TO_A


def _values(query: Any, name: str) -> list[str]:
    if hasattr(query, "getlist"):
        raw = query.getlist(name)
    else:
        raw = query.get(name, [])
        if isinstance(raw, str | int):
            raw = [raw]
    return [str(x).strip() for x in raw]


def _shown(value: str) -> Typed:
    value = "".join(ch if ch.isprintable() else "\ufffd" for ch in value)
    return Typed(value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "\u2026")


def _labels(terms, shown=None) -> Labels:
    """The choices' labels; `shown`, the terms the wizard shows, when they differ."""
    terms = list(terms)
    return Labels((t.label for t in terms), None if shown is None else (t.label for t in shown))


class Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)


def _one(query: Any, name: str, errors: Errors) -> str | None:
    values = [x for x in _values(query, name) if x != ""]
    if len(set(values)) > 1:
        errors.add(name, Said(GIVE_ONE, what=Name(v.QUESTION_WORDS[name].label),
                              count=len(values)))
        return None
    return values[0].lower() if values else None


# Why a governmental 457(b) never holds after-tax money other than Roth: a link
# to a combination version 1 accepted lands on this message.
NO_AFTER_TAX_457B = (
    "A governmental 457(b) never holds after-tax money other than Roth: it takes pre-tax "
    "pay deferrals, Roth deferrals (from 2011) and rollovers of money that was not yet "
    "taxed. If you made after-tax contributions, they went to another kind of plan, such "
    "as a 401(k) or 403(b). Choose pre-tax money, Roth money or \u201cNot sure\u201d."
)


# "Something else" is a way out of the wizard, not an account: no answer is given for it.
SOMETHING_ELSE_MESSAGE = (
    "\u201cSomething else\u201d is not an account we can answer for. The page \u201cWhat "
    "this tool does not cover\u201d (/not-covered/) says where to look instead."
)


def _kind_of_money(
    account: v.Account, contribution: str | None, errors: Errors
) -> str | None:
    if contribution is None:
        return default("contribution", Answers(account.slug, "", None, None, None, 0))
    if account.asks_contribution:
        if contribution in account.contributions:
            return contribution
        if account.slug == "457b" and contribution == v.AFTER_TAX:
            errors.add("contribution", NO_AFTER_TAX_457B)
        else:
            errors.add("contribution", Said(
                UNKNOWN_MONEY, value=_shown(contribution), account=account.in_sentence,
                choices=_labels((v.CONTRIBUTIONS[c] for c in account.contributions),
                                (account.term("contribution", c) for c in account.contributions)),
            ))
        return None
    if account.implied_contribution is None:
        errors.add("contribution", Said(NO_MONEY, account=account.in_sentence))
        return None
    if contribution != account.implied_contribution:
        errors.add("contribution", Said(
            ONLY_MONEY, account=account.in_sentence,
            money=Phrase(v.CONTRIBUTIONS[account.implied_contribution].label),
        ))
        return None
    return contribution


def contradiction(a: Answers, question: str, given: str | None) -> str | None:
    """Why an answer cannot be true with the others, or None. An answer that merely does
    not matter (what was sold, for a Roth IRA) is dropped by the canonical link; one that
    says the opposite of another is refused (issue 23 item 10): "got back less than (or
    at least) my after-tax or Roth money" when the saver chose pre-tax money only, so
    there is none (no basis: 26 U.S.C. 72(b), (e)(8)). Where pre-tax is only implied (an
    HSA), the answer does not matter and is dropped as before."""
    said_pre_tax = a.contribution == v.PRE_TAX and v.ACCOUNTS[a.account].asks_contribution
    if question == "received" and given in (v.BELOW_BASIS, v.COVERS_BASIS) and said_pre_tax:
        shown = v.ACCOUNTS[a.account].term(question, given)
        return Said(NOT_PRE_TAX, label=_labels([v.RECEIVED[given]], [shown]))
    return None


def _optional(a: Answers, question: str, given: str | None, errors: Errors) -> Answers:
    """What was received, or what was sold: checked where it applies, else ignored
    (the canonical URL drops it), unless it contradicts the other answers."""
    said = contradiction(a, question, given)
    if said:
        errors.add(question, said)
        return a
    if not applies(question, a):
        return replace(a, **{question: default(question, a)})
    if given is None:
        return replace(a, **{question: default(question, a)})
    allowed = choices(question, a)
    if given not in allowed:
        terms, account = v.TERMS[question], v.ACCOUNTS[a.account]
        errors.add(question, Said(
            UNKNOWN_ANSWER, value=_shown(given),
            choices=_labels((terms[c] for c in allowed),
                            (account.term(question, c) for c in allowed)),
        ))
        return a
    return replace(a, **{question: given})


def validate(
    query: Mapping[str, Any] | Any, *, current: int
) -> tuple[Answers | None, dict[str, list[str]]]:
    """Return (answers, {}) when the query is valid, else (None, errors by field).

    `current` is the current tax year: no answer exists for a later one.
    """
    errors = Errors()
    given = {name: _one(query, name, errors) for name in v.FIELDS}

    account = None
    if given["account"] is None:
        errors.setdefault("account", ["Choose the kind of account."])
    elif given["account"] == SOMETHING_ELSE.slug:
        errors.add("account", SOMETHING_ELSE_MESSAGE)
    elif given["account"] not in v.ACCOUNTS:
        errors.add("account", Said(UNKNOWN_ACCOUNT, value=_shown(given["account"]),
                                   choices=_labels(v.ACCOUNTS.values())))
    else:
        account = v.ACCOUNTS[given["account"]]

    event = given["event"]
    if event is None:
        errors.setdefault("event", [Said(SAY_EVENT)])
    elif account is not None and event not in account.events:
        template = (
            _cannot_happen_to(account.in_sentence) if event in v.EVENTS else UNKNOWN_EVENT
        )
        errors.add("event", Said(
            template, value=_shown(event), account=account.in_sentence,
            choices=_labels(account.event(e) for e in account.events),
        ))

    contribution = None
    if account is not None and "contribution" not in errors:
        contribution = _kind_of_money(account, given["contribution"], errors)

    # One range in every message about the year: from the first year the account
    # (with that kind of money) existed, to the current tax year.
    start, why = law.FIRST_TAX_YEAR, ""
    if account is not None and "contribution" not in errors:
        known_event = event if event in account.events else None
        start = engine.first_year(account.slug, contribution, known_event)
        why = engine.first_year_reason(account.slug, contribution, known_event)
    year = current
    year_text = given["year"]
    if year_text is not None:
        if not (len(year_text) == 4 and year_text.isascii() and year_text.isdigit()):
            errors.add("year", Said(YEAR_DIGITS, start=start, current=current))
        else:
            year = int(year_text)
            if law.FIRST_TAX_YEAR <= year < start:
                errors.add("year", Said(YEAR_WHY, why=why, start=start, current=current))
            elif not start <= year <= current:
                errors.add("year", Said(YEAR_SPAN, start=start, current=current))
    if errors or account is None:
        return None, dict(errors)
    a = Answers(account.slug, event, contribution, None, None, year)
    for question in ("received", "asset"):
        a = _optional(a, question, given[question], errors)
    if errors:
        return None, dict(errors)
    return a, {}
