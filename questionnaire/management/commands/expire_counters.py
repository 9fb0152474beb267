"""Delete flood-limit counters whose window has ended (run hourly: see README, Deploy)."""

from django.core.management.base import BaseCommand

from questionnaire.limits import expire


class Command(BaseCommand):
    help = "Delete the flood-limit counters (questionnaire.ClientCount) whose window has ended."

    def handle(self, *args, **options):
        deleted = expire()
        self.stdout.write(f"{deleted} expired counter(s) deleted")
