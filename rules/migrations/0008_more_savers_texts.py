"""Added texts for more savers (until issue 22). The texts now live in rules/content/ and
rules.content.loader puts them into the database after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("rules", "0007_plain_words")]
    operations = []
