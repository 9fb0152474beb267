"""The tables in docs/contract.md and docs/law.md, written from the code: `make docs`.

Each table sits between two comments in the Markdown file,
`<!-- generated: NAME -->` and `<!-- end: NAME -->`; the words around them are
written by hand. `python -m scripts.docs` rewrites the tables in place;
`--check` exits 1 (naming the tables) when a file is not what the code says,
which tests/test_docs.py checks too. No Django: the vocabulary and the law are
plain Python.
"""

from __future__ import annotations

import pkgutil
import re
import sys
from decimal import Decimal
from importlib import import_module
from pathlib import Path

from rules.law import bibliography, engine, rulebook, worksheets
from rules.law import parameters as law
from rules.law import vocabulary as v

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# What the first version of the contract (results links and JSON made before
# November 2026) knew; everything else came with version 2. History: fixed.
VERSION_1 = {
    "account": {
        "traditional-401k", "roth-401k", "403b", "457b", "traditional-ira", "roth-ira",
        "hsa", "taxable",
    },
    "event": {
        "value-dropped", "reallocated", "rolled-over", "partial-withdrawal", "closed-at-loss",
        "sold-at-loss", "wash-sale", "wash-sale-ira", "worthless",
    },
    "contribution": {"pre-tax", "after-tax", "roth", "unsure"},
    "received": set(),
    "asset": set(),
    "outcome": {
        "not-deductible", "capital-loss", "itemized-2-percent", "itemized-suspended",
        "wash-sale-deferred", "wash-sale-disallowed", "depends",
    },
}


def since(kind: str, slug: str) -> str:
    return "1" if slug in VERSION_1[kind] else "2"


def code(items) -> str:
    return ", ".join(f"`{x}`" for x in items)


def cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# --- docs/contract.md


def accounts() -> str:
    rows = []
    for a in v.ACCOUNTS.values():
        if a.contributions:
            kinds = code(a.contributions)
        elif a.implied_contribution:
            kinds = f"`{a.implied_contribution}`, implied (not asked, not in the URL)"
        else:
            kinds = "not asked, not in the URL"
        rows.append(
            [f"`{a.slug}`", a.label, kinds, code(a.events),
             str(engine.first_year(a.slug, None)), since("account", a.slug)]
        )
    return table(
        ["`account`", "label", "`contribution`", "`event`", "first tax year", "since"], rows
    )


def events() -> str:
    rows = []
    for slug in v.EVENTS:
        wordings: dict[str, list[str]] = {}
        for a in v.ACCOUNTS.values():
            if slug in a.events:
                wordings.setdefault(a.event(slug).label, []).append(a.slug)
        for label, slugs in wordings.items():
            rows.append([f"`{slug}`", label, code(slugs), since("event", slug)])
    return table(["`event`", "label", "for the accounts", "since"], rows)


def terms(kind: str, found: dict[str, v.Term]) -> str:
    rows = [[f"`{t.slug}`", t.label, t.hint, since(kind, t.slug)] for t in found.values()]
    return table([f"`{kind}`", "label", "hint", "since"], rows)


def fields() -> str:
    rows = [[f"`{name}`", v.QUESTION_WORDS[name].label] for name in v.FIELDS]
    return table(["parameter", "label on the results page"], rows)


def outcomes() -> str:
    shown = {True: "`true`", False: "`false`", None: "`null`"}
    rows = [
        [f"`{o.slug}`", o.verdict, o.label, shown[o.deductible], since("outcome", o.slug)]
        for o in v.OUTCOMES.values()
    ]
    return table(["`outcome`", "verdict", "label", "`deductible`", "since"], rows)


def certainties() -> str:
    rows = [[f"`{c.slug}`", c.label, c.sentence] for c in v.CERTAINTIES.values()]
    return table(["`certainty`", "badge", "what the page says"], rows)


def filings() -> str:
    return table(["`filing`", "label"], [[f"`{k}`", x] for k, x in worksheets.FILINGS.items()])


# --- docs/law.md


def _value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value * 100:.0f}%" if value < 1 else law.money(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(x)}" for k, x in value.items())
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(x, int) for x in value):
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
        return f"{months[value[0] - 1]} {value[1]}"
    if isinstance(value, str) and len(value) > 40:
        return "(a sentence for the rule texts)" if value.strip() else "nothing"
    if value == "":
        return "nothing"
    return str(value)


def _cite(c) -> str:
    """"IRC 67(g)" for a pinpoint inside the section named, else "Pub 550, Wash Sales"."""
    short, pin = c.reference.short, c.pinpoint
    if not pin:
        return short
    number = short.removeprefix("IRC ").split("(")[0]
    if short.startswith("IRC ") and pin.startswith(number):
        return f"IRC {pin}"
    return f"{short}, {pin}"


def _cited(citations) -> str:
    return "; ".join(_cite(c) for c in citations)


