"""A "not sure" answer's headline says what is certain (issue 25 #12).

The engine's combined headline ("No, whichever of these applies", "It depends on which
of these applies to you") points at a list further down. The results page says instead
what the saver was unsure of and what each possibility gives: "It depends on the kind
of money: yes for after-tax or Roth money, no for pre-tax money". Words only; the
engine has decided every possibility. The API keeps the engine's headline.
"""

from __future__ import annotations

from rules.law import engine
from rules.law import vocabulary as v
from rules.law.answers import UNSURE_QUESTIONS
from rules.law.rulebook.combining import UNSURE_DEPENDS, UNSURE_NO_EITHER_WAY, UNSURE_YES_EITHER_WAY

SUBJECT = {
    "contribution": "the kind of money",
    "received": "what you got back",
    "asset": "what you sold or lost",
}
WHATEVER = {
    "contribution": "whatever the kind of money",
    "received": "whatever you got back",
    "asset": "whatever you sold or lost",
}
SHORT = {
    ("contribution", v.PRE_TAX): "pre-tax money",
    ("contribution", v.AFTER_TAX): "after-tax money",
    ("contribution", v.ROTH): "Roth money",
    ("received", v.BELOW_BASIS): "you got back less than your after-tax or Roth money",
    ("received", v.COVERS_BASIS): "you got back at least that much",
    ("asset", "securities"): "stocks, bonds and funds",
    ("asset", "crypto"): "cryptocurrency",
    ("asset", "small-business-stock"): "small business stock",
}

IF = {
    ("received", v.BELOW_BASIS): "you got back less than that money",
    ("received", v.COVERS_BASIS): "you got back at least that money",
}


def _join(words: list[str], last: str = "or") -> str:
    if len(words) > 1 and all(w.endswith(" money") for w in words):  # "after-tax or Roth money"
        return _join([w.removesuffix(" money") for w in words], last) + " money"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def _for(d: engine.Determination) -> str:
    return f" for {d.answers.year}" if d.answers.year else ""


def headline(d: engine.Determination) -> str:
    """The page's headline: the engine's, or for a combined "not sure" answer one that
    names what is certain."""
    unsure = [q for q in UNSURE_QUESTIONS if getattr(d.answers, q) == v.UNSURE]
    if not unsure or not d.branches:
        return d.headline
    if d.rule == UNSURE_NO_EITHER_WAY.id:
        return f"No{_for(d)}, {_join([WHATEVER[q] for q in unsure], 'and')}: no federal deduction"
    if d.rule == UNSURE_YES_EITHER_WAY.id:
        return (
            f"Yes{_for(d)}, {_join([WHATEVER[q] for q in unsure], 'and')}, but the kind of "
            "deduction differs"
        )
    if d.rule != UNSURE_DEPENDS.id:
        return d.headline
    # Grouped by the first thing the saver was unsure of: what each of its values gives
    # ("yes", "no", "not now"), or, where that still depends, what the next one gives.
    first, rest = unsure[0], unsure[1:]
    said: dict[str, list[str]] = {}
    for value in _values(d, first):
        word = _word(d, {first: value})
        if word is None and rest:
            yes = [
                IF.get((rest[0], k), k)
                for k in _values(d, rest[0], {first: value})
                if _word(d, {first: value, rest[0]: k}) == "yes"
            ]
            word = f"yes only if {_join(yes)}" if yes else None
        if word is None:
            return f"It depends on {_join([SUBJECT[q] for q in unsure], 'and')}: see each below"
        said.setdefault(word, []).append(SHORT.get((first, value), value))
    subject = _join([SUBJECT[q] for q in unsure], "and")
    return f"It depends on {subject}: " + "; ".join(
        f"for {_join(values)}, {word}" if word.startswith("yes only") else
        f"{word} {'if' if first == 'received' else 'for'} {_join(values)}"
        for word, values in said.items()
    )


def _values(d: engine.Determination, q: str, given: dict | None = None) -> list[str]:
    found: list[str] = []
    for b in d.branches:
        if all(getattr(b.answers, k) == x for k, x in (given or {}).items()):
            value = getattr(b.answers, q)
            if value not in found:
                found.append(value)
    return found


def _word(d: engine.Determination, given: dict) -> str | None:
    """The one verdict of the possibilities with these answers, lower case; None if they
    differ."""
    words = {
        v.OUTCOMES[b.outcome].verdict.lower()
        for b in d.branches
        if all(getattr(b.answers, k) == x for k, x in given.items())
    }
    word = words.pop() if len(words) == 1 else None
    return "yes" if word and word.startswith("yes") else word
