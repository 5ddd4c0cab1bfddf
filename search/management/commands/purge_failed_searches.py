"""Delete failed-search records older than 90 days (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand, CommandError

from search.models import FAILED_SEARCH_KEPT_DAYS, FailedSearch


class Command(BaseCommand):
    help = (
        "Delete the records of searches that found nothing once they are older "
        f"than --days (default {FAILED_SEARCH_KEPT_DAYS}). Safe to run any number "
        "of times."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=FAILED_SEARCH_KEPT_DAYS,
            help=f"Keep the records of this many days (default {FAILED_SEARCH_KEPT_DAYS}).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        deleted = FailedSearch.purge(days=days)
        self.stdout.write(
            f"Deleted {deleted} failed-search record{'s' if deleted != 1 else ''} "
            f"older than {days} days."
        )
