"""Delete account requests the portal no longer needs (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from network.partners.accounts import purge_requests


class Command(BaseCommand):
    help = (
        "Delete requests for an account whose address was never confirmed "
        "(once the link has expired) and declined requests after 90 days. "
        "Safe to run any number of times."
    )

    def handle(self, *args, **options):
        deleted = purge_requests()
        self.stdout.write(
            f"Deleted {deleted} account request{'s' if deleted != 1 else ''}."
        )
