"""What a broken results link still says: the answers that can be read from it, and
what went wrong with the rest, in words (never a slug, never the raw text of the link).

A link is read question by question, in the wizard's order, with the same checks
as a whole link (rules.law.validation): an answer is kept when it fits the answers
kept before it. The kept answers let the wizard carry on where the link stops
(questionnaire.views seeds them; the Change links use the same door). Its words are in
the active language (gettext; the law's own words through rules.web.i18n.tr).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, gettext_noop

from rules.law import engine
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import applies
from rules.law.not_covered import SOMETHING_ELSE
from rules.law.validation import NO_AFTER_TAX_457B, contradiction, validate
from rules.web.i18n import tr
from rules.web.unsure_words import in_sentence

# What kind of trouble a link is in, worst first: the page's heading says the worst.
CONTRADICTORY = "contradictory"
CUT_OFF = "cut-off"
UNREADABLE = "unreadable"
EMPTY = "empty"
KINDS = (CONTRADICTORY, CUT_OFF, UNREADABLE, EMPTY)

# The page's heading and first sentence for each kind.
HEADINGS = {
    CONTRADICTORY: (
        gettext_noop("The answers in this link do not fit together"),
        gettext_noop("Some of its answers cannot all be true at once."),
    ),
    CUT_OFF: (
        gettext_noop("This link looks incomplete"),
        gettext_noop("It may have been cut off when it was copied."),
    ),
    UNREADABLE: (
        gettext_noop("We could not read all of this link"),
        gettext_noop("Some of its answers are not ones we know. It may have been changed, or "
                     "cut off, when it was copied."),
    ),
    EMPTY: (
        gettext_noop("This link has no answers in it"),
        gettext_noop("It may have been cut off when it was copied, or the answers were left "
                     "out."),
    ),
}


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str


@dataclass
class Reading:
    """What could be read (slugs, in the wizard's order) and what went wrong."""

    answers: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def kind(self) -> str:
        kinds = {p.kind for p in self.problems}
        return next((k for k in KINDS if k in kinds), UNREADABLE if self.answers else EMPTY)

    @property
    def heading(self) -> str:
        return gettext(HEADINGS[self.kind][0])

    @property
    def summary(self) -> str:
        return gettext(HEADINGS[self.kind][1])

    def rows(self) -> list[tuple[str, str]]:
        """The answers read, as (question, answer) in words."""
        return [
            (tr(v.QUESTION_WORDS[q].label), tr(label(q, value, self.answers)))
            for q, value in self.answers.items()
        ]


def label(question: str, value: str, answers: Mapping[str, str]) -> str:
    """One answer in the words the wizard offered it."""
    if question == "account":
        return v.ACCOUNTS[value].label
    if question == "event":
        return v.ACCOUNTS[answers["account"]].event(value).label
    if question == "year":
        return value
    account = v.ACCOUNTS.get(answers.get("account", ""))
    return account.term(question, value).label if account else v.TERMS[question][value].label


def _given(query: Any, name: str) -> list[str]:
    if hasattr(query, "getlist"):
        raw = query.getlist(name)
    else:
        raw = query.get(name, [])
        raw = [raw] if isinstance(raw, str | int) else raw
    found: list[str] = []
    for x in raw:
        value = str(x).strip().lower()
        if value and value not in found:
            found.append(value)
    return found


def known_slugs(question: str) -> tuple[str, ...]:
    """Every answer the question has for some account (not only for this one)."""
    if question == "account":
        return tuple(v.ACCOUNTS)
    if question == "event":
        return v.EVENTS
    return tuple(v.TERMS[question])


def _cut_short(question: str, value: str) -> bool:
    """A value that is the start of a known one, and not a known one itself ("wash-sale"
    is whole, though "wash-sale-ira" starts with it: LAW-FINDINGS-3 part 5)."""
    if question == "year":
        return value.isascii() and value.isdigit() and len(value) < 4
    slugs = known_slugs(question)
    return value not in slugs and any(slug.startswith(value) for slug in slugs)


def _event_label(slug: str) -> str:
    """An event in words, worded for the first account it can happen to."""
    account = next(a for a in v.ACCOUNTS.values() if slug in a.events)
    return account.event(slug).label


def _why_not(question: str, value: str, known: Mapping[str, str], current: int) -> Problem:
    """Why a value that is not cut short was refused, in words."""
    noun = tr(v.QUESTION_WORDS[question].noun)
    if question == "year":
        if not (len(value) == 4 and value.isascii() and value.isdigit()):
            return Problem(UNREADABLE, gettext("Its %(noun)s is not a year.") % {"noun": noun})
        year = int(value)
        if year > current:
            return Problem(
                UNREADABLE,
                gettext("There is no answer yet for tax year %(year)s: we answer up to "
                        "%(current)s.") % {"year": year, "current": current},
            )
        kind, event = known.get("contribution"), known.get("event")
        why = engine.first_year_reason(known["account"], kind, event)
        start = engine.first_year(known["account"], kind, event)
        said = gettext("%(why)s, so there is no answer for %(year)s.") % {
            "why": tr(why), "year": year}
        if year < law.FIRST_TAX_YEAR or start == law.FIRST_TAX_YEAR:
            return Problem(UNREADABLE, said)
        return Problem(CONTRADICTORY, said)
    if question == "account" and value == SOMETHING_ELSE.slug:
        return Problem(
            UNREADABLE,
            gettext("It is for “Something else”: an account this service does not "
                    "answer for."),
        )
    if value not in known_slugs(question):
        return Problem(UNREADABLE, gettext("Its %(noun)s is not one we know.") % {"noun": noun})
    account = v.ACCOUNTS[known["account"]]
    if question == "event":
        return Problem(
            CONTRADICTORY,
            gettext("“%(event)s” cannot happen to a %(account)s.") % {
                "event": tr(_event_label(value)), "account": tr(account.in_sentence)},
        )
    if question == "contribution":
        if account.slug == "457b" and value == v.AFTER_TAX:
            return Problem(CONTRADICTORY, tr(NO_AFTER_TAX_457B))
        if not account.asks_contribution and account.implied_contribution is None:
            return Problem(
                CONTRADICTORY, gettext("A %(account)s has no kind of money to choose.") % {
                    "account": tr(account.in_sentence)}
            )
        money = in_sentence(tr(v.CONTRIBUTIONS[value].label))
        return Problem(CONTRADICTORY, gettext("A %(account)s cannot hold %(money)s.") % {
            "account": tr(account.in_sentence), "money": money})
    term = tr(v.TERMS[question][value].label)
    return Problem(CONTRADICTORY, gettext("“%(term)s” does not fit the other "
                                          "answers.") % {"term": term})


def _contradicted(
    question: str, value: str, known: Mapping[str, str], current: int
) -> str | None:
    """What validation says about an answer that contradicts those kept before it."""
    answers, _ = validate(dict(known), current=current)
    said = contradiction(answers, question, value) if answers else None
    if said and question == "received" and value in v.RECEIVED:
        return gettext(
            "“%(label)s” does not fit pre-tax money: with only pre-tax money in the "
            "account there is no after-tax or Roth money to get back. If some of it was "
            "after-tax or Roth money, say so (or choose “Not sure”) as the kind of "
            "money; otherwise leave this answer out."
        ) % {"label": tr(v.RECEIVED[value].label)}
    return said


def read(query: Mapping[str, Any] | Any, *, current: int) -> Reading:
    """Read a results query as far as it goes. `current` is the current tax year."""
    reading = Reading()
    keys = list(query.keys()) if hasattr(query, "keys") else []
    given: dict[str, str] = {}
    doubled: set[str] = set()
    for question in v.FIELDS:
        values = _given(query, question)
        if len(values) > 1:
            doubled.add(question)
            reading.problems.append(
                Problem(CONTRADICTORY, gettext("It gives more than one %(noun)s.") % {
                    "noun": tr(v.QUESTION_WORDS[question].noun)})
            )
        elif values:
            given[question] = values[0]
    if not given and not reading.problems:
        # A parameter's name cut short ("?acc") is a link cut off, not an empty one.
        if any(k and k != f and f.startswith(k) for k in keys for f in v.FIELDS):
            reading.problems.append(Problem(CUT_OFF, tr(v.QUESTION_WORDS["account"].missing)))
        return reading

    known = reading.answers
    for question in v.FIELDS:
        value = given.get(question)
        if value is None:
            if question in doubled:
                continue
            if v.QUESTION_WORDS[question].missing and ("account" in known or question == "account"):
                reading.problems.append(Problem(CUT_OFF, tr(v.QUESTION_WORDS[question].missing)))
            continue
        if question != "account" and "account" not in known:
            continue  # every other answer is read against the account
        if question in ("received", "asset") and "event" not in known:
            continue  # read against what happened
        if _cut_short(question, value):
            reading.problems.append(
                Problem(CUT_OFF, gettext("Its %(noun)s is cut short.") % {
                    "noun": tr(v.QUESTION_WORDS[question].noun)})
            )
            continue
        answers, errors = validate({**known, question: value}, current=current)
        if question in errors:
            said = _contradicted(question, value, known, current)
            problem = Problem(CONTRADICTORY, said) if said else None
            reading.problems.append(problem or _why_not(question, value, known, current))
            continue
        if question in ("contribution", "received", "asset"):
            # Kept only where the wizard asks it (a Roth IRA's kind of money is implied).
            account = v.ACCOUNTS[known["account"]]
            if question == "contribution" and not account.asks_contribution:
                continue
            if question != "contribution" and (answers is None or not applies(question, answers)):
                continue
        known[question] = value
    return reading
