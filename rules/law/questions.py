"""Which questions matter: what the wizard must ask given the answers so far, and
the canonical results URL (only the answers that matter, in a fixed order).

A question is asked when it applies (rules.law.answers) and its answer can change
the outcome: for the kind of money, what was received and what was sold, some
reading of the questions still open must be decided by a different rule; for
the year, the answer (its rule, its figures, its time to claim) must differ
between the tax years there are. Every function takes the current tax year,
and every cache is keyed by it. Callers pass only validated slugs (the forms
and rules.law.validation check them first), so the caches are bounded by the
vocabulary. No Django imports; no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from rules.law import vocabulary as v
from rules.law.answers import UNSURE_QUESTIONS, Answers, applies, default
from rules.law.engine import all_answers, determine, rule_for

# The questions, in the order the wizard asks them and the results URL lists them.
QUESTIONS = v.FIELDS
# Answers that only exist because of another (what was received, for money with basis).
DEPENDS_ON = {"contribution": ("received",)}
# The order the wizard asks them (issue 25 #6): the tax year as soon as it can matter,
# before the kind of money and what came back, which a year often makes moot. Results
# URLs keep QUESTIONS' order and meaning: a question the wizard skips is read as "not
# sure", which gives the same outcome (wizard_asks).
ASK_ORDER = ("account", "event", "asset", "year", "contribution", "received")
YEAR_FIRST = ("contribution", "received")


@lru_cache(maxsize=64)
def _space(account: str, current: int) -> tuple[Answers, ...]:
    """Every valid set of answers for one account, "not sure" included."""
    return tuple(a for a in all_answers(current) if a.account == account)


@lru_cache(maxsize=64)
def _index(account: str, current: int) -> dict[tuple[str, str | None], tuple[Answers, ...]]:
    """The answers of _space by event, and by event and tax year."""
    found: dict[tuple[str, str | None], list[Answers]] = {}
    for a in _space(account, current):
        found.setdefault((a.event, None), []).append(a)
        found.setdefault((a.event, _value(a, "year")), []).append(a)
    return {key: tuple(answers) for key, answers in found.items()}


def _candidates(given: Mapping[str, str], current: int) -> tuple[Answers, ...]:
    """The answers that can match `given` (_matches, either way): those of its account
    and, when it names them, of its event and tax year (never "not sure"). The event is
    known for every question after it."""
    event = given.get("event")
    if event is None or event == v.UNSURE:
        return _space(given["account"], current)
    year = given.get("year")
    return _index(given["account"], current).get((event, year), ())


def _value(a: Answers, question: str) -> str | None:
    value = getattr(a, question)
    return None if value is None else str(value)


def _is_concrete(a: Answers) -> bool:
    return all(getattr(a, q) != v.UNSURE for q in UNSURE_QUESTIONS)


def _matches(a: Answers, known: Mapping[str, str], unsure_is_any: bool) -> bool:
    for question, value in known.items():
        mine = _value(a, question)
        if mine == value or (unsure_is_any and value == v.UNSURE and mine is not None):
            continue
        return False
    return True


@lru_cache(maxsize=4096)
def _asked(question: str, known: tuple[tuple[str, str], ...], current: int) -> bool:
    given = dict(known)
    space = _candidates(given, current)
    if question == "year":
        # The readings the saver gave stay as given ("not sure" included); a
        # question still open could be answered any way.
        keys: dict[tuple, set] = {}
        for a in space:
            if _matches(a, given, unsure_is_any=False):
                rest = tuple(_value(a, q) for q in QUESTIONS if q != "year")
                keys.setdefault(rest, set()).add(determine(a).key)
        return any(len(found) > 1 for found in keys.values())
    # Readings that agree on everything else (apart from the answers that only
    # exist because of this one) and differ in this answer: do their rules differ?
    held = [q for q in QUESTIONS if q != question and q not in DEPENDS_ON.get(question, ())]
    rules: dict[tuple, dict[str, set]] = {}
    for a in space:
        if _is_concrete(a) and applies(question, a) and _matches(a, given, unsure_is_any=True):
            by_value = rules.setdefault(tuple(_value(a, q) for q in held), {})
            by_value.setdefault(_value(a, question), set()).add(rule_for(a).id)
    return any(
        len(by_value) > 1 and len(set().union(*by_value.values())) > 1
        for by_value in rules.values()
    )


def _is_asked(question: str, known: Mapping[str, str], current: int) -> bool:
    if question == "account" or "account" not in known:
        return True
    if question == "event":
        return True
    # A question that applies to no reading of the known answers is never asked.
    return _asked(question, tuple(sorted(known.items())), current)


@lru_cache(maxsize=64)
def _settle_account(account: str, current: int) -> None:
    """Work out, once per process, account and tax year, whether each question is asked
    after each set of earlier answers this account has (a few dozen: 200 or so for every
    account together). Each costs a pass over the account's answers, which a results
    page or wizard step for a new answer would otherwise pay on the request."""
    for a in _space(account, current):
        _canonical(a, current, _is_asked)


def is_asked(question: str, known: Mapping[str, str], current: int) -> bool:
    """Must the wizard ask this question, given the earlier answers known so far?

    With an earlier answer still unknown, a question is asked if it could
    matter for any answer that might come.
    """
    if "account" in known and question not in ("account", "event"):
        _settle_account(known["account"], current)
    return _is_asked(question, known, current)


@lru_cache(maxsize=4096)
def _outcome_differs(question: str, known: tuple[tuple[str, str], ...], current: int) -> bool:
    """With the tax year known: could some answer to the question give another verdict?"""
    given = dict(known)
    outcomes: dict[tuple, set] = {}
    held = [q for q in QUESTIONS if q != question and q not in DEPENDS_ON.get(question, ())]
    for a in _candidates(given, current):
        if _is_concrete(a) and applies(question, a) and _matches(a, given, unsure_is_any=True):
            key = tuple(_value(a, q) for q in held)
            # The verdict a saver reads: "No" both where there is no loss and where the
            # deduction it would be is not allowed that year.
            outcomes.setdefault(key, set()).add(v.OUTCOMES[determine(a).outcome].verdict)
    return any(len(found) > 1 for found in outcomes.values())


def wizard_asks(question: str, known: Mapping[str, str], current: int) -> bool:
    """Must the wizard ask this question, given the answers before it in ASK_ORDER?

    The year is asked if it could matter for any answer still to come; after it, the
    kind of money and what came back only if an answer to them changes the outcome for
    that year (issue 25 #6: from 2018 an emptied IRA gives no deduction whatever they are).
    """
    if not is_asked(question, known, current):
        return False
    if question in YEAR_FIRST and "year" in known:
        return _outcome_differs(question, tuple(sorted(known.items())), current)
    return True


def _canonical(a: Answers, current: int, asked) -> dict[str, str]:
    query: dict[str, str] = {}
    for question in QUESTIONS:
        value = _value(a, question)
        if value is not None and asked(question, query, current) and (
            question in ("account", "event", "year") or applies(question, a)
        ):
            query[question] = value
    return query


def canonical(a: Answers, current: int) -> dict[str, str]:
    """The answers that matter for this determination, in the fixed URL order."""
    return dict(_canonical_items(a, current))


# A results page asks this of its answers and of every answer it links (a dozen or
# more). Keyed by validated answers and the tax year: bounded by the input space.
@lru_cache(maxsize=8192)
def _canonical_items(a: Answers, current: int) -> tuple[tuple[str, str], ...]:
    return tuple(_canonical(a, current, is_asked).items())


def normalise(a: Answers, current: int) -> Answers:
    """Answers with the choices that do not matter reset to their defaults."""
    query = canonical(a, current)
    result = replace(a, year=int(query.get("year", current)))
    for question in UNSURE_QUESTIONS:
        if question not in query:
            result = replace(result, **{question: default(question, result)})
    return result


def default_contribution(account: str) -> str | None:
    """What a missing kind of money is read as (see rules.law.answers.default)."""
    return default("contribution", Answers(account, "", None, None, None, 0))
