"""Deciding: valid answers in, a determination out.

Concrete answers are decided by the one rule of the rulebook that matches
them. When the saver is not sure of something (the kind of money, what was
received, what was sold), every concrete reading is decided and a combining
rule says what the readings have in common. No Django imports; no clock (the
tax year is in the answers).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import product

from rules.law import accounts
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import (
    UNSURE_QUESTIONS,
    Answers,
    applies,
    choices,
    received_applies,
    settle,
)
from rules.law.bibliography import Document
from rules.law.parameters import Citation
from rules.law.rulebook import RULES, Rule
from rules.law.rulebook.combining import UNSURE_DEPENDS, UNSURE_NO_EITHER_WAY, UNSURE_YES_EITHER_WAY
from rules.law.wording import answer_words, named_in


@dataclass(frozen=True)
class Branch:
    """One concrete reading of answers the saver was not sure of, and its answer."""

    answers: Answers
    outcome: str
    deductible: bool | None
    rule: str
    certainty: str
    headline: str
    reason: str
    facts: tuple[tuple[str, str], ...] = ()
    # Claimed for longer than usual (a worthless security, 6511(d)(1)): this reading's
    # own time to claim, shown with it when the readings' windows differ.
    long_claim: bool = False

    @property
    def contribution(self) -> str | None:
        return self.answers.contribution


@dataclass(frozen=True)
class Determination:
    answers: Answers
    outcome: str
    deductible: bool | None
    rule: str
    certainty: str
    headline: str
    reason: str
    instead: str
    citations: tuple[Citation, ...]
    table_rows: tuple[str, ...]  # anchors on /tables/
    branches: tuple[Branch, ...] = field(default=())
    # The period of the law on miscellaneous itemized deductions that decided the
    # year, when the answer turns on it.
    misc_law: law.Period | None = None
    # Claimed for longer than usual (a worthless security, 6511(d)(1)). For a combined
    # answer, taken from the readings that give a deduction only (a reading with no
    # deduction has nothing to claim); None when their windows differ, and each branch
    # then has its own (LAW-FINDINGS-3 Q26).
    long_claim: bool | None = False
    # The dated figures the texts name, for telling whether the year matters.
    facts: tuple[tuple[str, str], ...] = ()
    # The headline in the past tense, for a year before the current one ("" where the
    # headline reads right for any year): the caller knows the current year.
    past_headline: str = ""

    def headline_in(self, current: int) -> str:
        """The headline as said in the current tax year."""
        return self.past_headline if self.past_headline and self.answers.year < current \
            else self.headline

    @property
    def verdict(self) -> str:
        return v.OUTCOMES[self.outcome].verdict

    @property
    def key(self) -> tuple:
        """What makes two determinations the same answer for a saver, the year aside."""
        return (
            self.outcome,
            self.rule,
            self.certainty,  # a rule's doubts can weaken it in some years (72(d)(2))
            self.facts,
            # A deduction for a past year has its own time to claim.
            self.answers.year if self.deductible is not False else None,
            tuple((tuple(b.answers.as_query().items()), b.rule, b.facts) for b in self.branches),
        )

    @property
    def sources(self) -> tuple[Citation, ...]:
        """The rule's citations, then those of the law that governs the year."""
        extra = self.misc_law.citations if self.misc_law else ()
        shown: dict[tuple[Document, str], Citation] = {}
        for c in (*self.citations, *extra):
            if c.speaks_to(self.answers.account):
                shown.setdefault((c.reference, c.pinpoint), c)
        return tuple(shown.values())


def _facts_key(rule: Rule, year: int) -> tuple[tuple[str, str], ...]:
    facts = law.facts(year)
    return tuple(sorted((name, facts[name]) for name in rule.facts_used))


class NoRule(LookupError):
    pass


