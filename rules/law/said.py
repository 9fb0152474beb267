"""A message to a saver with what it was made from: the English sentence, and the
template and words that fill it, so that the web layer can say it again in another
language (rules.web.validation_words) without deciding anything again.

rules/law imports no Django: the template is English; scripts/law_messages.py puts it
in the catalogue. A message is a `str` (its English text, unchanged), so whatever
reads it as English goes on doing so. Each word that fills a template says how another
language says it by its type:

- `Typed`: what the saver typed (shortened): the same in every language;
- `Name`: a question's name inside a sentence ("kind of money"): its label, translated;
- `Phrase`: a label inside a sentence ("pre-tax money"): the label translated, in lower
  case;
- `Labels`: the choices, quoted and joined: each the label the wizard shows, translated;
- any other `str`: a sentence or words of the law, translated whole; an `int`: as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from rules.law import vocabulary as v


class Typed(str):
    """What the saver typed, as shown back: said as typed in every language."""


class Name(str):
    """A question's name inside a sentence ("kind of money"); `label` is its label."""

    label: str

    def __new__(cls, label: str) -> Name:
        self = super().__new__(cls, label.lower())
        self.label = label
        return self


class Phrase(str):
    """A label inside a sentence, as rules.law.vocabulary.in_sentence words it;
    `label` is the label."""

    label: str

    def __new__(cls, label: str) -> Phrase:
        self = super().__new__(cls, v.in_sentence(label))
        self.label = label
        return self


class Labels(tuple):
    """Choices, each quoted, joined by "; ". `shown`: the labels the wizard shows for
    them (the same, but for an account that words a choice its own way), which another
    language says."""

    shown: tuple[str, ...]

    def __new__(cls, labels: Iterable[str], shown: Iterable[str] | None = None) -> Labels:
        self = super().__new__(cls, labels)
        self.shown = tuple(self) if shown is None else tuple(shown)
        return self

    def __str__(self) -> str:
        return "; ".join(f"\u201c{label}\u201d" for label in self)

    __format__ = object.__format__  # "{choices}" is str(self)


class Said(str):
    """A message: its English text, with its `template` and the `words` that fill it."""

    template: str
    words: dict[str, object]

    def __new__(cls, template: str, **words: object) -> Said:
        self = super().__new__(cls, template.format(**words))
        self.template = template
        self.words = words
        return self

    def __reduce__(self):
        return _remade, (self.template, self.words)


def _remade(template: str, words: dict[str, object]) -> Said:
    return Said(template, **words)
