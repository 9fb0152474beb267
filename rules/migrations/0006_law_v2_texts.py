"""Added and corrected texts for version 2 (until issue 22). The texts now live in rules/content/ and
rules.content.loader puts them into the database after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("rules", "0005_feedback_and_review_fingerprint")]
    operations = []
