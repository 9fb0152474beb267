"""A "not sure" answer's headline says what is certain (issue 25 #12).

The engine's combined headline ("No, whichever of these applies", "It depends on which
of these applies to you") points at a list further down. The results page says instead
what the saver was unsure of and what each possibility gives: "It depends on the kind
of money: yes for after-tax or Roth money, no for pre-tax money". Words only; the
engine has decided every possibility. The API keeps the engine's headline.
"""

from __future__ import annotations

from django.utils.translation import get_language, gettext

from rules.law import engine
from rules.law import vocabulary as v
from rules.law.answers import UNSURE_QUESTIONS
from rules.law.rulebook.combining import UNSURE_DEPENDS, UNSURE_NO_EITHER_WAY, UNSURE_YES_EITHER_WAY
from rules.web.i18n import tr


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages (it knows this name) without asking Django's
    settings at import: scripts import this module before settings exist."""
    return message

SUBJECT = {
    "contribution": gettext_noop("the kind of money"),
    "received": gettext_noop("what you got back"),
    "asset": gettext_noop("what you sold or lost"),
}
WHATEVER = {
    "contribution": gettext_noop("whatever the kind of money"),
    "received": gettext_noop("whatever you got back"),
    "asset": gettext_noop("whatever you sold or lost"),
}
SHORT = {
    ("contribution", v.PRE_TAX): gettext_noop("pre-tax money"),
    ("contribution", v.AFTER_TAX): gettext_noop("after-tax money"),
    ("contribution", v.ROTH): gettext_noop("Roth money"),
    ("received", v.BELOW_BASIS): gettext_noop("you got back less than your after-tax or Roth "
                                              "money"),
    ("received", v.COVERS_BASIS): gettext_noop("you got back at least that much"),
    ("asset", "securities"): gettext_noop("stocks, bonds and funds"),
    ("asset", "crypto"): gettext_noop("cryptocurrency"),
    ("asset", "small-business-stock"): gettext_noop("small business stock"),
}

IF = {
    ("received", v.BELOW_BASIS): gettext_noop("you got back less than that money"),
    ("received", v.COVERS_BASIS): gettext_noop("you got back at least that money"),
}
# The verdicts as a headline says them, lower case (rules.law.verdicts).
_SAID = {"yes": gettext_noop("yes"), "no": gettext_noop("no"), "not now": gettext_noop("not now"),
         "not yet": gettext_noop("not yet")}


def _english() -> bool:
    return (get_language() or "en").startswith("en")


def in_sentence(words: str) -> str:
    """A translated phrase inside a sentence: a Spanish label's capital goes ("Dinero
    Roth" -> "dinero Roth"); English is left as it is."""
    return words if _english() else words[:1].lower() + words[1:]


def _join(words: list[str], last: str = "or") -> str:
    """Words joined in the active language ("a, b or c"; in Spanish "a, b o c")."""
    if not _english():
        words = [in_sentence(gettext(w)) for w in words]
        last = gettext("and") if last == "and" else gettext("or")
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"
    if len(words) > 1 and all(w.endswith(" money") for w in words):  # "after-tax or Roth money"
        return _join([w.removesuffix(" money") for w in words], last) + " money"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def _for(d: engine.Determination) -> str:
    return gettext(" for %(year)s") % {"year": d.answers.year} if d.answers.year else ""


def _say(word: str) -> str:
    return gettext(_SAID[word]) if word in _SAID else tr(word)


def headline(d: engine.Determination) -> str:
    """The page's headline: the engine's, or for a combined "not sure" answer one that
    names what is certain (in the active language)."""
    unsure = [q for q in UNSURE_QUESTIONS if getattr(d.answers, q) == v.UNSURE]
    if not unsure or not d.branches:
        return d.headline
    if d.rule == UNSURE_NO_EITHER_WAY.id:
        return gettext("No%(for_year)s, %(whatever)s: no federal deduction") % {
            "for_year": _for(d), "whatever": _join([WHATEVER[q] for q in unsure], "and")}
    if d.rule == UNSURE_YES_EITHER_WAY.id:
        return gettext("Yes%(for_year)s, %(whatever)s, but the kind of deduction differs") % {
            "for_year": _for(d), "whatever": _join([WHATEVER[q] for q in unsure], "and")}
    if d.rule != UNSURE_DEPENDS.id:
        return d.headline
    # Grouped by the first thing the saver was unsure of: what each of its values gives
    # ("yes", "no", "not now"), or, where that still depends, what the next one gives.
    first, rest = unsure[0], unsure[1:]
    said: dict[str, list[str]] = {}
    only_if: dict[str, list[str]] = {}
    for value in _values(d, first):
        word = _word(d, {first: value})
        if word is None and rest:
            yes = [
                IF.get((rest[0], k), k)
                for k in _values(d, rest[0], {first: value})
                if _word(d, {first: value, rest[0]: k}) == "yes"
            ]
            if yes:
                word = f"yes only if {'|'.join(yes)}"
                only_if[word] = yes
        if word is None:
            return _contracted(gettext("It depends on %(subject)s: see each below") % {
                "subject": _join([SUBJECT[q] for q in unsure], "and")})
        said.setdefault(word, []).append(SHORT.get((first, value), value))
    parts = []
    for word, values in said.items():
        if word in only_if:
            parts.append(gettext("for %(values)s, yes only if %(cases)s") % {
                "values": _join(values), "cases": _join(only_if[word])})
        elif first == "received":
            parts.append(gettext("%(word)s if %(values)s") % {
                "word": _say(word), "values": _join(values)})
        else:
            parts.append(gettext("%(word)s for %(values)s") % {
                "word": _say(word), "values": _join(values)})
    return _contracted(gettext("It depends on %(subject)s: %(parts)s") % {
        "subject": _join([SUBJECT[q] for q in unsure], "and"), "parts": "; ".join(parts)})


def _contracted(sentence: str) -> str:
    """Spanish contracts "de el" to "del" ("Depende del tipo de dinero")."""
    if (get_language() or "en").startswith("es"):
        return sentence.replace(" de el ", " del ")
    return sentence


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
