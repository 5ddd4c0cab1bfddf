"""
Search benchmarks: our Whoosh backend beside Wagtail's database backend.

Run from the project root with `make bench` or `.venv/bin/python
benchmarks/run.py [--sizes 1000,10000,50000] [--quick]`. For each size it
builds, in a temporary folder under benchmarks/output/, a fresh SQLite
database holding the demo content plus that many generated practices
(best_practice.BestPracticePage under the demo networks, inserted in bulk as
`manage.py import_practices` does), then measures through Wagtail's search
API, on the same corpus:

* searches (first 20 results): one word, several words, a phrase, one page
  type, one page type and one tag, autocomplete, a count, tag facets:
  median (p50) and 95th percentile (p95);
* a full rebuild (`manage.py update_index`): seconds and pages a second;
* publishing a revision until a search finds it;
* at 10,000 pages (`--serve-size`), the search page served by gunicorn
  (2 workers, 127.0.0.1 only): requests a second and p95, the middle of
  three rounds.

A database-backend query slower than `--cap` seconds (10) is interrupted, and
that kind of query is not run again at that size. Each size runs in a child
process (Django is configured once per process). The table is printed and
written to benchmarks/output/results.md. See benchmarks/README.md.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUTPUT = BENCH_DIR / "output"
SETTINGS = "bench_settings"

# The corpus: what practice pages of the networks are about.
EXPLOITATION = [
    "labour exploitation",
    "sexual exploitation",
    "criminal exploitation",
    "county lines",
    "cuckooing",
    "domestic servitude",
    "forced labour",
    "debt bondage",
    "child sexual exploitation",
    "human trafficking",
    "modern slavery",
    "forced criminality",
]
SECTORS = [
    "car washes",
    "nail bars",
    "construction sites",
    "farms",
    "food processing",
    "hospitality",
    "care homes",
    "warehouses",
    "takeaways",
    "cannabis farms",
    "fishing boats",
    "building sites",
]
AGENCIES = [
    "the police",
    "the GLAA",
    "the NCA",
    "the local authority",
    "the Salvation Army",
    "health visitors",
    "Border Force",
    "the PCC's office",
    "children's services",
    "housing officers",
    "the banks",
    "Trading Standards",
    "the fire service",
    "Immigration Enforcement",
    "the DWP",
    "youth offending teams",
    "school nurses",
    "the ambulance service",
]
PROCESSES = [
    "an NRM referral",
    "a referral to the National Referral Mechanism",
    "a duty to notify report",
    "a safeguarding referral",
    "a multi-agency risk assessment",
    "first responder training",
    "a reception centre",
    "a reachable moment",
    "the victim care contract",
    "a Slavery and Trafficking Risk Order",
    "a section 45 defence",
    "an independent child trafficking guardian",
    "a joint visit plan",
    "a strategy discussion",
    "an information sharing agreement",
]
INDICATORS = [
    "withheld passports",
    "many people living at one address",
    "no access to their wages",
    "signs of injury",
    "fear of the authorities",
    "debts owed to the people who brought them",
    "scripted answers",
    "being driven to work in groups",
    "no protective clothing",
    "a phone controlled by someone else",
    "missing episodes from school",
    "unexplained cash and new phones",
]
PLACES = [
    "Leeds",
    "Bradford",
    "Kirklees",
    "Calderdale",
    "Wakefield",
    "Huddersfield",
    "Halifax",
    "Dewsbury",
    "Batley",
    "Keighley",
    "Sheffield",
    "Manchester",
    "Hull",
    "York",
    "Doncaster",
    "Rotherham",
    "Barnsley",
    "Harrogate",
    "Birmingham",
    "Nottingham",
    "Leicester",
    "Newcastle",
    "Sunderland",
    "Middlesbrough",
]
TAGS = [
    "county lines",
    "cuckooing",
    "NRM",
    "labour exploitation",
    "sexual exploitation",
    "criminal exploitation",
    "modern slavery",
    "human trafficking",
    "safeguarding",
    "referral",
    "joint visits",
    "training",
    "awareness",
    "banks",
    "financial investigation",
    "partnership",
    "data sharing",
    "survivor support",
    "lived experience",
    "housing",
    "interpreters",
    "car washes",
    "nail bars",
    "agriculture",
    "construction",
    "hospitality",
    "children",
    "young people",
    "schools",
    "health",
    "GLAA",
    "NCA",
    "Border Force",
    "duty to notify",
    "first responders",
    "victim care",
    "reachable moment",
    "intelligence",
    "disruption",
    "prosecution",
    "supply chains",
    "transparency statements",
    "procurement",
    "community engagement",
    "faith groups",
    "translation",
    "night-time economy",
    "taxi licensing",
    "landlords",
    "hotels",
    "festivals",
    "roadshow",
    "evaluation",
    "toolkit",
    "pathway",
    "helpline",
    "outreach",
    "debt bondage",
    "domestic servitude",
    "forced labour",
]
OPENINGS = [
    "We found that",
    "Officers noticed that",
    "Partners agreed that",
    "Front-line staff reported that",
    "The review showed that",
    "Survivors told us that",
    "Over the first year",
    "In most cases",
    "Before the project",
    "After the training",
]
FILLER = (
    "people workers victims staff partners families children adults officers "
    "managers volunteers teams calls visits cases reports checks premises "
    "addresses vehicles phones accounts payments wages hours shifts rooms "
    "houses flats streets towns areas months weeks days year meetings plans "
    "forms notes records leaflets posters cards questions answers concerns "
    "risks needs support advice help care contact trust confidence time "
    "money cost budget funding evidence results outcome progress changes "
    "learning feedback guidance policy procedure process practice approach "
    "response service services agency agencies council health police court "
    "quickly safely together regularly often early later locally jointly "
    "clear simple practical useful difficult urgent hidden vulnerable local "
    "national regional new trained shared agreed recorded reviewed checked"
).split()
SENTENCES = [
    "{agency} worked with {agency2} to identify victims of {exploitation} in {sector}.",
    "Staff were trained to spot {indicator} and to make {process}.",
    "{opening} {indicator} was the most common sign in {sector} around {place}.",
    "Every concern about {exploitation} led to {process} within one working day.",
    "{agency} visited {sector} in {place} with {agency2} and spoke to each worker alone.",
    "{opening} victims of {exploitation} rarely saw themselves as victims.",
    "The pathway explains who makes {process} and who supports the person afterwards.",
    "{opening} {filler} {filler} and {filler} {filler} mattered more than {filler}.",
    "Where {indicator} was reported, {agency} shared it with {agency2} the same day.",
    "The toolkit covers {exploitation}, {exploitation2} and {process}.",
    "We kept {filler} {filler} of every {filler} so that {filler} {filler} could follow.",
    "Interpreters helped people describe {indicator} in their own words.",
]
PHRASES = {
    "agency": AGENCIES,
    "agency2": AGENCIES,
    "exploitation": EXPLOITATION,
    "exploitation2": EXPLOITATION,
    "sector": SECTORS,
    "indicator": INDICATORS,
    "process": PROCESSES,
    "place": PLACES,
    "opening": OPENINGS,
}

# The searches measured. Each kind cycles through its queries.
QUERIES = {
    "one word": ["trafficking", "cuckooing", "safeguarding", "passports", "GLAA"],
    "several words": [
        "signs of labour exploitation in car washes",
        "county lines cuckooing referral",
        "NRM referral adults",
        "forced labour construction sites",
        "children criminal exploitation schools",
    ],
    "phrase": [
        "modern slavery",
        "county lines",
        "national referral mechanism",
        "labour exploitation",
        "withheld passports",
    ],
    "page type": ["exploitation", "referral", "nail bars", "interpreters", "debt"],
    "page type + tag": ["exploitation", "referral", "training", "victims", "visits"],
    "autocomplete": ["traf", "cuck", "safeg", "exploi", "ref", "nrm", "cou", "lab"],
    "count": ["exploitation", "referral", "county lines", "cuckooing", "wages"],
    "tag facets": ["exploitation", "referral", "county lines", "cuckooing", "wages"],
}
FILTER_TAGS = ["county lines", "safeguarding", "training", "NRM", "joint visits"]
# Rounds of the served load; the middle one is reported.
SERVE_ROUNDS = 3
SERVED_QUERIES = [
    "trafficking",
    "county lines",
    "NRM referral",
    "signs of labour exploitation in car washes",
    "cuckooing",
    "safeguarding children",
    "nail bars",
    "GLAA",
]
ALL_BACKENDS = ["default", "database"]
# The backends measured in this process (run_size() may leave one out).
BACKENDS = list(ALL_BACKENDS)
BACKEND_NAMES = {"default": "Whoosh", "database": "database"}


# Corpus


def zipf_choice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def sentence(rng):
    template = rng.choice(SENTENCES)
    values = {name: rng.choice(options) for name, options in PHRASES.items()}
    while "{filler}" in template:
        template = template.replace("{filler}", rng.choice(FILLER), 1)
    text = template.format(**values)
    return text[0].upper() + text[1:]


def paragraphs(rng, count, per_paragraph=(2, 4)):
    return "".join(
        "<p>"
        + " ".join(sentence(rng) for _ in range(rng.randint(*per_paragraph)))
        + "</p>"
        for _ in range(count)
    )


def steps(rng, count):
    items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(count))
    return f"<ol>{items}</ol>"


def generate_rows(size, seed=2015):
    """Yield the field values, relations and tags of `size` practices."""
    import datetime

    from best_practice.importer import PreparedRow
    from best_practice.models import (
        Audience,
        BestPracticePage,
        ExploitationType,
        Sector,
        Theme,
    )
    from network.models import NetworkPage, OrganisationPage

    rng = random.Random(seed)
    networks = list(NetworkPage.objects.order_by("path"))
    organisations = list(OrganisationPage.objects.order_by("pk"))
    vocabularies = {
        "themes": list(Theme.objects.all()),
        "exploitation_types": list(ExploitationType.objects.all()),
        "sectors": list(Sector.objects.all()),
        "audiences": list(Audience.objects.all()),
    }
    # A few tags on most pages and many tags on a few, as real tagging goes.
    tag_weights = [1 / (rank + 1) for rank in range(len(TAGS))]
    today = datetime.date(2026, 1, 1)
    for number in range(1, size + 1):
        exploitation = rng.choice(EXPLOITATION)
        sector = rng.choice(SECTORS)
        place = rng.choice(PLACES)
        title = rng.choice(
            [
                f"Tackling {exploitation} in {sector} in {place}",
                f"Joint visits to {sector}: {exploitation}",
                f"{place}: a pathway for {rng.choice(PROCESSES)[2:]}",
                f"Spotting {rng.choice(INDICATORS)} in {sector}",
                f"Training {rng.choice(AGENCIES)[4:]} about {exploitation}",
            ]
        )
        title = f"{title[0].upper()}{title[1:]} ({number})"
        page = BestPracticePage(
            title=title,
            summary=sentence(rng),
            problem=paragraphs(rng, rng.randint(1, 3)),
            aim=paragraphs(rng, 1, (1, 2)),
            what_was_done=steps(rng, rng.randint(3, 8)),
            evaluation=paragraphs(rng, rng.randint(1, 2)),
            resources=paragraphs(rng, 1, (1, 1)),
            contact_role="Modern slavery coordinator",
            contact_email="coordinator@example.org",
            area=place,
            outcome=rng.choice(BestPracticePage.Outcome.values),
            evidence_stage=rng.choice(BestPracticePage.EvidenceStage.values),
            handling=BestPracticePage.Handling.PUBLIC,
            start_date=today - datetime.timedelta(days=rng.randint(30, 3000)),
            last_reviewed=today - datetime.timedelta(days=rng.randint(0, 700)),
            external_id=f"bench-{number:06d}",
        )
        tags = set()
        while len(tags) < rng.randint(2, 5):
            tags.add(zipf_choice(rng, TAGS, tag_weights))
        relations = {
            name: rng.sample(items, min(len(items), rng.randint(1, 2)))
            for name, items in vocabularies.items()
        }
        relations["contributing_organisations"] = rng.sample(organisations, 1)
        relations["partners"] = rng.sample(organisations, rng.randint(0, 2))
        yield PreparedRow(
            row=number,
            page=page,
            network=rng.choice(networks),
            relations=relations,
            tags=sorted(tags),
            is_new=True,
        )


def build_corpus(size, log):
    """Migrate, load the demo content and insert `size` published practices."""
    import io

    from django.core.management import call_command
    from django.db import connection, transaction

    from best_practice.importer import NewPracticeWriter, deferred_indexing

    call_command("migrate", verbosity=0)
    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    rows = list(generate_rows(size))
    writer = NewPracticeWriter(publish=True)
    with transaction.atomic(), deferred_indexing():
        writer.write(rows, lambda message: None)
    # As after the demo's own loading: statistics for the query planner.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"inserted {size} practices")


# Measuring


def percentile(samples, fraction):
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(samples):
    if not samples:
        return None
    return {
        "n": len(samples),
        "p50": statistics.median(samples) * 1000,
        "p95": percentile(samples, 0.95) * 1000,
    }


class Capped(Exception):
    """A query ran past the cap and was interrupted."""


@contextmanager
def cap(seconds, backend_name):
    """Interrupt a database-backend query that runs longer than `seconds`."""
    if backend_name != "database":
        yield
        return
    from django.db import OperationalError, connection

    connection.ensure_connection()
    timer = threading.Timer(seconds, connection.connection.interrupt)
    timer.start()
    try:
        yield
    except OperationalError as error:
        if "interrupt" in str(error):
            raise Capped from error
        raise
    finally:
        timer.cancel()


def search_call(kind, backend_name, text, tags):
    """Return a function running one search of `kind` through Wagtail's API."""
    from wagtail.models import Page
    from wagtail.search.query import Phrase

    from best_practice.models import BestPracticePage, BestPracticePageTag

    live = Page.objects.live()
    practices = BestPracticePage.objects.live()
    backend = backend_name
    if kind in ("one word", "several words"):
        return lambda: list(live.search(text, backend=backend)[:20])
    if kind == "phrase":
        return lambda: list(live.search(Phrase(text), backend=backend)[:20])
    if kind == "page type":
        return lambda: list(practices.search(text, backend=backend)[:20])
    if kind == "page type + tag":
        # As the library filters by tag: the database names the tagged pages.
        tagged = BestPracticePageTag.objects.filter(tag=tags[text]).values(
            "content_object_id"
        )
        filtered = practices.filter(pk__in=tagged)
        return lambda: list(filtered.search(text, backend=backend)[:20])
    if kind == "autocomplete":
        return lambda: list(live.autocomplete(text, backend=backend)[:20])
    if kind == "count":
        return lambda: live.search(text, backend=backend).count()
    if kind == "tag facets":
        return lambda: practices.search(text, backend=backend).facet("tags")
    raise ValueError(kind)


