"""Erase named training attendance past its retention period; keep the counts."""

from django.core.management.base import BaseCommand

from events.models.training import name_retention_months
from events.training import erase_expired_names


class Command(BaseCommand):
    help = (
        "Delete the names kept for certificates once a session is older than "
        "TRAINING_NAME_RETENTION_MONTHS (default 24). Headcounts are kept. "
        "Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        erased = erase_expired_names()
        self.stdout.write(
            f"Erased {erased} name{'s' if erased != 1 else ''} kept longer than "
            f"{name_retention_months()} months."
        )
