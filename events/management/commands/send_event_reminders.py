"""Send each registrant with a place one reminder shortly before the event."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from events.emails import send_reminder
from events.models import EventStatus, Registration


class Command(BaseCommand):
    help = (
        "E-mail a reminder to everyone with a confirmed place at an event starting "
        "within the next HOURS hours. Safe to run as often as you like (for "
        "example hourly from cron): nobody is reminded twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=48,
            help="How long before the start to remind people (default 48).",
        )

    def handle(self, *args, hours, **options):
        now = timezone.now()
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            event__live=True,
            event__status=EventStatus.SCHEDULED,
            event__start__gt=now,
            event__start__lte=now + datetime.timedelta(hours=hours),
        ).select_related("event")
        sent = 0
        for registration in due:
            # Claim the reminder before sending: if two runs overlap, only the
            # one whose update touches the row sends it.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if not claimed:
                continue
            send_reminder(registration)
            sent += 1
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