def measure_queries(args, log):
    from taggit.models import Tag

    tag_names = iter(FILTER_TAGS * 10)
    results = {}
    for kind, texts in QUERIES.items():
        tags = {}
        if kind == "page type + tag":
            for text in texts:
                tags[text] = Tag.objects.get(name=next(tag_names))
        results[kind] = {}
        for backend_name in BACKENDS:
            calls = [search_call(kind, backend_name, text, tags) for text in texts]
            samples, capped = [], False
            try:
                # One unmeasured round: open the searcher, fill caches.
                for call in calls:
                    with cap(args.cap, backend_name):
                        call()
                budget = time.perf_counter() + args.budget
                for number in range(args.runs):
                    call = calls[number % len(calls)]
                    started = time.perf_counter()
                    with cap(args.cap, backend_name):
                        call()
                    samples.append(time.perf_counter() - started)
                    if time.perf_counter() > budget and len(samples) >= len(calls):
                        break
            except Capped:
                capped = True
            result = summary(samples) or {"n": 0}
            result["capped"] = capped
            if backend_name == "default":
                result["fresh"] = measure_fresh(calls)
                result["cold"] = measure_cold(calls)
            results[kind][backend_name] = result
            log(f"{kind:16} {BACKEND_NAMES[backend_name]:9} {format_result(result)}")
    return results


