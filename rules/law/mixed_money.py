"""Money of more than one kind in one workplace plan (issue 25 #7): which other answers
a saver whose plan holds Roth money beside other money must also read.

A plan's designated Roth account is a contract of its own: section 72 applies to it
separately (26 U.S.C. 402A(d)(4)). So a 401(k), 403(b) or governmental 457(b) holding
Roth money and other money has two answers: one for the Roth part, one for the rest,
each with its own kind of money and its own "what came back" (which is why that answer
does not carry across). Pre-tax and after-tax (not Roth) money in the same plan are
one reading: `after-tax` already means that *some* of the money was taxed, and what
came back is counted from the whole plan, pre-tax money included (DESIGN.md); whether
26 U.S.C. 72(d)(2) makes after-tax contributions a separate contract as well is not
settled here (LAW-FINDINGS-3 Q19), and the question's hint says so.

No Django imports; no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rules.law import vocabulary as v
from rules.law.answers import Answers, default
from rules.law.bibliography import Citation, cite

SEPARATE_CONTRACT: Citation = cite("IRC 402A", "402A(d)(4)")


@dataclass(frozen=True)
class OtherPart:
    contribution: str  # the kind of money that answers for the other part
    answers: Answers  # the same answers, read for that part


def other_parts(a: Answers) -> tuple[OtherPart, ...]:
    """The other parts of a workplace plan that holds Roth money beside other money, each
    with the answers that read it, when the kind of money was given (not "not sure":
    that answer already lists every kind). Empty where the plan could hold no Roth money
    that year, or where the account holds one kind only."""
    acct = v.ACCOUNTS[a.account]
    if acct.kind != v.PLAN or a.contribution in (None, v.UNSURE):
        return ()
    if v.ROTH not in acct.contributions or a.year < acct.first_year(v.ROTH).year:
        return ()
    if a.contribution == v.ROTH:
        kinds = tuple(c for c in acct.possible_contributions if c != v.ROTH)
    else:
        kinds = (v.ROTH,)
    parts = []
    for kind in kinds:
        other = replace(a, contribution=kind, received=None)
        # What came back is the other contract's own answer: not sure, until asked.
        parts.append(OtherPart(kind, replace(other, received=default("received", other))))
    return tuple(parts)
