"""What would change the answer: answers one step away that are decided differently.

No Django imports; no clock (the current tax year is an argument).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import UNSURE_QUESTIONS, Answers, answers, applies, choices, settle
from rules.law.engine import Determination, determine, kinds_for, valid_years
from rules.law.questions import normalise


@dataclass(frozen=True)
class Alternative:
    field: str
    description: str
    answers: Answers
    determination: Determination
    # Something the saver could still do (sell, take the money out...), rather than a
    # situation that is simply not theirs.
    can_do: bool = False


TERMS = v.TERMS

# While an investment has only fallen in value, these are still the saver's to do.
_STILL_TO_DO = {
    v.REALLOCATED: "If you sell or switch investments inside the account",
    v.ROLLED_OVER: "If you move it to another account by a rollover or transfer",
    v.PARTIAL_WITHDRAWAL: "If you take some of the money out",
    v.CLOSED_AT_LOSS: "If you take everything out and get back less than you put in",
    v.CONVERTED: "If you convert it to a Roth account while its value is down",
    v.SOLD_AT_LOSS: "If you sell it for less than you paid, to a buyer outside your family",
    v.SOLD_TO_RELATIVE: "If you sell it at a loss to a close relative or a company you control",
    v.WASH_SALE: "If you sell it at a loss and buy it back within {wash_days} days",
    v.WASH_SALE_IRA: "If you sell it at a loss and buy it back inside an IRA within "
    "{wash_days} days",
    v.WASH_SALE_ELSEWHERE: "If you sell it at a loss and it is bought back within "
    "{wash_days} days in your spouse's IRA, a 401(k), 403(b) or HSA",
}


def yours(label: str) -> str:
    """A label the saver chose ("less than my after-tax money") as said to them."""
    words = f" {label} ".replace(" my ", " your ").replace(" I ", " you ")
    return words.strip()


def _event_if(account: v.Account, event: str) -> str:
    """ "If you sold it for less than you paid": another answer to "what happened"."""
    return f"If {v.in_sentence(yours(account.event(event).label))}"

# The nearest taxable-account event to each thing that can happen in a
# sheltered account: what the same move would be in a brokerage account.
TAXABLE_COUNTERPART = {
    v.VALUE_DROPPED: v.VALUE_DROPPED,
    v.REALLOCATED: v.SOLD_AT_LOSS,
    v.PARTIAL_WITHDRAWAL: v.SOLD_AT_LOSS,
    v.CLOSED_AT_LOSS: v.SOLD_AT_LOSS,
}


def year_spans(base: Answers, current: int) -> list[tuple[law.Period, Determination]]:
    """Consecutive tax years that share one outcome and rule; the last is open-ended."""
    return list(_year_spans(replace(base, year=current), current))


# Keyed by validated answers (their year set to the current one: the spans do not
# depend on it) and the tax year: bounded by the input space, worked out once each.
@lru_cache(maxsize=2048)
def _year_spans(base: Answers, current: int) -> tuple[tuple[law.Period, Determination], ...]:
    spans: list[tuple[law.Period, Determination]] = []
    account, contribution = base.account, base.contribution
    for y in valid_years(account, contribution, current, base.event):
        d = determine(settle(replace(base, year=y)))
        if spans and (spans[-1][1].outcome, spans[-1][1].rule) == (d.outcome, d.rule):
            spans[-1] = (law.years(spans[-1][0].start, y), spans[-1][1])
        else:
            spans.append((law.years(y, y), d))
    last_span, last_d = spans[-1]
    spans[-1] = (law.years(last_span.start), last_d)
    return tuple(spans)


def alternatives(a: Answers, current: int) -> list[Alternative]:
    """Answers one step away that give a different outcome, shortest list first."""
    here = determine(a)
    found: list[Alternative] = []
    seen_outcomes: set[tuple[str, str]] = set()

    def add(field: str, desc: str, alt: Answers, can_do: bool = False) -> None:
        d = determine(alt)
        if d.outcome != here.outcome and (field, d.outcome) not in seen_outcomes:
            seen_outcomes.add((field, d.outcome))
            found.append(Alternative(field, desc, normalise(alt, current), d, can_do))

    acct = v.ACCOUNTS[a.account]
    if not here.branches:  # branches already show each reading
        for question in UNSURE_QUESTIONS:
            if not applies(question, a):
                continue
            values = (
                kinds_for(a.account, a.year)
                if question == "contribution"
                else [c for c in choices(question, a) if c != v.UNSURE]
            )
            for value in values:
                if value != getattr(a, question):
                    label = v.in_sentence(yours(TERMS[question][value].label))
                    add(
                        question,
                        f"{v.QUESTION_WORDS[question].lead} {label}",
                        settle(replace(a, **{question: value})),
                    )
    facts = law.facts(a.year)
    for e in acct.events:
        # Only events that could happen in that year (a plan's Roth conversion from 2008).
        if e == a.event or a.year not in valid_years(a.account, a.contribution, a.year, e):
            continue
        # Only this year's loss can still be acted on.
        if a.event == v.VALUE_DROPPED and a.year == current and e in _STILL_TO_DO:
            add("event", _STILL_TO_DO[e].format(**facts), settle(replace(a, event=e)), True)
        elif a.event == v.WORTHLESS and e == v.SOLD_AT_LOSS:
            # What the saver thinks worthless may still be sold (for a token amount):
            # still theirs to do, and a sale now is a loss of this tax year.
            sale = settle(replace(a, event=e, year=current))
            add("event", _STILL_TO_DO[e].format(**facts), sale, True)
        else:
            add("event", _event_if(acct, e), settle(replace(a, event=e)))
    for span, d in year_spans(a, current):
        if a.year not in span and d.outcome != here.outcome:
            add("year", f"For tax years {span.describe()}", replace(a, year=span.end or current))
    if a.account != v.TAXABLE and a.event in TAXABLE_COUNTERPART:
        event = TAXABLE_COUNTERPART[a.event]
        add(
            "account",
            "If the same money had been in a taxable brokerage account and "
            + ("sold at a loss" if event == v.SOLD_AT_LOSS else "had fallen in value"),
            answers(v.TAXABLE, event, year=a.year),
        )
    return found
