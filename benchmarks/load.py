"""
Load test: a morning's mixed traffic on the portal, served as in production.

Run from the project root with `make load` or `.venv/bin/python
benchmarks/load.py [--duration 5m] [--users 20]`. It works in
benchmarks/output/load-<size>/ (git-ignored), and:

1. builds the corpus there once: the demo content, `--size` generated
   practices (as `benchmarks/run.py` makes them), a few years of generated
   events with their registrations, and the search index. A marker file
   records the size and `CORPUS_VERSION`; a later run with the same ones
   reuses the corpus (`--rebuild` builds it again);
2. collects the static files (hashed and compressed, as deployed) and
   writes the addresses to visit, read from that database, to targets.json;
3. starts gunicorn with 2 workers on 127.0.0.1 (never any other address)
   with `benchmarks/load_settings.py` (DEBUG off), warms each worker up,
   and runs `benchmarks/locustfile.py` with locust, headless, for
   `--duration`; gunicorn is stopped however the run ends;
4. prints a table per page kind (requests, failures, requests/s, p50, p95,
   p99) from locust's CSV statistics and writes it, as markdown and JSON,
   beside them in the run's folder. `--record` also rewrites the load-test
   results in benchmarks/README.md.

It exits with status 1 when any request failed. See benchmarks/README.md.
"""

import argparse
import csv
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from run import (
    BENCH_DIR,
    OUTPUT,
    QUERIES,
    ROOT,
    SERVED_QUERIES,
    build_corpus,
    child_environment,
    fetch,
    gunicorn,
)

# Bump when what build_corpus() or add_events() make changes, so that an
# older corpus is built again rather than reused.
CORPUS_VERSION = 1
SETTINGS = "load_settings"
LOCUSTFILE = BENCH_DIR / "locustfile.py"
README = BENCH_DIR / "README.md"
README_START = (
    "<!-- load test results: start (written by benchmarks/load.py --record) -->"
)
README_END = "<!-- load test results: end -->"
# The target for every public page under this load.
TARGET_P95_MS = 100
DURATION = re.compile(r"^(?:\d+h)?(?:\d+m)?(?:\d+s?)?$")

# Generated events: what the networks run, over two years past and six
# months ahead (the demo's own events are added by load_demo).
EVENT_TITLES = [
    "Modern slavery awareness session: {topic}",
    "{place} engagement day: {topic}",
    "Roadshow stop in {place}",
    "First responder training: {topic}",
    "Partner briefing: {topic} in {place}",
]
EVENT_TOPICS = [
    "spotting the signs",
    "county lines and cuckooing",
    "NRM referrals",
    "labour exploitation in car washes",
    "nail bars and beauty salons",
    "the duty to notify",
    "supply chain checks",
    "working with interpreters",
    "child criminal exploitation",
    "housing and landlords",
]
EVENT_PLACES = ["Leeds", "Bradford", "Huddersfield", "Halifax", "Wakefield", "Dewsbury"]
EVENTS = 240
EVENT_DAYS = (-730, 180)
# Searches beside the search benchmark's served ones (and some of the
# glossary's acronyms, read from the corpus): phrases in quotes, a term a
# glossary entry expands, a misspelling that finds little.
MORE_SEARCHES = [
    '"county lines"',
    "withheld passports",
    "debt bondage",
    "duty to notify",
    "victim care contract",
    "car wash",
    "traffiking",
]
ACRONYMS = 8


# Building the corpus (in a child process: Django is set up once)


def add_events(count, log, seed=2018):
    """
    Add `count` published events under the networks, spread over
    EVENT_DAYS from today, with registrations: confirmed up to capacity for
    past events, some places taken for upcoming ones.
    """
    from django.utils import timezone

    from events.factories import EventPageFactory
    from events.models import Audience, EventType, Registration
    from network.models import NetworkPage

    rng = random.Random(seed)
    networks = list(NetworkPage.objects.order_by("path"))
    today = timezone.localdate()
    registrations = []
    for number in range(1, count + 1):
        day = today + datetime.timedelta(days=rng.randint(*EVENT_DAYS))
        start = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(rng.choice([9, 10, 13])))
        )
        title = rng.choice(EVENT_TITLES).format(
            topic=rng.choice(EVENT_TOPICS), place=rng.choice(EVENT_PLACES)
        )
        capacity = rng.choice([20, 30, 40, 60, 100])
        event = EventPageFactory(
            parent=rng.choice(networks),
            title=f"{title[0].upper()}{title[1:]} ({number})",
            slug=f"load-event-{number:04d}",
            event_type=rng.choice(EventType.values),
            audience=rng.choice(Audience.values),
            start=start,
            end=start + datetime.timedelta(hours=rng.choice([2, 3, 6])),
            capacity=capacity,
        )
        taken = capacity if day < today else rng.randint(0, capacity)
        registrations += [
            Registration(
                event=event,
                name=f"Attendee {number}-{place}",
                email=f"attendee{number}-{place}@example.org",
                organisation_name="Kirklees Council",
                role="Safeguarding lead",
                consent=True,
                status=Registration.Status.CONFIRMED,
                attended=True if day < today else None,
            )
            for place in range(taken)
        ]
    Registration.objects.bulk_create(registrations, batch_size=500)
    log(f"added {count} events and {len(registrations)} registrations")