@cache  # keyed by validated slugs only: bounded by the vocabulary
def _candidates(account: str, event: str) -> tuple[Rule, ...]:
    """The rules that can decide this account and event (the rest never match)."""
    return tuple(r for r in RULES if account in r.accounts and event in r.events)


def rule_for(a: Answers) -> Rule:
    matches = [r for r in _candidates(a.account, a.event) if r.matches(a)]
    if len(matches) != 1:
        raise NoRule(f"{len(matches)} rules match {a}")
    return matches[0]


def account_row(account: str) -> str:
    return f"account-{account}"


def situation_row(rule_id: str) -> str:
    return f"situation-{rule_id}"


def first_year(account: str, contribution: str | None, event: str | None = None) -> int:
    """The first tax year the account (with that kind of money, and that event) existed."""
    return accounts.first_year(account, contribution, event).year


def first_year_reason(account: str, contribution: str | None, event: str | None = None) -> str:
    """Why the account (with that kind of money, and that event) has no earlier tax years."""
    return accounts.first_year(account, contribution, event).why


def kinds_for(account: str, year: int) -> tuple[str | None, ...]:
    """The concrete kinds of money the account could hold in that tax year."""
    return tuple(
        c for c in v.ACCOUNTS[account].possible_contributions if first_year(account, c) <= year
    )


def readings(a: Answers) -> tuple[Answers, ...]:
    """Every concrete set of answers the saver might mean (just `a` when sure)."""
    if all(getattr(a, q) != v.UNSURE for q in UNSURE_QUESTIONS):
        return (a,)
    found: list[Answers] = []
    for question in UNSURE_QUESTIONS:
        if getattr(a, question) == v.UNSURE and applies(question, a):
            if question == "contribution":
                kinds = kinds_for(a.account, a.year)
                # Where no kind the year allows fits, every one is still read (the
                # answer the saver gave is then the one that cannot be).
                values = tuple(c for c in kinds if not _ruled_out(a, c)) or kinds
            else:
                values = tuple(c for c in choices(question, a) if c != v.UNSURE)
            for value in values:
                for reading in readings(settle(replace(a, **{question: value}))):
                    if reading not in found:
                        found.append(reading)
            return tuple(found)
    return (a,)


def _ruled_out(a: Answers, contribution: str | None) -> bool:
    """A kind of money the other answers contradict: getting back less than (or at least)
    the after-tax or Roth money says there was some, so pre-tax money only is not a
    reading (the contradiction rules.law.validation refuses when it is chosen; no basis
    without it: 26 U.S.C. 72(b), (e)(8))."""
    return a.received in (v.BELOW_BASIS, v.COVERS_BASIS) and not received_applies(
        a.account, a.event, contribution
    )


def _fill(text: str, a: Answers) -> str:
    return text.format(**law.facts(a.year), **answer_words(a, named_in(text))).rstrip()


def _single(
    a: Answers, rule: Rule | None = None, misc: law.Parameter = law.MISC_ITEMIZED_DEDUCTIONS
) -> Determination:
    """The answer of one rule (by default the one that matches today) to concrete answers;
    `misc`: the law on miscellaneous itemized deductions it is read under."""
    rule = rule or rule_for(a)
    return Determination(
        answers=a,
        outcome=rule.outcome,
        deductible=rule.deductible,
        rule=rule.id,
        certainty=rule.certainty_for(a),
        headline=_fill(rule.headline, a),
        reason=_fill(rule.reason, a),
        instead=_fill(rule.instead, a),
        citations=rule.references,
        table_rows=(account_row(a.account), situation_row(rule.id)),
        misc_law=misc.period(a.year) if rule.turns_on_misc_law else None,
        long_claim=rule.long_claim,
        facts=_facts_key(rule, a.year),
        past_headline=_fill(rule.past_headline, a),
    )


def _weakest(certainties: Iterable[str]) -> str:
    return min(certainties, key=lambda c: v.CERTAINTIES[c].rank)


