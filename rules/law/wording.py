"""Words a rule's text can take from the saver's own answers: which account, what happened.

A headline reads better as "a fall in value inside a 401(k)" than as "a loss
inside the account". Rule texts name these as placeholders beside the dated
facts of rules.law.parameters ({account_a}, {loss}). No Django imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from string import Formatter

from rules.law import audiences
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import Answers

LOSS = {
    v.VALUE_DROPPED: "a fall in value",
    v.REALLOCATED: "a loss on investments sold",
}
# Words true for some savers only, tagged as editors tag their texts (rules.law.audiences):
# the first wording whose tag fits the answers is used, "" when none does. They may
# name the dated facts of rules.law.parameters ({qtp_accounts}).
FOR_SOME = {
    # What the loss test adds up: a designated Roth account is tested on its own
    # (26 U.S.C. 402A(d)(4)); a Roth IRA holds no pre-tax money.
    "received_total": (
        "[For designated Roth money] everything paid out of the designated Roth account, "
        "earnings included (the plan's pre-tax and other money is left out)",
        "[For Roth IRAs] everything you received from all your Roth IRAs, earnings included",
        "[For IRAs] everything you received from all your IRAs of the kind, pre-tax money "
        "and earnings included",
        "[For workplace plans] everything you received from the plan, pre-tax money and "
        "earnings included",
        "everything you received, pre-tax money and earnings included",
    ),
    # What was paid out in cash: for Roth money in a plan, the designated Roth account on
    # its own (26 U.S.C. 402A(d)(4)); otherwise the whole balance (Rev. Rul. 72-305).
    "paid_out": (
        "[For designated Roth money] The whole designated Roth account was paid out in cash",
        "Everything was paid out in cash",
    ),
    # A governmental 457(b) could only transfer to another 457(b) plan before 2002: no
    # 60-day rollover (EGTRRA sec. 641, 26 U.S.C. 457(e)(16) from 2002).
    "moved_how": (
        "[For 457(b)s before 2002] A transfer to another governmental 457(b) plan",
        "A rollover completed within {rollover_days} days, or a direct transfer,",
    ),
    # 691(c) goes with income in respect of a decedent, which a payout that is all
    # tax-free basis (a Roth payout, or one below the basis) does not include.
    "estate_tax": (
        "[For inherited IRAs, not Roth] The estate-tax deduction (26 U.S.C. 691(c)) goes "
        "only with taxable payouts, so none for this one; it stays allowed for taxable "
        "payouts in earlier years.",
    ),
    # The 10% on converted money taken out within five years (26 U.S.C. 408A(d)(3)(F)):
    # money converted from a governmental 457(b) into a Roth IRA carries it there, but a
    # 457(b)'s own payouts carry it only on money rolled in from another kind of plan or an
    # IRA (72(t)(9)), so a conversion inside the 457(b) stays outside it (issue 23).
    "five_year_tax": (
        "[For 457(b)s] Money converted from a governmental 457(b) straight into a Roth IRA "
        "and taken out of the Roth IRA within five years, before age 59½, carries the 10% "
        "additional tax unless an exception applies (26 U.S.C. 408A(d)(3)(F)); converted "
        "inside the 457(b), it carries it only on money rolled into the plan from another "
        "kind of plan or an IRA (26 U.S.C. 72(t)(9))",
        "Money converted and then taken out within five years, before age 59½, carries the "
        "10% additional tax unless an exception applies",
    ),
    # Where an education account's money can move: a 529 to another 529, an ABLE account
    # or a Roth IRA (26 U.S.C. 529(c)(3)(C), (E)), never to a Coverdell account; a Coverdell
    # to another Coverdell (530(d)(5)) or into a 529 (530(d)(2)(C)).
    "moved_to": (
        "[For 529 plans] another 529 plan or another account that can take it",
        "[For Coverdell accounts] another Coverdell account or a 529 plan",
    ),
    "moves": (
        "[For 529 plans] In {year} a 529 could move to {qtp_moves}.",
        "[For Coverdell accounts] A Coverdell account can move to another Coverdell account "
        "for the same beneficiary or a member of the family young enough to have one, and "
        "money put into a 529 for the same beneficiary counts as spent on education.",
    ),
    # The 529 aggregation rule (26 U.S.C. 529(c)(3)(D) before 2015) is not a Coverdell rule.
    "qtp_note": ("[For 529 plans] In {year}, {qtp_accounts}.",),
}
NAMES = frozenset({"account_a", "loss", *FOR_SOME})


def answer_words(a: Answers, names: Iterable[str] = NAMES) -> dict[str, str]:
    """The placeholders a rule text may use that come from the answers, not the law:
    those of `names` only (by default all of them), as a text asks for what it names."""
    words: dict[str, str] = {}
    for name in names:
        if name == "account_a":
            acct = v.ACCOUNTS.get(a.account)
            words[name] = acct.with_article if acct else "the account"
        elif name == "loss":
            words[name] = LOSS.get(a.event, "a loss")
        elif name in FOR_SOME:
            picked = audiences.pick(FOR_SOME[name], a)
            words[name] = picked.format(**law.facts(a.year)) if a.year else picked
    return words


# Keyed by a rule's text: the rule book's texts, a bounded set.
@lru_cache(maxsize=1024)
def named_in(text: str) -> tuple[str, ...]:
    """The words of NAMES a text names as placeholders ("{account_a}"), each once."""
    found = (field for _, field, _, _ in Formatter().parse(text) if field)
    return tuple(dict.fromkeys(name for name in found if name in NAMES))
