"""
The Whoosh search backend under several real processes.

These tests share one SQLite database file and one index folder, used by
child processes started with ``python -c``: concurrent publishing, and a
rebuild killed with SIGKILL.
"""

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import pytest

PREAMBLE = """
import json, os, sys, time
import django
django.setup()
from django.test.utils import override_settings
override_settings(WAGTAILSEARCH_BACKENDS={"default": {
    "BACKEND": "search.backends.whoosh",
    "PATH": os.environ["TEST_SEARCH_INDEX"],
    "LOCK_TIMEOUT": 30,
}}).enable()
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from portal.models import StandardPage
"""

SETUP = """
call_command("migrate", verbosity=0)
from portal.demo import remove_welcome_page
from portal.factories import HomePageFactory, StandardPageFactory
remove_welcome_page()
home = HomePageFactory(parent=Page.get_first_root_node())
for number in range(4):
    StandardPageFactory(parent=home, title=f"Worker page {number}", slug=f"worker-{number}")
call_command("update_index", verbosity=0)
"""

PUBLISHER = """
page = StandardPage.objects.get(slug=sys.argv[1])
for _ in range(int(sys.argv[2])):
    page.save_revision().publish()
    page.refresh_from_db()
    page.unpublish()
    page.refresh_from_db()
if sys.argv[3] == "publish":
    page.save_revision().publish()
print("done")
"""

INDEXER = """
# Index writes only, no database writes, so that the processes contend for
# the index's write lock rather than queueing on SQLite's.
backend = get_search_backend()
pages = list(StandardPage.objects.all())
mine = StandardPage.objects.get(slug=sys.argv[1])
for _ in range(int(sys.argv[2])):
    backend.delete(mine)
    backend.add_bulk(StandardPage, pages)
print("done")
"""

REPORT = """
from whoosh import query
backend = get_search_backend()
store = backend.get_index_for_model(Page).store
with store.searcher() as searcher:
    def pks(q):
        return sorted(int(searcher.stored_fields(n)["pk"]) for n in searcher.docs_for_query(q))
    report = {
        "index_all": pks(query.Every()),
        "index_live": pks(query.Term("live__s", "true")),
    }
report["db_all"] = sorted(Page.objects.values_list("pk", flat=True))
report["db_live"] = sorted(Page.objects.live().values_list("pk", flat=True))
report["found"] = sorted(p.title for p in Page.objects.live().search("worker"))
report["pointer"] = open(store.pointer_path).read()
print(json.dumps(report))
"""

KILLED_REBUILD = """
from search.backends.whoosh import WhooshSearchRebuilder
rebuilder = WhooshSearchRebuilder(get_search_backend().get_index_for_model(Page))
index = rebuilder.start()
index.add_items(StandardPage, StandardPage.objects.all())
print(index.bulk_folder, flush=True)
time.sleep(120)
"""


@dataclass
class Site:
    folder: Path
    index: Path

    def environment(self):
        database = self.folder / "portal.sqlite3"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "PORTAL_VAR_DIR": str(self.folder),
            # IMMEDIATE transactions make concurrent SQLite writers wait
            # for each other instead of failing with "database is locked".
            "DATABASE_URL": f"sqlite:///{database}?timeout=60&transaction_mode=IMMEDIATE",
            "TEST_SEARCH_INDEX": str(self.index),
        }

    def start(self, code, *args):
        return subprocess.Popen(
            [sys.executable, "-c", PREAMBLE + code, *args],
            cwd=settings.BASE_DIR,
            env=self.environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self, code, *args):
        process = self.start(code, *args)
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        return out, err

    def report(self):
        out, _ = self.run(REPORT)
        return json.loads(out)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated SQLite file with a home page and four pages, indexed."""
    folder = tmp_path_factory.mktemp("site")
    site = Site(folder=folder, index=folder / "search-index")
    site.run(SETUP)
    return site


def test_four_processes_publishing_concurrently(site):
    publishers = [
        site.start(PUBLISHER, f"worker-{n}", "50", "publish" if n % 2 else "stay")
        for n in range(4)
    ]
    for publisher in publishers:
        out, err = publisher.communicate(timeout=600)
        assert publisher.returncode == 0, err
        assert out.strip() == "done"
        # Index errors are logged, never raised: the log must be clean.
        assert "Traceback" not in err, err
        assert "search index" not in err, err

    report = site.report()
    assert report["index_all"] == report["db_all"]
    assert report["index_live"] == report["db_live"]
    assert report["found"] == ["Worker page 1", "Worker page 3"]


def test_four_processes_writing_to_the_index_at_once(site):
    indexers = [site.start(INDEXER, f"worker-{n}", "50") for n in range(4)]
    for indexer in indexers:
        out, err = indexer.communicate(timeout=600)
        assert indexer.returncode == 0, err
        assert out.strip() == "done"
        assert "Traceback" not in err, err
        assert "search index" not in err, err
    report = site.report()
    assert report["index_all"] == report["db_all"]
    assert report["index_live"] == report["db_live"]


def test_rebuild_killed_with_sigkill_leaves_the_previous_index(site):
    before = site.report()
    rebuild = site.start(KILLED_REBUILD)
    abandoned = Path(rebuild.stdout.readline().strip())
    assert abandoned.is_dir()
    os.kill(rebuild.pid, signal.SIGKILL)
    rebuild.communicate(timeout=60)

    after = site.report()
    assert after["pointer"] == before["pointer"]
    assert after["found"] == before["found"]
    assert after["index_all"] == after["db_all"]

    # The next rebuild is not blocked by the dead one and clears its folder.
    site.run('call_command("update_index", verbosity=0)')
    assert not abandoned.exists()
    rebuilt = site.report()
    assert rebuilt["pointer"] != before["pointer"]
    assert rebuilt["found"] == before["found"]
