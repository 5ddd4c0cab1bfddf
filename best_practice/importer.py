"""
Bulk import of practices from CSV or JSON (`manage.py import_practices`).

A file is read and every row validated before anything is written, so a
file with a mistake in it changes nothing unless the caller asks to skip
invalid rows. Rows are matched on `external_id`: importing the same file
again updates the practices it created, never adds them twice.

The file format is described in docs/import-practices.md. Speed matters
(tens of thousands of rows from a national return): names are looked up in
bulk before the rows are read, the pages are written in one transaction, and
the search index is updated once at the end instead of page by page.
"""

import csv
import datetime
import html
import json
import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify

from modelsearch.signal_handlers import post_save_signal_handler
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, PageViewRestriction
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from best_practice.models import (
    Audience,
    BestPracticePage,
    BestPracticePageTag,
    ExploitationType,
    Sector,
    Theme,
    default_next_review,
)
from best_practice.signals import MARKING_GROUPS
from network.models import NetworkPage, OrganisationPage
from portal.audit_log import restriction_log_data

# Every column the format knows, in the order the documentation lists them.
COLUMNS = [
    "external_id",
    "network",
    "title",
    "summary",
    "problem",
    "aim",
    "what_was_done",
    "evaluation",
    "resources",
    "contact_role",
    "contact_email",
    "organisations",
    "partners",
    "outcome",
    "evidence_stage",
    "handling",
    "themes",
    "exploitation_types",
    "sectors",
    "audiences",
    "tags",
    "start_date",
    "end_date",
    "area",
    "last_reviewed",
]
# A file without these columns cannot describe a complete practice. The
# handling marking is required so that nothing becomes public by default.
REQUIRED_COLUMNS = [
    "external_id",
    "network",
    "title",
    "problem",
    "what_was_done",
    "contact_role",
    "contact_email",
    "organisations",
    "handling",
]
TEXT_COLUMNS = ["title", "summary", "contact_role", "contact_email", "area"]
RICH_TEXT_COLUMNS = ["problem", "aim", "what_was_done", "evaluation", "resources"]
DATE_COLUMNS = ["start_date", "end_date", "last_reviewed"]
CHOICE_COLUMNS = {
    "outcome": BestPracticePage.Outcome,
    "evidence_stage": BestPracticePage.EvidenceStage,
    "handling": BestPracticePage.Handling,
}
TAXONOMY_COLUMNS = {
    "themes": Theme,
    "exploitation_types": ExploitationType,
    "sectors": Sector,
    "audiences": Audience,
}
# Model field names that differ from their column.
FIELD_COLUMNS = {"contributing_organisations": "organisations", "__all__": "row"}
LIST_SEPARATOR = ";"
PROGRESS_EVERY = 500
# New pages are inserted this many at a time.
BATCH_SIZE = 500
# Queries with `__in` stay well below SQLite's limit on query parameters.
LOOKUP_CHUNK = 500
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class ImportFileError(Exception):
    """The file cannot be read at all; the message says why, for the user."""


@dataclass
class RowError:
    """One problem with one value of one row."""

    row: int
    field: str
    message: str

    def __str__(self):
        return f"row {self.row}, {self.field}: {self.message}"


@dataclass
class PreparedRow:
    """A valid row: the page with its new values, ready to be saved."""

    row: int
    page: BestPracticePage
    network: NetworkPage
    relations: dict
    tags: list
    is_new: bool


