"""The law's words in the saver's language.

rules/law is plain Python and imports nothing from Django, so its sentences
(labels, question words, verdicts, ...) are English data. scripts/law_messages.py
writes each of them into i18n/law_messages.py as a `gettext_noop` call, which
`makemessages` reads; here, at the moment a page or the API shows one, `tr` looks it
up in the active language's catalogue (locale/<lang>/LC_MESSAGES/django.po). A
sentence with no translation yet stays as it is (English).

Templates use the same as a filter: `{{ account.label|tr }}` (a built-in library,
see TEMPLATES in questionnaire/settings.py).
"""

from __future__ import annotations

import re

from django import template
from django.utils.translation import get_language, gettext

register = template.Library()


def tr(text: object) -> str:
    """The law's English sentence in the active language (unchanged for English)."""
    if not text or not isinstance(text, str):
        return text  # type: ignore[return-value]
    if (get_language() or "en").startswith("en"):
        return text
    return gettext(text)


@register.filter(name="tr")
def tr_filter(text: object) -> str:
    return tr(text)


MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")


@register.filter
def long_date(day) -> str:
    """"April 15, 2027" in English, "15 de abril de 2027" in Spanish."""
    if not day:
        return ""
    if (get_language() or "en").startswith("es"):
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def years_words(described: str) -> str:
    """A span of tax years as rules.law.periods.Period.describe() words it ("every year",
    "2026 onward", "2017 and earlier", "2018–2025"), in the active language."""
    if described == "every year":
        return gettext("every year")
    if m := re.fullmatch(r"(\d{4}) onward", described):
        return gettext("%(year)s onward") % {"year": m[1]}
    if m := re.fullmatch(r"(\d{4}) and earlier", described):
        return gettext("%(year)s and earlier") % {"year": m[1]}
    return described


@register.filter(name="years_words")
def years_words_filter(described: object) -> str:
    return years_words(str(described))


@register.filter
def month_day(day) -> str:
    """"April 15" in English, "15 de abril" in Spanish."""
    if not day:
        return ""
    if (get_language() or "en").startswith("es"):
        return f"{day.day} de {MONTHS_ES[day.month - 1]}"
    return f"{day:%B} {day.day}"