def periods() -> str:
    rows = [
        [p.describe(), f"`{p.value}`", law.LAW_NAMES[p.value], _cited(p.citations)]
        for p in law.MISC_ITEMIZED_DEDUCTIONS.periods
    ]
    return table(["tax years", "state", "the law", "rests on"], rows)


def parameters() -> str:
    rows = [
        [f"`{name}`", found.name, law.years(p.start, p.end).describe(), _value(p.value),
         _cited(p.citations)]
        for name, found in vars(law).items()
        if isinstance(found, law.Parameter)
        for p in found.periods
    ]
    return table(["parameter", "what", "tax years", "value", "rests on"], rows)


def _family(module) -> tuple[str, tuple]:
    title = (module.__doc__ or module.__name__).strip().splitlines()[0].rstrip(".")
    return title, module.RULES


def families() -> list[tuple[str, str, tuple]]:
    """Each rulebook module that holds rules: (module name, its title, its rules)."""
    found = []
    for info in pkgutil.iter_modules(rulebook.__path__):
        module = import_module(f"rules.law.rulebook.{info.name}")
        if hasattr(module, "RULES"):
            found.append((info.name, *_family(module)))
    order = {"sheltered": 0, "taxable": 90, "combining": 99}
    return sorted(found, key=lambda f: (order.get(f[0], 50), f[0]))


def _matches(rule) -> str:
    parts = []
    every = set(v.ACCOUNTS)
    if set(rule.accounts) != every:
        parts.append("account " + code(a for a in v.ACCOUNTS if a in rule.accounts))
    if set(rule.events) != set(v.EVENTS):
        parts.append("event " + code(e for e in v.EVENTS if e in rule.events))
    for name, allowed in (("contribution", rule.contributions), ("received", rule.received),
                          ("asset", rule.assets)):
        if allowed is not None and allowed != {None}:
            parts.append(f"{name} " + code(sorted(x for x in allowed if x)))
    if rule in rulebook.COMBINING_RULES:
        return "the readings of a \u201cNot sure\u201d, each decided by the rules above"
    return "; ".join(parts)


def rules_of(family: str) -> str:
    (found,) = [f for f in families() if f[0] == family]
    rows = [
        [f"`{r.id}`", r.situation, r.years.describe(), _matches(r), f"`{r.outcome}`",
         f"`{r.certainty}`" + "".join(f"; `{d.certainty}` for {d.why}" for d in r.doubts),
         _cited(r.references)]
        for r in found[2]
    ]
    return table(["rule", "situation", "tax years", "matches", "outcome", "certainty",
                  "rests on"], rows)


def authorities() -> str:
    rows = [[r.short, r.title, r.url] for r in bibliography.DOCUMENTS.values()]
    return table(["short name", "title", "where"], rows)


def generated() -> dict[str, dict[str, str]]:
    """File name -> {table name: its Markdown}."""
    law_tables = {"periods": periods(), "parameters": parameters(),
                  "authorities": authorities()}
    law_tables |= {f"rules-{name}": rules_of(name) for name, _, _ in families()}
    return {
        "contract.md": {
            "fields": fields(),
            "accounts": accounts(),
            "events": events(),
            "contribution": terms("contribution", v.CONTRIBUTIONS),
            "received": terms("received", v.RECEIVED),
            "asset": terms("asset", v.ASSETS),
            "outcomes": outcomes(),
            "certainty": certainties(),
            "filing": filings(),
        },
        "law.md": law_tables,
    }


BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(.*?)(<!-- end: (?P=name) -->)", re.S)


def rewrite(text: str, tables: dict[str, str]) -> tuple[str, list[str]]:
    """The text with each table replaced; and the names of tables the code has and the
    text has no place for (a new rule family needs a heading and words first)."""
    seen = set()

    def put(m: re.Match) -> str:
        name = m.group("name")
        seen.add(name)
        if name not in tables:
            return m.group(0)
        return m.group(1) + tables[name] + "\n" + m.group(4)

    return BLOCK.sub(put, text), sorted(set(tables) - seen)


def stale() -> list[str]:
    """What is out of date, in words (empty: the docs say what the code says)."""
    problems = []
    for name, tables in generated().items():
        path = DOCS / name
        text = path.read_text()
        new, missing = rewrite(text, tables)
        problems += [f"docs/{name}: no place for the table {t!r}" for t in missing]
        # An empty place is a table still to come (a rule family on another branch).
        gone = {m.group("name") for m in BLOCK.finditer(text) if m.group(3).strip()}
        gone -= set(tables)
        problems += [f"docs/{name}: the code has no table {t!r}" for t in sorted(gone)]
        if new != text:
            problems.append(f"docs/{name}: tables differ from the code (run `make docs`)")
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale()
        print("\n".join(problems) or "docs/ agrees with the code")
        return 1 if problems else 0
    for name, tables in generated().items():
        path = DOCS / name
        new, missing = rewrite(path.read_text(), tables)
        path.write_text(new)
        for t in missing:
            print(f"docs/{name}: add a place for {t!r}: <!-- generated: {t} --> and "
                  f"<!-- end: {t} --> under a heading of its own")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
