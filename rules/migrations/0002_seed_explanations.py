"""Seeded every rule's text (until issue 22). The texts now live in rules/content/ and
rules.content.loader puts them into the database after migrate."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_initial")]
    operations = []
