"""Editor text for some accounts only: "[For IRAs] ..." at the start of a paragraph or a
list item shows it only to savers whose account is one of those named.

An editor writes the names a saver would ("[For IRAs and HSAs]", "[For 457(b)s]");
rules.markup stores them as tokens (an account family or an account slug) in a
data-for attribute, and rules.linking drops what does not match the account on
the results page. A token is resolved when the page is shown, so an account
added later to a family is covered by the family's name. No Django imports.
"""

from __future__ import annotations

import re

from rules import vocabulary as v
from rules.accounts import AUDIENCE_NAMES

# What an editor may write between "[For" and "]", joined by commas or "and"
# (case does not matter), and the tokens each name stands for.
NAMES: dict[str, tuple[str, ...]] = {
    **AUDIENCE_NAMES,  # each account's and each family's, from their records
    "your own iras": (v.IRA, "own-ira"),
}
HELP = (
    "To show a paragraph or a list item only to some savers, start it with the accounts "
    "in square brackets: “[For IRAs]”, “[For workplace plans and HSAs]”. Names you can "
    "use: IRAs, traditional IRAs, Roth IRAs, workplace plans, 401(k)s, Roth 401(k)s, "
    "403(b)s, 457(b)s, HSAs, taxable accounts."
)
TAG = re.compile(r"\[For ([^\]<>\n]{1,120})\]")
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|\band\b)\s*", re.IGNORECASE)


def tokens(names: str) -> tuple[str, ...] | None:
    """The tokens for "IRAs and HSAs"; None if any name is unknown."""
    found: list[str] = []
    for name in _SPLIT.split(names.strip()):
        known = NAMES.get(name.strip().lower())
        if known is None:
            return None
        found.extend(t for t in known if t not in found)
    return tuple(found) or None


def unknown_names(source: str) -> list[str]:
    """The "[For ...]" tags at the start of a paragraph or item that name no known account."""
    bad = []
    for line in source.splitlines():
        match = TAG.match(line.lstrip("-*0123456789. \t"))
        if match and tokens(match.group(1)) is None:
            bad.append(match.group(0))
    return bad


def shown_to(tokens_: str, account: str) -> bool:
    """Whether text tagged with these tokens (space-separated) is for this account."""
    acct = v.ACCOUNTS.get(account)
    wanted = set(tokens_.split())
    if acct is None:
        return account in wanted
    # "IRAs" covers a saver's own IRAs and those they inherited, unless an editor
    # wrote "your own IRAs" or named the inherited ones apart.
    if acct.kind == v.INHERITED and v.IRA in wanted and "own-ira" not in wanted:
        return True
    return account in wanted or acct.kind in wanted