def page_store():
    """Return our backend's store of the page index, whose caches are emptied."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    return get_search_backend("default").get_index_for_model(Page).store


def time_each(calls, before, rounds=4):
    """Time each of `calls` `rounds` times, calling `before()` first each time."""
    samples = []
    for _ in range(rounds):
        for call in calls:
            before()
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
    return summary(samples)


def measure_fresh(calls):
    """
    Time each search as one not made before: the searcher's remembered
    whole searches and phrase matches emptied first, its decoded postings
    and filters kept. The warm figures repeat five searches of a kind, which
    the searcher answers from what it remembers of them.
    """
    store = page_store()

    def forget():
        scorer = store.cache.get("scorer")
        if scorer is not None:
            scorer.forget_searches()

    return time_each(calls, forget)


def measure_cold(calls):
    """
    Time each search with the backend's caches emptied first (decoded
    postings, field lengths, filters), as for the first search that needs
    them after the index has changed.
    """
    from search.backends.whoosh import _SegmentCache

    store = page_store()

    def empty():
        store.segments = _SegmentCache()
        store.cache = {"segments": store.segments}

    return time_each(calls, empty)


def format_result(result):
    if not result or not result.get("n"):
        return "capped" if result and result.get("capped") else "-"
    text = f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms (n={result['n']})"
    if result.get("capped"):
        text += ", capped"
    return text


def measure_rebuild(log):
    """Time `manage.py update_index` for each backend."""
    from django.core.management import call_command

    from wagtail.models import Page

    pages = Page.objects.count()
    results = {}
    for backend_name in BACKENDS:
        started, cpu_started = time.perf_counter(), time.process_time()
        call_command("update_index", backend_name=backend_name, verbosity=0)
        seconds = time.perf_counter() - started
        results[backend_name] = {
            "seconds": seconds,
            "cpu_seconds": time.process_time() - cpu_started,
            "pages": pages,
            "rate": pages / seconds,
        }
        log(
            f"rebuild {BACKEND_NAMES[backend_name]:9} {seconds:.1f} s, "
            f"{pages / seconds:.0f} pages/s, "
            f"{results[backend_name]['cpu_seconds']:.1f} s of CPU"
        )
    return results


@contextmanager
def auto_update(backend_name):
    """Let only `backend_name` be updated when a page is saved."""
    from django.conf import settings

    configured = settings.WAGTAILSEARCH_BACKENDS
    saved = {
        name: params.get("AUTO_UPDATE", True) for name, params in configured.items()
    }
    for name, params in configured.items():
        params["AUTO_UPDATE"] = name == backend_name
    try:
        yield
    finally:
        for name, value in saved.items():
            configured[name]["AUTO_UPDATE"] = value


def measure_publish(args, log):
    """Time publishing a revision until a search finds the page."""
    from wagtail.models import Page

    from best_practice.models import BestPracticePage

    rng = random.Random(45)
    pks = list(
        BestPracticePage.objects.filter(external_id__startswith="bench-").values_list(
            "pk", flat=True
        )
    )
    results = {}
    for backend_name in BACKENDS:
        samples, capped = [], False
        with auto_update(backend_name):
            for number in range(args.publishes):
                page = BestPracticePage.objects.get(pk=rng.choice(pks))
                marker = f"marker{backend_name}{number}x{rng.randrange(10**6)}"
                page.title = f"{page.title} {marker}"
                started = time.perf_counter()
                page.save_revision().publish()
                found = False
                try:
                    while time.perf_counter() - started < args.cap:
                        with cap(args.cap, backend_name):
                            found = Page.objects.live().search(
                                marker, backend=backend_name
                            )[:1]
                            found = bool(list(found))
                        if found:
                            break
                except Capped:
                    pass
                if not found:
                    capped = True
                    break
                samples.append(time.perf_counter() - started)
        result = summary(samples) or {"n": 0}
        result["capped"] = capped
        results[backend_name] = result
        log(f"publish {BACKEND_NAMES[backend_name]:9} {format_result(result)}")
    return results


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def load(port, paths, seconds, clients):
    """Request `paths` from `clients` threads for `seconds`; return the figures."""
    samples, errors = [], []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset):
        number = offset
        while time.perf_counter() < stop:
            path = paths[number % len(paths)]
            number += clients
            started = time.perf_counter()
            try:
                status, _ = fetch(port, path)
            except OSError as error:
                status = str(error)
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    samples.append(elapsed)
                else:
                    errors.append(status)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    result = summary(samples) or {"n": 0}
    result["rps"] = len(samples) / elapsed
    result["errors"] = len(errors)
    return result


@contextmanager
def gunicorn(env, workers=2):
    """
    Serve the site with gunicorn on a free port of 127.0.0.1 (never on any
    other address) with `env`; yield the port once the home page answers,
    and stop the server however the block ends.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
    ]
    # In a session of its own, so that its workers can be killed with it.
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(port, "/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def measure_served(args, env, log):
    """Serve the site with gunicorn and load its search page."""
    from urllib.parse import quote

    with gunicorn(env) as port:
        # The portal's search page and suggestions if they exist; else the
        # page API's search, which goes through the same backend.
        endpoints = []
        if fetch(port, "/search/?q=trafficking")[0] == 200:
            endpoints.append(("search page /search/?q=", "/search/?q=", SERVED_QUERIES))
            if fetch(port, "/search/suggest/?q=traf")[0] == 200:
                endpoints.append(
                    (
                        "suggestions /search/suggest/?q=",
                        "/search/suggest/?q=",
                        QUERIES["autocomplete"],
                    )
                )
        else:
            endpoints.append(
                (
                    "page API /api/v2/pages/?search=",
                    "/api/v2/pages/?search=",
                    SERVED_QUERIES,
                )
            )
        results = {}
        for label, prefix, texts in endpoints:
            paths = [prefix + quote(text) for text in texts]
            # Every worker opens its searcher and fills its caches first.
            load(port, paths, 2, args.clients)
            # The same load several times, and the middle round kept: on a
            # shared 2-CPU machine one round varied by a fifth from one
            # minute to the next.
            rounds = sorted(
                (
                    load(port, paths, args.serve_seconds, args.clients)
                    for _ in range(SERVE_ROUNDS)
                ),
                key=lambda result: result["rps"],
            )
            result = dict(rounds[len(rounds) // 2])
            result["rounds_rps"] = [measured["rps"] for measured in rounds]
            result["errors"] = sum(measured["errors"] for measured in rounds)
            results[label] = result
            log(
                f"served {label}: {result['rps']:.0f} req/s (rounds: "
                f"{', '.join(f'{rps:.0f}' for rps in result['rounds_rps'])}), "
                f"{format_result(result)}, {result['errors']} errors"
            )
        return results


# One size, in a child process


def child_environment(folder, settings=SETTINGS):
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        PORTAL_VAR_DIR=str(folder),
        SEARCH_INDEX_PATH=str(folder / "search-index"),
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(BENCH_DIR), str(ROOT), env.get("PYTHONPATH")])
        ),
    )
    return env


