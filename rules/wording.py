"""Words a rule's text can take from the saver's own answers: which account, what happened.

A headline reads better as "a fall in value inside a 401(k)" than as "a loss
inside the account". Rule texts name these as placeholders beside the dated
facts of rules.law ({account_a}, {loss}). No Django imports.
"""

from __future__ import annotations

from rules import vocabulary as v
from rules.answers import Answers

LOSS = {
    v.VALUE_DROPPED: "a fall in value",
    v.REALLOCATED: "a loss on investments sold",
}
NAMES = frozenset({"account_a", "loss"})


def answer_words(a: Answers) -> dict[str, str]:
    """The placeholders a rule text may use that come from the answers, not the law."""
    return {
        "account_a": acct.with_article if (acct := v.ACCOUNTS.get(a.account)) else "the account",
        "loss": LOSS.get(a.event, "a loss"),
    }