def _combine(a: Answers, parts: list[Determination]) -> Determination:
    if len({p.rule for p in parts}) == 1:
        # Every reading is decided by the same rule: what the saver is unsure of
        # does not matter here.
        return replace(parts[0], answers=a)
    deductibles = {p.deductible for p in parts}
    if len(deductibles) > 1:
        rule, deductible = UNSURE_DEPENDS, None
    elif deductibles == {True}:
        rule, deductible = UNSURE_YES_EITHER_WAY, True
    else:
        rule, deductible = UNSURE_NO_EITHER_WAY, False
    outcomes = {p.outcome for p in parts}
    outcome = outcomes.pop() if len(outcomes) == 1 and deductible is False else rule.outcome
    citations = unique(c for p in parts for c in p.citations)
    rows = unique([account_row(a.account)] + [situation_row(p.rule) for p in parts])
    periods = {p.misc_law for p in parts if p.misc_law}
    return Determination(
        answers=a,
        outcome=outcome,
        deductible=deductible,
        rule=rule.id,
        certainty=_weakest(p.certainty for p in parts),
        headline=_fill(rule.headline, a),
        reason=_fill(rule.reason, a),
        instead=_fill(rule.instead, a),
        citations=tuple(citations) + tuple(c for c in rule.references if c not in citations),
        table_rows=tuple(rows),
        branches=tuple(
            Branch(
                p.answers, p.outcome, p.deductible, p.rule, p.certainty, p.headline, p.reason,
                p.facts, bool(p.long_claim),
            )
            for p in parts
        ),
        misc_law=periods.pop() if len(periods) == 1 else None,
        long_claim=_claim_window(parts),
    )


def _claim_window(parts: list[Determination]) -> bool | None:
    """The window of a combined answer: that of the readings that give a deduction, when
    they share one; None when they differ (then each branch says its own)."""
    windows = {p.long_claim for p in parts if p.deductible is not False}
    if len(windows) > 1:
        return None
    return windows.pop() if windows else False


def unique(items: Iterable) -> list:
    seen: list = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen


# Only validated answers reach the engine (rules.law.validation), and they form a
# finite space of a few thousand per tax year: the cache is bounded by it.
@cache
def determine(a: Answers) -> Determination:
    """Decide one set of valid answers (see rules.law.validation for checking them)."""
    found = readings(a)
    if found == (a,):
        return _single(a)
    return _combine(a, [_single(r) for r in found])


def valid_years(
    account: str, contribution: str | None, current: int, event: str | None = None
) -> range:
    """The tax years there is an answer for: from the first the account, its kind of
    money and the event allow to the current."""
    start = first_year(account, contribution if contribution != v.UNSURE else None, event)
    return range(start, current + 1)


def all_answers(current: int) -> Iterator[Answers]:
    """Every valid combination of answers up to the current tax year, `unsure` included."""
    for account, acct in v.ACCOUNTS.items():
        for event in acct.events:
            base = settle(Answers(account, event, None, None, None, 0))
            kinds = choices("contribution", base) if applies("contribution", base) else (
                base.contribution,
            )
            for contribution in kinds:
                a = settle(replace(base, contribution=contribution))
                options = [
                    choices(q, a) if applies(q, a) else (getattr(a, q),)
                    for q in ("received", "asset")
                ]
                for received, asset in product(*options):
                    for year in valid_years(account, contribution, current, event):
                        yield replace(a, received=received, asset=asset, year=year)


def example_answers(rule_id: str, current: int) -> Answers | None:
    """The first valid answers this rule decides (for linking a rule to a results page)."""
    return _examples(current).get(rule_id)


@lru_cache(maxsize=2)  # this tax year's, and last year's for a process that saw New Year
def _examples(current: int) -> dict[str, Answers]:
    found: dict[str, Answers] = {}
    for a in all_answers(current):
        found.setdefault(determine(a).rule, a)
    return found
