"""Editor text for some savers only: "[For IRAs] ..." at the start of a paragraph or a
list item shows it only to the savers it is true for.

A tag names accounts, kinds of money, events, kinds of asset and tax years, in the words
a saver would use:

    [For IRAs and HSAs]            accounts: either one
    [For Roth 401(k)s]             one account
    [For after-tax or Roth money]  kinds of money: either one
    [For inherited IRAs, not Roth] an account, and not a kind of money
    [For 2018 to 2025]             tax years (also "2026", "from 2026", "before 2015",
    [Before 2015] [From 2026]      "2026 and later"); the short tags stand alone
    [For workplace plans from 1993, not 457(b)s before 2002]

Names of one sort (accounts, money, events, assets, years) are alternatives: one of them
must fit. Names of different sorts must all fit. After "not", each item (a name, or a
name with a year after it) must not fit. Case does not matter.

rules.editor.markup stores a tag as tokens in a data-for attribute (an account family or slug
as before, "money:roth", "event:worthless", "asset:crypto", "year:2018-2025", and "!"
before an excluded item, its parts joined by "+"); rules.web.linking drops what does not fit
the saver's answers on the results page. Tokens are resolved when the page is shown, so
an account added later to a family is covered by the family's name. No Django imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rules.law import vocabulary as v
from rules.law.accounts import AUDIENCE_NAMES

# Accounts: what an editor may write, and the tokens each name stands for (an account
# family or an account slug).
NAMES: dict[str, tuple[str, ...]] = {
    **AUDIENCE_NAMES,  # each account's and each family's, from their records
    "your own IRAs": (v.IRA, "own-ira"),
}

# Kinds of money: the saver's answer to "What kind of money went into the account?" (or
# the one kind an account holds). "Designated Roth" is Roth money in a workplace plan.
DESIGNATED_ROTH = "designated-roth"
MONEY: dict[str, str] = {
    "pre-tax money": v.PRE_TAX,
    "pre-tax": v.PRE_TAX,
    "after-tax money": v.AFTER_TAX,
    "after-tax": v.AFTER_TAX,
    "Roth money": v.ROTH,
    "Roth": v.ROTH,
    "designated Roth money": DESIGNATED_ROTH,
    "designated Roth accounts": DESIGNATED_ROTH,
    "money of an unknown kind": v.UNSURE,
}

# What happened, by its slug or in words.
EVENTS: dict[str, str] = {
    **{slug: slug for slug in v.EVENTS},
    "a fall in value": v.VALUE_DROPPED,
    "switches inside the account": v.REALLOCATED,
    "rollovers": v.ROLLED_OVER,
    "partial withdrawals": v.PARTIAL_WITHDRAWAL,
    "accounts emptied at a loss": v.CLOSED_AT_LOSS,
    "conversions": v.CONVERTED,
    "sales at a loss": v.SOLD_AT_LOSS,
    "sales to relatives": v.SOLD_TO_RELATIVE,
    "wash sales": v.WASH_SALE,
    "wash sales into an IRA": v.WASH_SALE_IRA,
    "wash sales into other accounts": v.WASH_SALE_ELSEWHERE,
    "worthless investments": v.WORTHLESS,
}

# What was sold (taxable accounts).
ASSETS: dict[str, str] = {
    "stocks": v.SECURITIES,
    "securities": v.SECURITIES,
    "cryptocurrency": v.CRYPTO,
    "crypto": v.CRYPTO,
    "small business stock": v.SMALL_BUSINESS_STOCK,
    "Section 1244 stock": v.SMALL_BUSINESS_STOCK,
    "assets of an unknown kind": v.UNSURE,
}

# Tax years: the forms an editor may write, and the range each stands for.
_YEAR_FORMS: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"(\d{4}) to (\d{4})"), lambda a, b: (int(a), int(b))),
    (re.compile(r"(\d{4}) and later"), lambda a: (int(a), None)),
    (re.compile(r"(?:from|since) (\d{4})"), lambda a: (int(a), None)),
    (re.compile(r"(?:before) (\d{4})"), lambda a: (None, int(a) - 1)),
    (re.compile(r"(?:in )?(\d{4})"), lambda a: (int(a), int(a))),
)
YEAR_EXAMPLES = ("2018 to 2025", "2026", "in 2001", "from 2026", "2026 and later", "before 2015")

# The sorts of names, in the order the help lists them: (prefix of the token, names).
SORTS: tuple[tuple[str, str, dict], ...] = (
    ("", "accounts", NAMES),
    ("money", "kinds of money", MONEY),
    ("event", "what happened", EVENTS),
    ("asset", "what was sold", ASSETS),
)


# The same names, as they are looked up (case does not matter).
_LOWER = {prefix: {k.lower(): t for k, t in names.items()} for prefix, _, names in SORTS}


def _listing(names: Iterable[str]) -> str:
    return ", ".join(names)


def _help() -> str:
    sorts = "; ".join(f"{label}: {_listing(names)}" for _, label, names in SORTS)
    return (
        "To show a paragraph or a list item only to some savers, start it with a tag in "
        "square brackets: “[For IRAs]”, “[For workplace plans and HSAs]”, “[For Roth "
        "money]”, “[For inherited IRAs, not Roth]”, “[For 2018 to 2025]”, “[Before 2015]”, "
        "“[From 2026]”. Names of one sort are alternatives (one must fit); names of "
        "different sorts must all fit; after “not”, each item must not fit. Separate names "
        "with commas, “and” or “or”; case does not matter. Names you can use: "
        f"{sorts}; tax years: {_listing(YEAR_EXAMPLES)} (any year)."
    )


# --- Reading a tag

TAG = re.compile(r"\[(For|Before|From) ([^\]<>\n]{1,120})\]")
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\band\b(?!\s+later)|\bor\b)\s*", re.IGNORECASE)
_TRAILING_YEAR = re.compile(
    r"^(.*?)\s+((?:from|since|before|in) \d{4}|\d{4} to \d{4}|\d{4} and later)$"
)


def _year_token(text: str) -> str | None:
    for pattern, make in _YEAR_FORMS:
        m = pattern.fullmatch(text)
        if m:
            low, high = make(*m.groups())
            return f"year:{low or ''}-{high or ''}"
    return None


def _item(text: str) -> list[str] | None:
    """The tokens one item stands for ("457(b)s before 2002": two), None if unknown."""
    text = text.strip().lower()
    year = _year_token(text)
    if year:
        return [year]
    for prefix, _, names in SORTS:
        found = _LOWER[prefix].get(text)
        if found is not None:
            if not prefix:
                return list(found)
            return [f"{prefix}:{found}"]
    m = _TRAILING_YEAR.match(text)
    if m:
        first, year = _item(m.group(1)), _year_token(m.group(2))
        if first is not None and year is not None:
            return [*first, year]
    return None


def parse(word: str, body: str) -> tuple[str, ...] | None:
    """The tokens for a tag ("For", "IRAs and HSAs"); None if any name is unknown."""
    word = word.lower()
    if word in ("before", "from"):
        year = _year_token(f"{word} {body.strip().lower()}")
        return (year,) if year else None
    body = body.strip()
    excluded = ""
    m = re.search(r"(?:^|,\s*|\s)\bnot\s+", body, re.IGNORECASE)
    if m:
        body, excluded = body[: m.start()], body[m.end() :]
    found: list[str] = []
    for part in _SPLIT.split(body) if body else []:
        item = _item(part)
        if item is None:
            return None
        found.extend(t for t in item if t not in found)
    for part in _SPLIT.split(excluded) if excluded else []:
        item = _item(part)
        if item is None:
            return None
        found.append("!" + "+".join(item))
    return tuple(found) or None


def tokens(names: str) -> tuple[str, ...] | None:
    """The tokens for "IRAs and HSAs" (what follows "[For"); None if any name is unknown."""
    return parse("For", names)


def unknown_names(source: str) -> list[str]:
    """The tags at the start of a paragraph or item that name something we do not know."""
    bad = []
    for line in source.splitlines():
        match = TAG.match(line.lstrip("-*0123456789. \t"))
        if match and parse(match.group(1), match.group(2)) is None:
            bad.append(match.group(0))
    return bad


def unknown_items(tag: str) -> list[str]:
    """The items of a tag ("[For IRAs and pensions]") that name nothing we know."""
    match = TAG.fullmatch(tag)
    if match is None:
        return [tag]
    word, body = match.groups()
    if word.lower() != "for":
        return [] if parse(word, body) else [f"{word} {body}"]
    parts = re.split(r"(?:^|,\s*|\s)\bnot\s+", body, maxsplit=1, flags=re.IGNORECASE)
    return [
        part
        for piece in parts
        if piece.strip()
        for part in _SPLIT.split(piece.strip())
        if _item(part) is None
    ]


def complaint(source: str) -> str:
    """What an editor is told about the unknown tags in a text ("" when there are none)."""
    return " ".join(
        f"{tag} names something we do not know: "
        + ", ".join(f"“{name}”" for name in unknown_items(tag) or [tag])
        + "."
        for tag in unknown_names(source)
    )


# Keyed by a hint's or a wording's text (a bounded set: the project's own words): its
# tag is parsed once, not on every answer it is picked for.
@lru_cache(maxsize=1024)
def leading(text: str) -> tuple[str | None, str]:
    """A tag at the start of a text (a hint written with one) and the text after it."""
    match = TAG.match(text)
    if match is None:
        return None, text
    return " ".join(parse(match.group(1), match.group(2)) or ()), text[match.end() :].lstrip()


# --- Whom a tag fits


@dataclass(frozen=True)
class Saver:
    """The answers a tag is resolved against (rules.law.answers.Answers fits too)."""

    account: str
    contribution: str | None = None
    event: str | None = None
    asset: str | None = None
    year: int | None = None


def _account_fits(wanted: set[str], account: str) -> bool:
    acct = v.ACCOUNTS.get(account)
    if acct is None:
        return account in wanted
    # "IRAs" covers a saver's own IRAs and those they inherited, unless an editor
    # wrote "your own IRAs" or named the inherited ones apart.
    if acct.kind == v.INHERITED and v.IRA in wanted and "own-ira" not in wanted:
        return True
    return account in wanted or acct.kind in wanted


def _fits(token: str, saver) -> bool:
    """One token that is not an account: "money:roth", "year:2018-2025"..."""
    sort, _, value = token.partition(":")
    if sort == "money":
        if value == DESIGNATED_ROTH:
            acct = v.ACCOUNTS.get(saver.account)
            return saver.contribution == v.ROTH and acct is not None and acct.kind == v.PLAN
        return saver.contribution == value
    if sort == "event":
        return saver.event == value
    if sort == "asset":
        return saver.asset == value
    if sort == "year":
        low, _, high = value.partition("-")
        year = saver.year
        return (
            year is not None
            and (not low or year >= int(low))
            and (not high or year <= int(high))
        )
    return False


def _sort(token: str) -> str:
    return token.partition(":")[0] if ":" in token else ""


def _all_fit(item: list[str], saver) -> bool:
    """Every part of an item fits (its accounts as one part)."""
    accounts = {t for t in item if not _sort(t)}
    if accounts and not _account_fits(accounts, saver.account):
        return False
    return all(_fits(t, saver) for t in item if _sort(t))


def shown_to(tokens_: str, saver) -> bool:
    """Whether text tagged with these tokens (space-separated) is true for this saver:
    answers (rules.law.answers.Answers or a Saver), or an account slug alone, which fits
    only tags that name accounts and nothing else."""
    if isinstance(saver, str):
        saver = Saver(saver)
    wanted: dict[str, set[str]] = {}
    for token in tokens_.split():
        if token.startswith("!"):
            if _all_fit(token[1:].split("+"), saver):
                return False
        else:
            wanted.setdefault(_sort(token), set()).add(token)
    for sort, group in wanted.items():
        if sort == "":
            if not _account_fits(group, saver.account):
                return False
        elif not any(_fits(t, saver) for t in group):
            return False
    return True


def pick(texts: Iterable[str], saver) -> str:
    """The first of several tagged texts (a hint's wordings) that fits the saver, without
    its tag; a text with no tag fits everyone."""
    for text in texts:
        tag, words = leading(text)
        if tag is None or shown_to(tag, saver):
            return words
    return ""


HELP = _help()
