"""Editor text for the results page: the database improves the answer, it is not needed for it.

`explanation(rule_id)` asks the database for one rule's text, the page's one
query, so an editor's change shows on every instance at once. Each process
keeps the last texts the database gave it; when the database fails (down,
hanging past its timeouts, missing, corrupt, unmigrated) the page is answered
from those, or, before the database has ever answered, from the shipped
texts in rules/content/en/ (the files the loader puts into the database).
After a failure the database is left alone for DJANGO_DB_RETRY_SECONDS, so an
outage costs each worker one timeout per period, not one per request; the
first query after that reloads every text.

Each row holds the English and its Spanish: `explanation(rule_id, "es")` (or, with no
language given, Django's active language) gives the Spanish, with `lang` "es". A
Spanish that needs translation (the English changed since) is still the Spanish
shown: a Spanish page never turns to English because an editor changed the English.
Only a row with no Spanish at all gives the English, with `lang` "en", so the page
can mark that block as English.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from dataclasses import dataclass, fields
from functools import cache

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import translation

from rules.models import Explanation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EditorText:
    """What the results page shows of an Explanation row (and its update time, for the ETag)."""

    explanation_html: str
    instead_html: str
    last_reviewed: datetime.date | None
    updated_at: datetime.datetime
    lang: str = "en"  # the language of the two texts, for the block's lang attribute


SPANISH = "es"


# The shipped texts were never saved by anyone: a fixed time older than any row
# gives them an ETag of their own.
SEEDED_AT = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

# Read per row: the English's HTML, the review date and update time, then the Spanish HTML.
_FIELDS = [
    Explanation._meta.get_field(name)
    for name in (
        *(f.name for f in fields(EditorText) if f.name != "lang"),
        "explanation_es_html",
        "instead_es_html",
    )
]
_RULE_COLUMN = connection.ops.quote_name(Explanation._meta.get_field("rule_id").column)
# Plain SQL, written once: the results page runs it on every request, and building
# it through the ORM each time cost more than the rest of a cached page.
_ALL_SQL = "SELECT {}, {} FROM {}".format(
    _RULE_COLUMN,
    ", ".join(connection.ops.quote_name(f.column) for f in _FIELDS),
    connection.ops.quote_name(Explanation._meta.db_table),
)
_TEXT_SQL = f"{_ALL_SQL} WHERE {_RULE_COLUMN} = %s"


class _Memory:
    """What this process last heard from the database, and when to ask it again."""

    def __init__(self) -> None:
        # rule -> {"en": text, "es": text}; None: never loaded, use the seeds
        self.texts: dict[str, dict[str, EditorText]] | None = None
        self.complete = False  # False: the next query reloads every text
        self.retry_at = 0.0  # time.monotonic() before which the database is not asked
        self.lock = threading.Lock()  # for threaded gunicorn workers


_memory = _Memory()


def forget() -> None:
    """Back to a fresh process's state (tests)."""
    global _memory
    _memory = _Memory()


def _texts(row) -> dict[str, EditorText]:
    # SQLite hands back dates as text: the fields turn them into dates either way.
    why, steps, reviewed, updated, why_es, steps_es = (
        f.to_python(value) for f, value in zip(_FIELDS, row, strict=True)
    )
    english = EditorText(why, steps, reviewed, updated)
    if not (why_es and steps_es):
        return {"en": english, SPANISH: english}  # no Spanish yet: the English, marked so
    return {"en": english, SPANISH: EditorText(why_es, steps_es, reviewed, updated, SPANISH)}


def _language(language_code: str | None) -> str:
    code = language_code or translation.get_language() or "en"
    return SPANISH if code.split("-")[0].lower() == SPANISH else "en"


def explanation(rule_id: str, language_code: str | None = None) -> EditorText | None:
    """The editor text for a rule in a language ("es", "es-us"; by default the active one,
    else English). None means the engine's own words (no text for the rule)."""
    language = _language(language_code)
    memory = _memory
    if time.monotonic() < memory.retry_at:
        return remembered(rule_id, language)
    try:
        with connection.cursor() as cursor:
            if memory.complete:
                cursor.execute(_TEXT_SQL, [rule_id])
                rows = cursor.fetchall()
            else:
                cursor.execute(_ALL_SQL)
                rows = cursor.fetchall()
    except DatabaseError:
        with memory.lock:
            memory.retry_at = time.monotonic() + settings.DB_RETRY_SECONDS
            memory.complete = False
        # Once per retry period and process, not once per request.
        logger.warning(
            "Editor texts: the database failed; answering from memory for %s s",
            settings.DB_RETRY_SECONDS,
            exc_info=True,
        )
        return remembered(rule_id, language)
    texts = {row[0]: _texts(row[1:]) for row in rows}
    with memory.lock:
        if memory.complete and memory.texts is not None:
            memory.texts.pop(rule_id, None)
            memory.texts.update(texts)
        else:
            memory.texts = texts
            memory.complete = True
        memory.retry_at = 0.0
    found = texts.get(rule_id)
    return found[language] if found else None


def remembered(rule_id: str, language_code: str | None = None) -> EditorText | None:
    """The text the database last gave, or the shipped one if it never answered."""
    language = _language(language_code)
    texts = _memory.texts
    if texts is None:
        return seeded(language).get(rule_id)
    found = texts.get(rule_id)
    return found[language] if found else None


@cache
def seeded(language: str = "en") -> dict[str, EditorText]:
    """Every rule's shipped text, as rules/content/en/ (or es/) has it and the loader puts it
    into a new database (a test compares these with the rows of the freshly migrated test
    database). The Spanish's review date is the English's, as on the rows."""
    from rules import content
    from rules.editor.markup import render

    english = content.read(content.DEFAULT_LANGUAGE)
    shipped = english if language == "en" else content.read(language)
    return {
        rule_id: EditorText(
            explanation_html=render(text.explanation),
            instead_html=render(text.instead),
            last_reviewed=english[rule_id].reviewed,
            updated_at=SEEDED_AT,
            lang=language,
        )
        for rule_id, text in shipped.items()
        if rule_id in english
    }
