"""Rewrote seeded texts in plain words (until issue 22: the texts now live in
rules/content/) and renamed the second field "what to do next"."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("rules", "0006_law_v2_texts")]

    operations = [
        migrations.AlterField(
            model_name="explanation",
            name="explanation",
            field=models.TextField(
                verbose_name="explanation",
            ),
        ),
        migrations.AlterField(
            model_name="explanation",
            name="instead",
            field=models.TextField(
                verbose_name="what to do next",
            ),
        ),
        migrations.AlterField(
            model_name="historicalexplanation",
            name="explanation",
            field=models.TextField(
                verbose_name="explanation",
            ),
        ),
        migrations.AlterField(
            model_name="historicalexplanation",
            name="instead",
            field=models.TextField(
                verbose_name="what to do next",
            ),
        ),
    ]
