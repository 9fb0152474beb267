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

import re
from decimal import Decimal
from pathlib import Path

from rules.law import as_of, not_covered, tables
from rules.law import timeline as tl
from rules.law import vocabulary as v
from rules.law import worksheet_inputs as wi
from rules.law import worksheets as w
from rules.law.accounts import COVERED_SHORT
from rules.law.rulebook import RULES
from rules.web import glossary
from scripts.law_messages import module_text, write

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
    yield from _worksheet_pieces()


def _worksheet_pieces():
    """The pieces rules.web.worksheet_words hands to tr, for worksheets that take every
    branch (fixed figures and years: the file does not change with the day)."""
    from rules.web import worksheet_words
    from rules.web.amount_views import RECEIVED_HINTS

    d = Decimal
    sheets = [
        w.capital_loss("single", 2026, d(-2000), d(-8000), taxable_income=d(-1500)),
        w.capital_loss("single", 2017, d(-2000), d(-8000), taxable_income=d(100)),
        w.capital_loss("single", 2026, d(1000), d(500)),
        w.capital_loss("married-separate", 2005, d(-5000), d(1000)),
        w.wash_sale(d(250), d(100), d(50)),
        w.wash_sale(d(250), d(100), d(150)),
        w.wash_sale(d(100), d(3), d(3)),
        w.wash_sale(d(10), d(1), d(1)),
        w.wash_sale(d(250), d(100), d(0)),
        w.basis_loss(2017, d(12000), d(10000), d(50000)),
        w.basis_loss(2017, d(1000), d(2000), d(50000)),
        w.basis_loss(2010, d(12000), d(10000), d(50000)),
        *(w.section_1244(f, year, d(120000)) for f in w.FILINGS for year in (2005, 2026)),
    ]
    found: list[str] = []
    for sheet in sheets:
        for text in (*(line.label for line in sheet.lines), *sheet.notes):
            worksheet_words.said(text, found)
    # Every field's errors: each field given a value it refuses in each way.
    known = worksheet_words.field_words()
    for slug, spec in wi.SPECS.items():
        for field in (*spec.fields, *(net for net, _loss, _gain in spec.nets)):
            for bad in ("ten", "-5", "99999999999", "1900", "2099", ""):
                _inputs, errors = wi.read(slug, {field.name: [bad, bad] if bad == "" else bad},
                                          2026)
                for messages in errors.values():
                    for message in messages:
                        worksheet_words.error(message, known, found)
    for message in worksheet_words.STATIC_ERRORS:
        worksheet_words.error(message, known, found)
    yield wi.WORKSHEET_WORDS
    for hint in RECEIVED_HINTS:
        yield re.sub(r"^\[For [^\]]*\] ", "", hint)
    yield from found


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
    return module_text(
        '"""Written by scripts/page_messages.py: do not edit. The words of the pages that\n'
        'are not results pages, for makemessages (rules.web.i18n.tr translates)."""',
        [line for m in messages() for line in _entry(m)],
    )


if __name__ == "__main__":
    write(OUT, text, messages)
