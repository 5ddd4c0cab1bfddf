"""Load the demo portal: networks, members, pages and one user per persona."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from portal.demo import DemoLoader, logins_file, summary


class Command(BaseCommand):
    help = (
        "Load the demo content. Safe to run again: what exists is kept, "
        "nothing is added twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not rebuild the search index afterwards.",
        )

    def handle(self, *args, skip_index=False, **options):
        loader = DemoLoader()
        logins = loader.load()
        counts = summary()
        self.stdout.write(
            f"Demo content: {counts['networks']} networks, "
            f"{counts['organisations']} organisations, {counts['pages']} pages "
            f"({loader.created} items added this time)."
        )
        if loader.created:
            # Let the database plan its queries by the tables' real sizes:
            # without statistics SQLite walked every page to find a handful
            # of networks. (PostgreSQL also gathers them by itself, later.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if loader.created and not skip_index:
            self.stdout.write("Building the search index…")
            call_command("update_index", verbosity=0)
        path = logins_file()
        shown = (
            path.relative_to(settings.BASE_DIR)
            if path.is_relative_to(settings.BASE_DIR)
            else path
        )
        self.stdout.write(f"Demo logins (also in {shown}):")
        for persona, password in logins:
            self.stdout.write(
                f"  {persona.username:<16} {password:<20} {persona.description}"
            )