def run_size(args):
    """Build one corpus and measure it; write the figures as JSON."""
    folder = Path(args.folder)
    env = child_environment(folder)
    os.environ.update(env)
    sys.path[:0] = [str(BENCH_DIR), str(ROOT)]
    import django

    django.setup()
    started = time.perf_counter()

    def log(message):
        print(
            f"  [{args.size:>6}] {time.perf_counter() - started:7.1f} s  {message}",
            flush=True,
        )

    if args.database_up_to and args.size > args.database_up_to:
        BACKENDS.remove("database")
        log("the database backend is not measured at this size (--database-up-to)")
    figures = {"size": args.size, "load": {"before": os.getloadavg()}}
    corpus_started = time.perf_counter()
    build_corpus(args.size, log)
    figures["corpus_seconds"] = time.perf_counter() - corpus_started
    figures["rebuild"] = measure_rebuild(log)
    figures["load"]["rebuilt"] = os.getloadavg()
    figures["queries"] = measure_queries(args, log)
    figures["load"]["queried"] = os.getloadavg()
    figures["publish"] = measure_publish(args, log)
    if args.serve:
        from django.db import connections

        connections.close_all()
        figures["served"] = measure_served(args, env, log)
        figures["load"]["served"] = os.getloadavg()
    Path(args.json).write_text(json.dumps(figures, indent=2))


