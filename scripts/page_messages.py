"""Write i18n/page_messages.py: the words of the pages that are not results pages (the
changes in the law, the glossary, the not-covered page, the tables, the worksheets'
forms), kept as plain Python data outside Django, as `gettext_noop` calls, so
`makemessages` puts them in locale/*/django.po and rules.web.i18n.tr shows them in the
saver's language.

    .venv/bin/python -m scripts.page_messages     (part of `make messages`)

tests/test_page_messages.py fails when the file is not what this script writes. A
separate file from i18n/law_messages.py (the results pages' words), so each can grow
on its own.
"""

from __future__ import annotations

from pathlib import Path

from rules.law import as_of, not_covered, tables
from rules.law import timeline as tl
from rules.law import vocabulary as v
from rules.law import worksheet_inputs as wi
from rules.law import worksheets as w
from rules.law.accounts import COVERED_SHORT
from rules.law.rulebook import RULES
from rules.web import glossary

OUT = Path(__file__).resolve().parent.parent / "i18n" / "page_messages.py"


def _texts():
    yield COVERED_SHORT
    for change in as_of.changes():
        yield change.enacted.change
    for term in glossary.TERMS:
        yield term.term
        yield term.meaning
    for thing, choice in not_covered.COVERED_AFTER_ALL:
        yield thing
        yield choice
    for group in not_covered.GROUPS:
        yield group.title
        for topic in group.topics:
            yield topic.title
            yield topic.text
            yield topic.where
    # The comparison tables (rules.web.table_words) and their timeline.
    for rule in RULES:
        yield rule.situation
        yield rule.result
    for _kinds, name in tables.FAMILIES:
        yield name
    for account in v.ACCOUNTS.values():
        yield account.short
        yield account.with_article
        yield account.loss_help
    for label, words in tl.ERA_WORDS.values():
        yield label
        yield words
    # The "How much?" worksheets' forms (their titles, fields and results).
    for spec in wi.SPECS.values():
        yield spec.title
        yield spec.more
        for field in spec.fields:
            yield field.label
            yield field.hint
        for _key, label in spec.outputs:
            yield label
        for legend, _names in spec.groups:
            yield legend
    yield from w.FILINGS.values()


def messages() -> list[str]:
    found: dict[str, None] = {}
    for text in _texts():
        if isinstance(text, str) and text.strip():
            found[text] = None
    return list(found)


def _entry(message: str) -> list[str]:
    """A message's line; a "2% floor" is not a format string (msgfmt would check its
    translation as one), which the special comment tells xgettext."""
    lines = [f"    gettext_noop({message!r}),"]
    if "%" in message and "%(" not in message:
        lines.insert(0, "    # xgettext:no-python-format")
    return lines


def text() -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""Written by scripts/page_messages.py: do not edit. The words of the pages that',
        'are not results pages, for makemessages (rules.web.i18n.tr translates)."""',
        "",
        "from django.utils.translation import gettext_noop",
        "",
        "MESSAGES = (",
        *(line for m in messages() for line in _entry(m)),
        ")",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(text())
    print(f"{OUT}: {len(messages())} messages")