@dataclass
class ImportResult:
    """What an import did: counts, and the errors of rows it did not import."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list = field(default_factory=list)
    imported: bool = False


def read_rows(path, file_format=None):
    """
    Return the rows of the file at `path` as (row number, {column: value}).

    Row numbers are those a spreadsheet shows, the header being row 1; in
    JSON the first practice is row 1. Raise ImportFileError with a message
    for the user if the file cannot be read.
    """
    path = Path(path)
    file_format = (file_format or path.suffix.lstrip(".")).lower()
    if file_format not in ("csv", "json"):
        raise ImportFileError(
            f"{path}: say whether this is CSV or JSON, by ending the file name "
            "in .csv or .json or with --format."
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ImportFileError(f"{path}: there is no such file.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a file.") from None
    except PermissionError:
        raise ImportFileError(f"{path}: permission to read it was refused.") from None
    except OSError as error:
        raise ImportFileError(f"{path} could not be read: {error.strerror}.") from None
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path} is not UTF-8 text (the byte at position {error.start} is "
            "not valid UTF-8). Save it again as UTF-8: in Excel choose "
            "'CSV UTF-8 (Comma delimited)'."
        ) from None
    if file_format == "csv":
        return _read_csv(path, text)
    return _read_json(path, text)


def _read_csv(path, text):
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportFileError(
            f"{path}, line {reader.line_num}: not valid CSV ({error})."
        ) from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise ImportFileError(f"{path} is empty: it has no header row.")
    header = [name.strip().lower() for name in records[0]]
    _check_columns(path, header)
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # Blank lines at the end of a spreadsheet export.
        values = dict(zip(header, cells, strict=False))
        if len(cells) > len(header):
            values["__extra__"] = "yes"
        rows.append((number, values))
    return rows


def _read_json(path, text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path}, line {error.lineno} column {error.colno}: not valid JSON "
            f"({error.msg})."
        ) from None
    if isinstance(data, dict) and isinstance(data.get("practices"), list):
        data = data["practices"]
    if not isinstance(data, list):
        raise ImportFileError(
            f'{path}: expected a list of practices, or {{"practices": [...]}}.'
        )
    columns = set()
    rows = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            rows.append((number, {"__not_an_object__": "yes"}))
            continue
        values = {str(key).strip().lower(): value for key, value in item.items()}
        columns.update(values)
        rows.append((number, values))
    if data:
        _check_columns(path, columns)
    return rows


def _check_columns(path, columns):
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = sorted(name for name in columns if name and name not in COLUMNS)
    problems = []
    if missing:
        problems.append("missing column(s): " + ", ".join(missing))
    if unknown:
        problems.append(
            "unknown column(s): "
            + ", ".join(unknown)
            + " (check the spelling against docs/import-practices.md)"
        )
    if problems:
        raise ImportFileError(f"{path}: " + "; ".join(problems) + ".")


def plain_text_to_html(text):
    """
    Return rich text for plain `text`: paragraphs at blank lines and a
    bulleted list for lines starting "- ". Everything is escaped, since an
    import file is not trusted to carry markup.
    """
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(
                f"<li>{html.escape(line[2:].strip())}</li>" for line in lines
            )
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append(f"<p>{html.escape(' '.join(lines))}</p>")
    return "".join(blocks)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_text(item) for item in value)
    return str(value).strip()


def _list(value):
    if isinstance(value, list):
        items = [_text(item) for item in value]
    else:
        items = _text(value).split(LIST_SEPARATOR)
    seen = []
    for item in (item.strip() for item in items):
        if item and item.lower() not in (known.lower() for known in seen):
            seen.append(item)
    return seen


def parse_date(value):
    """Return the date in `value` (YYYY-MM-DD or DD/MM/YYYY), None if empty."""
    text = _text(value)
    if not text:
        return None
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date: write it as YYYY-MM-DD or DD/MM/YYYY.")


def parse_choice(value, choices):
    """Return the stored value for a choice given by value or label, any case."""
    text = _text(value).lower()
    for choice in choices:
        if text in (choice.value.lower(), choice.label.lower()):
            return choice.value
    allowed = ", ".join(f"{choice.value} ({choice.label})" for choice in choices)
    raise ValueError(f"“{_text(value)}” is not one of: {allowed}.")


class Lookups:
    """
    Every name a file may refer to, read from the database once.

    Networks and organisations are found by slug; taxonomy terms by slug or
    by name, ignoring case.
    """

    def __init__(self):
        self.networks = {}
        self.ambiguous_networks = set()
        for network in NetworkPage.objects.all():
            if network.slug in self.networks:
                self.ambiguous_networks.add(network.slug)
            self.networks[network.slug] = network
        self.organisations = {
            organisation.slug: organisation
            for organisation in OrganisationPage.objects.all()
        }
        self.terms = {}
        for column, model in TAXONOMY_COLUMNS.items():
            terms = {}
            for term in model.objects.all():
                terms[term.slug.lower()] = term
                terms[term.name.lower()] = term
            self.terms[column] = terms


@contextmanager
def deferred_indexing():
    """
    Leave the search index and reference index alone while pages are saved.

    Updating them page by page is most of the cost of an import; the caller
    indexes the imported pages in bulk afterwards.
    """
    post_save.disconnect(post_save_signal_handler, sender=BestPracticePage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(post_save_signal_handler, sender=BestPracticePage)


class PracticeImporter:
    """
    Validate and import the rows of one file.

    `publish` makes imported practices live (a new revision is published for
    a practice that exists already); otherwise they are drafts, and a live
    practice keeps its live version with the import as a draft on top.
    `progress` is called with a line of text every PROGRESS_EVERY rows.
    """

    def __init__(self, publish=False, skip_invalid=False, dry_run=False, progress=None):
        self.publish = publish
        self.skip_invalid = skip_invalid
        self.dry_run = dry_run
        self.progress = progress or (lambda message: None)

    def run(self, path, file_format=None):
        """Import the file at `path` and return an ImportResult."""
        rows = read_rows(path, file_format)
        result = ImportResult(rows=len(rows))
        prepared = self.validate(rows, result)
        if not rows or (result.errors and not self.skip_invalid) or self.dry_run:
            return result
        result.skipped = len(rows) - len(prepared)
        self.save(prepared, result)
        result.imported = True
        return result

    def validate(self, rows, result):
        """Return the valid rows as PreparedRows; add the others' errors to `result`."""
        lookups = Lookups()
        existing = self._existing_pages(rows)
        seen_ids = {}
        prepared = []
        for done, (number, values) in enumerate(rows, start=1):
            errors = []
            row = self._prepare(number, values, lookups, existing, seen_ids, errors)
            if errors:
                result.errors.extend(errors)
            elif row is not None:
                prepared.append(row)
            if done % PROGRESS_EVERY == 0:
                self.progress(f"Checked {done} of {len(rows)} rows…")
        return prepared

    def _existing_pages(self, rows):
        ids = list({_text(values.get("external_id")) for _, values in rows} - {""})
        pages = {}
        for start in range(0, len(ids), LOOKUP_CHUNK):
            for page in BestPracticePage.objects.filter(
                external_id__in=ids[start : start + LOOKUP_CHUNK]
            ):
                pages[page.external_id] = page
        return pages

    def _prepare(self, number, values, lookups, existing, seen_ids, errors):
        def error(column, message):
            errors.append(RowError(number, column, message))

        if "__not_an_object__" in values:
            error("row", "expected an object with one key per column.")
            return None
        if "__extra__" in values:
            error("row", "it has more cells than the header has columns.")

        external_id = _text(values.get("external_id"))
        if not external_id:
            error("external_id", "required: a unique reference for this practice.")
        elif len(external_id) > 100:
            error("external_id", "at most 100 characters.")
        elif external_id in seen_ids:
            error(
                "external_id",
                f"“{external_id}” is used again: row {seen_ids[external_id]} "
                "has it too.",
            )
        else:
            seen_ids[external_id] = number

        network_slug = _text(values.get("network"))
        network = lookups.networks.get(network_slug)
        if not network_slug:
            error("network", "required: the slug of the network it belongs to.")
        elif network is None:
            error("network", f"no network has the slug “{network_slug}”.")
        elif network_slug in lookups.ambiguous_networks:
            error("network", f"several networks have the slug “{network_slug}”.")
            network = None

        page = existing.get(external_id)
        is_new = page is None
        if is_new:
            page = BestPracticePage(external_id=external_id)
            if network is not None:
                # Saves Wagtail a query for the default locale per row.
                page.locale_id = network.locale_id
        elif network is not None and not page.path.startswith(network.path):
            error(
                "network",
                f"practice “{external_id}” is already in another network "
                f"({page.get_parent().title}); move it in the admin instead.",
            )

        for column in TEXT_COLUMNS:
            setattr(page, column, _text(values.get(column)))
        for column in RICH_TEXT_COLUMNS:
            setattr(page, column, plain_text_to_html(_text(values.get(column))))
        for column in DATE_COLUMNS:
            try:
                setattr(page, column, parse_date(values.get(column)))
            except ValueError as problem:
                error(column, str(problem))
        if page.last_reviewed is None:
            page.last_reviewed = timezone.localdate()
        if not is_new:
            # Worked out again from the new review date when saved.
            page.next_review_due = None
        for column, choices in CHOICE_COLUMNS.items():
            text = _text(values.get(column))
            if not text and column != "handling":
                setattr(page, column, BestPracticePage._meta.get_field(column).default)
                continue
            if not text:
                error(column, "required: public, partners or police.")
                continue
            try:
                setattr(page, column, parse_choice(text, choices))
            except ValueError as problem:
                error(column, str(problem))

        relations = {}
        for column, target in (
            ("organisations", "contributing_organisations"),
            ("partners", "partners"),
        ):
            found = []
            for slug in _list(values.get(column)):
                organisation = lookups.organisations.get(slug)
                if organisation is None:
                    error(column, f"no organisation has the slug “{slug}”.")
                else:
                    found.append(organisation)
            relations[target] = found
        if not relations["contributing_organisations"] and not any(
            problem.field == "organisations" for problem in errors
        ):
            error("organisations", "required: at least one organisation's slug.")
        for column in TAXONOMY_COLUMNS:
            found = []
            for name in _list(values.get(column)):
                term = lookups.terms[column].get(name.lower())
                if term is None:
                    error(column, f"“{name}” is not a known term (slug or name).")
                else:
                    found.append(term)
            relations[column] = found
        tags = [tag[:100] for tag in _list(values.get("tags"))]

        try:
            # Uniqueness is the import's own business: external ids are
            # checked above and slugs are made unique when the page is saved.
            page.full_clean(
                exclude=["path", "depth", "slug", "url_path"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as invalid:
            for name, messages in invalid.message_dict.items():
                for message in messages:
                    error(FIELD_COLUMNS.get(name, name), message)

        if errors:
            return None
        return PreparedRow(number, page, network, relations, tags, is_new)

    def save(self, prepared, result):
        """Write the prepared rows in one transaction, then index them."""
        new_rows = [row for row in prepared if row.is_new]
        changed_rows = [row for row in prepared if not row.is_new]
        saved = []
        with transaction.atomic(), deferred_indexing():
            if new_rows:
                saved += NewPracticeWriter(publish=self.publish).write(
                    new_rows, self.progress
                )
                result.created = len(new_rows)
            for done, row in enumerate(changed_rows, start=1):
                saved.append(self._update(row))
                result.updated += 1
                if done % PROGRESS_EVERY == 0:
                    self.progress(
                        f"Updated {done} of {len(changed_rows)} existing practices…"
                    )
        if self.publish:
            self.progress("Updating the search index…")
            update_search_index(saved)
        # Drafts stay out of the index until they are published (Wagtail
        # indexes a page when it is published): readers never search drafts,
        # and indexing 10,000 of them took longer than importing them.

    def _update(self, row):
        """
        Save a new revision of an existing practice, published or as a draft.

        Going through revisions keeps the page's history, and leaves a live
        practice's public version alone until the draft is published.
        """
        page = row.page
        for name, items in row.relations.items():
            setattr(page, name, items)
        page.tags.set(row.tags)
        revision = page.save_revision(clean=False)
        if self.publish:
            revision.publish()
        return page.pk


class NewPracticeWriter:
    """
    Insert new practices in bulk.

    Saving page by page (treebeard's `add_child`, then a revision) costs
    dozens of queries a practice, far too slow for a national return of
    10,000 rows. Here the tree paths are worked out in memory and the pages,
    their relations, tags and view restrictions are inserted a batch at a
    time. New practices get no revision: Wagtail treats a page without one
    as its own latest version, and the first edit in the admin starts the
    history. A published practice is made live directly.
    """

    def __init__(self, publish):
        self.publish = publish
        self.content_type = ContentType.objects.get_for_model(BestPracticePage)
        self.now = timezone.now()
        # One import is one action: its entries share an id, as the entries
        # of one admin request do.
        self.log_uuid = uuid.uuid4()
        self.restriction_groups = {
            marking: Group.objects.get(name=name)
            for marking, name in MARKING_GROUPS.items()
        }

    def write(self, rows, progress):
        """Insert the pages of `rows` and return their ids."""
        self._place_in_tree(rows)
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            self._insert_pages(batch)
            self._insert_relations(batch)
            self._insert_tags(batch)
            self._insert_restrictions(batch)
            self._insert_log_entries(batch)
            done = start + len(batch)
            if done % PROGRESS_EVERY == 0 or done == len(rows):
                progress(f"Imported {done} of {len(rows)} new practices…")
        return [row.page.pk for row in rows]

    def _place_in_tree(self, rows):
        """Give every new page its tree path, depth, slug and URL path."""
        by_network = {}
        for row in rows:
            by_network.setdefault(row.network.pk, []).append(row)
        for network_rows in by_network.values():
            network = Page.objects.get(pk=network_rows[0].network.pk)
            taken = set(Page.objects.child_of(network).values_list("slug", flat=True))
            last_child = network.get_last_child()
            position = last_child._get_lastpos_in_path() if last_child else 0
            for row in network_rows:
                page = row.page
                position += 1
                page.path = Page._get_path(network.path, network.depth + 1, position)
                page.depth = network.depth + 1
                page.numchild = 0
                page.slug = _unique_slug(taken, page.title, page.external_id)
                page.url_path = f"{network.url_path}{page.slug}/"
                page.draft_title = page.title
                page.locale_id = network.locale_id
                page.content_type = self.content_type
                page.live = self.publish
                page.has_unpublished_changes = not self.publish
                if self.publish:
                    page.first_published_at = page.last_published_at = self.now
                if not page.next_review_due:
                    page.next_review_due = default_next_review(page.last_reviewed)
            Page.objects.filter(pk=network.pk).update(
                numchild=F("numchild") + len(network_rows)
            )

    def _insert_pages(self, batch):
        # Django cannot bulk-insert a page type (a model inheriting from
        # Page), so the Page rows go in as one batch and the practice rows,
        # which then know their ids, one at a time with `raw` saves.
        page_fields = [
            field.attname
            for field in Page._meta.concrete_fields
            if not field.primary_key
        ]
        base_pages = Page.objects.bulk_create(
            [
                Page(**{name: getattr(row.page, name) for name in page_fields})
                for row in batch
            ]
        )
        for row, base_page in zip(batch, base_pages, strict=True):
            row.page.id = row.page.page_ptr_id = base_page.pk
            row.page.save_base(raw=True, force_insert=True)

    def _insert_relations(self, batch):
        for name in (
            "contributing_organisations",
            "partners",
            "themes",
            "exploitation_types",
            "sectors",
            "audiences",
        ):
            relation = BestPracticePage._meta.get_field(name)
            through = relation.remote_field.through
            source = relation.m2m_field_name()
            target = relation.m2m_reverse_field_name()
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": row.page.pk, f"{target}_id": item.pk})
                    for row in batch
                    for item in row.relations[name]
                ]
            )

    def _insert_tags(self, batch):
        names = {tag.lower(): tag for row in batch for tag in row.tags}
        if not names:
            return
        tags = {
            tag.name.lower(): tag
            for tag in Tag.objects.annotate(lower_name=Lower("name")).filter(
                lower_name__in=list(names)
            )
        }
        for lower_name, name in names.items():
            if lower_name not in tags:
                tags[lower_name] = Tag.objects.create(name=name)
        BestPracticePageTag.objects.bulk_create(
            [
                BestPracticePageTag(
                    content_object_id=row.page.pk, tag_id=tags[tag.lower()].pk
                )
                for row in batch
                for tag in row.tags
            ]
        )

    def _insert_restrictions(self, batch):
        """Restrict partners-only and police-only practices to their group."""
        marked = [row for row in batch if row.page.handling in MARKING_GROUPS]
        restrictions = PageViewRestriction.objects.bulk_create(
            [
                PageViewRestriction(
                    page_id=row.page.pk, restriction_type=PageViewRestriction.GROUPS
                )
                for row in marked
            ]
        )
        through = PageViewRestriction.groups.through
        through.objects.bulk_create(
            [
                through(
                    pageviewrestriction_id=restriction.pk,
                    group_id=self.restriction_groups[row.page.handling].pk,
                )
                for row, restriction in zip(marked, restrictions, strict=True)
            ]
        )

    def _insert_log_entries(self, batch):
        """
        Write the audit log entries that saving page by page would have made.

        The bulk inserts above bypass Page.save() and PageViewRestriction.save(),
        which log. Without these entries a practice could be published, or
        made partners- or police-only, and the site history not show it. An
        import is run from the command line, by no user of the portal.
        """
        entries = []
        for row in batch:
            actions = ["wagtail.create"]
            if self.publish:
                actions.append("wagtail.publish")
            for action in actions:
                entries.append(self._log_entry(row.page, action, content_changed=True))
            if row.page.handling in MARKING_GROUPS:
                entries.append(
                    self._log_entry(
                        row.page,
                        "wagtail.view_restriction.create",
                        data=restriction_log_data(PageViewRestriction.GROUPS),
                    )
                )
        PageLogEntry.objects.bulk_create(entries)

    def _log_entry(self, page, action, **fields):
        return PageLogEntry(
            content_type=self.content_type,
            page_id=page.pk,
            label=page.title,
            action=action,
            timestamp=self.now,
            uuid=self.log_uuid,
            **fields,
        )


def _unique_slug(taken, title, fallback):
    """Return a slug made from `title` that is not in `taken`, and take it."""
    base = (slugify(title) or slugify(fallback) or "practice")[:200]
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    taken.add(slug)
    return slug


def update_search_index(page_ids):
    """
    Add or refresh the pages with `page_ids` in every search backend.

    A batch at a time: one call per page is the slow path this avoids, but
    one call for 10,000 pages was slower still with the Whoosh backend,
    which then holds a single growing segment in memory.
    """
    backends = list(get_search_backends())
    for start in range(0, len(page_ids), LOOKUP_CHUNK):
        # get_indexed_objects() prefetches what the search fields read.
        pages = list(
            BestPracticePage.get_indexed_objects().filter(
                pk__in=page_ids[start : start + LOOKUP_CHUNK]
            )
        )
        for backend in backends:
            backend.add_bulk(BestPracticePage, pages)
