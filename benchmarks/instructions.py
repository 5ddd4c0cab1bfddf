"""
Instructions a search page request takes, counted by valgrind's callgrind.

Requests a second on a shared machine vary with what else the machine runs
(by half from one part of a day to another); the number of instructions a
request executes does not. To compare two versions of the code, count each on
the same corpus:

    .venv/bin/python benchmarks/run.py --sizes 10000 --keep
    .venv/bin/python benchmarks/instructions.py benchmarks/output/search-10000-*

It runs the search page's served queries in one process under callgrind
twice, with and without `--rounds` rounds of them after the warm-up, and
prints the difference divided by the number of requests: Django's start, the
index's opening and the warm-up cancel out. Needs valgrind (Debian's
package). Takes a few minutes: callgrind runs Python about fifty times
slower.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR), str(BENCH_DIR.parent)]

import run  # noqa: E402 - the corpus's settings and served queries

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
WARM_UP_ROUNDS = 2


def serve(folder, rounds):
    """Answer the served queries `WARM_UP_ROUNDS + rounds` times in this process."""
    os.environ.update(run.child_environment(Path(folder)))
    import django

    django.setup()
    from django.test import Client

    # Through every middleware, as gunicorn's worker calls the site.
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(WARM_UP_ROUNDS + rounds):
        for text in run.SERVED_QUERIES:
            response = client.get("/search/", {"q": text})
            if response.status_code != 200:
                raise SystemExit(f"/search/?q={text} answered {response.status_code}")


def instructions(folder, rounds):
    """Return the instructions callgrind counts for serve(folder, rounds)."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--serve",
        str(rounds),
        str(folder),
    ]
    try:
        finished = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise SystemExit(
            "valgrind is not installed (Debian: apt-get install valgrind)"
        ) from None
    counted = COLLECTED.search(finished.stderr)
    if finished.returncode or counted is None:
        raise SystemExit("The counted run failed:\n" + finished.stderr[-2000:])
    return int(counted.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("folder", help="A corpus folder kept by run.py --keep.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.folder, args.serve)
        return
    if not (Path(args.folder) / "bench.sqlite3").exists():
        parser.error(f"{args.folder} holds no corpus (run.py --keep makes one)")
    without = instructions(args.folder, 0)
    with_rounds = instructions(args.folder, args.rounds)
    requests = args.rounds * len(run.SERVED_QUERIES)
    per_request = (with_rounds - without) / requests
    print(
        f"{per_request / 1e6:.1f} million instructions a search page request "
        f"({requests} requests after {WARM_UP_ROUNDS} rounds of warm-up)"
    )


if __name__ == "__main__":
    main()
