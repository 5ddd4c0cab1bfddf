"""Keep the promise of the registration form: details go six months after the event."""

from django.core.management.base import BaseCommand

from events.registration import RETENTION_MONTHS, erase_past_registrations


class Command(BaseCommand):
    help = (
        f"Erase the name, e-mail address, role and access needs of everyone "
        f"registered for an event that ended more than {RETENTION_MONTHS} "
        f"months ago. Registration counts and attendance marks are kept. Safe "
        f"to run daily from cron."
    )

    def handle(self, *args, **options):
        erased = erase_past_registrations()
        self.stdout.write(
            f"Erased the details of {erased} registration{'s' if erased != 1 else ''} "
            f"for events that ended over {RETENTION_MONTHS} months ago."
        )
