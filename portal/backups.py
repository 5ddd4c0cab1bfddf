"""
Backups of the portal's data, and putting one back (`manage.py backup`,
`manage.py restore`).

A backup is a folder named by the UTC time it was taken, such as
`backup-20261123T101500Z/`, readable by its owner only, holding:

- the database: `database.sqlite3`, a copy made with SQLite's online backup
  API, or `database.dump`, PostgreSQL's `pg_dump --format=custom`;
- `media.tar.gz`: every uploaded document and image (MEDIA_ROOT);
- `manifest.json`: when it was taken, the database engine, the migrations
  applied, how many pages, documents, events, registrations and training
  records the database held, and the SHA-256 of each file.

The counts are taken from the same snapshot as the database copy, so a
restore can prove it brought back exactly what was saved. The search index
is not saved: it is built again from the database after a restore
(`manage.py update_index`).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from events.models import EventPage, Registration, TrainingRecord

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
NAME_FORMAT = "backup-%Y%m%dT%H%M%SZ"


class BackupError(Exception):
    """A backup cannot be taken or restored; the message says why."""


def counted_models():
    """Return {label: model} of the records a restore must bring back."""
    return {
        "pages": Page,
        "documents": get_document_model(),
        "images": get_image_model(),
        "events": EventPage,
        "registrations": Registration,
        "training records": TrainingRecord,
        "users": get_user_model(),
    }


def describe_database(cursor):
    """
    Return the counts and applied migrations of the database `cursor` reads.

    Plain SQL, so that it reads a copy (a SQLite file, a PostgreSQL snapshot)
    as well as the live database.
    """
    counts = {}
    for label, model in counted_models().items():
        table = connection.ops.quote_name(model._meta.db_table)
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (a model's table)
        counts[label] = cursor.fetchone()[0]
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations = [f"{app}.{name}" for app, name in cursor.fetchall()]
    return counts, migrations


class SQLiteDatabase:
    """Copies of a SQLite database, through SQLite's online backup API."""

    filename = "database.sqlite3"

    def dump(self, target):
        """Copy the live database to `target`; return its counts and migrations."""
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            # A consistent copy even while the portal goes on writing: SQLite
            # copies the database as it stands at one moment.
            connection.connection.backup(copy)
            return describe_database(copy.cursor())
        finally:
            copy.close()

    def load(self, source, force):
        """Replace the database with the copy at `source`."""
        connection.ensure_connection()
        backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            # The backup API overwrites every page of the target, so
            # whatever it held before (with --force) is gone.
            backup.backup(connection.connection)
        finally:
            backup.close()


