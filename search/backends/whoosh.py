"""
A django-modelsearch (Wagtail) search backend that keeps its index on local
disk with Whoosh.

Configure it in ``WAGTAILSEARCH_BACKENDS`` (or ``MODELSEARCH_BACKENDS``)::

    "default": {
        "BACKEND": "search.backends.whoosh",
        "PATH": "/var/lib/portal/search-index",
        "LANGUAGE": "en",
    }

Each root model (``wagtailcore.Page``, ``wagtailimages.Image``, ...) gets its
own Whoosh index. On disk, ``PATH`` holds for every index:

* ``<name>.<generation>/``: one complete Whoosh index (a "generation");
* ``<name>.current``: a pointer file naming the live generation. A rebuild
  writes a new generation beside the live one and replaces this file with
  ``os.replace()``, so readers see either the old or the new index, never a
  half-built one;
* ``<name>.journal``: present only while a rebuild runs; live updates made
  meanwhile are recorded in it and replayed into the new generation before the
  swap;
* ``<name>.lock`` and ``<name>.rebuild``: lock files.

Searches that cannot read the index raise :class:`SearchIndexUnavailable`;
updates that cannot be written are logged and dropped, so saving a page never
fails because of the index. See docs/search-backend.md.
"""

import bisect
import contextvars
import datetime
import functools
import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, OrderBy, Subquery, prefetch_related_objects
from django.db.models.fields.related import RelatedField
from django.db.models.functions.datetime import Extract
from django.db.models.lookups import Lookup
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE
from django.utils.crypto import get_random_string
from django.utils.encoding import force_str

from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterError,
    FilterFieldError,
    OrderByFieldError,
    SearchFieldError,
    get_model_root,
)
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    RelatedFields,
    SearchField,
    class_is_indexed,
    get_indexed_models,
)
from modelsearch.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)

import numpy
from whoosh import columns
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    NgramFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.analysis.tokenizers import default_pattern as _WORDS
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, _lenfield
from whoosh.fields import COLUMN, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.lang import has_stemmer, has_stopwords
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet
from whoosh.support.charset import accent_map
from whoosh.util.filelock import try_for
from whoosh.util.numeric import byte_to_length
from whoosh.writing import MERGE_SMALL

try:
    from taggit.managers import TaggableManager
except ImportError:  # taggit is optional
    TaggableManager = None

logger = logging.getLogger(__name__)

#: Name of the Whoosh index inside each generation folder.
INDEX_NAME = "MAIN"
#: Longest prefix indexed for autocomplete; longer query words are cut to it.
AUTOCOMPLETE_MAX_GRAM = 20
#: Up to this many matches, results ordered by a field are sorted by the
#: database (one ``pk IN (...)`` query); beyond it, by Whoosh.
DATABASE_SORT_LIMIT = 20000

DEFAULTS = {
    "PATH": None,
    "LANGUAGE": "en",
    "LOCK_TIMEOUT": 10.0,
    "MAX_QUERY_LENGTH": 256,
    "MAX_QUERY_TERMS": 32,
    "WRITER_MEMORY_MB": 256,
    # Processes that analyse and write documents during a rebuild; by default
    # one per CPU, at most four (the database side is read by one).
    "REBUILD_PROCESSES": min(os.cpu_count() or 1, 4),
}
# Options read by modelsearch itself; accepted here so that a typo in any
# other key is reported instead of silently ignored.
PASSTHROUGH_OPTIONS = {"AUTO_UPDATE", "ATOMIC_REBUILD"}


class SearchIndexUnavailable(Exception):
    """
    The search index is missing, locked, or unreadable.

    Raised by searches (never by updates) so that a search view can catch it
    and tell the user that search is temporarily unavailable rather than
    answer with a server error. The cause is logged when this is raised.
    """


# Sentinels used while translating queries and filters. They stand for "every
# document", "no document" and "ask the database", which have no efficient
# Whoosh equivalent that survives Whoosh's own query normalisation.
class _Sentinel:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<{self.name}>"


_ALL = _Sentinel("match all")
_NONE = _Sentinel("match none")
_DATABASE = _Sentinel("filter in the database")
_UNSET = _Sentinel("not worked out yet")


# Values


class _Kind:
    """How one type of filter value is stored and read back."""

    def __init__(self, suffix, encode, decode):
        self.suffix = suffix
        self.encode = encode
        self.decode = decode


