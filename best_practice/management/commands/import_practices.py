"""Import practices from a CSV or JSON file (format: docs/import-practices.md)."""

import time

from django.core.management.base import BaseCommand, CommandError

from best_practice.importer import ImportFileError, PracticeImporter

# Enough errors to fix a file in one go without burying the summary.
ERRORS_SHOWN = 200


class Command(BaseCommand):
    help = (
        "Import practices from a CSV or JSON file. Every row is checked first; "
        "if any is invalid nothing is imported (unless --skip-invalid). Rows "
        "are matched on external_id, so importing a file again updates the "
        "practices instead of adding them twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .csv or .json file to import.")
        parser.add_argument(
            "--format",
            choices=["csv", "json"],
            help="The file's format, when its name does not end in .csv or .json.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the practices. Without it they are saved as drafts.",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows and report the invalid ones.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report problems without importing anything.",
        )

    def handle(self, *args, **options):
        importer = PracticeImporter(
            publish=options["publish"],
            skip_invalid=options["skip_invalid"],
            dry_run=options["dry_run"],
            progress=self.stdout.write,
        )
        started = time.monotonic()
        try:
            result = importer.run(options["file"], options["format"])
        except ImportFileError as problem:
            raise CommandError(str(problem)) from None
        elapsed = time.monotonic() - started

        for error in result.errors[:ERRORS_SHOWN]:
            self.stderr.write(str(error))
        if len(result.errors) > ERRORS_SHOWN:
            self.stderr.write(
                f"… and {len(result.errors) - ERRORS_SHOWN} more problems."
            )
        invalid_rows = len({error.row for error in result.errors})

        if not result.rows:
            self.stdout.write("The file has no practices: nothing to import.")
            return
        if not result.imported:
            if invalid_rows:
                raise CommandError(
                    f"{invalid_rows} of {result.rows} rows are invalid, so nothing "
                    "was imported. Correct them, or use --skip-invalid to import "
                    "the others."
                )
            self.stdout.write(
                self.style.SUCCESS(f"All {result.rows} rows are valid (dry run).")
            )
            return
        state = "published" if options["publish"] else "saved as drafts"
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} practices added and {result.updated} updated, "
                f"{state}; {result.skipped} invalid rows skipped "
                f"({elapsed:.1f} s)."
            )
        )
