"""The law's messages about a query (rules.law.validation) in the saver's language.

A message is made from an English template and the words that fill it (rules.law.said);
here the same template is filled again in the active language, as rules.web.engine_words
does for the engine's sentences: the template translated (scripts/law_messages.py puts
each in the catalogue), each word said as its type says (what the saver typed as typed,
a choice as the wizard shows it). A message made some other way is looked up whole.
English is left exactly as the law says it. Nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import get_language, gettext

from rules.law.said import Labels, Name, Phrase, Said, Typed
from rules.web.i18n import tr
from rules.web.unsure_words import in_sentence


def _english() -> bool:
    return (get_language() or "en").startswith("en")


def _word(word: object) -> str:
    """One word that fills a template, in the active language."""
    if isinstance(word, Labels):
        return "; ".join(f"\u201c{tr(label)}\u201d" for label in word.shown)
    if isinstance(word, Typed):
        return str(word)
    if isinstance(word, Name):
        return tr(word.label)
    if isinstance(word, Phrase):
        return in_sentence(tr(word.label))
    if isinstance(word, str):
        return tr(word)
    return str(word)


def say(message: str) -> str:
    """One message in the active language (unchanged in English)."""
    if _english():
        return message
    if isinstance(message, Said):
        words = {name: _word(word) for name, word in message.words.items()}
        return gettext(message.template).format(**words)
    return tr(message)


def errors(found: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Errors by field, each message in the active language."""
    return {name: [say(m) for m in messages] for name, messages in found.items()}