def _to_utc_naive(value):
    # Stored datetimes must compare as strings, so every one is normalised to
    # naive UTC with a fixed width.
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    if value.tzinfo is not None:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def _from_utc_naive(text):
    value = datetime.datetime.fromisoformat(text)
    if settings.USE_TZ:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def _encode_date(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.isoformat()


def _encode_time(value):
    if isinstance(value, str):
        value = datetime.time.fromisoformat(value)
    return value.replace(tzinfo=None).isoformat(timespec="microseconds")


_KINDS = {
    "int": _Kind("__i", int, int),
    "float": _Kind("__n", float, float),
    "str": _Kind("__s", force_str, str),
    "bool": _Kind("__s", lambda v: "true" if v else "false", lambda v: v == "true"),
    "date": _Kind("__s", _encode_date, datetime.date.fromisoformat),
    "datetime": _Kind("__s", _to_utc_naive, _from_utc_naive),
    "time": _Kind("__s", _encode_time, datetime.time.fromisoformat),
    "uuid": _Kind("__s", lambda v: str(uuid.UUID(str(v))), uuid.UUID),
}
_KIND_BY_INTERNAL_TYPE = {
    "AutoField": "int",
    "BigAutoField": "int",
    "SmallAutoField": "int",
    "IntegerField": "int",
    "BigIntegerField": "int",
    "SmallIntegerField": "int",
    "PositiveIntegerField": "int",
    "PositiveSmallIntegerField": "int",
    "PositiveBigIntegerField": "int",
    "FloatField": "float",
    "DecimalField": "float",
    "BooleanField": "bool",
    "NullBooleanField": "bool",
    "DateField": "date",
    "DateTimeField": "datetime",
    "TimeField": "time",
    "UUIDField": "uuid",
}


def _kind_for(model, field):
    return _KINDS[_KIND_BY_INTERNAL_TYPE.get(field.get_type(model), "str")]


def _text(value):
    """Flatten a search field's value (string, list, dict, ...) into text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple, set)):
        return " ".join(filter(None, (_text(item) for item in value)))
    return force_str(value)


def _filter_values(value):
    """Return the list of plain values a filter field holds for one object."""
    if value is None:
        return []
    if isinstance(value, (models.Manager, models.QuerySet)):
        value = list(value.all())
    if isinstance(value, models.Model):
        return [value.pk]
    if isinstance(value, (list, tuple, set)):
        # In a fixed order, whatever order the database gave them in, so that
        # a document (and its digest) is the same however it was loaded.
        return sorted(
            (item.pk if isinstance(item, models.Model) else item for item in value),
            key=_pk_sort_key,
        )
    return [value]


def _related_objects(value):
    if value is None:
        return []
    if isinstance(value, (models.Manager, models.QuerySet)):
        value = list(value.all())
    elif callable(value):
        value = value()
    if isinstance(value, (list, tuple, set)):
        # By primary key, as _filter_values() orders values.
        return sorted(value, key=lambda obj: _pk_sort_key(getattr(obj, "pk", obj)))
    return [value]


def _pk_sort_key(pk):
    # Primary keys are stored as strings; integers are zero-padded (and
    # shifted so negative ones sort too) to make string order numeric order.
    if isinstance(pk, int):
        return f"{pk + 2**63:020d}".encode()
    return str(pk).encode()


# Schema and field names


class _TextAnalyzer(Analyzer):
    """
    The analyser of full-text columns: exactly what ``_text_analyzer()``'s
    chain yields, in one pass.

    Whoosh runs every word through a generator per filter (tokenise,
    lowercase, stop words, stem, fold accents), which was most of the cost of
    indexing a page. A word's term depends on the word alone, so the chain's
    answer for each distinct word is remembered and the text is only split
    here; positions are numbered as the stop filter numbers them.
    """

    def __init__(self, language):
        self.language = language
        self._chain = _text_analyzer(language)
        self._terms = {}

    def __getstate__(self):
        # The schema is pickled into the index: keep the remembered words out.
        return {"language": self.language}

    def __setstate__(self, state):
        self.__init__(state["language"])

    def __eq__(self, other):
        return type(other) is type(self) and other.language == self.language

    def __hash__(self):
        return hash((type(self), self.language))

    def _term(self, word, mode):
        key = (word, mode)
        try:
            return self._terms[key]
        except KeyError:
            pass
        # The chain yields the word's one term, or nothing for a stop word.
        term = next((t.text for t in self._chain(word, mode=mode)), None)
        if len(self._terms) > 500_000:
            self._terms.clear()
        self._terms[key] = term
        return term

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        if chars or keeporiginal or not removestops or not tokenize:
            # Uses nobody makes of a full-text column: the chain itself.
            yield from self._chain(
                value,
                positions=positions,
                chars=chars,
                keeporiginal=keeporiginal,
                removestops=removestops,
                start_pos=start_pos,
                start_char=start_char,
                tokenize=tokenize,
                mode=mode,
                **kwargs,
            )
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        term_of = self._term
        pos = None
        for number, match in enumerate(_WORDS.finditer(value)):
            term = term_of(match.group(0), mode)
            if term is None:
                continue  # A stop word.
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                # Numbered as StopFilter renumbers: the first word kept keeps
                # its place, the next ones follow on.
                pos = start_pos + number if pos is None else pos + 1
                token.pos = pos
            yield token


def _text_analyzer(language):
    chain = RegexTokenizer() | LowercaseFilter()
    if language:
        # minsize=1 keeps one-letter words ("C", "5") that are not stop words.
        if has_stopwords(language):
            chain = chain | StopFilter(lang=language, minsize=1)
        # An unbounded stem cache: a plain dict, much faster than Whoosh's
        # LRU, and a site's vocabulary fits in memory.
        chain = chain | StemFilter(lang=language, cachesize=-1)
    # Folding accents after stemming lets "café" find "cafe" without feeding
    # the stemmer words it does not know.
    return chain | CharsetFilter(accent_map)


def build_schema(language):
    """
    Return the Whoosh schema shared by every index.

    Field names are generated from ``search_fields`` (see ``_column()``) and
    matched by suffix, so the schema never needs to change when a model gains
    or loses a field: ``*__t`` full text, ``*__ac`` autocomplete prefixes,
    ``*__s`` / ``*__i`` / ``*__n`` string, integer and float filter values.
    """
    autocomplete_analyzer = (
        RegexTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | NgramFilter(minsize=1, maxsize=AUTOCOMPLETE_MAX_GRAM, at="start")
    )
    schema = Schema(
        # Only the primary key is stored: results are loaded from the database.
        pk=ID(stored=True, unique=True, sortable=True),
        # A sort key only: a column, with nothing in the inverted index.
        pksort=COLUMN(columns.VarBytesColumn()),
        ct=ID(),
        nulls=ID(),
        # A fingerprint of the document, so that saving an object whose
        # indexed content has not changed writes nothing (see _digest()).
        digest=STORED(),
    )
    schema.add("*__t", TEXT(analyzer=_TextAnalyzer(language), phrase=True), glob=True)
    schema.add("*__ac", TEXT(analyzer=autocomplete_analyzer, phrase=False), glob=True)
    schema.add("*__s", ID(sortable=True), glob=True)
    # shift_step=0 indexes one term per number instead of sixteen: ranges then
    # walk the distinct values present, which are few for the fields filtered
    # on (depth, content type, ...), and indexing is much faster.
    numeric = {"bits": 64, "signed": True, "sortable": True, "shift_step": 0}
    schema.add("*__i", NUMERIC(int, **numeric), glob=True)
    schema.add("*__n", NUMERIC(float, **numeric), glob=True)
    return schema


def _codec():
    """
    Return the Whoosh codec used by every writer.

    Posting blocks are left uncompressed (faster to write and to read, for a
    larger index), and per-block length statistics are skipped: they only
    tighten the score bounds used to skip blocks, and reading them back costs
    a lookup for every posting at commit time.
    """
    codec = W3Codec(compression=0)
    codec.length_stats = False
    return codec


def _column(model, field):
    """
    Return the index column name (without type suffix) of a top-level
    ``search_fields`` entry. Fields defined on a subclass of the root model
    are prefixed with that subclass's label, so two page types may use the
    same field name with different types.
    """
    root = get_model_root(model)
    definition = field.get_definition_model(model)
    if isinstance(field, RelatedFields):
        name = field.field_name
    else:
        name = field.get_attname(model)
    if definition is not None and definition is not root:
        name = f"{definition._meta.app_label}_{definition._meta.model_name}__{name}"
    # Whoosh ignores fields whose names start with an underscore.
    return "u" + name if name.startswith("_") else name


def _content_types(model):
    labels = []
    while model is not None:
        labels.append(model._meta.label_lower)
        model = model.indexed_get_parent()
    return labels


@functools.cache
def _text_columns(model, suffix):
    """
    Return ``[(column, boost), ...]`` for every text column (``suffix``
    ``"__t"``) or autocomplete column (``"__ac"``) that documents of ``model``
    or its subclasses may have.
    """
    wanted = SearchField if suffix == "__t" else AutocompleteField
    columns = {}

    def collect(fields, base):
        for field in fields:
            if isinstance(field, RelatedFields):
                collect(field.fields, f"{base}__{field.field_name}")
            elif isinstance(field, wanted):
                boost = float(getattr(field, "boost", None) or 1.0)
                column = f"{base}__{field.field_name}{suffix}"
                columns[column] = max(boost, columns.get(column, 0.0))

    for indexed_model in get_indexed_models():
        if not issubclass(indexed_model, model):
            continue
        for field in indexed_model.get_search_fields():
            if isinstance(field, RelatedFields):
                collect(field.fields, _column(indexed_model, field))
            elif isinstance(field, wanted):
                boost = float(getattr(field, "boost", None) or 1.0)
                column = _column(indexed_model, field) + suffix
                columns[column] = max(boost, columns.get(column, 0.0))
    return sorted(columns.items())


@functools.cache
def _prefetch_lookups(model):
    """
    Return the ``prefetch_related()`` lookups that load, in a few queries per
    batch, every related object ``_document()`` reads for ``model``.

    modelsearch's ``get_indexed_objects()`` prefetches plain many-to-many
    relations only: relations kept by modelcluster (``ParentalManyToManyField``,
    ``ClusterTaggableManager``) were read with a query per object, and each
    tag with one more, which made a rebuild spend most of its time in the
    database.
    """
    lookups = []
    for field in model.get_search_fields():
        if not isinstance(field, (RelatedFields, FilterField)):
            continue
        try:
            relation = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue  # A method or property: nothing to prefetch.
        if not relation.is_relation:
            continue
        if isinstance(field, FilterField) and not relation.many_to_many:
            continue  # A foreign key's value is its id, already loaded.
        if field.field_name not in lookups:
            lookups.append(field.field_name)
        through = getattr(getattr(relation, "remote_field", None), "through", None)
        if isinstance(field, FilterField) and through is not None:
            # A filter reads the value with value_from_object(), which for
            # modelcluster's tag manager goes through the tagged items (to
            # see unsaved changes) rather than the prefetched relation.
            # (Plain taggit reads them with a query of its own, and its
            # generic content_object has no accessor to prefetch.)
            try:
                content_object = through._meta.get_field("content_object")
                tag = through._meta.get_field("tag")
            except FieldDoesNotExist:
                continue
            remote = getattr(content_object, "remote_field", None)
            if remote is None or not tag.is_relation:
                continue
            lookup = f"{remote.get_accessor_name()}__tag"
            if lookup not in lookups:
                lookups.append(lookup)
    return lookups


def _prefetch(model, items):
    """Prefetch what indexing ``items`` reads; fall back to lazy loading."""
    if len(items) < 2:
        return
    lookups = []
    try:
        lookups = _prefetch_lookups(model)
        if lookups:
            prefetch_related_objects(items, *lookups)
    except (AttributeError, ValueError, TypeError, FieldDoesNotExist):
        logger.debug("Could not prefetch %s for indexing", lookups, exc_info=True)


@functools.cache
def _value_getter(model, field):
    """
    Return a function reading ``field``'s value from an object of ``model``.

    This does what ``field.get_value()`` does, deciding once per model and
    field instead of for every object (looking the field up, and asking
    Django's app registry whether taggit is installed): that was a third of
    the cost of building a document.
    """
    try:
        django_field = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:
        return field.get_value
    value_from_object = django_field.value_from_object
    if TaggableManager is not None and isinstance(django_field, TaggableManager):
        return value_from_object
    if django_field.many_to_many and not isinstance(field, SearchField):
        # modelcluster's many-to-many manager does not read what
        # prefetch_related() loaded (_prefetch() below): a query per object
        # and relation, four per practice, most of a rebuild's database time.
        def related(obj, name=django_field.name):
            prefetched = getattr(obj, "_prefetched_objects_cache", {}).get(name)
            return (
                list(prefetched) if prefetched is not None else value_from_object(obj)
            )

        return related
    searchable = getattr(django_field, "get_searchable_content", None)
    if searchable is None and isinstance(django_field, RelatedField):
        remote = django_field
        while isinstance(remote, RelatedField):
            remote = remote.target_field
        searchable = getattr(remote, "get_searchable_content", None)
    if searchable is None:
        return value_from_object
    return lambda obj: searchable(value_from_object(obj))


@functools.cache
def _document_plan(model, search_fields):
    """
    Return how to build ``model``'s documents: ``(what, column, getter,
    kind or nested fields)`` for each of its ``search_fields``. Cached for
    as long as the model's ``search_fields`` stay the same.
    """
    plan = []
    for field in model.get_search_fields():
        column = _column(model, field)
        if isinstance(field, FilterField):
            kind = _kind_for(model, field)
            plan.append(
                ("filter", column + kind.suffix, _value_getter(model, field), kind)
            )
        elif isinstance(field, SearchField):
            plan.append(("text", column + "__t", _value_getter(model, field), None))
        elif isinstance(field, AutocompleteField):
            plan.append(("text", column + "__ac", _value_getter(model, field), None))
        elif isinstance(field, RelatedFields):
            plan.append(("related", column, field.get_value, field.fields))
    return plan


def _document(model, obj):
    """Return the Whoosh document (a dict of column values) for ``obj``."""
    doc = {
        "pk": str(obj.pk),
        "pksort": _pk_sort_key(obj.pk),
        "ct": _content_types(model),
    }
    nulls = []

    def add_text(column, value):
        text = _text(value)
        if text:
            doc[column] = f"{doc[column]}\n{text}" if column in doc else text

    def add_related(fields, base, objects):
        for related in objects:
            for field in fields:
                column = f"{base}__{field.field_name}"
                if isinstance(field, RelatedFields):
                    add_related(
                        field.fields, column, _related_objects(field.get_value(related))
                    )
                elif isinstance(field, SearchField):
                    add_text(
                        column + "__t", _value_getter(type(related), field)(related)
                    )
                elif isinstance(field, AutocompleteField):
                    add_text(
                        column + "__ac", _value_getter(type(related), field)(related)
                    )
                # Filters on related objects are answered by the database,
                # so a nested FilterField needs nothing in the index.

    for what, column, getter, extra in _document_plan(
        model, tuple(model.search_fields)
    ):
        if what == "text":
            add_text(column, getter(obj))
        elif what == "filter":
            values = [
                extra.encode(value)
                for value in _filter_values(getter(obj))
                if value is not None
            ]
            if values:
                doc[column] = values[0] if len(values) == 1 else values
            else:
                nulls.append(column)
        else:
            add_related(extra, column, _related_objects(getter(obj)))
    if nulls:
        doc["nulls"] = nulls
    doc["digest"] = _digest(doc)
    return doc


# Storage


def _fsync_path(path, directory=False):
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _IndexStore:
    """
    The files of one index under ``PATH``, shared by every backend instance
    of this process.

    Keeps the process's single searcher for the index, reopening it only when
    the index has changed, and serialises its use with a thread lock since a
    Whoosh searcher is not safe to share between threads.
    """

    def __init__(self, root, name, language, lock_timeout):
        self.root = root
        self.name = name
        self.language = language
        self.lock_timeout = lock_timeout
        self.pointer_path = os.path.join(root, name + ".current")
        self.journal_path = os.path.join(root, name + ".journal")
        self.lock = threading.RLock()
        self.segments = _SegmentCache()
        self.cache = {"segments": self.segments}
        self._folder = None
        self._ix = None
        self._searcher = None
        self._generation = None

    # Generations and the pointer file

    def ensure_root(self):
        if not os.path.isdir(self.root):
            os.makedirs(self.root, mode=0o700, exist_ok=True)
            os.chmod(self.root, 0o700)

    def file_lock(self, suffix):
        self.ensure_root()
        return FileStorage(self.root).lock(f"{self.name}.{suffix}")

    def read_pointer(self):
        """Return the live generation's folder, or None if there is none."""
        try:
            with open(self.pointer_path, encoding="utf-8") as pointer:
                folder = pointer.read().strip()
        except FileNotFoundError:
            return None
        # The pointer only ever names a sibling folder of this index.
        if not folder.startswith(self.name + ".") or os.sep in folder:
            raise SearchIndexUnavailable(
                f"The search index pointer {self.pointer_path} is damaged."
            )
        return os.path.join(self.root, folder)

    def write_pointer(self, folder):
        tmp = f"{self.pointer_path}.{os.getpid()}.{get_random_string(8)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, os.path.basename(folder).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.pointer_path)
        _fsync_path(self.root, directory=True)

    def new_generation(self):
        """Create an empty index in a new folder and return the folder."""
        self.ensure_root()
        stamp = time.strftime("%Y%m%d%H%M%S")
        folder = os.path.join(
            self.root,
            f"{self.name}.{stamp}-{get_random_string(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}",
        )
        os.mkdir(folder, 0o700)
        whoosh_index.create_in(
            folder, build_schema(self.language), indexname=INDEX_NAME
        )
        return folder

    def remove_old_generations(self, keep):
        """Delete every generation folder except those in ``keep``."""
        keep = {os.path.basename(folder) for folder in keep if folder}
        for entry in os.listdir(self.root):
            path = os.path.join(self.root, entry)
            if (
                entry.startswith(self.name + ".")
                and entry not in keep
                and os.path.isdir(path)
            ):
                shutil.rmtree(path, ignore_errors=True)

    def forget(self):
        """Drop the cached index and searcher (after an error or a swap)."""
        with self.lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except Exception:  # noqa: S110 - the searcher is discarded anyway
                    pass
            self._folder = self._ix = self._searcher = self._generation = None
            self.segments = _SegmentCache()
            self.cache = {"segments": self.segments}

    def current(self, create=False):
        """
        Return ``(whoosh index, folder)`` for the live generation, opening it
        again if a rebuild has swapped it. If there is none, create an empty
        one when ``create`` is true, else return ``(None, None)``.
        """
        with self.lock:
            folder = self.read_pointer()
            if folder is None:
                if not create:
                    return None, None
                folder = self._create_first_generation()
            if folder != self._folder:
                self.forget()
                self._ix = whoosh_index.open_dir(folder, indexname=INDEX_NAME)
                self._folder = folder
            return self._ix, folder

    def _create_first_generation(self):
        lock = self.file_lock("lock")
        if not try_for(lock.acquire, timeout=self.lock_timeout, delay=0.05):
            raise whoosh_index.LockError(f"Timed out creating {self.name}.")
        try:
            folder = self.read_pointer()
            if folder is None:
                folder = self.new_generation()
                self.write_pointer(folder)
            return folder
        finally:
            lock.release()

    # Reading

    @contextmanager
    def searcher(self):
        """
        Yield the process's searcher for the live index, up to date with the
        latest commit. Raise SearchIndexUnavailable if it cannot be opened.
        """
        with self.lock:
            try:
                ix, folder = self.current()
                if ix is None:
                    raise SearchIndexUnavailable(
                        f"The search index {self.name} has not been built yet."
                    )
                generation = ix.latest_generation()
                if self._searcher is None or generation != self._generation:
                    self._searcher = self._reopen(ix)
                    self._generation = self._searcher.reader().generation()
                    self.segments.keep_only(
                        {
                            reader.segment().segment_id()
                            for reader, _ in self._searcher.reader().leaf_readers()
                            if isinstance(reader, SegmentReader)
                        }
                    )
                    self.cache = {"segments": self.segments}
            except SearchIndexUnavailable as exc:
                logger.error("Search index unavailable: %s", exc)
                raise
            except Exception as exc:
                self.forget()
                logger.exception("Could not open the search index %s", self.name)
                raise SearchIndexUnavailable(
                    f"The search index {self.name} could not be opened."
                ) from exc
            yield self._searcher

    def _reopen(self, ix):
        """
        Return a searcher of the index as it is now, reusing the readers of
        the segments that have not changed.

        Opening a segment costs tens of milliseconds on a large index, and a
        publish only adds a small segment (and marks documents deleted in the
        others), so the first search after it would pay for reopening every
        segment. Whoosh-reloaded 2.7.5's own ``Searcher.refresh()`` cannot be
        used: it re-adds segments that a merge has removed, duplicating
        documents.
        """
        previous = {}
        if self._searcher is not None:
            previous = {
                reader.segment().segment_id(): reader
                for reader, _ in self._searcher.reader().leaf_readers()
                if isinstance(reader, SegmentReader)
            }
        for attempt in range(1, REOPEN_ATTEMPTS + 1):
            generation = ix.latest_generation()
            opened = []
            try:
                toc = ix._read_toc()
                for segment in toc.segments:
                    if segment.segment_id() not in previous:
                        opened.append(
                            SegmentReader(
                                ix.storage,
                                toc.schema,
                                segment,
                                generation=toc.generation,
                            )
                        )
                break
            except OSError:
                for reader in opened:
                    reader.close()
                # Another process committed (and merged) between listing the
                # tables of contents and opening one, or a segment it named,
                # whose files are now gone: read the newer table, as Whoosh's
                # own FileIndex.reader() does. With no newer commit, a file
                # is missing from the index itself: that is an error at once.
                if attempt == REOPEN_ATTEMPTS or ix.latest_generation() == generation:
                    raise
        new_readers = {reader.segment().segment_id(): reader for reader in opened}
        readers = []
        for segment in toc.segments:
            reader = new_readers.get(segment.segment_id())
            if reader is None:
                reader = previous.pop(segment.segment_id())
                # The segment's files never change; only which of its
                # documents are deleted, which the new table of contents
                # holds.
                reader._segment = reader._perdoc._segment = segment
                reader.__dict__.pop("deleted_docs_set", None)  # A cached_property.
                reader._gen = toc.generation
            readers.append(reader)
        for reader in previous.values():
            reader.close()
        if not readers:
            reader = EmptyReader(toc.schema)
        elif len(readers) == 1:
            reader = readers[0]
        else:
            reader = MultiReader(readers, generation=toc.generation)
        return Searcher(reader, fromindex=ix)

    # Writing

    def write(self, apply, journal_entries):
        """
        Apply ``apply(writer, searcher)`` to the live index and commit,
        holding the index's write lock (waiting at most ``lock_timeout``
        seconds for it). ``searcher`` shows the index exactly as the writer
        found it, so document numbers from it can be deleted by the writer
        without opening the index again.
        """
        deadline = time.monotonic() + self.lock_timeout
        for _attempt in range(3):
            ix, folder = self.current(create=True)
            timeout = max(0.0, deadline - time.monotonic())
            writer = ix.writer(timeout=timeout, delay=0.05, codec=_codec())
            try:
                if self.read_pointer() != folder:
                    # A rebuild swapped the index while this writer waited
                    # for the lock: write to the new one instead.
                    writer.cancel()
                    continue
                with self.searcher() as searcher:
                    apply(writer, searcher)
                # Journal before committing, while still holding the lock: a
                # rebuild replays the journal under the same lock, so no
                # update made during a rebuild can be missed.
                self.append_journal(journal_entries)
                writer.commit(mergetype=_merge_when_many)
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                raise
            return
        raise whoosh_index.LockError(f"The search index {self.name} kept changing.")

    def holds(self, docs):
        """
        Whether the live index already holds exactly these documents (by
        their digests), as far as this process's searcher can tell.
        """
        try:
            if self.current()[0] is None:
                # Not built yet, so it holds nothing: the first save builds
                # it, which is no error to log.
                return False
            with self.searcher() as searcher:
                if "digest" not in searcher.schema:
                    return False
                for doc in docs:
                    docnum = searcher.document_number(pk=doc["pk"])
                    if docnum is None:
                        return False
                    if searcher.stored_fields(docnum).get("digest") != doc["digest"]:
                        return False
                return True
        except SearchIndexUnavailable:
            return False

    def start_journal(self):
        self.ensure_root()
        fd = os.open(self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)

    def append_journal(self, entries):
        try:
            fd = os.open(self.journal_path, os.O_WRONLY | os.O_APPEND)
        except FileNotFoundError:
            return  # No rebuild is running.
        try:
            data = "".join(json.dumps(entry) + "\n" for entry in entries)
            os.write(fd, data.encode())
        finally:
            os.close(fd)

    def read_journal(self):
        try:
            with open(self.journal_path, encoding="utf-8") as journal:
                lines = journal.read().splitlines()
        except FileNotFoundError:
            return []
        entries = []
        for line in lines:
            try:
                entries.append(json.loads(line))
            except ValueError:
                logger.warning("Skipping a damaged line in %s", self.journal_path)
        return entries

    def end_journal(self):
        try:
            os.unlink(self.journal_path)
        except FileNotFoundError:
            pass


_stores = {}
_stores_lock = threading.Lock()


def _get_store(root, name, language, lock_timeout):
    # Keyed by process id as well: a forked worker must not share its
    # parent's open searcher.
    key = (os.getpid(), root, name)
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            if any(existing[0] != key[0] for existing in _stores):
                _stores.clear()
            store = _stores[key] = _IndexStore(root, name, language, lock_timeout)
        store.language = language
        store.lock_timeout = lock_timeout
        return store


#: Segments a live index may have before a commit merges the small ones.
MAX_SEGMENTS = 8
# Opening a searcher is tried again when a commit in another process removes
# files between reading the table of contents and opening them.
REOPEN_ATTEMPTS = 10


def _merge_when_many(writer, segments):
    """
    Leave the segments alone until there are many of them.

    Whoosh merges small segments at every commit by default, which made
    merging half the cost of indexing one published page; searches read a
    few segments as fast as one.
    """
    if len(segments) < MAX_SEGMENTS:
        return segments
    return MERGE_SMALL(writer, segments)


def _digest(doc):
    """Return a fingerprint of a document's content."""
    text = json.dumps(doc, sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _replace_documents(docs):
    """Return a ``store.write()`` step that replaces documents by primary key."""

    def apply(writer, searcher):
        keep_digest = "digest" in writer.schema
        for doc in docs:
            writer.delete_by_term("pk", doc["pk"], searcher=searcher)
            if not keep_digest:
                doc = {k: v for k, v in doc.items() if k != "digest"}
            writer.add_document(**doc)

    return apply


# Index


def _bulk_writer(ix, backend):
    """
    Return the writer that fills a new generation.

    With several processes, Whoosh's multiprocessing writer hands batches of
    documents to worker processes that analyse and write them, each into a
    segment of its own (kept as they are: merging them would cost as much
    again), while this process reads the next objects from the database.
    """
    options = {"limitmb": backend.writer_memory_mb, "codec": _codec()}
    if backend.rebuild_processes > 1:
        return ix.writer(
            procs=backend.rebuild_processes,
            multisegment=True,
            subargs=options,
            timeout=backend.lock_timeout,
            **options,
        )
    return ix.writer(procs=1, timeout=backend.lock_timeout, **options)


class WhooshIndex(BaseIndex):
    """
    One Whoosh index: all indexed objects of one root model and its
    subclasses.

    The live index writes each change straight to disk under the write lock.
    The index returned by ``WhooshSearchRebuilder.start()`` instead writes
    into a new generation folder through one long-lived writer, committed
    once by the rebuilder.
    """

    def __init__(self, backend, name, bulk_folder=None):
        super().__init__(backend)
        self.name = name
        self.store = _get_store(
            backend.path, name, backend.language, backend.lock_timeout
        )
        self.bulk_folder = bulk_folder
        self._bulk_writer = None
        if bulk_folder is not None:
            ix = whoosh_index.open_dir(bulk_folder, indexname=INDEX_NAME)
            # One writer for the whole rebuild, with a large memory pool so
            # that it flushes rarely.
            self._bulk_writer = _bulk_writer(ix, backend)

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    def add_model(self, model):
        # The schema matches field names by suffix: nothing to declare.
        pass

    def refresh(self):
        # Searches check for a newer commit themselves; nothing to do.
        pass

    def reset(self):
        """Replace the live index with an empty one."""
        rebuilder = WhooshSearchRebuilder(self)
        rebuilder.start()
        rebuilder.finish()

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        if not items:
            return
        _prefetch(model, items)
        if self._bulk_writer is not None:
            for obj in items:
                self._bulk_writer.add_document(**_document(model, obj))
            return
        try:
            docs = [_document(model, obj) for obj in items]
            if self.store.holds(docs):
                # Saving a revision, for one, saves the page unchanged.
                return
            self.store.write(
                _replace_documents(docs),
                [["add", model._meta.label, doc["pk"]] for doc in docs],
            )
        except Exception:
            # Saving or publishing must not fail because of the index: log
            # and carry on. A rebuild brings the index up to date again.
            logger.exception(
                "Could not update the search index %s with %d %s object(s); "
                "the index is stale until it is rebuilt (manage.py update_index).",
                self.name,
                len(items),
                model._meta.label,
            )

    def delete_item(self, item):
        if not class_is_indexed(type(item)):
            return
        pk = str(item.pk)
        if self._bulk_writer is not None:
            self._bulk_writer.delete_by_term("pk", pk)
            return
        try:
            self.store.write(
                lambda writer, searcher: writer.delete_by_term(
                    "pk", pk, searcher=searcher
                ),
                [["delete", item._meta.label, pk]],
            )
        except Exception:
            logger.exception(
                "Could not delete %s %s from the search index %s; the index is "
                "stale until it is rebuilt (manage.py update_index).",
                item._meta.label,
                pk,
                self.name,
            )

    def replay(self, entries):
        """Apply journal ``entries`` (recorded during a rebuild) to this index."""
        final = OrderedDict()
        for entry in entries:
            try:
                action, label, pk = entry
            except (TypeError, ValueError):
                continue
            final.pop((label, pk), None)
            final[(label, pk)] = action
        to_add = {}
        to_delete = []
        for (label, pk), action in final.items():
            if action == "add":
                to_add.setdefault(label, []).append(pk)
            else:
                to_delete.append(pk)
        docs = []
        for label, pks in to_add.items():
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            found = set()
            for obj in model.get_indexed_objects().filter(pk__in=pks):
                docs.append(_document(model, obj))
                found.add(str(obj.pk))
            to_delete.extend(pk for pk in pks if pk not in found)
        if not docs and not to_delete:
            return
        ix = whoosh_index.open_dir(self.bulk_folder, indexname=INDEX_NAME)
        writer = ix.writer(timeout=self.store.lock_timeout, codec=_codec())
        try:
            for pk in to_delete:
                writer.delete_by_term("pk", pk)
            for doc in docs:
                writer.update_document(**doc)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


class WhooshSearchRebuilder:
    """
    Rebuild an index without interrupting searches.

    ``start()`` creates a new generation folder and returns an index that
    fills it; ``finish()`` commits it, replays the updates made meanwhile,
    and swaps it in by replacing the pointer file. If the rebuild dies
    (even with SIGKILL), the pointer still names the previous generation and
    the next rebuild deletes the abandoned folder.
    """

    def __init__(self, index):
        self.live_index = index
        self.store = index.store
        self.index = None
        self._lock = None

    def start(self):
        lock = self.store.file_lock("rebuild")
        if not lock.acquire(blocking=False):
            raise whoosh_index.LockError(
                f"Another rebuild of the search index {self.store.name} is running."
            )
        self._lock = lock
        try:
            # The journal must exist before any object is read from the
            # database, so every later change is either read or journalled.
            self.store.start_journal()
            folder = self.store.new_generation()
            self.index = WhooshIndex(
                self.live_index.backend, self.store.name, bulk_folder=folder
            )
        except BaseException:
            self._release()
            raise
        return self.index

    def finish(self):
        store = self.store
        try:
            self.index._bulk_writer.commit()
            self.index._bulk_writer = None
            # Hold the live generation's write lock while replaying and
            # swapping, so that no live update can fall between the two.
            create_lock = store.file_lock("lock")
            holds_create_lock = try_for(
                create_lock.acquire, timeout=store.lock_timeout, delay=0.05
            )
            old_folder = store.read_pointer()
            old_lock = None
            if old_folder is not None and os.path.isdir(old_folder):
                old_lock = FileStorage(old_folder).lock(f"{INDEX_NAME}_WRITELOCK")
                if not try_for(
                    old_lock.acquire, timeout=store.lock_timeout, delay=0.05
                ):
                    logger.warning(
                        "Swapping the rebuilt search index %s without its write "
                        "lock; an update made this instant may be lost.",
                        store.name,
                    )
                    old_lock = None
            try:
                self.index.replay(store.read_journal())
                for entry in os.listdir(self.index.bulk_folder):
                    _fsync_path(os.path.join(self.index.bulk_folder, entry))
                _fsync_path(self.index.bulk_folder, directory=True)
                store.write_pointer(self.index.bulk_folder)
                store.end_journal()
            finally:
                if old_lock is not None:
                    old_lock.release()
                if holds_create_lock:
                    create_lock.release()
            # Keep the previous generation: other processes may still be
            # reading it until their next search notices the new pointer.
            store.remove_old_generations(keep=[self.index.bulk_folder, old_folder])
            store.forget()
        finally:
            self._release()

    def _release(self):
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __del__(self):
        # A rebuild that failed half-way must not keep the rebuild lock.
        if self.index is not None and self.index._bulk_writer is not None:
            try:
                self.index._bulk_writer.cancel()
            except Exception:  # noqa: S110 - best effort clean-up
                pass
        self._release()


# Queries


_shared_subqueries = contextvars.ContextVar("shared_subqueries", default=None)


@contextmanager
def shared_subqueries():
    """
    Within the block, a filter's subquery of primary keys that was asked
    already (the same SQL and parameters) is not asked again: for counting
    many searches that share filters while answering one request. Outside
    it, every search asks the database afresh.
    """
    token = _shared_subqueries.set({})
    try:
        yield
    finally:
        _shared_subqueries.reset(token)


def _column_of(compiler):
    """Return the first column of every row a subquery's compiler gives."""
    chunks = compiler.execute_sql(result_type=MULTI)
    return [row[0] for chunk in chunks for row in chunk]


def _keys_filter(values):
    """Return a ``_Keys`` filter of ``values`` (keys or objects), or ``_NONE``."""
    keys = [item.pk if isinstance(item, models.Model) else item for item in values]
    keys = [key for key in keys if key is not None]
    return _Keys(keys) if keys else _NONE


class _Keys(wq.Query):
    """
    A filter to the documents of some primary keys, given by the database.
    Only the array scorer reads it (filters never reach Whoosh's matchers).
    """

    def __init__(self, pks):
        self.pks = frozenset(str(pk) for pk in pks)
        self.boost = 1.0

    def __repr__(self):
        # Filter masks are cached per process by their query's repr: the
        # set's hash keeps it short for thousands of keys, and equal for
        # equal sets.
        return f"_Keys({len(self.pks)}, {hash(self.pks):x})"

    def __eq__(self, other):
        return isinstance(other, _Keys) and other.pks == self.pks

    def __hash__(self):
        return hash(self.pks)


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    """
    Translate a modelsearch query and the queryset's filters and ordering into
    Whoosh queries.

    User text is analysed into terms and turned into ``Term``/``Phrase``
    queries directly; it never goes through Whoosh's query parser, so quotes,
    brackets, ``AND``/``OR`` and ``field:value`` syntax are just words.
    Filters on the model's own ``FilterField``\\ s become Whoosh terms and
    ranges; filters across relations (``RelatedFields``) and on parent-link
    pointers are answered by the database as a list of primary keys: for
    the whole queryset, or for an ``in`` or ``exact`` parent-link filter
    only its own keys (``_Keys``).
    """

    DEFAULT_OPERATOR = "or"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    TEXT_SUFFIX = "__t"
    SUPPORTED_LOOKUPS = {
        "exact",
        "isnull",
        "startswith",
        "prefix",
        "gt",
        "gte",
        "lt",
        "lte",
        "range",
        "in",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = self.queryset.model
        self._filter_spec = None
        # The query as compiled for the latest run's searcher: see run().
        self._prepared = None

    # Text

    def _columns(self):
        """Return ``[(column, boost), ...]`` to search in."""
        if self.fields is None:
            return _text_columns(self.model, self.TEXT_SUFFIX)
        fields = {f.field_name: f for f in self.model.get_searchable_search_fields()}
        return [
            (
                _column(self.model, fields[name]) + self.TEXT_SUFFIX,
                float(fields[name].boost or 1.0),
            )
            for name in self.fields
        ]

    def _terms(self, searcher, text):
        backend_options = self._options
        text = text[: backend_options["max_length"]]
        field = searcher.schema["x" + self.TEXT_SUFFIX]
        terms = []
        for term in field.process_text(text, mode="query"):
            if term not in terms:
                terms.append(term)
                if len(terms) >= backend_options["max_terms"]:
                    break
        return terms

    def _combine(self, queries, operator):
        if len(queries) == 1:
            return queries[0]
        return wq.And(queries) if operator == "and" else wq.Or(queries)

    def _across_columns(self, columns, make):
        queries = [make(column, boost) for column, boost in columns]
        return queries[0] if len(queries) == 1 else wq.Or(queries)

    def _compile(self, query, searcher, columns, boost=1.0):
        if isinstance(query, MatchAll):
            return _ALL
        if isinstance(query, PlainText):
            terms = self._terms(searcher, query.query_string)
            if not terms:
                return _NONE
            boost *= query.boost
            scorer = _scorer(searcher, self._store.cache)
            queries = []
            for term in terms:
                # Only the columns that hold the word: a Term on any other
                # matches nothing, yet costs a lookup and a matcher, and the
                # root page model has dozens of text columns.
                holding = [(c, b) for c, b in columns if scorer.has(c, term)]
                if holding:
                    queries.append(
                        self._across_columns(
                            holding,
                            lambda c, b, t=term: wq.Term(c, t, boost=b * boost),
                        )
                    )
                elif query.operator == "and":
                    return _NONE
            if not queries:
                return _NONE
            return self._combine(queries, query.operator)
        if isinstance(query, Phrase):
            terms = self._terms(searcher, query.query_string)
            if not terms:
                return _NONE
            if len(terms) == 1:
                return self._across_columns(
                    columns, lambda c, b: wq.Term(c, terms[0], boost=b * boost)
                )
            return self._across_columns(
                columns, lambda c, b: wq.Phrase(c, terms, boost=b * boost)
            )
        if isinstance(query, Fuzzy):
            terms = self._terms(searcher, query.query_string)
            if not terms:
                return _NONE
            return self._combine(
                [
                    self._across_columns(
                        columns,
                        lambda c, b, t=term: wq.FuzzyTerm(
                            c,
                            t,
                            boost=b * boost,
                            # Same edit distances as Elasticsearch's "AUTO".
                            maxdist=0 if len(t) < 3 else 1 if len(t) < 6 else 2,
                            prefixlength=1,
                        ),
                    )
                    for term in terms
                ],
                query.operator,
            )
        if isinstance(query, Boost):
            return self._compile(query.subquery, searcher, columns, boost * query.boost)
        if isinstance(query, Not):
            inner = self._compile(query.subquery, searcher, columns, boost)
            if inner is _ALL:
                return _NONE
            if inner is _NONE:
                return _ALL
            return wq.Not(inner)
        if isinstance(query, And):
            children = [
                self._compile(sub, searcher, columns, boost) for sub in query.subqueries
            ]
            if any(child is _NONE for child in children):
                return _NONE
            children = [child for child in children if child is not _ALL]
            if not children:
                return _ALL
            return children[0] if len(children) == 1 else wq.And(children)
        if isinstance(query, Or):
            children = [
                self._compile(sub, searcher, columns, boost) for sub in query.subqueries
            ]
            matches_all = any(child is _ALL for child in children)
            children = [child for child in children if child not in (_ALL, _NONE)]
            if matches_all:
                if not children:
                    return _ALL
                # Still score the documents that match the other branches.
                children.append(wq.Every())
            if not children:
                return _NONE
            return children[0] if len(children) == 1 else wq.Or(children)
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported by the Whoosh search backend."
        )

    def compile_query(self, searcher):
        """Return the Whoosh query for the search text, or a sentinel."""
        # Leave out the columns no document has (fields of page types with
        # no pages, empty fields): they can match nothing.
        indexed = set(searcher.reader().indexed_field_names())
        columns = [(c, b) for c, b in self._columns() if c in indexed]
        if not columns:
            return _NONE
        return self._compile(self.query, searcher, columns)

    # Filters

    def _get_filters_from_where_node(self, where_node, check_only=False):
        if isinstance(where_node, Lookup) and not isinstance(where_node.lhs, Extract):
            target = getattr(where_node.lhs, "target", None)
            if target is None:
                raise FilterError(
                    f"Cannot apply filter on search results: {where_node.lhs!r} is "
                    "not a plain field."
                )
            if not check_only and target.attname.endswith("_ptr_id"):
                # The base class ignores parent-link pointers (they are the
                # primary key of a subclass); the database answers them.
                if where_node.lookup_name not in self.SUPPORTED_LOOKUPS:
                    raise FilterError(
                        f'Could not apply filter on search results: "{target.attname}__'
                        f'{where_node.lookup_name}". Lookup not recognised.'
                    )
                if where_node.lookup_name in ("exact", "in"):
                    return self._keys(where_node.lookup_name, where_node.rhs)
                return _DATABASE
        return super()._get_filters_from_where_node(where_node, check_only=check_only)

    def _process_lookup(self, field_path, lookup, value):
        if lookup not in self.SUPPORTED_LOOKUPS:
            return None
        if len(field_path) > 1:
            return _DATABASE
        field = field_path[0]
        kind = _kind_for(self.model, field)
        column = _column(self.model, field) + kind.suffix
        numeric = kind.suffix in ("__i", "__n")
        db_alias = self.queryset._db or DEFAULT_DB_ALIAS

        def encode(raw):
            if isinstance(raw, models.Model):
                raw = raw.pk
            return kind.encode(raw)

        def term(raw):
            return wq.Term(column, encode(raw))

        def span(start, end, startexcl=False, endexcl=False):
            query_class = wq.NumericRange if numeric else wq.TermRange
            return query_class(
                column,
                None if start is None else encode(start),
                None if end is None else encode(end),
                startexcl=startexcl,
                endexcl=endexcl,
            )

        if lookup == "exact":
            if isinstance(value, (Query, Subquery)):
                query = value.query if isinstance(value, Subquery) else value
                row = query.get_compiler(db_alias).execute_sql(result_type=SINGLE)
                if not row or row[0] is None:
                    return _NONE
                value = row[0]
            return term(value)
        if lookup == "isnull":
            missing = wq.Term("nulls", column)
            return missing if value else wq.Not(missing)
        if lookup in ("startswith", "prefix"):
            if kind.suffix != "__s":
                raise FilterError(
                    f'Cannot apply filter on search results: "{field.field_name}__'
                    f'{lookup}" needs a text field.'
                )
            return wq.Prefix(column, encode(value))
        if lookup == "gt":
            return span(value, None, startexcl=True)
        if lookup == "gte":
            return span(value, None)
        if lookup == "lt":
            return span(None, value, endexcl=True)
        if lookup == "lte":
            return span(None, value)
        if lookup == "range":
            start, end = value
            return span(start, end)
        # lookup == "in"
        if isinstance(value, (Query, Subquery)):
            query = value.query if isinstance(value, Subquery) else value
            chunks = query.get_compiler(db_alias).execute_sql(result_type=MULTI)
            value = [row[0] for chunk in chunks for row in chunk]
        terms = [term(item) for item in value if item is not None]
        if not terms:
            return _NONE
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    def _keys(self, lookup, value):
        """
        Return the documents of the primary keys ``value`` names, as a
        ``_Keys`` filter. Only ``value`` goes to the database (a subquery
        such as "practices with this theme"): asking it for the whole
        queryset's keys instead ran every other filter there too, once per
        search, and a library page counts a dozen searches. Within
        ``shared_subqueries()``, the same subquery is asked once.
        """
        if not isinstance(value, (Query, Subquery)):
            return _keys_filter([value] if lookup == "exact" else value)
        query = value.query if isinstance(value, Subquery) else value
        compiler = query.get_compiler(self.queryset._db or DEFAULT_DB_ALIAS)
        remembered = _shared_subqueries.get()
        if remembered is None:
            return _keys_filter(_column_of(compiler))
        sql, params = compiler.as_sql()
        key = (compiler.connection.alias, sql, tuple(params))
        if key not in remembered:
            remembered[key] = _keys_filter(_column_of(compiler))
        return remembered[key]

    def _process_match_none(self):
        return _NONE

    def _connect_filters(self, filters, connector, negated):
        filters = [f for f in filters if f is not None]
        if not filters:
            return None
        if any(f is _DATABASE for f in filters):
            return _DATABASE
        if connector == "AND":
            if any(f is _NONE for f in filters):
                result = _NONE
            else:
                filters = [f for f in filters if f is not _ALL]
                result = _ALL if not filters else filters[0]
                if len(filters) > 1:
                    result = wq.And(filters)
        else:
            if any(f is _ALL for f in filters):
                result = _ALL
            else:
                filters = [f for f in filters if f is not _NONE]
                result = _NONE if not filters else filters[0]
                if len(filters) > 1:
                    result = wq.Or(filters)
        if negated:
            if result is _ALL:
                return _NONE
            if result is _NONE:
                return _ALL
            return wq.Not(result)
        return result

    def filter_spec(self):
        """
        Return the queryset's filters as ``(whoosh query or None, set of
        primary keys or None)``, or ``_NONE`` if nothing can match. Computed
        once per compiler, before the searcher is locked, since it may query
        the database.
        """
        if self._filter_spec is None:
            filters = self._get_filters_from_queryset()
            if filters is _NONE:
                spec = _NONE
            elif filters is _DATABASE:
                pks = self.queryset.order_by().values_list("pk", flat=True)
                spec = (None, {str(pk) for pk in pks})
            elif filters is None or filters is _ALL:
                spec = (None, None)
            else:
                spec = (filters, None)
            if spec is not _NONE and self.model is not get_model_root(self.model):
                content_type = wq.Term("ct", self.model._meta.label_lower)
                query = spec[0]
                spec = (
                    content_type if query is None else wq.And([content_type, query]),
                    spec[1],
                )
            self._filter_spec = spec
        return self._filter_spec

    def allowed_documents(self, searcher, cache):
        """
        Return the mask of documents the filters allow, or None if they allow
        everything.
        """
        spec = self.filter_spec()
        scorer = _scorer(searcher, cache)
        if spec is _NONE:
            return numpy.zeros(scorer.size, dtype=bool)
        query, pks = spec
        allowed = None
        if query is not None:
            key = ("filter", repr(query))
            allowed = cache.get(key)
            if allowed is None:
                allowed, _ = scorer.evaluate(query, scored=False)
                allowed.setflags(write=False)
                if len(cache) > 256:
                    for stale in [k for k in cache if k[0] == "filter"]:
                        del cache[stale]
                cache[key] = allowed
        if pks is not None:
            by_pk = scorer.documents_by_pk()
            wanted = numpy.zeros(scorer.size, dtype=bool)
            wanted[[by_pk[pk] for pk in pks if pk in by_pk]] = True
            allowed = wanted if allowed is None else allowed & wanted
        return allowed

    # Ordering

    def _get_order_by(self):
        if self.order_by_relevance:
            return
        for item in self.queryset.query.order_by:
            reverse = False
            if isinstance(item, OrderBy):
                reverse = item.descending
                item = item.expression
            if isinstance(item, F):
                name = item.name
            elif isinstance(item, str):
                name = item
                if name.startswith("-"):
                    reverse, name = True, name[1:]
            else:
                raise OrderByFieldError(
                    f'Sorting search results with "{item}" is not supported by the '
                    "Whoosh search backend.",
                    field_name=item,
                )
            if name in ("pk", self.model._meta.pk.attname):
                field = self._get_filterable_field(name)
                yield reverse, field or "pk"
                continue
            field = self._get_filterable_field(name)
            if field is None:
                raise OrderByFieldError(
                    f'Cannot sort search results with field "{name}". Please add '
                    f'index.FilterField("{name}") to {self.model.__name__}.search_fields.',
                    field_name=name,
                )
            yield reverse, field

    def sort_facets(self):
        """Return the Whoosh sort keys, or None to sort by relevance."""
        if self.order_by_relevance:
            return None
        facets = []
        for reverse, field in self._get_order_by():
            if field == "pk":
                column = "pksort"
            else:
                column = (
                    _column(self.model, field) + _kind_for(self.model, field).suffix
                )
            facets.append(FieldFacet(column, reverse=reverse))
        # Newest first when nothing else decides, as the other backends do.
        facets.append(FieldFacet("pksort", reverse=True))
        return facets

    # Execution

    @property
    def _options(self):
        return self._backend_options

    def bind(self, backend):
        self._backend_options = {
            "max_length": backend.max_query_length,
            "max_terms": backend.max_query_terms,
        }
        self._store = backend.get_index_for_model(self.model).store
        return self._store

    def run(self, backend, fn):
        """
        Call ``fn(searcher, query, allowed, cache)`` with the live searcher.

        ``query`` is None when nothing can match. Errors reading the index
        become SearchIndexUnavailable; errors in the query itself propagate.
        """
        store = self.bind(backend)
        self.filter_spec()
        with store.searcher() as searcher:
            # One search's results are paged, counted and faceted, each a
            # run: the query is compiled and its filters applied once per
            # searcher, not once per run.
            if self._prepared is None or self._prepared.searcher is not searcher:
                self._prepared = _Prepared(searcher, self.compile_query(searcher))
            prepared = self._prepared
            query = prepared.query
            if query is _NONE:
                return fn(searcher, None, None, store.cache)
            if query is _ALL:
                query = wq.Every()
            try:
                if prepared.allowed is _UNSET:
                    prepared.allowed = self.allowed_documents(searcher, store.cache)
                allowed = prepared.allowed
                if allowed is not None and not allowed.any():
                    return fn(searcher, None, None, store.cache)
                return fn(searcher, query, allowed, store.cache)
            except (OSError, EOFError, ValueError, KeyError, IndexError) as exc:
                store.forget()
                logger.exception("Could not read the search index %s", store.name)
                raise SearchIndexUnavailable(
                    f"The search index {store.name} could not be read."
                ) from exc


@dataclass
class _Prepared:
    """A compiler's query as compiled for one searcher, and what it matches."""

    searcher: Searcher
    query: object
    allowed: object = _UNSET
    matching: object = None


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """
    Match the beginnings of words in ``AutocompleteField``\\ s, for
    search-as-you-type. Words are matched by their indexed prefixes (edge
    n-grams), without stemming. Boolean queries work as for searches; a
    ``Phrase`` or ``Fuzzy`` query matches all of its words as prefixes.
    """

    DEFAULT_OPERATOR = "and"
    TEXT_SUFFIX = "__ac"

    def check(self):
        # Autocomplete searches AutocompleteFields, which need not also be
        # SearchFields.
        if self.fields:
            allowed = {
                f.field_name for f in self.model.get_autocomplete_search_fields()
            }
            for name in self.fields:
                if name not in allowed:
                    raise SearchFieldError(
                        f'Cannot autocomplete with field "{name}". Please add '
                        f'index.AutocompleteField("{name}") to '
                        f"{self.model.__name__}.search_fields.",
                        field_name=name,
                    )
        self._get_filters_from_queryset(check_only=True)
        list(self._get_order_by())

    def _columns(self):
        if self.fields is None:
            return _text_columns(self.model, self.TEXT_SUFFIX)
        fields = {f.field_name: f for f in self.model.get_autocomplete_search_fields()}
        return [
            (_column(self.model, fields[name]) + self.TEXT_SUFFIX, 1.0)
            for name in self.fields
        ]

    def _compile(self, query, searcher, columns, boost=1.0):
        # Prefixes carry no positions, so a phrase means "all these words",
        # and fuzziness adds nothing to a prefix. Wagtail's admin sends both
        # (from quoted search text), so they must not raise.
        if isinstance(query, Phrase):
            query = PlainText(query.query_string, operator="and")
        elif isinstance(query, Fuzzy):
            query = PlainText(query.query_string, operator=query.operator)
        return super()._compile(query, searcher, columns, boost)


# Scoring


#: BM25F's free parameters, Whoosh's defaults.
BM25_B = 0.75
BM25_K1 = 1.2
#: Decoded postings kept per searcher before the cache is emptied (about 8
#: bytes each): enough for every word of a site's usual searches.
POSTINGS_CACHE_LIMIT = 4_000_000
#: Bytes of phrase matches kept per searcher (4 per matching document).
#: A glossary term searched expands to its forms as phrases in every text
#: column, 35 to 70 phrases a search: a limit counted in phrases (256 once)
#: was emptied every few searches, and checking word positions again was
#: most of a search page's time.
PHRASE_CACHE_BYTES = 32 * 1024 * 1024
#: Whole searches whose matches and scores are kept per searcher.
MATCHES_KEPT = 16
#: Range and prefix filters whose matches are kept per searcher (a mask
#: of one byte per document each).
LEAF_MASKS_KEPT = 256


class _Scorer:
    """
    Evaluate a compiled Whoosh query over the whole index at once, with numpy.

    Whoosh matches and scores one posting at a time in Python, through a tree
    of matcher objects: a search for a few common words on 10,000 pages
    walked and scored over 100,000 postings that way, for most of a second.
    Here each word's postings are read once a block at a time into arrays
    (kept until the index changes), scored with BM25F as Whoosh scores them,
    and combined per query with array operations: a match is a boolean array
    over the index's document numbers and a score a float array beside it.

    Whoosh still parses nothing and stores everything: this only reads its
    postings, field lengths and term statistics. Query types it does not know
    are answered by Whoosh itself (matches only, no score).
    """

    def __init__(self, searcher, segments=None):
        self.searcher = searcher
        self.segments = segments if segments is not None else _SegmentCache()
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.leaves = self.reader.leaf_readers()
        self._postings = {}
        self._lengths = {}
        self._live = None
        self._positions = {}
        self._has = {}
        self._values = {}
        self._holding = {}
        self._decoded = {}
        self._pks = None
        self._by_pk = None
        # {(column, words, slop): document numbers where the phrase holds},
        # for as long as this searcher, oldest first: one search page counts
        # the same phrase for its results and each of its filters, and the
        # glossary's phrases come back search after search.
        self._phrases = {}
        self._phrase_bytes = 0
        # {repr(query): (mask, scores or None)} of the latest few searches:
        # a search page asks for the same words' results, count and a dozen
        # filter counts, each with its own filters.
        self._matches = {}
        # {repr(filter): mask} of filters Whoosh itself answers, latest last.
        self._leaf_masks = {}

    # Reading the index

    def live(self):
        """Return the mask of documents that are not deleted."""
        if self._live is None:
            live = numpy.ones(self.size, dtype=bool)
            for leaf, offset in self.leaves:
                if leaf.has_deletions():
                    deleted = numpy.fromiter(
                        leaf.segment().deleted_docs(), dtype=numpy.int64
                    )
                    live[deleted + offset] = False
            self._live = live
        return self._live

    def values(self, column):
        """
        Return ``(values, documents, value numbers)`` of a filter column:
        its distinct values (as stored, in order), and for every value a
        document holds, the document and the value's number in ``values``.
        """
        found = self._values.get(column)
        if found is None:
            parts = []
            for leaf, offset in self.leaves:
                documents, (texts, numbers) = self.segments.get(
                    leaf,
                    ("values", column),
                    lambda leaf: _read_column_values(leaf, column),
                )
                parts.append((documents + offset, texts, numbers))
            values = sorted({text for _, texts, _ in parts for text in texts})
            number_of = {text: number for number, text in enumerate(values)}
            documents = [documents for documents, _, _ in parts]
            numbers = [
                numpy.array([number_of[t] for t in texts], dtype=numpy.int64)[numbers]
                for _, texts, numbers in parts
                if len(texts)
            ]
            found = self._values[column] = (
                values,
                numpy.concatenate(documents) if documents else _NO_POSTINGS[0],
                numpy.concatenate(numbers) if numbers else _NO_POSTINGS[0],
            )
        return found

    def holding(self, column):
        """Return the mask of documents that hold a value of a filter column."""
        found = self._holding.get(column)
        if found is None:
            _values, documents, _numbers = self.values(column)
            found = numpy.zeros(self.size, dtype=bool)
            found[documents] = True
            found.setflags(write=False)
            self._holding[column] = found
        return found

    def decoded(self, column, decode):
        """
        Return the distinct values of a filter column (see ``values()``),
        each decoded with ``decode``, remembered for this searcher.
        """
        found = self._decoded.get(column)
        if found is None:
            values, _documents, _numbers = self.values(column)
            found = self._decoded[column] = [decode(value) for value in values]
        return found

    def has(self, column, text):
        """Whether any document has the term (remembered for this searcher)."""
        key = (column, text)
        found = self._has.get(key)
        if found is None:
            if len(self._has) > 100_000:
                self._has.clear()
            found = self._has[key] = key in self.reader
        return found

    def _gather(self, cache, key, read, empty):
        """
        Read ``key`` from every segment with ``read(leaf)`` (each segment's
        part kept for as long as the segment lives) and join the parts.
        """
        found = cache.get(key)
        if found is None:
            parts = []
            for leaf, offset in self.leaves:
                ids, values = self.segments.get(leaf, key, read)
                if len(ids):
                    parts.append((ids + offset if offset else ids, values))
            if not parts:
                found = empty
            elif len(parts) == 1:
                found = parts[0]
            else:
                found = (
                    numpy.concatenate([ids for ids, _ in parts]),
                    _join([values for _, values in parts]),
                )
            if len(cache) > 1024:
                cache.clear()
            cache[key] = found
        return found

    def postings(self, column, text):
        """Return ``(document numbers, term frequencies)`` of a term."""

        def read(leaf):
            if (column, text) not in leaf:
                return _NO_POSTINGS
            return _read_postings(_unfiltered(leaf.postings(column, text)))

        return self._gather(
            self._postings, ("postings", column, text), read, _NO_POSTINGS
        )

    def positions(self, column, text):
        """
        Return ``(document numbers, encoded positions)`` of a term, for
        phrases: the positions are decoded only where they are needed.
        """

        def read(leaf):
            if (column, text) not in leaf:
                return _NO_POSTINGS[0], []
            return _read_values(_unfiltered(leaf.postings(column, text)))

        return self._gather(
            self._positions, ("values", column, text), read, (_NO_POSTINGS[0], [])
        )

    def lengths(self, column):
        """Return every document's length in ``column``, as Whoosh stores it."""
        found = self._lengths.get(column)
        if found is None:
            found = numpy.concatenate(
                [
                    self.segments.get(
                        leaf,
                        ("lengths", column),
                        lambda leaf: (_read_lengths(leaf, column), None),
                    )[0]
                    for leaf, _ in self.leaves
                ]
                or [numpy.zeros(0, numpy.float32)]
            )
            self._lengths[column] = found
        return found

    def pks(self):
        """Return the primary key of every document, by document number."""
        if self._pks is None:
            self._pks = []
            for leaf, _ in self.leaves:
                pks, _ = self.segments.get(
                    leaf, ("pks",), lambda leaf: (list(leaf.column_reader("pk")), None)
                )
                self._pks.extend(pks)
        return self._pks

    def documents_by_pk(self):
        """Return ``{pk: document number}`` for the documents not deleted."""
        if self._by_pk is None:
            live = self.live()
            self._by_pk = {pk: n for n, pk in enumerate(self.pks()) if live[n]}
        return self._by_pk

    # Evaluating

    def term(self, column, text, boost, scored=True):
        """
        Return ``(mask, scores)`` of one term, scored with BM25F; ``scores``
        is None when ``scored`` is false (filters, counts).
        """
        ids, frequencies = self.postings(column, text)
        mask = numpy.zeros(self.size, dtype=bool)
        mask[ids] = True
        if not scored:
            return mask, None
        scores = numpy.zeros(self.size, dtype=numpy.float32)
        if not len(ids):
            return mask, scores
        idf = self.searcher.idf(column, text)
        average = self.searcher.avg_field_length(column) or 1
        lengths = self.lengths(column)[ids]
        scores[ids] = (
            boost
            * idf
            * (frequencies * (BM25_K1 + 1))
            / (frequencies + BM25_K1 * ((1 - BM25_B) + BM25_B * lengths / average))
        )
        return mask, scores

    def evaluate(self, query, scored=True):
        """
        Return ``(mask, scores)`` for a compiled query; ``scores`` is None
        when ``scored`` is false.
        """
        if isinstance(query, wq.Term):
            return self.term(query.fieldname, query.text, query.boost, scored)
        if isinstance(query, _Keys):
            by_pk = self.documents_by_pk()
            mask = numpy.zeros(self.size, dtype=bool)
            mask[[by_pk[pk] for pk in query.pks if pk in by_pk]] = True
            return mask, numpy.zeros(self.size, numpy.float32) if scored else None
        if isinstance(query, wq.Every):
            mask = self.live().copy()
            return mask, mask * numpy.float32(query.boost) if scored else None
        if isinstance(query, wq.FuzzyTerm):
            # Each word within reach scores as if it had been typed.
            mask = numpy.zeros(self.size, dtype=bool)
            scores = numpy.zeros(self.size, dtype=numpy.float32) if scored else None
            for text in self.reader.terms_within(
                query.fieldname, query.text, query.maxdist, prefix=query.prefixlength
            ):
                term_mask, term_scores = self.term(
                    query.fieldname, text, query.boost, scored
                )
                mask |= term_mask
                if scored:
                    scores += term_scores
            return mask, scores
        if isinstance(query, wq.Phrase):
            mask, scores = self._phrase_candidates(query, scored)
            mask = mask & self._phrase_mask(query, mask)
            return mask, scores * mask if scored else None
        if isinstance(query, (wq.Or, wq.And)):
            results = [self.evaluate(sub, scored) for sub in query.subqueries]
            combine = (
                numpy.logical_or if isinstance(query, wq.Or) else numpy.logical_and
            )
            mask = functools.reduce(combine, [m for m, _ in results])
            if not scored:
                return mask, None
            scores = functools.reduce(numpy.add, [s for _, s in results])
            return mask, scores * mask * numpy.float32(query.boost)
        if isinstance(query, wq.Not):
            inner, _ = self.evaluate(query.query, scored=False)
            mask = self.live() & ~inner
            # Whoosh scores a document for what it lacks as it scores "every
            # document": the query's boost.
            return mask, mask * numpy.float32(query.boost) if scored else None
        if isinstance(query, wq.Prefix) and query.fieldname.endswith("__s"):
            mask = self._prefix(query.fieldname, query.text)
            return mask, numpy.zeros(self.size, numpy.float32) if scored else None
        # Anything else (filters: ranges, prefixes, ...) Whoosh answers,
        # once per searcher: a path prefix expands to a term per page below
        # it, thousands, and the library counts every network's prefix with
        # whatever other filters the visitor chose.
        key = repr(query)
        mask = self._leaf_masks.pop(key, None)
        if mask is None:
            mask = numpy.zeros(self.size, dtype=bool)
            mask[
                numpy.fromiter(self.searcher.docs_for_query(query), dtype=numpy.int64)
            ] = True
            mask.setflags(write=False)
        self._leaf_masks[key] = mask
        if len(self._leaf_masks) > LEAF_MASKS_KEPT:
            del self._leaf_masks[next(iter(self._leaf_masks))]
        return mask.copy(), numpy.zeros(self.size, numpy.float32) if scored else None

    def forget_searches(self):
        """Empty the remembered whole searches and phrase matches."""
        self._matches.clear()
        self._phrases.clear()
        self._phrase_bytes = 0

    def matches(self, query, scored=True):
        """
        Return ``(mask, scores)`` as ``evaluate()`` does, for a whole
        compiled query: remembered for the searcher's latest searches, and
        returned as copies the caller may change.
        """
        key = repr(query)
        known = self._matches.pop(key, None)
        if known is None or (scored and known[1] is None):
            known = self.evaluate(query, scored)
        # Latest last: the oldest is the first key.
        self._matches[key] = known
        if len(self._matches) > MATCHES_KEPT:
            del self._matches[next(iter(self._matches))]
        mask, scores = known
        return mask.copy(), scores.copy() if scored else None

    def _prefix(self, column, text):
        """
        Return the mask of documents whose value in the filter ``column``
        starts with ``text``, such as the pages below a path: from the
        column's sorted values, kept per segment across publishes, where
        Whoosh reads a posting list for each of thousands of paths.
        """
        values, documents, numbers = self.values(column)
        start = text.encode("utf-8")
        # No UTF-8 text holds the byte 0xff: every value starting with
        # `start` sorts before `start + b"\xff"`.
        first = bisect.bisect_left(values, start)
        end = bisect.bisect_left(values, start + b"\xff")
        mask = numpy.zeros(self.size, dtype=bool)
        mask[documents[(numbers >= first) & (numbers < end)]] = True
        return mask & self.live()

    def _phrase_candidates(self, query, scored):
        """Documents holding every word of the phrase, and their scores."""
        results = [
            self.term(query.fieldname, word, query.boost, scored)
            for word in query.words
        ]
        mask = functools.reduce(numpy.logical_and, [m for m, _ in results])
        scores = (
            functools.reduce(numpy.add, [s for _, s in results]) if scored else None
        )
        return mask, scores

    def _phrase_mask(self, query, candidates):
        """
        Return the mask of documents where the phrase ``query`` holds, given
        the mask of its ``candidates``; worked out once per searcher.
        """
        holds = numpy.zeros(self.size, dtype=bool)
        holds[self._phrase_documents(query, candidates)] = True
        return holds

    def _phrase_documents(self, query, candidates):
        """Return the sorted document numbers where ``query`` holds (cached)."""
        key = _phrase_key(query)
        documents = self._phrases.get(key)
        if documents is None:
            checked = numpy.flatnonzero(candidates)
            documents = checked[self._phrase_holds(query, checked)].astype(numpy.int32)
            self._keep_phrase(key, documents)
        return documents

    def _keep_phrase(self, key, documents):
        documents.setflags(write=False)
        self._phrases[key] = documents
        self._phrase_bytes += documents.nbytes
        # Oldest first: dictionaries keep the order keys were added in.
        while self._phrase_bytes > PHRASE_CACHE_BYTES and len(self._phrases) > 1:
            oldest = next(iter(self._phrases))
            self._phrase_bytes -= self._phrases.pop(oldest).nbytes

    def _phrase_holds(self, query, docnums):
        """
        Return, for each of ``docnums``, whether its words stand together in
        order. Positions are decoded only for these documents.
        """
        holds = numpy.zeros(len(docnums), dtype=bool)
        decode = self.searcher.schema[query.fieldname].format.decode_positions
        found = []
        for word in query.words:
            ids, values = self.positions(query.fieldname, word)
            where = numpy.searchsorted(ids, docnums).clip(max=max(len(ids) - 1, 0))
            if not len(ids):
                return holds
            present = ids[where] == docnums
            holds = present if not found else holds & present
            found.append((where, values))
        for index in numpy.flatnonzero(holds):
            positions = [decode(values[where[index]]) for where, values in found]
            holds[index] = _in_sequence(positions, query.slop)
        return holds

    def top(self, query, allowed, stop):
        """
        Return ``[(docnum, score), ...]`` of the best ``stop`` matches (all
        when ``stop`` is None), best first, ties in index order as Whoosh
        orders them.
        """
        phrases = _phrases_across_columns(query)
        if phrases:
            return self._top_phrase(phrases, allowed, stop)
        mask, scores = self.matches(query)
        mask &= self.live()
        if allowed is not None:
            mask &= allowed
        return self._best(numpy.flatnonzero(mask), scores, stop)

    def _best(self, docnums, scores, stop):
        if stop is not None and stop < len(docnums):
            # The best `stop` first, cheaply; then sorted among themselves.
            cut = numpy.argpartition(-scores[docnums], stop - 1)[:stop]
            kth = scores[docnums[cut]].min()
            # Every document tying with the last one kept competes, so that
            # ties are broken by document number as Whoosh breaks them.
            docnums = docnums[scores[docnums] >= kth]
        order = numpy.lexsort((docnums, -scores[docnums]))
        docnums = docnums[order][:stop]
        return [(int(d), float(scores[d])) for d in docnums]

    def _top_phrase(self, phrases, allowed, stop):
        """
        The best matches of a phrase searched in several columns.

        Checking word positions is the slow part, so candidates (documents
        holding all the words) are checked best first, by the score they would
        have if the phrase held in every column, until no unchecked candidate
        can beat the ones found.
        """
        candidates = []
        for phrase in phrases:
            mask, scores = self._phrase_candidates(phrase, scored=True)
            candidates.append((phrase, mask, scores))
        bound = functools.reduce(numpy.add, [s for _, _, s in candidates])
        mask = functools.reduce(numpy.logical_or, [m for _, m, _ in candidates])
        mask &= self.live()
        if allowed is not None:
            mask &= allowed
        docnums = numpy.flatnonzero(mask)
        docnums = docnums[numpy.lexsort((docnums, -bound[docnums]))]
        exact = numpy.zeros(self.size, dtype=numpy.float32)
        found = []
        batch = max(2 * (stop or 0), 64)
        for start in range(0, len(docnums), batch):
            if stop is not None and len(found) >= stop:
                best = sorted((exact[d] for d in found), reverse=True)[stop - 1]
                if best >= bound[docnums[start]]:
                    break
            chunk = numpy.sort(docnums[start : start + batch])
            matched = numpy.zeros(len(chunk), dtype=bool)
            for phrase, phrase_mask, phrase_scores in candidates:
                inside = phrase_mask[chunk]
                holds = numpy.zeros(len(chunk), dtype=bool)
                known = self._phrases.get(_phrase_key(phrase))
                if known is not None:
                    holds[inside] = numpy.isin(chunk[inside], known)
                else:
                    holds[inside] = self._phrase_holds(phrase, chunk[inside])
                exact[chunk[holds]] += phrase_scores[chunk[holds]]
                matched |= holds
            found.extend(int(d) for d in chunk[matched])
        return self._best(numpy.array(found, dtype=numpy.int64), exact, stop)


def _phrase_key(phrase):
    return (phrase.fieldname, tuple(phrase.words), phrase.slop)


def _scorer(searcher, cache):
    """Return the scorer of ``searcher``, kept in its cache."""
    scorer = cache.get("scorer")
    if scorer is None or scorer.searcher is not searcher:
        segments = cache.get("segments") or _SegmentCache()
        scorer = cache["scorer"] = _Scorer(searcher, segments)
    return scorer


class _SegmentCache:
    """
    What the scorer has read from each segment, kept for as long as the
    segment is part of the index: publishing a page adds a small segment and
    leaves the others as they were, so the first search after it reads only
    the new one.
    """

    def __init__(self):
        self.entries = {}
        self.size = 0

    def get(self, leaf, key, read):
        full_key = (leaf.segment().segment_id(), *key)
        found = self.entries.get(full_key)
        if found is None:
            found = read(leaf)
            self.size += len(found[0])
            if self.size > POSTINGS_CACHE_LIMIT:
                self.entries.clear()
                self.size = len(found[0])
            self.entries[full_key] = found
        return found

    def keep_only(self, segment_ids):
        """Forget the segments that are no longer part of the index."""
        self.entries = {
            key: value for key, value in self.entries.items() if key[0] in segment_ids
        }
        self.size = sum(len(value[0]) for value in self.entries.values())


_NO_POSTINGS = (numpy.empty(0, dtype=numpy.int64), numpy.empty(0, numpy.float32))


def _join(parts):
    """Join per-segment values: arrays, or lists of encoded positions."""
    if isinstance(parts[0], numpy.ndarray):
        return numpy.concatenate(parts)
    return [value for part in parts for value in part]


def _unfiltered(matcher):
    """
    The matcher under Whoosh's filter of deleted documents: the scorer
    leaves deleted documents out itself, with one mask for all terms.
    """
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return matcher


def _phrases_across_columns(query):
    """The phrases of a query that is one phrase searched in one or more columns."""
    if isinstance(query, wq.Phrase):
        return [query]
    if isinstance(query, wq.Or) and query.boost == 1 and query.subqueries:
        if all(isinstance(sub, wq.Phrase) for sub in query.subqueries):
            return list(query.subqueries)
    return None


def _in_sequence(positions, slop):
    """Whether some position of the first word is followed by all the others."""
    following = [set(p) for p in positions[1:]]
    for start in positions[0]:
        current = start
        for later in following:
            nearest = next(
                (
                    current + step
                    for step in range(1, slop + 1)
                    if current + step in later
                ),
                None,
            )
            if nearest is None:
                break
            current = nearest
        else:
            return True
    return False


def _read_postings(matcher):
    """
    Return a term's postings in one segment as ``(ids, frequencies)`` arrays.

    Whoosh 2.7's on-disk matcher is read a block (up to 128 postings) at a
    time: each block's data is one pickled tuple of delta-encoded ids and
    frequencies, decoded here with numpy rather than Whoosh's per-posting
    generators. Anything else is read through the public matcher interface,
    one posting at a time.
    """
    if hasattr(matcher, "_read_data") and not getattr(matcher, "_byteids", True):
        ids, weights = [], []
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            deltas, frequencies = matcher._data[0], matcher._data[1]
            block_ids = numpy.cumsum(numpy.asarray(deltas, dtype=numpy.int64))
            ids.append(block_ids)
            if frequencies is None:
                weights.append(numpy.ones(len(block_ids), dtype=numpy.float32))
            elif isinstance(frequencies, float):
                weights.append(numpy.full(len(block_ids), frequencies, numpy.float32))
            else:
                weights.append(numpy.asarray(frequencies, dtype=numpy.float32))
            matcher._next_block()
        if ids:
            return numpy.concatenate(ids), numpy.concatenate(weights)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return numpy.array(ids, dtype=numpy.int64), numpy.array(weights, numpy.float32)


def _read_column_values(leaf, column):
    """
    Return which documents of one segment hold which values of a filter
    column: ``(documents, (values, value numbers))``.
    """
    if column not in leaf.indexed_field_names():
        return _NO_POSTINGS[0], ([], _NO_POSTINGS[0])
    texts, documents, numbers = [], [], []
    for number, text in enumerate(leaf.schema[column].sortable_terms(leaf, column)):
        ids, _ = _read_postings(_unfiltered(leaf.postings(column, text)))
        texts.append(text)
        documents.append(ids)
        numbers.append(numpy.full(len(ids), number, dtype=numpy.int64))
    if not texts:
        return _NO_POSTINGS[0], ([], _NO_POSTINGS[0])
    return numpy.concatenate(documents), (texts, numpy.concatenate(numbers))


def _read_values(matcher):
    """Return a term's postings in one segment as ``(ids, encoded values)``."""
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_read_values"):
        ids, values = [], []
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_values()
            ids.append(numpy.asarray(matcher._ids, dtype=numpy.int64))
            values.extend(matcher._values)
            matcher._next_block()
        if ids:
            return numpy.concatenate(ids), values
    ids, values = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        values.append(matcher.value())
        matcher.next()
    return numpy.array(ids, dtype=numpy.int64), values


#: Whoosh stores a field's length in a byte; this decodes all 256 at once.
_BYTE_LENGTHS = numpy.array([byte_to_length(b) for b in range(256)], numpy.float32)


def _read_lengths(leaf, column):
    """Return the lengths of ``column`` in one segment's documents."""
    count = leaf.doc_count_all()
    lengths = numpy.zeros(count, dtype=numpy.float32)
    try:
        column_reader = leaf._perdoc._cached_reader(_lenfield(column), LENGTHS_COLUMN)
        if column_reader is None:
            return lengths  # No document of this segment has the column.
        raw = column_reader._dbfile.get(column_reader._basepos, column_reader._count)
        stored = _BYTE_LENGTHS[numpy.frombuffer(raw, dtype=numpy.uint8)]
        lengths[: len(stored)] = stored[:count]
        return lengths
    except AttributeError:
        return numpy.array(
            [leaf.doc_field_length(d, column, 0) for d in range(count)], numpy.float32
        )


# Results


class WhooshSearchResults(BaseSearchResults):
    """
    Search results, loaded lazily: Whoosh returns the primary keys of one
    page of hits, then the objects come from the queryset (so the database,
    not a possibly stale index, has the last word on what is returned).
    """

    supports_facet = True

    def _hits(self, searcher, query, allowed, cache):
        if query is None:
            return []
        scorer = _scorer(searcher, cache)
        pks = scorer.pks()
        if self.query_compiler.order_by_relevance:
            best = scorer.top(query, allowed, self.stop)
            return [(pks[docnum], score) for docnum, score in best[self.start :]]
        # Too many matches for the database to sort: Whoosh sorts them.
        results = searcher.search(
            query,
            filter=None
            if allowed is None
            else set(numpy.flatnonzero(allowed).tolist()),
            limit=self.stop,
            sortedby=self.query_compiler.sort_facets(),
            terms=False,
        )
        end = len(results.top_n)
        return [(pks[results.docnum(i)], None) for i in range(self.start, end)]

    def ranked_keys(self):
        """
        Return the primary keys of every match (within the slice), best
        first, without loading the objects: for a caller that filters and
        pages them in the database itself. Keys of objects deleted since
        they were indexed may be among them.
        """
        if self.stop is not None and self.stop <= self.start:
            return []
        to_python = self.query_compiler.model._meta.pk.to_python
        return [
            to_python(pk)
            for pk, _score in self.query_compiler.run(self.backend, self._hits)
        ]

    def _matching_pks(self, searcher, query, allowed, cache):
        """Return the primary keys of all matches, or None if there are too many."""
        matching = numpy.flatnonzero(self._matching(searcher, query, allowed, cache))
        if len(matching) > DATABASE_SORT_LIMIT:
            return None
        pks = _scorer(searcher, cache).pks()
        return [pks[docnum] for docnum in matching]

    def _sorted_by_database(self):
        """
        Return the page of results ordered by the database, or None.

        Whoosh sorts by a field one document at a time in Python, which is
        slow for thousands of matches; the database sorts the matching
        primary keys far faster, and exactly as the queryset would.
        """
        pks = self.query_compiler.run(self.backend, self._matching_pks)
        if pks is None:
            return None
        queryset = self.query_compiler.queryset.filter(pk__in=pks)
        ordering = list(queryset.query.order_by)
        # Ties are broken by primary key, newest first, so that pages of
        # results never overlap.
        queryset = queryset.order_by(*ordering, "-pk")
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        results = list(queryset[self.start : self.stop])
        if self._score_field:
            for obj in results:
                setattr(obj, self._score_field, None)
        return results

    def _do_search(self):
        if self.stop is not None and self.stop <= self.start:
            return []
        if not self.query_compiler.order_by_relevance:
            results = self._sorted_by_database()
            if results is not None:
                return results
        hits = self.query_compiler.run(self.backend, self._hits)
        if not hits:
            return []
        queryset = self.query_compiler.queryset.filter(pk__in=[pk for pk, _ in hits])
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objects = {str(obj.pk): obj for obj in queryset}
        results = []
        for pk, score in hits:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _matching(self, searcher, query, allowed, cache):
        """
        Return the (read-only) mask of all matching documents, worked out
        once per searcher for the count and every facet.
        """
        prepared = self.query_compiler._prepared
        if prepared.matching is not None:
            return prepared.matching
        scorer = _scorer(searcher, cache)
        if query is None:
            matching = numpy.zeros(scorer.size, dtype=bool)
        else:
            matching, _ = scorer.matches(query, scored=False)
            matching &= scorer.live()
            if allowed is not None:
                matching &= allowed
        matching.setflags(write=False)
        prepared.matching = matching
        return matching

    def _do_count(self):
        total = int(self.query_compiler.run(self.backend, self._matching).sum())
        total -= self.start
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return max(total, 0)

    def _facet_field(self, field_name):
        """Return the filter field to count by, or raise FilterFieldError."""
        compiler = self.query_compiler
        field = compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to '
                f"{compiler.model.__name__}.search_fields.",
                field_name=field_name,
            )
        return field

    def prefix_counts(self, field_name, prefixes):
        """
        Return ``{prefix: count}``: how many matching objects have a value of
        the text field ``field_name`` starting with each of ``prefixes``,
        such as the pages below each of several tree paths. One search, where
        counting each prefix with a ``startswith`` filter is a search each.
        """
        compiler = self.query_compiler
        field = self._facet_field(field_name)
        kind = _kind_for(compiler.model, field)
        if kind.suffix != "__s":
            raise FilterError(
                f'Cannot count search results by prefixes of "{field_name}": it '
                "needs a text field."
            )
        column = _column(compiler.model, field) + kind.suffix

        def count(searcher, query, allowed, cache):
            matching = self._matching(searcher, query, allowed, cache)
            scorer = _scorer(searcher, cache)
            return {
                prefix: int(
                    numpy.count_nonzero(
                        matching & scorer._prefix(column, kind.encode(prefix))
                    )
                )
                for prefix in prefixes
            }

        return compiler.run(self.backend, count)

    def facet(self, field_name):
        """
        Return an ordered ``{value: count}`` of ``field_name``'s values among
        all matching objects, most frequent first; ``None`` counts the
        objects without a value.
        """
        compiler = self.query_compiler
        field = self._facet_field(field_name)
        kind = _kind_for(compiler.model, field)
        column = _column(compiler.model, field) + kind.suffix

        def count(searcher, query, allowed, cache):
            matching = self._matching(searcher, query, allowed, cache)
            scorer = _scorer(searcher, cache)
            values, documents, value_numbers = scorer.values(column)
            # Each (document, value) pair weighs 1 if the document matches:
            # one pass, where selecting the matching pairs first took three.
            totals = numpy.bincount(
                value_numbers, weights=matching[documents], minlength=len(values)
            )
            schema_field = searcher.schema[column] if values else None
            decoded = scorer.decoded(
                column, lambda b: kind.decode(schema_field.from_bytes(b))
            )
            held = numpy.flatnonzero(totals)
            counts = list(
                zip(
                    [decoded[number] for number in held.tolist()],
                    totals[held].astype(numpy.int64).tolist(),
                    strict=True,
                )
            )
            missing = int(numpy.count_nonzero(matching & ~scorer.holding(column)))
            if missing:
                counts.append((None, missing))
            counts.sort(key=lambda item: -item[1])
            return OrderedDict(counts)

        return compiler.run(self.backend, count)


# Backend


class WhooshSearchBackend(BaseSearchBackend):
    """
    Search backend storing its indexes with Whoosh in a folder on local disk.

    Options (all optional except ``PATH``):

    * ``PATH``: folder for the indexes; created owner-only (0o700).
    * ``LANGUAGE``: stemming and stop-word language, such as ``"en"``, or
      None for neither. Default ``"en"``. Takes effect at the next rebuild.
    * ``LOCK_TIMEOUT``: seconds an update waits for the index's write lock
      (default 10). An update that cannot get it is logged and dropped.
    * ``MAX_QUERY_LENGTH``: characters of a query string that are searched
      (default 256); the rest is ignored.
    * ``MAX_QUERY_TERMS``: distinct words of a query that are searched
      (default 32).
    * ``WRITER_MEMORY_MB``: memory a rebuild's writer may use (default 256),
      per rebuild process.
    * ``REBUILD_PROCESSES``: worker processes a rebuild analyses and writes
      documents in (default: one per CPU, at most 4; 1 writes in the
      rebuilding process itself).
    """

    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    rebuilder_class = WhooshSearchRebuilder
    index_class = WhooshIndex
    # Index updates are caught and logged: the index lives outside the
    # database transaction, so failing the save would not protect it.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        options = dict(params)
        unknown = set(options) - set(DEFAULTS) - PASSTHROUGH_OPTIONS
        if unknown:
            raise ImproperlyConfigured(
                f"Unknown option(s) {', '.join(sorted(unknown))} for the Whoosh search "
                f"backend; the options are {', '.join(DEFAULTS)}."
            )
        options = {**DEFAULTS, **options}

        path = options["PATH"]
        if not path:
            raise ImproperlyConfigured(
                "The Whoosh search backend needs a PATH: the folder to keep its "
                "index in."
            )
        self.path = os.path.abspath(os.fspath(path))

        language = options["LANGUAGE"]
        if language:
            code = str(language).lower().replace("_", "-").split("-")[0]
            if not has_stemmer(code):
                raise ImproperlyConfigured(
                    f"LANGUAGE {language!r} is not supported by the Whoosh search "
                    "backend; use None or a code Whoosh can stem, such as 'en', "
                    "'fr', 'de'."
                )
            language = code
        self.language = language or None

        self.lock_timeout = self._number(options, "LOCK_TIMEOUT", float)
        self.max_query_length = self._number(options, "MAX_QUERY_LENGTH", int)
        self.max_query_terms = self._number(options, "MAX_QUERY_TERMS", int)
        self.writer_memory_mb = self._number(options, "WRITER_MEMORY_MB", int)
        self.rebuild_processes = self._number(options, "REBUILD_PROCESSES", int)

    @staticmethod
    def _number(options, key, cast):
        value = options[key]
        try:
            number = cast(value)
        except (TypeError, ValueError):
            number = None
        if number is None or number <= 0 or isinstance(value, bool):
            raise ImproperlyConfigured(
                f"{key} for the Whoosh search backend must be a positive number, "
                f"not {value!r}."
            )
        return number

    def get_index_for_model(self, model):
        root = get_model_root(model)
        return self.index_class(self, f"{root._meta.app_label}_{root._meta.model_name}")


SearchBackend = WhooshSearchBackend
