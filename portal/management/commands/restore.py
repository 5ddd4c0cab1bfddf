"""Restore a backup written by `manage.py backup`: see portal/backups.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup folder written by `manage.py backup` into this "
        "portal's database and media folder. Both must be empty unless "
        "--force is given. Stop the application servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup-… folder.")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Replace the data of a database that is not empty, and write "
                "the media over those already there."
            ),
        )

    def handle(self, *args, path, force=False, **options):
        try:
            backup = restore_backup(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {backup.manifest['created']} from {backup.path}"
        )
        self.stdout.write(f"  {backup.summary()}")
        self.stdout.write(
            "Now run `manage.py migrate` (for a backup made by an older "
            "version) and `manage.py update_index` to rebuild the search index."
        )
