"""`made=YYYY-MM-DD` on a results link: the day the answer was given.

Every link the results page offers to copy, print or share, and the API's `results_url`,
carries the day it was made. Opened later, a page whose answer as the law stood on that
day (rules.law.as_of) differs from today's (its outcome, how firm it is, or the last day
to claim; a window that simply closed with time is not a change) says so at the top:
what it said then, and which changes of the law, enacted since, changed it. A link
without `made` shows no notice. The canonical URL leaves `made` out: it is the same
answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote_plus

from django.utils.translation import gettext, gettext_lazy

from rules.law import as_of, clock, engine, questions
from rules.law import vocabulary as v
from rules.law.answers import Answers
from rules.law.validation import _shown
from rules.web.i18n import tr

NAME = "made"
_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EXAMPLE = "2025-01-15"
HEADING = gettext_lazy("The day this link was made cannot be read")
SUMMARY = gettext_lazy(
    "A link to an answer can say the day it was made, so that the page can tell you when "
    "the law changed since. This link's day is not one we can use."
)


def words(day: date) -> str:
    """The day in words, in the active language ("15 de abril de 2027")."""
    from rules.web.i18n import long_date

    return long_date(day)


def split(query_string: str) -> tuple[str, list[str]]:
    """The query string without its `made` parameters (as sent, for the canonical check),
    and their values."""
    kept, made = [], []
    for part in query_string.split("&"):
        name, _, value = part.partition("=")
        if unquote_plus(name).strip().lower() == NAME:
            made.append(unquote_plus(value))
        else:
            kept.append(part)
    return "&".join(kept), made


def read(values: list[str], today: date) -> tuple[date | None, str | None]:
    """(the day, None), (None, None) when the link has no `made`, or (None, why not) in
    words: empty, more than one, not written YYYY-MM-DD, not a day of the calendar, or
    later than today."""
    if not values:
        return None, None
    if len(values) > 1:
        return None, gettext("It gives more than one day it was made: give one, or leave it out.")
    text = values[0].strip()
    if not text:
        return None, gettext(
            "The day it was made is empty: leave it out, or give the day as "
            "year-month-day, such as %(example)s."
        ) % {"example": EXAMPLE}
    if not _FORM.fullmatch(text):
        return None, gettext(
            "“%(text)s” is not a day written as year-month-day, such as %(example)s."
        ) % {"text": _shown(text), "example": EXAMPLE}
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None, gettext("“%(text)s” is not a day of the calendar.") % {"text": text}
    if day > today:
        return None, gettext(
            "It says it was made on %(day)s, which is later than today (%(today)s)."
        ) % {"day": words(day), "today": words(today)}
    return day, None


def with_made(url: str, today: date) -> str:
    """A results link that says it was made today."""
    return f"{url}{'&' if '?' in url else '?'}{NAME}={today.isoformat()}"


@dataclass(frozen=True)
class LawChanged:
    """What a link made on `made` said, and the changes of the law since that changed it."""

    made: date
    then: engine.Determination
    then_last_day: date | None  # None: no deduction then, or the readings' windows differ
    now: engine.Determination
    now_last_day: date | None
    changes: tuple[as_of.Change, ...]  # newest first
    year_matters: bool

    @property
    def outcome_changed(self) -> bool:
        return (self.then.outcome, self.then.deductible) != (self.now.outcome, self.now.deductible)

    @property
    def certainty_changed(self) -> bool:
        return self.then.certainty != self.now.certainty

    @property
    def last_day_changed(self) -> bool:
        return self.then_last_day != self.now_last_day

    @property
    def then_verdict(self) -> str:
        return v.OUTCOMES[self.then.outcome].verdict

    @property
    def then_label(self) -> str:
        return v.OUTCOMES[self.then.outcome].label

    @property
    def then_certainty(self) -> str:
        return v.CERTAINTIES[self.then.certainty].label

    @property
    def now_certainty(self) -> str:
        return v.CERTAINTIES[self.now.certainty].label

    @property
    def then_headline(self) -> str:
        """What the page said then, in the active language."""
        from rules.web import engine_words

        t = self.then
        return engine_words.sentence(t.rule, "headline", t.answers, t.headline)

    @property
    def made_words(self) -> str:
        return words(self.made)

    @property
    def oldest_first(self) -> tuple[as_of.Change, ...]:
        return tuple(reversed(self.changes))

    @property
    def shown_then_last_day(self) -> date | None:
        """The last day to claim the page showed then: only for a year past on that day."""
        if self.then.answers.year >= clock.tax_year(self.made):
            return None
        return self.then_last_day

    def as_json(self) -> dict:
        return {
            "made": self.made.isoformat(),
            "outcome": self.then.outcome,
            "deductible": self.then.deductible,
            "certainty": self.then.certainty,
            "last_day": self.then_last_day.isoformat() if self.then_last_day else None,
            "changes": [
                {
                    "date": c.day.isoformat(),
                    "citation": c.enacted.law.as_dict(),
                    "change": tr(c.enacted.change),
                }
                for c in self.changes
            ],
        }


def changed_since(answers: Answers, made: date, today: date) -> LawChanged | None:
    """The notice for a link made on `made`, or None: the answer then was today's (or
    the law then had no answer for it: the account did not exist yet)."""
    days = as_of.change_days()
    if made >= days[-1] or made >= today:
        return None
    then = as_of.determine_as_of(answers, made)
    now = as_of.determine_as_of(answers, today)
    if then is None or now is None:
        return None
    then_last, now_last = as_of.last_day_as_of(then, made), as_of.last_day_as_of(now, today)
    if (then.outcome, then.certainty, then_last) == (now.outcome, now.certainty, now_last):
        return None
    current = clock.tax_year(today)
    return LawChanged(
        made=made,
        then=then,
        then_last_day=then_last,
        now=now,
        now_last_day=now_last,
        changes=as_of.changes_between(answers, made, today),
        year_matters="year" in questions.canonical(answers, current),
    )
