"""A saver's answers, and which questions apply to which answers.

A question *applies* when the answers before it leave it meaningful (the
kind of money in a brokerage account does not; what was received applies
only to an account emptied at a loss that could hold basis). Whether an
applicable question *matters* for the outcome is rules.law.questions' business.
No Django imports; no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from rules.law import vocabulary as v

# Accounts that can hold basis beside pre-tax money: emptying them at a loss
# asks what was received against the basis (the whole-account test).
MIXED = v.accounts_of(v.PLAN, v.IRA, v.INHERITED)
WITH_BASIS = frozenset({v.AFTER_TAX, v.ROTH})
ASSET_EVENTS = frozenset(
    {v.SOLD_AT_LOSS, v.WASH_SALE, v.WASH_SALE_IRA, v.WASH_SALE_ELSEWHERE, v.WORTHLESS}
)


@dataclass(frozen=True)
class Answers:
    account: str
    event: str
    contribution: str | None
    received: str | None
    asset: str | None
    year: int

    def as_query(self) -> dict[str, str]:
        """Every answer that applies, as strings, in the fixed order."""
        return {
            f.name: str(getattr(self, f.name))
            for f in fields(self)
            if getattr(self, f.name) is not None and applies(f.name, self)
        }


def answers(
    account: str,
    event: str,
    contribution: str | None = None,
    received: str | None = None,
    asset: str | None = None,
    year: int = 0,
) -> Answers:
    """Answers with every question that does not apply set to its only value."""
    a = Answers(account, event, contribution, received, asset, year)
    if contribution is None:
        a = replace(a, contribution=default("contribution", a))
    a = replace(a, received=received or default("received", a))
    return replace(a, asset=asset or default("asset", a))


def received_applies(account: str, event: str, contribution: str | None) -> bool:
    """Emptied at a loss, in an account whose money may be part basis, part pre-tax."""
    return (
        event == v.CLOSED_AT_LOSS
        and account in MIXED
        and v.ACCOUNTS[account].asks_contribution
        and contribution in WITH_BASIS | {v.UNSURE}
    )


def applies(question: str, a: Answers) -> bool:
    """Does the question have a meaning, given the other answers?"""
    if question in ("account", "event", "year"):
        return True
    if question == "contribution":
        return v.ACCOUNTS[a.account].asks_contribution
    if question == "received":
        return received_applies(a.account, a.event, a.contribution)
    if question == "asset":
        return a.account == v.TAXABLE and a.event in ASSET_EVENTS
    raise KeyError(question)


def choices(question: str, a: Answers) -> tuple[str, ...]:
    """What a saver may answer (`unsure` included), where the question applies."""
    if question == "contribution":
        return v.ACCOUNTS[a.account].contributions
    if question == "received":
        return tuple(v.RECEIVED)
    if question == "asset":
        return tuple(v.ASSETS)
    raise KeyError(question)


def default(question: str, a: Answers) -> str | None:
    """What a missing answer is read as: "not sure" where that exists (stocks and the
    like for what was sold), the one value it can have, or None where it does not apply."""
    if question == "contribution":
        acct = v.ACCOUNTS[a.account]
        return v.UNSURE if acct.asks_contribution else acct.implied_contribution
    if question == "received":
        if received_applies(a.account, a.event, a.contribution):
            return v.UNSURE
        # Where all the money is basis (Roth accounts), "less than I put in" already
        # means less than the basis.
        if a.event == v.CLOSED_AT_LOSS and a.contribution in WITH_BASIS:
            return v.BELOW_BASIS
        return None
    if question == "asset":
        return v.SECURITIES if applies("asset", a) else None
    raise KeyError(question)


# The questions a saver can answer "not sure", in the order they are resolved.
UNSURE_QUESTIONS = ("contribution", "received", "asset")


def settle(a: Answers) -> Answers:
    """Answers with the questions that no longer apply reset (after a change)."""
    for question in UNSURE_QUESTIONS:
        value = getattr(a, question)
        if applies(question, a):
            if value not in choices(question, a):
                a = replace(a, **{question: default(question, a)})
        else:
            a = replace(a, **{question: default(question, a)})
    return a


def is_concrete(a: Answers) -> bool:
    """No answer is "not sure"."""
    return all(getattr(a, q) != v.UNSURE for q in UNSURE_QUESTIONS)
