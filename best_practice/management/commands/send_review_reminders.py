"""E-mail owners a set number of days before their practice is due for review."""

from django.core.management.base import BaseCommand, CommandError

from best_practice.reviews import reminder_days, send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail each practice's owner (or, failing that, its network's "
        "coordinators) when its review is due within --days days. Each "
        "practice is reminded once per due date, so it is safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=(
                "How many days ahead to look (default: the "
                "PRACTICE_REVIEW_REMINDER_DAYS setting, or 30)."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say who would be reminded without sending anything.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = reminder_days()
        if days < 0:
            raise CommandError("--days must be 0 or more, for example --days 30.")
        run = send_review_reminders(days=days, dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        for practice, addresses in run.sent:
            self.stdout.write(
                f"{verb} {', '.join(addresses)} about “{practice.title}” "
                f"(review due {practice.next_review_due:%d %B %Y})."
            )
        for practice in run.nobody_to_tell:
            self.stderr.write(
                f"Nobody to remind about “{practice.title}”: it has no owner "
                "with an e-mail address and its network has no coordinators."
            )
        count = len(run.sent)
        summary = (
            f"{'Would send' if dry_run else 'Sent'} {count} reminder"
            f"{'' if count == 1 else 's'} for reviews due within {days} days."
        )
        self.stdout.write(self.style.SUCCESS(summary))
