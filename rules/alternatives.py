"""What would change the answer: answers one step away that are decided differently.

No Django imports; no clock (the current tax year is an argument).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rules import law
from rules import vocabulary as v
from rules.answers import UNSURE_QUESTIONS, Answers, answers, applies, choices, settle
from rules.engine import Determination, determine, kinds_for, valid_years
from rules.questions import normalise


@dataclass(frozen=True)
class Alternative:
    field: str
    description: str
    answers: Answers
    determination: Determination


TERMS = v.TERMS
LEADS = {"contribution": "If it was", "received": "If what you got back was", "asset": "If it was"}

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
    return spans


def alternatives(a: Answers, current: int) -> list[Alternative]:
    """Answers one step away that give a different outcome, shortest list first."""
    here = determine(a)
    found: list[Alternative] = []
    seen_outcomes: set[tuple[str, str]] = set()

    def add(field: str, desc: str, alt: Answers) -> None:
        d = determine(alt)
        if d.outcome != here.outcome and (field, d.outcome) not in seen_outcomes:
            seen_outcomes.add((field, d.outcome))
            found.append(Alternative(field, desc, normalise(alt, current), d))

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
                    label = TERMS[question][value].label
                    add(
                        question,
                        f"{LEADS[question]} {label[0].lower()}{label[1:]}",
                        settle(replace(a, **{question: value})),
                    )
    for e in acct.events:
        # Only events that could happen in that year (a plan's Roth conversion from 2008).
        if e != a.event and a.year in valid_years(a.account, a.contribution, a.year, e):
            add("event", f"If instead: “{acct.event(e).label}”", settle(replace(a, event=e)))
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
