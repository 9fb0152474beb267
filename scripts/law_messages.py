"""Write i18n/law_messages.py: the law's words (rules/law, plain Python with no Django)
as `gettext_noop` calls, so `makemessages` puts them in locale/*/django.po and
rules.web.i18n.tr can show them in the saver's language.

    .venv/bin/python -m scripts.law_messages     (part of `make messages`)

tests/test_translations.py fails when the file is not what this script writes.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rules.law import clock
from rules.law import vocabulary as v
from rules.law.accounts import COVERED

OUT = Path(__file__).resolve().parent.parent / "i18n" / "law_messages.py"
# The fields that are whole sentences or labels (not the pieces of a sentence).
FIELDS = ("label", "heading", "hint", "required", "missing", "verdict", "contribution_hint",
          "sentence")
SITE_NAME = "Can I deduct this investment loss?"


def _records():
    yield from v.QUESTION_WORDS.values()
    for table in (v.CONTRIBUTIONS, v.RECEIVED, v.ASSETS, v.RETIREMENT_EVENT_TERMS,
                  v.TAXABLE_EVENT_TERMS, v.OUTCOMES, v.CERTAINTIES, v.ACCOUNTS):
        yield from table.values()


def _question_words():
    """What each question page says, for every account and earlier answer it can follow
    (the forms word some hints and choices for the answers so far)."""
    from questionnaire.forms import QUESTION_FORMS

    current = clock.tax_year(clock.today())
    for slug, acct in v.ACCOUNTS.items():
        for contribution in (None, *acct.contributions):
            for event in (None, *acct.events):
                known = {"account": slug, "contribution": contribution or "",
                         "event": event or ""}
                known = {k: x for k, x in known.items() if x}
                for name, form_class in QUESTION_FORMS.items():
                    if name == "year":
                        continue  # its words are gettext's own, with the years filled in
                    try:
                        form = form_class(prefix=form_class.field_name, known=known,
                                          current=current)
                    except (KeyError, ValueError, TypeError, AttributeError):
                        continue  # a question this saver is never asked
                    yield form.question
                    yield form.hint
                    for option in form.options():
                        yield option["label"]
                        yield option["hint"]


def _engine_words():
    """The words of a results page the engine gives: each rule's templates (filled again
    in the saver's language by rules.web.engine_words), the words that fill them, the
    situations one step away (rules.law.alternatives) and the dated names of the law."""
    from rules.law import accounts, alternatives, as_of, audiences, engine, wording
    from rules.law import parameters as law
    from rules.law.rulebook import ALL_RULES

    for r in ALL_RULES:
        yield from (r.headline, r.reason, r.instead, r.situation)
        if r.past_headline:
            yield r.past_headline
    yield from wording.LOSS.values()
    yield "a loss"
    yield "the account"
    for texts in wording.FOR_SOME.values():
        for text in texts:
            yield audiences.leading(text)[1]
    current = clock.tax_year(clock.today())
    for year in range(law.FIRST_TAX_YEAR, current + 1):
        for value in law.facts(year).values():
            if any(c.isalpha() for c in value):
                yield value
    yield from law.LAW_NAMES.values()
    from rules.law import bibliography

    yield from (f.name for f in bibliography.FORMS)  # "Formulario 8606", "Anexo D"
    from rules.law import worksheet_inputs

    yield from (spec.title for spec in worksheet_inputs.SPECS.values())  # results links
    yield law.STATE_NOTE
    for acct in v.ACCOUNTS.values():
        yield acct.with_article
        yield acct.in_sentence
        for contribution in (None, *acct.contributions):
            for event in (None, *acct.events):
                yield accounts.first_year(acct.slug, contribution, event).why
    from rules.law import validation

    yield validation.NO_AFTER_TAX_457B  # said again by a broken results link
    yield validation.SOMETHING_ELSE_MESSAGE
    # The API's messages about a query, filled again in the saver's language
    # (rules.web.validation_words).
    yield from validation.TEMPLATES
    for words in v.QUESTION_WORDS.values():
        yield words.noun
    for terms in v.TERMS.values():
        for term in terms.values():
            yield alternatives.yours(term.label)  # a "not sure" reading, said to the saver
    for change in as_of.changes():
        yield change.enacted.change
        yield change.verb
    found: dict[str, None] = {}
    for a in engine.all_answers(current):
        for alt in alternatives.alternatives(a, current):
            if alt.field != "year":
                found[alt.description] = None
    yield from found


def messages() -> list[str]:
    found: dict[str, None] = {SITE_NAME: None, COVERED: None}
    for text in _engine_words():
        if isinstance(text, str) and text.strip():
            found[text] = None
    for text in _question_words():
        if isinstance(text, str) and text.strip():
            found[text] = None
    for record in _records():
        names = {f.name for f in dataclasses.fields(record)}
        for name in FIELDS:
            value = getattr(record, name, None) if name in names else None
            if isinstance(value, str) and value.strip():
                found[value] = None
    return list(found)


def module_text(doc: str, entries: list[str]) -> str:
    """A generated messages module: its docstring (`doc`, quotes included) and its
    `gettext_noop` lines. scripts/page_messages.py writes its file with it too."""
    return "\n".join([
        "# ruff: noqa: E501",
        *doc.splitlines(),
        "",
        "from django.utils.translation import gettext_noop",
        "",
        "MESSAGES = (",
        *entries,
        ")",
        "",
    ])


def text() -> str:
    return module_text(
        "\"\"\"Written by scripts/law_messages.py: do not edit. The law's words, for\n"
        'makemessages (rules/law imports no Django; rules.web.i18n.tr translates)."""',
        [f"    gettext_noop({m!r})," for m in messages()],
    )


def write(out: Path, text, messages) -> None:
    """Set Django up, write the module and say how many messages it holds."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "questionnaire.settings")
    django.setup()
    out.write_text(text())
    print(f"{out}: {len(messages())} messages")


if __name__ == "__main__":
    write(OUT, text, messages)
