"""The start page's "Last updated" date moves with the rules and the texts.

rules/editor/updated.py records the day of the last change to the rules, the law's
dated parameters, the questions' choices and the shipped texts (rules/content/), beside a
fingerprint of them all. Change any of them without moving the date and this
test fails, naming the fingerprint to record.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from rules.editor import review, updated
from rules.editor.texts import seeded
from rules.law import parameters as law
from rules.law import rulebook
from rules.law import vocabulary as v

pytestmark = pytest.mark.django_db


def content_fingerprint() -> str:
    parts: list[str] = []
    for rule in sorted(rulebook.ALL_RULES, key=lambda r: r.id):
        parts += [review.fingerprint(rule.id), rule.headline, rule.reason, rule.instead]
        parts += [rule.situation, rule.result]
    for name in sorted(vars(law)):
        if name.isupper():
            parts.append(f"{name}={getattr(law, name)!r}")
    for account in v.ACCOUNTS.values():
        parts.append(repr(account))
        parts += [repr(account.event(e)) for e in account.events]
    for terms in (v.CONTRIBUTIONS, v.RECEIVED, v.ASSETS):
        parts += [repr(t) for t in terms.values()]
    for rule_id, text in sorted(seeded().items()):
        parts += [rule_id, text.explanation_html, text.instead_html, str(text.last_reviewed)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def test_the_last_updated_date_moved_with_the_last_change_to_rules_or_texts():
    now = content_fingerprint()
    assert now == updated.FINGERPRINT, (
        "The rules, the law's parameters, the questions' choices or the seeded texts "
        "changed: in rules/editor/updated.py set UPDATED to the day of this change and "
        f'FINGERPRINT = "{now}".'
    )


def test_the_date_is_a_real_day_not_in_the_future():
    assert isinstance(updated.UPDATED, date)
    assert date(2026, 11, 1) <= updated.UPDATED <= date.today()


def test_the_start_page_shows_it_in_us_form(client):
    html = client.get("/").content.decode()
    day = updated.UPDATED
    shown = f"{day:%B} {day.day}, {day.year}"
    assert f'Last updated <time datetime="{day.isoformat()}">{shown}</time>' in html
