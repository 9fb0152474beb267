"""manage.py load_content: put the shipped texts (rules/content/en/) into the database.

`migrate` does the same after the rules app's migrations; this is for a database
that is migrated already, e.g. after changing a content file in development.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from rules.content import ContentError
from rules.content.loader import load


class Command(BaseCommand):
    help = (
        "Load the shipped explanation texts from rules/content/en/: add new ones, update "
        "those no editor changed, and mark an editor's change due for review where the "
        "shipped text changed under it."
    )
    requires_migrations_checks = True

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="The database to load into.")

    def handle(self, *args, database: str, **options):
        try:
            report = load(using=database)
        except ContentError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(str(report))
