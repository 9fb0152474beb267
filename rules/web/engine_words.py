"""The engine's sentences (headline, reason, what to do instead) in the saver's language.

rules/law imports no Django: a rule's texts are English templates ("No: {loss} inside
{account_a} isn't deductible ..."), which the engine fills from the answers and the
dated facts (rules.law.engine._fill). scripts/law_messages.py puts every template and
every word that fills one into the catalogue; here the same template is filled again
in the active language: the template translated, each word that fills it translated.

The English refill must give the engine's own sentence: when it does not (a text the
engine made some other way), the sentence is looked up whole, and stays English only
if the catalogue does not have it. Nothing here decides anything.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from django.utils.translation import get_language

from rules.law import audiences, engine, wording
from rules.law import parameters as law
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.law.rulebook import COMBINING_RULES, RULES_BY_ID
from rules.web.i18n import tr

_COMBINING = frozenset(r.id for r in COMBINING_RULES)
FIELDS = ("headline", "past_headline", "reason", "instead")


def words(a: Answers, names, say=lambda s: s) -> dict[str, str]:
    """The words that fill a rule's template for these answers (the dated facts and the
    saver's own words), each passed through `say` (a translation, or none)."""
    facts = {k: say(x) for k, x in law.facts(a.year).items()}
    found: dict[str, str] = {}
    for name in names:
        if name == "account_a":
            acct = v.ACCOUNTS.get(a.account)
            found[name] = say(acct.with_article if acct else "the account")
        elif name == "loss":
            found[name] = say(wording.LOSS.get(a.event, "a loss"))
        elif name in wording.FOR_SOME:
            picked = audiences.pick(wording.FOR_SOME[name], a)
            found[name] = say(picked).format(**facts) if a.year else say(picked)
    return {**facts, **found}


def fill(template: str, a: Answers, say=lambda s: s) -> str:
    """A rule's template filled for the answers, as rules.law.engine._fill does; with `say`
    the template and each word are translated first."""
    names = wording.named_in(template)
    return say(template).format(**words(a, names, say)).rstrip()


def _filled_from(rule_id: str, a: Answers) -> Answers:
    """The answers the engine filled a rule's texts from: a combining rule's from the
    saver's own; a single rule's, when every reading shares it, from the first reading."""
    return a if rule_id in _COMBINING else engine.readings(a)[0]


def sentence(rule_id: str, field: str, a: Answers, english: str) -> str:
    """One of the engine's sentences in the active language."""
    if (get_language() or "en").startswith("en") or not english:
        return english
    return _sentence(rule_id, field, a, english, get_language())


@lru_cache(maxsize=8192)  # keyed by validated answers, a rule and a language: bounded
def _sentence(rule_id: str, field: str, a: Answers, english: str, language: str) -> str:
    rule = RULES_BY_ID.get(rule_id)
    if rule is not None:
        filled = _filled_from(rule_id, a)
        template = getattr(rule, field)
        if fill(template, filled) == english:
            return fill(template, filled, tr)
    return tr(english)


def branch(b: engine.Branch) -> engine.Branch:
    """A reading of a "not sure" answer, its headline and reason in the active language."""
    return replace(
        b,
        headline=sentence(b.rule, "headline", b.answers, b.headline),
        reason=sentence(b.rule, "reason", b.answers, b.reason),
    )


def determination(d: engine.Determination) -> engine.Determination:
    """The engine's answer with its sentences in the active language (itself in English)."""
    if (get_language() or "en").startswith("en"):
        return d
    return replace(
        d,
        **{f: sentence(d.rule, f, d.answers, getattr(d, f)) for f in FIELDS},
        branches=tuple(branch(b) for b in d.branches),
    )
