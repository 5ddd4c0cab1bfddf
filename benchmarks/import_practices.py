"""
How fast `manage.py import_practices` imports 10,000 practices.

Run from the project root with `.venv/bin/python benchmarks/import_practices.py`
(optionally `--rows N` and `--publish`). It works in a temporary folder: a
fresh SQLite database with the demo networks and organisations, a generated
CSV file and a throwaway search index, then times the import and prints rows
per second. The issue's target is 10,000 rows in under two minutes.
"""

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NETWORKS = ["national-network", "west-yorkshire", "kirklees", "leeds", "bradford"]
ORGANISATIONS = [
    "west-yorkshire-police",
    "kirklees-council",
    "leeds-city-council",
    "salvation-army",
    "glaa",
    "copperkettle-bank",
]
THEMES = [
    "victim-identification",
    "prevention",
    "partnership",
    "Training and awareness",
]
SECTORS = ["car-washes", "nail-bars-and-beauty", "construction", "Financial services"]
OUTCOMES = ["worked", "promising", "untested", "did not work"]
HANDLINGS = ["public", "public", "public", "partners", "police"]


def write_csv(path, rows, seed=2018):
    """Write `rows` realistic practice rows to `path`."""
    rng = random.Random(seed)
    from best_practice.importer import COLUMNS

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for number in range(1, rows + 1):
            writer.writerow(
                {
                    "external_id": f"bench-{number:06d}",
                    "network": rng.choice(NETWORKS),
                    "title": f"Practice {number}: joint visits to {rng.choice(SECTORS)}",
                    "summary": "Partners visit premises together and speak to workers alone.",
                    "problem": "Workers were not asked about pay, hours or housing.\n\n"
                    "Nobody checked who held their documents.",
                    "aim": "Speak privately to every worker within a year.",
                    "what_was_done": "- Agree a joint visit plan.\n- Take an interpreter.\n"
                    "- Speak to workers one at a time.",
                    "evaluation": "Forty sites visited; eleven referrals.",
                    "resources": "Two officers for half a day a week.",
                    "contact_role": "Modern slavery coordinator",
                    "contact_email": "coordinator@example.org",
                    "organisations": ";".join(rng.sample(ORGANISATIONS, 2)),
                    "partners": rng.choice(ORGANISATIONS),
                    "outcome": rng.choice(OUTCOMES),
                    "evidence_stage": rng.choice(["untested", "local", "independent"]),
                    "handling": rng.choice(HANDLINGS),
                    "themes": ";".join(rng.sample(THEMES, 2)),
                    "exploitation_types": "labour-exploitation",
                    "sectors": rng.choice(SECTORS),
                    "audiences": "police;local-authorities",
                    "tags": f"joint visits;batch {number % 50}",
                    "start_date": "2019-04-01",
                    "end_date": "",
                    "area": "West Yorkshire",
                    "last_reviewed": "2024-03-15",
                }
            )


class TimedOutput(io.StringIO):
    """Print each line of the command's output with the seconds since it began."""

    def __init__(self):
        super().__init__()
        self.started = time.perf_counter()

    def write(self, text):
        for line in text.splitlines():
            if line.strip():
                print(f"  {time.perf_counter() - self.started:6.1f} s  {line}")
        return len(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--publish", action="store_true")
    parser.add_argument(
        "--reimport",
        action="store_true",
        help="Also time importing the same file again (every row an update).",
    )
    arguments = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="portal-bench-import-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["PORTAL_VAR_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    path = folder / "practices.csv"
    write_csv(path, arguments.rows)

    options = {"publish": arguments.publish, "verbosity": 1}
    print("First import:")
    started = time.perf_counter()
    call_command("import_practices", str(path), stdout=TimedOutput(), **options)
    first = time.perf_counter() - started
    again = None
    if arguments.reimport:
        print("Importing the same file again:")
        started = time.perf_counter()
        call_command("import_practices", str(path), stdout=TimedOutput(), **options)
        again = time.perf_counter() - started

    from best_practice.models import BestPracticePage

    imported = BestPracticePage.objects.filter(external_id__startswith="bench-")
    if imported.count() != arguments.rows:
        sys.exit("The import did not create exactly one practice a row.")
    state = "published" if arguments.publish else "drafts"
    print(
        f"{arguments.rows} rows ({state}), search backend: "
        f"{django.conf.settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']}"
    )
    print(f"first import: {first:.1f} s, {arguments.rows / first:.0f} rows/s")
    if again:
        print(
            f"re-import (updates): {again:.1f} s, {arguments.rows / again:.0f} rows/s"
        )
    print(f"working folder: {folder}")


if __name__ == "__main__":
    main()