def write_targets(path, seed=2026):
    """
    Write what the locustfile visits, read from the database: addresses,
    the text each response must contain, and the partner's sign-in.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.utils.html import escape

    from best_practice.models import (
        BestPracticeIndexPage,
        BestPracticePage,
        BestPracticePageTag,
        ExploitationType,
        Sector,
        Theme,
    )
    from events.models import EventIndexPage, EventPage
    from network.models import NetworkPage
    from portal.demo import read_logins
    from portal.models import HomePage
    from portal.visibility import visible_pages
    from search.models import GlossaryTerm

    rng = random.Random(seed)
    anonymous = RequestFactory().get("/")
    anonymous.user = AnonymousUser()
    partner = RequestFactory().get("/")
    partner.user = get_user_model().objects.get(username="partner")

    def public(model):
        return visible_pages(anonymous, model.objects.all())

    def restricted(model):
        """The pages the partner may see and an anonymous visitor may not."""
        # Two lists and a difference: SQLite makes a NOT IN of the visibility
        # rule's path conditions compare every page with every other.
        seen = visible_pages(partner, model.objects.all()).values_list("pk", flat=True)
        shown = public(model).values_list("pk", flat=True)
        return model.objects.filter(pk__in=set(seen) - set(shown))

    def pages(queryset, limit=None):
        pks = list(queryset.order_by("pk").values_list("pk", flat=True))
        if limit and len(pks) > limit:
            pks = rng.sample(pks, limit)
        return [
            {"path": page.url, "marker": escape(page.title)}
            for page in queryset.filter(pk__in=pks).order_by("pk")
        ]

    def page(model):
        found = model.objects.live().get()
        return {"path": found.url, "marker": escape(found.title)}

    # Filters as people set them: one theme, sector, type or tag, or two
    # together, sometimes with words or another order.
    slugs = {
        "theme": list(Theme.objects.values_list("slug", flat=True)),
        "sector": list(Sector.objects.values_list("slug", flat=True)),
        "exploitation": list(ExploitationType.objects.values_list("slug", flat=True)),
        "tag": list(
            BestPracticePageTag.objects.values_list("tag__slug", flat=True).distinct()
        ),
    }
    filters = []
    for _ in range(60):
        names = rng.sample(list(slugs), rng.choice([1, 1, 2]))
        query = {name: rng.choice(slugs[name]) for name in names}
        if rng.random() < 0.2:
            query["q"] = rng.choice(SERVED_QUERIES)
        if rng.random() < 0.2:
            query["sort"] = rng.choice(["title", "reviewed"])
        filters.append(query)

    acronyms = list(
        GlossaryTerm.objects.filter(term__regex=r"^[A-Z]{2,5}$")
        .order_by("term")
        .values_list("term", flat=True)
    )
    acronyms = rng.sample(acronyms, min(ACRONYMS, len(acronyms)))
    networks = visible_pages(anonymous, NetworkPage.objects.all()).order_by("path")
    targets = {
        # The home page's title is the site's name, on every page: its list
        # of the latest practices shows that it is the home page.
        "home": {**page(HomePage), "marker": 'id="practice-heading"'},
        "library": page(BestPracticeIndexPage),
        "library_filters": filters,
        "practices": pages(public(BestPracticePage), limit=300),
        "searches": SERVED_QUERIES + MORE_SEARCHES + acronyms,
        "suggestions": QUERIES["autocomplete"],
        "events": page(EventIndexPage),
        "event_pages": pages(public(EventPage), limit=100),
        "network_feeds": [f"/events/feed/network/{n.pk}.ics" for n in networks[:6]],
        "restricted": pages(restricted(BestPracticePage))
        + pages(restricted(EventPage)),
        "sign_in": {"username": "partner", "password": read_logins()["partner"]},
    }
    path.write_text(json.dumps(targets, indent=2))
    return targets


def prepare(args):
    """In the child process: build the corpus if asked, then the targets."""
    folder = Path(args.folder)
    os.environ.update(child_environment(folder, SETTINGS))
    sys.path[:0] = [str(BENCH_DIR), str(ROOT)]
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()

    def log(message):
        print(f"  {time.perf_counter() - started:7.1f} s  {message}", flush=True)

    if args.build:
        build_corpus(args.size, log)
        add_events(EVENTS, log)
        call_command("update_index", backend_name="default", verbosity=0)
        log("built the search index")
        marker(folder).write_text(json.dumps(corpus_description(args.size)))
    else:
        # A reused corpus follows the models (a no-op when nothing changed).
        call_command("migrate", verbosity=0)
    collect_static(log)
    targets = write_targets(folder / "targets.json")
    log(
        f"{len(targets['practices'])} practices, {len(targets['event_pages'])} "
        f"events and {len(targets['restricted'])} restricted pages to visit"
    )


def collect_static(log):
    """
    Collect the static files, unless none changed since they were last
    collected: WhiteNoise compresses every file again each time, which takes
    minutes.
    """
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders
    from django.core.management import call_command

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        sources = (
            storage.path(path)
            for finder in get_finders()
            for path, storage in finder.list(["CVS", ".*", "*~"])
        )
        if max(map(os.path.getmtime, sources)) < manifest.stat().st_mtime:
            return
    call_command("collectstatic", interactive=False, verbosity=0)
    log("collected the static files")


def marker(folder):
    return folder / "corpus.json"


def corpus_description(size):
    return {"size": size, "version": CORPUS_VERSION, "events": EVENTS}


def corpus_is_current(folder, size):
    """Return whether `folder` holds a finished corpus of this size and version."""
    try:
        built = json.loads(marker(folder).read_text())
    except (OSError, ValueError):
        return False
    return built == corpus_description(size)


# Running the load


def warm_up(port, targets, rounds=4):
    """
    Request one address of each kind a few times, so that each worker has
    opened the search index and filled its caches before anything is timed.
    """
    paths = [
        targets["home"]["path"],
        targets["library"]["path"],
        targets["practices"][0]["path"],
        targets["events"]["path"],
        targets["event_pages"][0]["path"],
        "/search/?q=trafficking",
        "/search/suggest/?q=traf",
        "/events/feed.ics",
    ]
    for _ in range(rounds):
        for path in paths:
            fetch(port, path)


def run_locust(args, port, folder):
    """Run the locustfile headless against `port`; return its exit status."""
    env = os.environ.copy()
    env.update(
        LOAD_TARGETS=str(folder / "targets.json"),
        LOAD_THINK_TIME=args.think_time,
    )
    command = [
        sys.executable,
        "-m",
        "locust",
        "--locustfile",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        f"http://127.0.0.1:{port}",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        args.duration,
        "--stop-timeout",
        "10",
        "--csv",
        str(folder / "locust"),
        "--html",
        str(folder / "locust-report.html"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    # Locust stops itself at --run-time; the timeout only guards against a
    # run that never ends.
    limit = seconds(args.duration) + 120
    return subprocess.run(command, env=env, cwd=ROOT, timeout=limit).returncode


def seconds(duration):
    """Return the seconds in a locust time span such as "30s", "5m" or "1h30m"."""
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(
        int(number) * units[unit or "s"]
        for number, unit in re.findall(r"(\d+)([hms]?)", duration)
    )


# The report


def read_stats(folder):
    """Return locust's rows per page kind, the aggregated row last."""
    with (folder / "locust_stats.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    figures = []
    for row in rows:
        figures.append(
            {
                "kind": row["Name"],
                "method": row["Type"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
            }
        )
    return figures


def is_public(figure):
    """Whether a page kind is a page anyone may load, which the target covers."""
    return figure["method"] == "GET" and "signed in" not in figure["kind"]


def table(figures):
    lines = [
        "| page kind | requests | failures | requests/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for figure in figures:
        kind = figure["kind"]
        if figure["method"] not in ("GET", ""):
            kind = f"{kind} ({figure['method']})"
        if kind == "Aggregated":
            kind = "**all requests**"
        over = is_public(figure) and figure["p95"] > TARGET_P95_MS
        p95 = f"**{figure['p95']:.0f}**" if over else f"{figure['p95']:.0f}"
        lines.append(
            f"| {kind} | {figure['requests']:,} | {figure['failures']:,} | "
            f"{figure['rps']:.1f} | {figure['p50']:.0f} | {p95} | {figure['p99']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def description(args, run):
    slow = [
        f["kind"] for f in run["figures"] if is_public(f) and f["p95"] > TARGET_P95_MS
    ]
    verdict = (
        f"Public page kinds over the target of p95 ≤ {TARGET_P95_MS} ms (in bold): "
        + "; ".join(slow)
        + "."
        if slow
        else f"Every public page kind met the target of p95 ≤ {TARGET_P95_MS} ms."
    )
    if run["load"][0] > os.cpu_count():
        # Other work was queueing for the CPUs: every time includes the wait.
        verdict += " The machine was busy before the run: not a figure to keep."
    return (
        f"{run['date']}: `benchmarks/load.py {' '.join(run['argv'])}`: "
        f"{args.size:,} generated practices, gunicorn with 2 workers, "
        f"{args.users} users for {args.duration} (think time "
        f"{args.think_time.replace(',', ' to ')} s), "
        f"{os.cpu_count()} CPUs, load average (1 min) {run['load'][0]:.1f} before "
        f"and {run['load'][1]:.1f} after. {verdict}"
    )


def record(text):
    """Replace the load-test results in benchmarks/README.md with `text`."""
    readme = README.read_text()
    start, end = readme.index(README_START), readme.index(README_END)
    README.write_text(
        readme[: start + len(README_START)] + "\n\n" + text + "\n" + readme[end:]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--duration",
        default="5m",
        help='How long locust runs, as "30s", "5m" or "1h" (default 5m).',
    )
    parser.add_argument(
        "--users", type=int, default=20, help="Simulated people (default 20)."
    )
    parser.add_argument(
        "--spawn-rate",
        type=float,
        default=2,
        help="People arriving each second until all are there (default 2).",
    )
    parser.add_argument(
        "--think-time",
        default="1,5",
        help="Seconds each person waits between pages, low,high (default 1,5).",
    )
    parser.add_argument(
        "--size", type=int, default=10_000, help="Practices (default 10,000)."
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="Build the corpus even if it exists."
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="Write the table into benchmarks/README.md.",
    )
    # Internal: preparing the corpus in a child process.
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DURATION.match(args.duration) or not seconds(args.duration):
        parser.error(f'--duration: "{args.duration}" is not a time such as 30s or 5m')
    if not re.fullmatch(r"\d+(\.\d+)?,\d+(\.\d+)?", args.think_time):
        parser.error('--think-time: give two numbers of seconds, such as "1,5"')

    if args.prepare:
        prepare(args)
        return 0

    folder = OUTPUT / f"load-{args.size}"
    command = [
        sys.executable,
        __file__,
        "--prepare",
        "--size",
        str(args.size),
        "--folder",
        str(folder),
    ]
    if args.rebuild or not corpus_is_current(folder, args.size):
        print(f"Building the corpus in {folder.relative_to(ROOT)} (a few minutes)")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        command.append("--build")
    else:
        print(f"Reusing the corpus in {folder.relative_to(ROOT)}")
    env = child_environment(folder, SETTINGS)
    subprocess.run(command, check=True, env=env)
    targets = json.loads((folder / "targets.json").read_text())

    load_before = os.getloadavg()[0]
    with gunicorn(env) as port:
        print(f"gunicorn on 127.0.0.1:{port}; warming up")
        warm_up(port, targets)
        print(f"locust: {args.users} users for {args.duration}")
        status = run_locust(args, port, folder)
    run = {
        "date": datetime.date.today().isoformat(),
        "argv": sys.argv[1:],
        "load": [load_before, os.getloadavg()[0]],
        "figures": read_stats(folder),
    }
    text = table(run["figures"]) + "\n" + description(args, run) + "\n"
    print()
    print(text)
    (folder / "results.md").write_text(f"# Load test\n\n{text}")
    (folder / "results.json").write_text(json.dumps(run, indent=2))
    print(f"Written to {(folder / 'results.md').relative_to(ROOT)} and results.json")
    if args.record:
        record(text)
        print(f"Recorded in {README.relative_to(ROOT)}")
    failures = sum(f["failures"] for f in run["figures"] if f["kind"] != "Aggregated")
    if failures:
        print(
            f"{failures} requests failed: see {folder.relative_to(ROOT)}/locust_failures.csv"
        )
    return 1 if failures or status else 0


if __name__ == "__main__":
    sys.exit(main())
