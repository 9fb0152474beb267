"""Write i18n/page_messages.py: the words of the pages that are not results pages (the
changes in the law, the glossary, the not-covered page), kept as plain Python data
outside Django, as `gettext_noop` calls, so `makemessages` puts them in
locale/*/django.po and rules.web.i18n.tr shows them in the saver's language.

    .venv/bin/python -m scripts.page_messages     (part of `make messages`)

tests/test_translations.py fails when the file is not what this script writes. A
separate file from i18n/law_messages.py (the results pages' words), so each can grow
on its own.
"""

from __future__ import annotations

from pathlib import Path

from rules.law import as_of, not_covered
from rules.law.accounts import COVERED_SHORT
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


def messages() -> list[str]:
    found: dict[str, None] = {}
    for text in _texts():
        if isinstance(text, str) and text.strip():
            found[text] = None
    return list(found)


def text() -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""Written by scripts/page_messages.py: do not edit. The words of the pages that',
        'are not results pages, for makemessages (rules.web.i18n.tr translates)."""',
        "",
        "from django.utils.translation import gettext_noop",
        "",
        "MESSAGES = (",
        *(f"    gettext_noop({m!r})," for m in messages()),
        ")",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(text())
    print(f"{OUT}: {len(messages())} messages")
