"""Back up the database and the uploaded media: see portal/backups.py."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, take_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the database and the uploaded media into a new "
        "folder named by the time (UTC), such as backup-20261123T101500Z."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            help="Folder to write the backup in (default: BACKUP_DIR, var/backups).",
        )

    def handle(self, *args, output_dir=None, **options):
        try:
            backup = take_backup(output_dir or settings.BACKUP_DIR)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {backup.path}")
        self.stdout.write(f"  {backup.summary()}")
