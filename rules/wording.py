"""Words a rule's text can take from the saver's own answers: which account, what happened.

A headline reads better as "a fall in value inside a 401(k)" than as "a loss
inside the account". Rule texts name these as placeholders beside the dated
facts of rules.law ({account_a}, {loss}). No Django imports.
"""

from __future__ import annotations

from rules import vocabulary as v
from rules.answers import Answers

# The account as a saver says it in a sentence, with its article.
ACCOUNT_A = {
    "traditional-401k": "a 401(k)",
    "roth-401k": "a Roth 401(k)",
    "403b": "a 403(b)",
    "457b": "a governmental 457(b)",
    "traditional-ira": "a traditional IRA",
    "roth-ira": "a Roth IRA",
    "inherited-ira": "an inherited IRA",
    "inherited-roth-ira": "an inherited Roth IRA",
    "hsa": "an HSA",
    "529": "a 529 plan",
    "coverdell-esa": "a Coverdell education savings account",
    v.TAXABLE: "a taxable brokerage account",
}
LOSS = {
    v.VALUE_DROPPED: "a fall in value",
    v.REALLOCATED: "a loss on investments sold",
}
NAMES = frozenset({"account_a", "loss"})


def answer_words(a: Answers) -> dict[str, str]:
    """The placeholders a rule text may use that come from the answers, not the law."""
    return {
        "account_a": ACCOUNT_A.get(a.account, "the account"),
        "loss": LOSS.get(a.event, "a loss"),
    }


def account_short(account: str) -> str:
    """ "401(k)", "traditional IRA": the account without its article, for lists."""
    said = ACCOUNT_A.get(account)
    if said is None:
        return v.ACCOUNTS[account].label
    return said.split(" ", 1)[1]