class PostgreSQLDatabase:
    """Dumps of a PostgreSQL database, through pg_dump and pg_restore."""

    filename = "database.dump"

    def dump(self, target):
        """Dump the live database to `target`; return its counts and migrations."""
        self.require("pg_dump")
        with transaction.atomic(), connection.cursor() as cursor:
            # pg_dump reads the snapshot of this transaction, so the counts
            # below describe exactly what the dump holds.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            self.run(
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={target}",
            )
            return describe_database(cursor)

    def load(self, source, force):
        """Replace the database with the dump at `source`."""
        self.require("pg_restore")
        if force:
            with transaction.atomic(), connection.cursor() as cursor:
                for table in connection.introspection.table_names(cursor):
                    name = connection.ops.quote_name(table)
                    cursor.execute(f"DROP TABLE IF EXISTS {name} CASCADE")
        connection.close()
        # One transaction: a dump that fails half-way leaves nothing behind.
        # Owners and grants are those of the restoring server's own user.
        self.run(
            "pg_restore",
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        )

    @staticmethod
    def require(program):
        if shutil.which(program) is None:
            raise BackupError(
                f"{program} is not installed. Install PostgreSQL's client "
                "programs (Debian: apt-get install postgresql-client), of the "
                "server's major version or newer."
            )

    @staticmethod
    def run(program, *arguments):
        """Run a PostgreSQL client program against the portal's database."""
        # The password goes through the environment, never the command line
        # that every user of the machine can read.
        _, env = connection.client.settings_to_cmd_args_env(
            connection.settings_dict, []
        )
        env = {**os.environ, **(env or {})}
        for key, variable in (
            ("HOST", "PGHOST"),
            ("PORT", "PGPORT"),
            ("USER", "PGUSER"),
        ):
            if connection.settings_dict.get(key):
                env[variable] = str(connection.settings_dict[key])
        env["PGDATABASE"] = connection.settings_dict["NAME"]
        result = subprocess.run(  # noqa: S603 (fixed programs, no shell)
            [program, *arguments], env=env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise BackupError(f"{program} failed: {result.stderr.strip()}")


ENGINES = {"sqlite": SQLiteDatabase, "postgresql": PostgreSQLDatabase}
DATABASE_FILES = {engine.filename for engine in ENGINES.values()}


def database_engine():
    """Return the engine of the portal's database, or refuse an unknown one."""
    try:
        return connection.vendor, ENGINES[connection.vendor]()
    except KeyError:
        raise BackupError(
            f"Backups work with SQLite and PostgreSQL, not {connection.vendor}."
        ) from None


def media_root():
    """Return MEDIA_ROOT, or None when media are not kept in local files."""
    if not isinstance(default_storage, FileSystemStorage):
        return None
    return Path(settings.MEDIA_ROOT)


def media_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.is_dir() else []


def sha256(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


@dataclass(frozen=True)
class Backup:
    """A backup folder and what its manifest says."""

    path: Path
    manifest: dict

    def summary(self):
        """Return '12 pages, 3 documents, …; 4 media files'."""
        counts = ", ".join(
            f"{number} {label}" for label, number in self.manifest["counts"].items()
        )
        media = self.manifest["media"]
        if media is None:
            return f"{counts}; media are in object storage, not in the backup"
        return f"{counts}; {media['files']} media files"


def take_backup(output_dir, now=None):
    """
    Write a new backup folder in `output_dir` and return it as a Backup.

    The folder is written under a hidden name and renamed when complete, so
    a folder named `backup-…` is always a whole backup.
    """
    vendor, engine = database_engine()
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = output_dir / now.strftime(NAME_FORMAT)
    if path.exists():
        raise BackupError(f"{path} exists already: wait a second and try again.")
    partial = output_dir / f".{path.name}.partial"
    # Backups hold personal data (registrations, names): owner only.
    partial.mkdir(mode=0o700)
    try:
        counts, migrations = engine.dump(partial / engine.filename)
        manifest = {
            "format": FORMAT,
            "created": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "versions": {
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
            },
            "database": {
                "engine": vendor,
                "file": engine.filename,
                "sha256": sha256(partial / engine.filename),
            },
            "media": archive_media(partial / MEDIA_ARCHIVE),
            "counts": counts,
            "migrations": migrations,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        for file in partial.iterdir():
            file.chmod(0o600)
        partial.rename(path)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Backup(path, manifest)


def archive_media(target):
    """Write MEDIA_ROOT to the tar.gz `target`; return the manifest's entry."""
    root = media_root()
    if root is None:
        # Object storage keeps its own versions; there is no folder to save.
        return None
    with tarfile.open(target, "w:gz") as archive:
        for path in sorted(root.iterdir()) if root.is_dir() else []:
            archive.add(path, arcname=path.name)
    return {
        "file": target.name,
        "sha256": sha256(target),
        "files": len(media_files(root)),
    }


def read_backup(path):
    """Return the Backup at `path` once its files are whole, or refuse it."""
    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{path} is not a backup: it has no {MANIFEST}.") from None
    except (OSError, ValueError) as error:
        raise BackupError(f"{path / MANIFEST} cannot be read: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} was written in a format this portal cannot read.")
    missing = {"database", "media", "counts", "migrations"} - manifest.keys()
    if missing:
        raise BackupError(
            f"{path / MANIFEST} is incomplete: it lacks {', '.join(sorted(missing))}."
        )
    try:
        parts = [(manifest["database"], DATABASE_FILES)]
        if manifest["media"] is not None:
            parts.append((manifest["media"], {MEDIA_ARCHIVE}))
        for part, names in parts:
            # Only the names a backup is written with: never a path elsewhere.
            if part["file"] not in names:
                raise BackupError(f"{path / MANIFEST} names an unknown file.")
            file = path / part["file"]
            if not file.is_file():
                raise BackupError(f"The backup is incomplete: {file} is missing.")
            if sha256(file) != part["sha256"]:
                raise BackupError(f"The backup is damaged: {file} has changed since.")
    except (KeyError, TypeError):
        raise BackupError(f"{path / MANIFEST} is incomplete.") from None
    return Backup(path, manifest)


def unknown_migrations(migrations):
    """Return the backup's migrations that this version of the code lacks."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    applied = {tuple(name.split(".", 1)) for name in migrations}
    return sorted(
        f"{app}.{name}"
        for app, name in applied - known
        # Rows left by apps since removed do not matter.
        if app in loader.migrated_apps
    )


def restore_backup(path, force=False):
    """
    Put the backup at `path` back into the database and MEDIA_ROOT.

    Refuses, changing nothing, when the backup is incomplete or damaged, was
    made from another database engine or by a newer version of the portal,
    or when the database or MEDIA_ROOT already hold data and `force` is off.
    Returns the Backup; raises BackupError if the restored database does not
    hold what the manifest counted.
    """
    backup = read_backup(path)
    manifest = backup.manifest
    vendor, engine = database_engine()
    if manifest["database"]["engine"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']['engine']} database; "
            f"this portal uses {vendor}. Restore it into a portal on "
            f"{manifest['database']['engine']}."
        )
    newer = unknown_migrations(manifest["migrations"])
    if newer:
        raise BackupError(
            "This backup was made by a newer version of the portal (it has "
            f"migrations this code does not: {', '.join(newer[:5])}). "
            "Deploy that version first."
        )
    root = media_root()
    if not force:
        if connection.introspection.table_names():
            raise BackupError(
                "The database is not empty. Restore into an empty database "
                "(before running migrate), or add --force to replace "
                "everything it holds."
            )
        if root is not None and media_files(root):
            raise BackupError(
                f"The media folder {root} is not empty. Restore into an empty "
                "one, or add --force to write over it."
            )
    engine.load(backup.path / manifest["database"]["file"], force)
    if manifest["media"] is not None and root is not None:
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(backup.path / manifest["media"]["file"]) as archive:
            # The "data" filter refuses absolute paths, links out of the
            # folder and device files, whatever the archive holds.
            archive.extractall(root, filter="data")
    with connection.cursor() as cursor:
        counts, _ = describe_database(cursor)
    if counts != manifest["counts"]:
        raise BackupError(
            "The restored database does not hold what the backup counted: "
            f"expected {manifest['counts']}, found {counts}."
        )
    return backup
