"""
The restore drill: back up the demo portal, restore it into an empty
environment, migrate, rebuild the search index, and find the same records,
files and search results. Runs on SQLite and on PostgreSQL alike.
"""

import io
import json
import re
import subprocess
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from events.models import EventPage, Registration, TrainingRecord
from search.models import GlossaryTerm
from search.queries import parse
from search.site_search import searchable_pages
from tests.portal.environments import postgres_url, production_environment

# Searches of the demo, glossary expansions among them ("NRM").
SEARCHES = [
    "NRM",
    "labour exploitation",
    "county lines",
    "referral pathway",
    "car wash",
    "training",
]
DOCUMENT_BYTES = b"Referral checklist: call the single competent authority.\n"


def survey():
    """Return the counts and search results that a restore must bring back."""
    request = RequestFactory().get("/search/")
    request.user = AnonymousUser()
    glossary = list(GlossaryTerm.objects.all())
    pages = searchable_pages(request).specific()
    return {
        "counts": {
            "pages": Page.objects.count(),
            "live pages": Page.objects.live().count(),
            "documents": get_document_model().objects.count(),
            "events": EventPage.objects.count(),
            "registrations": Registration.objects.count(),
            "training records": TrainingRecord.objects.count(),
        },
        "searches": {
            words: [page.title for page in pages.search(parse(words, glossary).query)]
            for words in SEARCHES
        },
    }


def print_survey():
    """Print survey() as JSON: run by the restored portal, in its own process."""
    sys.stdout.write(json.dumps(survey()) + "\n")


class Environment:
    """A second portal on this machine: its own database, media and index."""

    def __init__(self, folder, database_url):
        folder.mkdir()
        self.media = folder / "media"
        self.env = production_environment(
            ALLOWED_HOSTS="testserver",
            DATABASE_URL=database_url,
            PORTAL_VAR_DIR=folder,
        )

    def manage(self, *arguments):
        """Run manage.py in this environment; return the finished process."""
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )

    def must(self, *arguments):
        result = self.manage(*arguments)
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture
def empty_database_url(transactional_db, tmp_path):
    """The address of an empty database beside the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        cursor.execute(f"CREATE DATABASE {quoted}")
    try:
        yield postgres_url(name)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


@pytest.fixture
def live_portal(transactional_db, settings, tmp_path):
    """The demo portal with an uploaded document and a built search index."""
    settings.MEDIA_ROOT = str(tmp_path / "live-media")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(tmp_path / "live-index"),
            "LANGUAGE": "en",
            "AUTO_UPDATE": False,
        }
    }
    # Builds the index at the end, as `make run` does.
    call_command("load_demo", stdout=io.StringIO())
    return get_document_model().objects.create(
        title="Referral checklist",
        file=ContentFile(DOCUMENT_BYTES, name="referral-checklist.txt"),
    )


def test_a_backup_restores_into_an_empty_environment(
    live_portal, empty_database_url, tmp_path
):
    before = survey()
    assert all(before["counts"].values()), before["counts"]
    assert all(before["searches"].values()), before["searches"]

    call_command("backup", output_dir=tmp_path / "backups", stdout=io.StringIO())
    (backup,) = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"backup-\d{8}T\d{6}Z", backup.name)
    assert sorted(path.name for path in backup.iterdir()) == sorted(
        [
            "manifest.json",
            "media.tar.gz",
            "database.sqlite3" if connection.vendor == "sqlite" else "database.dump",
        ]
    )
    assert backup.stat().st_mode & 0o077 == 0

    restored = Environment(tmp_path / "restored", empty_database_url)
    output = restored.must("restore", str(backup))
    assert f"{before['counts']['registrations']} registrations" in output
    restored.must("migrate", "--noinput")
    restored.must("update_index")
    after = json.loads(
        restored.must(
            "shell", "-c", "from tests.portal.test_backup import print_survey as p; p()"
        ).splitlines()[-1]
    )
    assert after == before
    assert (restored.media / live_portal.file.name).read_bytes() == DOCUMENT_BYTES

    # Over a portal that holds data, only when forced.
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(backup))
    assert survey() == before
    restored.must("restore", "--force", str(backup))


def test_a_damaged_backup_is_refused_before_anything_changes(
    transactional_db, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (backup,) = tmp_path.glob("backup-*")
    with open(backup / "media.tar.gz", "ab") as archive:
        archive.write(b"tampered")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="The backup is damaged"):
        call_command("restore", str(backup), force=True)
    assert Page.objects.count() == pages


def test_restore_refuses_a_folder_that_is_not_a_backup(transactional_db, tmp_path):
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(tmp_path))


def test_a_backup_from_a_newer_portal_is_refused(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (backup,) = tmp_path.glob("backup-*")
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["migrations"].append("events.9999_from_a_later_release")
    (backup / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="newer version of the portal"):
        call_command("restore", str(backup), force=True)