# The report


def ms(value):
    return "-" if value is None else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def cell(result, key):
    if result is None:
        return "not run"
    if not result.get("n"):
        return "capped (>10 s)" if result and result.get("capped") else "-"
    text = ms(result[key])
    if result.get("capped") and key == "p95":
        text += " (capped)"
    return text


def ratio(whoosh, database, cap_ms, key="p50"):
    if not whoosh or not whoosh.get("n") or not database:
        return "-"
    if not database.get("n"):
        return f"> {cap_ms / whoosh[key]:.0f}×"
    value = database[key] / whoosh[key]
    return f"{value:.0f}×" if value >= 10 else f"{value:.1f}×"


def report(all_figures, args):
    lines = []
    lines.append(
        "| size | query (first 20 results) | Whoosh p50 ms | Whoosh p95 ms "
        "| Whoosh, new search, p50 / p95 ms | Whoosh, cold caches, p50 / p95 ms "
        "| database p50 ms | database p95 ms | database / Whoosh (p50) |"
    )
    lines.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for figures in all_figures:
        for kind, result in figures["queries"].items():
            whoosh, database = result["default"], result.get("database")
            lines.append(
                f"| {figures['size']:,} | {kind} | {cell(whoosh, 'p50')} | "
                f"{cell(whoosh, 'p95')} | {cell(whoosh.get('fresh'), 'p50')} / "
                f"{cell(whoosh.get('fresh'), 'p95')} | {cell(whoosh.get('cold'), 'p50')} / "
                f"{cell(whoosh.get('cold'), 'p95')} | {cell(database, 'p50')} | "
                f"{cell(database, 'p95')} | {ratio(whoosh, database, args.cap * 1000)} |"
            )
    lines.append("")
    lines.append(
        "| size | pages | Whoosh rebuild | database rebuild | Whoosh publish → "
        "found, median | database publish → found, median |"
    )
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for figures in all_figures:
        rebuild, publish = figures["rebuild"], figures["publish"]
        cells = [
            f"{rebuild[name]['seconds']:.1f} s ({rebuild[name]['rate']:.0f} pages/s)"
            if name in rebuild
            else "not run"
            for name in ALL_BACKENDS
        ]
        cells += [
            f"{cell(publish[name], 'p50')} ms" if name in publish else "not run"
            for name in ALL_BACKENDS
        ]
        lines.append(
            f"| {figures['size']:,} | {rebuild['default']['pages']:,} | "
            + " | ".join(cells)
            + " |"
        )
    served = [f for f in all_figures if f.get("served")]
    if served:
        lines.append("")
        lines.append(
            "| size | served by gunicorn (2 workers) | requests/s, middle round "
            "| every round | p50 ms | p95 ms | errors |"
        )
        lines.append("| ---: | --- | ---: | --- | ---: | ---: | ---: |")
        for figures in served:
            for label, result in figures["served"].items():
                every = ", ".join(f"{rps:.0f}" for rps in result.get("rounds_rps", []))
                lines.append(
                    f"| {figures['size']:,} | {label} | {result['rps']:.0f} | {every} | "
                    f"{cell(result, 'p50')} | {cell(result, 'p95')} | {result['errors']} |"
                )
    lines.append("")
    loads = ", ".join(
        f"{f['size']:,}: "
        + " / ".join(f"{value[0]:.1f}" for value in f["load"].values())
        for f in all_figures
    )
    lines.append(
        f"{os.cpu_count()} CPUs; load average (1 min) at each stage, by size: {loads}. "
        f"A database-backend query over {args.cap:.0f} s was interrupted and its "
        'kind not run again at that size ("capped"); "not run": the database '
        "backend was left out at that size (--database-up-to)."
    )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--sizes",
        default="1000,10000,50000",
        help="Corpus sizes in practices, comma-separated (default 1000,10000,50000).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="Fewer runs and a shorter load test: for trying the harness.",
    )
    parser.add_argument("--serve-size", type=int, default=10_000)
    parser.add_argument("--cap", type=float, default=10.0, help="Seconds (default 10).")
    parser.add_argument("--keep", action="store_true", help="Keep the databases.")
    parser.add_argument(
        "--database-up-to",
        type=int,
        default=0,
        help="Measure the database backend only up to this size (default: all).",
    )
    # Internal: one size in a child process.
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.runs = 15 if args.quick else 60
    args.budget = 5.0 if args.quick else 30.0
    args.publishes = 3 if args.quick else 10
    args.serve_seconds = 5 if args.quick else 20
    args.clients = 4

    if args.size:
        run_size(args)
        return

    sizes = [
        int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()
    ]
    OUTPUT.mkdir(exist_ok=True)
    print(f"Load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    all_figures = []
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"search-{size}-", dir=OUTPUT))
        json_path = folder / "figures.json"
        command = [
            sys.executable,
            __file__,
            *sys.argv[1:],
            "--size",
            str(size),
            "--folder",
            str(folder),
            "--json",
            str(json_path),
        ]
        if size == args.serve_size:
            command.append("--serve")
        try:
            subprocess.run(command, check=True, env=child_environment(folder))
            all_figures.append(json.loads(json_path.read_text()))
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    table = report(all_figures, args)
    print()
    print(table)
    path = OUTPUT / "results.md"
    path.write_text(
        f"# Search benchmark, {time.strftime('%Y-%m-%d %H:%M')}\n\n"
        f"`benchmarks/run.py {' '.join(sys.argv[1:])}`\n\n{table}"
    )
    (OUTPUT / "results.json").write_text(json.dumps(all_figures, indent=2))
    print(f"Written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
