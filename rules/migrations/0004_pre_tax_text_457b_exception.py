"""Add the governmental 457(b) exception to the seeded "what you can do instead" text
of pre-tax-no-basis (a review found the 10% additional tax stated without it).

Only a text still exactly as seeded is changed: an editor's own wording is left
alone. The change is recorded in the history like an edit.
"""

from __future__ import annotations

import importlib

from django.db import migrations
from django.utils import timezone

RULE = "pre-tax-no-basis"
OLD_LINE = (
    "- Before age 59½ the taxable payout may also carry the 10% additional tax "
    "(26 U.S.C. 72(t)) unless an exception applies; from a SIMPLE IRA in the first "
    "two years of participation it is 25%."
)
NEW_LINE = OLD_LINE + (
    " A governmental 457(b) has no 10% additional tax, except on money rolled in "
    "from other kinds of plan."
)
REASON = "Review: governmental 457(b) exception to the 10% additional tax (migration 0004)"


def _seeded_instead() -> str:
    seed = importlib.import_module("rules.migrations.0002_seed_explanations")
    return seed.unwrap(seed.TEXTS[RULE]["instead"])


def forward(apps, schema_editor):
    from rules.markup import render

    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    row = Explanation.objects.filter(rule_id=RULE).first()
    seeded = _seeded_instead()
    if row is None or row.instead != seeded or OLD_LINE not in seeded:
        return
    row.instead = seeded.replace(OLD_LINE, NEW_LINE)
    row.instead_html = render(row.instead)
    row.save()
    HistoricalExplanation.objects.create(
        rule_id=row.rule_id,
        explanation=row.explanation,
        instead=row.instead,
        editor_note=row.editor_note,
        last_reviewed=row.last_reviewed,
        created_at=row.created_at,
        history_date=timezone.now(),
        history_type="~",
        history_change_reason=REASON,
    )


class Migration(migrations.Migration):
    dependencies = [("rules", "0003_editors_group")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
