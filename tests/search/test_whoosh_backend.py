"""
The Whoosh search backend on real Wagtail pages.

Each test gets its own index folder through ``override_settings``, so the
project's configured backend is never touched.
"""

import logging
import stat
import threading
import time
from io import StringIO
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterError, FilterFieldError
from wagtail.search.query import MATCH_ALL, Phrase, PlainText

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticePage, ExploitationType, Sector, Theme
from network.factories import OrganisationPageFactory
from network.models import NetworkPage, OrganisationPage
from portal.factories import StandardPageFactory
from portal.models import StandardPage
from search.backends import whoosh
from search.backends.whoosh import (
    SearchIndexUnavailable,
    WhooshSearchBackend,
    WhooshSearchRebuilder,
)
from tests.signing_in import sign_in_with_second_factor

WHOOSH = "search.backends.whoosh"


def whoosh_settings(path, **options):
    return {"default": {"BACKEND": WHOOSH, "PATH": str(path), **options}}


@pytest.fixture
def index_path(tmp_path):
    return tmp_path / "search-index"


@pytest.fixture
def backend(index_path):
    """The default backend, pointed at an index folder of this test's own."""
    with override_settings(
        WAGTAILSEARCH_BACKENDS=whoosh_settings(index_path, LOCK_TIMEOUT=5)
    ):
        yield get_search_backend()
    whoosh._stores.clear()


def rebuild():
    call_command("update_index", stdout=StringIO())


def page_index(backend):
    return backend.get_index_for_model(Page)


def index_pks(backend, **terms):
    """Return the primary keys of the documents in the page index."""
    from whoosh import query

    with page_index(backend).store.searcher() as searcher:
        q = query.And([query.Term(k, v) for k, v in terms.items()]) or query.Every()
        if not terms:
            q = query.Every()
        return sorted(
            int(searcher.stored_fields(n)["pk"]) for n in searcher.docs_for_query(q)
        )


def titles(results):
    return [page.title for page in results]


def body(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def library(backend, tree):
    """A few standard pages with known words, indexed by a full rebuild."""
    pages = {
        "nrm": StandardPageFactory(
            parent=tree.home,
            title="National Referral Mechanism",
            slug="nrm",
            body=body("How to make a referral for a potential victim of slavery."),
        ),
        "county": StandardPageFactory(
            parent=tree.home,
            title="Spotting county lines",
            slug="county-lines",
            body=body("County lines exploitation moves drugs with children."),
        ),
        "lines": StandardPageFactory(
            parent=tree.home,
            title="Reading the signs",
            slug="signs",
            body=body("Several lines of enquiry lead out of the county."),
        ),
        "carwash": StandardPageFactory(
            parent=tree.home,
            title="Labour exploitation in car washes",
            slug="car-washes",
            body=body("Signs of modern slavery at hand car washes."),
        ),
        "slavery": StandardPageFactory(
            parent=tree.home,
            title="Modern slavery",
            slug="modern-slavery",
            body=body("An overview for front-line staff."),
        ),
    }
    rebuild()
    return pages


# Configuration


def test_options_are_validated(index_path):
    with pytest.raises(ImproperlyConfigured, match="PATH"):
        WhooshSearchBackend({})
    with pytest.raises(ImproperlyConfigured, match="LANGUAGE"):
        WhooshSearchBackend({"PATH": index_path, "LANGUAGE": "klingon"})
    with pytest.raises(ImproperlyConfigured, match="LOCK_TIMEOUT"):
        WhooshSearchBackend({"PATH": index_path, "LOCK_TIMEOUT": 0})
    with pytest.raises(ImproperlyConfigured, match="MAX_QUERY_LENGTH"):
        WhooshSearchBackend({"PATH": index_path, "MAX_QUERY_LENGTH": "long"})
    with pytest.raises(ImproperlyConfigured, match="LOCKTIMEOUT"):
        WhooshSearchBackend({"PATH": index_path, "LOCKTIMEOUT": 5})


def test_language_accepts_django_codes_and_none(tmp_path):
    assert WhooshSearchBackend({"PATH": tmp_path, "LANGUAGE": "en-gb"}).language == "en"
    assert WhooshSearchBackend({"PATH": tmp_path, "LANGUAGE": None}).language is None


def test_creating_the_backend_touches_no_files(index_path):
    WhooshSearchBackend({"PATH": index_path})
    assert not index_path.exists()


def test_index_folder_is_owner_only(backend, index_path, tree):
    rebuild()
    assert stat.S_IMODE(index_path.stat().st_mode) == 0o700
    for entry in index_path.iterdir():
        if entry.is_dir():
            assert stat.S_IMODE(entry.stat().st_mode) == 0o700


# Searching pages


@pytest.mark.django_db
def test_live_public_search_excludes_drafts_and_restricted_pages(
    backend, library, tree
):
    draft = StandardPageFactory(
        parent=tree.home, title="Slavery draft", slug="draft", live=False
    )
    private = StandardPageFactory(
        parent=tree.partners_page, title="Slavery for partners", slug="private"
    )
    results = Page.objects.live().public().search("slavery")
    assert "Modern slavery" in titles(results)
    assert draft.title not in titles(results)
    assert private.title not in titles(results)
    # The index holds both, so the exclusion is the backend's filtering.
    assert {draft.pk, private.pk} <= set(index_pks(backend))


def test_descendant_of(backend, tree):
    rebuild()
    results = Page.objects.live().descendant_of(tree.west_yorkshire).search("forum")
    assert sorted(titles(results)) == ["Bradford forum", "Leeds forum"]
    assert not Page.objects.descendant_of(tree.north_east).search("forum")


def test_specific_page_type(backend, tree):
    rebuild()
    assert titles(OrganisationPage.objects.search("leeds")) == ["Leeds Council"]
    assert titles(NetworkPage.objects.search("leeds")) == ["Leeds forum"]
    assert sorted(titles(Page.objects.search("leeds"))) == [
        "Leeds Council",
        "Leeds forum",
    ]


def test_filter_field_of_a_page_type(backend, tree):
    rebuild()
    results = OrganisationPage.objects.filter(
        organisation_type=OrganisationPage.Type.POLICE_FORCE
    ).search(MATCH_ALL)
    assert titles(results) == ["Yorkshire Constabulary"]


def test_title_outranks_body(backend, library):
    results = Page.objects.live().search("slavery")
    assert titles(results)[0] == "Modern slavery"


def test_related_fields_are_searched(backend, db):
    document = Document.objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4", name="report.pdf")
    )
    document.tags.add("trafficking")
    other = Document.objects.create(
        title="Minutes", file=ContentFile(b"%PDF-1.4", name="minutes.pdf")
    )
    get_search_backend().add(document)
    get_search_backend().add(other)
    assert list(Document.objects.search("trafficking")) == [document]


def test_phrase(backend, library):
    results = Page.objects.search(Phrase("county lines"))
    assert sorted(titles(results)) == ["Spotting county lines"]
    loose = Page.objects.search(PlainText("county lines", operator="and"))
    assert sorted(titles(loose)) == ["Reading the signs", "Spotting county lines"]


def test_ranked_keys_are_the_results_keys_in_order(backend, library):
    results = Page.objects.live().search("slavery county")
    keys = results.ranked_keys()
    assert len(keys) > 1
    assert keys == [page.pk for page in results]
    assert all(isinstance(key, int) for key in keys)
    assert results[1:].ranked_keys() == keys[1:]


def test_filters_on_a_page_types_own_keys(backend, library):
    """
    `pk__in` and `pk=` on a page type are its parent-link pointer: the
    backend asks the database for those keys alone, and the answers are
    the database's, kept, excluded or combined with other filters.
    """
    nrm, county = library["nrm"], library["county"]
    pages = StandardPage.objects.live()
    everything = {page.pk for page in pages.search(MATCH_ALL)}
    assert {nrm.pk, county.pk} < everything

    assert titles(pages.filter(pk__in=[nrm.pk, county.pk]).search("slavery")) == [
        "National Referral Mechanism"
    ]
    assert titles(pages.filter(pk=county.pk).search(MATCH_ALL)) == [county.title]
    kept = StandardPage.objects.filter(slug__in=["nrm", "county-lines"]).values("pk")
    assert {page.pk for page in pages.filter(pk__in=kept).search(MATCH_ALL)} == {
        nrm.pk,
        county.pk,
    }
    assert {page.pk for page in pages.exclude(pk__in=kept).search(MATCH_ALL)} == (
        everything - {nrm.pk, county.pk}
    )
    assert pages.filter(pk__in=kept).exclude(pk=nrm.pk).search(MATCH_ALL).count() == 1
    assert not pages.filter(pk__in=[]).search(MATCH_ALL)


def test_a_shared_subquery_is_asked_once_within_the_block(backend, library):
    kept = StandardPage.objects.filter(slug__in=["nrm", "county-lines"]).values("pk")
    pages = StandardPage.objects.live().filter(pk__in=kept)

    def counts():
        with CaptureQueriesContext(connection) as queries:
            found = [
                pages.search(text).count() for text in ("slavery", "county", MATCH_ALL)
            ]
        return found, len(queries)

    alone, asked_alone = counts()
    with whoosh.shared_subqueries():
        shared, asked_shared = counts()
    assert shared == alone == [1, 1, 2]
    assert (asked_alone, asked_shared) == (3, 1)
    # Outside the block the database is asked afresh: it may have changed.
    StandardPage.objects.filter(slug="nrm").update(slug="nrm-moved")
    assert pages.search("slavery").count() == 0


def test_operator_and_or(backend, library):
    either = Page.objects.search("referral washes", operator="or")
    assert sorted(titles(either)) == [
        "Labour exploitation in car washes",
        "National Referral Mechanism",
    ]
    assert not Page.objects.search("referral washes", operator="and")


def test_stemming(backend, library):
    assert "National Referral Mechanism" in titles(Page.objects.search("referrals"))


def test_ordering_by_relevance_and_by_field(backend, library):
    relevance = titles(Page.objects.search("exploitation"))
    assert relevance[0] == "Labour exploitation in car washes"
    by_title = Page.objects.order_by("title").search(
        "exploitation", order_by_relevance=False
    )
    assert titles(by_title) == [
        "Labour exploitation in car washes",
        "Spotting county lines",
    ]
    newest_first = Page.objects.search("exploitation", order_by="-title")
    assert titles(newest_first) == [
        "Spotting county lines",
        "Labour exploitation in car washes",
    ]


def test_slicing_and_counts(backend, library):
    results = StandardPage.objects.order_by("title").search(
        MATCH_ALL, order_by_relevance=False
    )
    everything = titles(results)
    assert results.count() == len(everything) == StandardPage.objects.count()
    assert titles(results[1:3]) == everything[1:3]
    assert results[1:3].count() == 2
    assert results[2].title == everything[2]
    assert results[100:].count() == 0


def test_autocomplete_on_titles(backend, tree):
    rebuild()
    results = Page.objects.live().autocomplete("yorks")
    assert sorted(titles(results)) == ["West Yorkshire", "Yorkshire Constabulary"]
    assert titles(Page.objects.autocomplete("yorkshire cons")) == [
        "Yorkshire Constabulary"
    ]


def test_facets(backend, tree):
    OrganisationPageFactory(
        parent=tree.directory,
        title="Kirklees Council",
        organisation_type=OrganisationPage.Type.LOCAL_AUTHORITY,
    )
    rebuild()
    facets = OrganisationPage.objects.search(MATCH_ALL).facet("organisation_type")
    assert list(facets.items()) == [
        ("local_authority", 2),
        ("police_force", 1),
        ("ngo", 1),
    ] or list(facets.items()) == [
        ("local_authority", 2),
        ("ngo", 1),
        ("police_force", 1),
    ]
    assert OrganisationPage.objects.search("council").facet("organisation_type") == {
        "local_authority": 2
    }


def test_prefix_counts_equal_a_startswith_filter_per_prefix(backend, tree):
    BestPracticePageFactory(parent=tree.leeds, title="Leeds car wash checks")
    BestPracticePageFactory(parent=tree.north_east, title="North East car washes")
    BestPracticePageFactory(parent=tree.north_east, title="Nail bar visits")
    rebuild()
    networks = [tree.national, tree.west_yorkshire, tree.leeds, tree.north_east]
    for query in ("car wash", MATCH_ALL):
        counts = (
            Page.objects.live()
            .search(query)
            .prefix_counts("path", [network.path for network in networks])
        )
        expected = {
            network.path: Page.objects.live()
            .filter(path__startswith=network.path)
            .search(query)
            .count()
            for network in networks
        }
        assert counts == expected
    assert Page.objects.search("car wash").prefix_counts(
        "path", [tree.national.path, tree.leeds.path, tree.bradford.path]
    ) == {tree.national.path: 2, tree.leeds.path: 1, tree.bradford.path: 0}


def test_prefix_counts_need_a_text_filter_field(backend, tree):
    rebuild()
    results = Page.objects.search(MATCH_ALL)
    with pytest.raises(FilterFieldError):
        results.prefix_counts("slug", ["a"])
    with pytest.raises(FilterError):
        results.prefix_counts("depth", ["1"])


def test_one_searchs_count_and_facets_follow_a_publish(backend, tree):
    """The query is compiled once per searcher, so a publish still shows."""
    rebuild()
    results = OrganisationPage.objects.search("council")
    assert results.facet("organisation_type") == {"local_authority": 1}
    OrganisationPageFactory(
        parent=tree.directory,
        title="Kirklees Council",
        organisation_type=OrganisationPage.Type.LOCAL_AUTHORITY,
    )
    assert results.facet("organisation_type") == {"local_authority": 2}
    assert results.prefix_counts("path", [tree.directory.path]) == {
        tree.directory.path: 2
    }


def test_untranslatable_filters_raise(backend, library):
    with pytest.raises(FilterError):
        list(Page.objects.filter(title__icontains="slavery").search("slavery"))
    with pytest.raises(FilterFieldError):
        list(Page.objects.filter(slug="nrm").search("slavery"))
    with pytest.raises(FilterFieldError):
        OrganisationPage.objects.search(MATCH_ALL).facet("area")


# Keeping the index up to date through Wagtail's signals


def test_publish_unpublish_delete_and_move(backend, tree):
    rebuild()
    page = StandardPageFactory(
        parent=tree.home, title="Debt bondage", slug="debt-bondage", live=False
    )
    assert not Page.objects.live().search("bondage")

    page.save_revision().publish()
    assert titles(Page.objects.live().search("bondage")) == ["Debt bondage"]

    page.refresh_from_db()
    page.unpublish()
    assert not Page.objects.live().search("bondage")

    page.save_revision().publish()
    page.refresh_from_db()
    page.move(tree.police_page, pos="last-child")
    assert titles(Page.objects.descendant_of(tree.police_page).search("bondage")) == [
        "Debt bondage"
    ]

    pk = page.pk
    page.delete()
    assert not Page.objects.search("bondage")
    assert pk not in index_pks(backend)


def test_documents_built_in_bulk_equal_those_built_one_by_one(backend, tree):
    """
    A rebuild prefetches every relation the documents read, and reads them
    without a query per practice; the documents are the ones a single save
    writes.
    """
    themes = list(
        Theme.objects.filter(slug__in=["prevention", "victim-identification"])
    )
    sector = Sector.objects.get(slug="car-washes")
    labour = ExploitationType.objects.get(slug="labour-exploitation")
    pages = [
        BestPracticePageFactory(
            parent=tree.west_yorkshire,
            title=f"Car wash visits {number}",
            slug=f"car-wash-visits-{number}",
            themes=themes[: number + 1],
            sectors=[sector],
            exploitation_types=[labour],
            contributing_organisations=[tree.police_force, tree.charity][: number + 1],
            tags=[f"visits {number}", "car washes"],
        )
        for number in range(2)
    ]
    one_by_one = [
        whoosh._document(BestPracticePage, BestPracticePage.objects.get(pk=page.pk))
        for page in pages
    ]
    in_bulk = list(
        BestPracticePage.objects.filter(pk__in=[page.pk for page in pages]).order_by(
            "pk"
        )
    )
    whoosh._prefetch(BestPracticePage, in_bulk)
    with CaptureQueriesContext(connection) as queries:
        built = [whoosh._document(BestPracticePage, page) for page in in_bulk]
    assert built == one_by_one
    assert len(queries) == 0
    # The filter column of themes holds both themes' keys.
    (filtered,) = [c for c in built[1] if "themes" in c and not c.endswith("__t")]
    assert sorted(built[1][filtered]) == sorted(t.pk for t in themes)


def test_update_waits_for_the_write_lock(backend, tree, index_path):
    rebuild()
    store = page_index(backend).store
    folder = store.read_pointer()
    from whoosh.filedb.filestore import FileStorage

    lock = FileStorage(folder).lock("MAIN_WRITELOCK")
    assert lock.acquire()
    threading.Timer(0.5, lock.release).start()
    page = StandardPageFactory(parent=tree.home, title="Cuckooing", slug="cuckooing")
    assert titles(Page.objects.search("cuckooing")) == [page.title]


def test_locked_index_does_not_break_saving(index_path, tree, caplog):
    config = whoosh_settings(index_path, LOCK_TIMEOUT=0.2)
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        rebuild()
        backend = get_search_backend()
        folder = page_index(backend).store.read_pointer()
        from whoosh.filedb.filestore import FileStorage

        lock = FileStorage(folder).lock("MAIN_WRITELOCK")
        assert lock.acquire()
        try:
            with caplog.at_level(logging.ERROR):
                page = StandardPageFactory(
                    parent=tree.home, title="Sham marriage", slug="sham"
                )
                page.save_revision().publish()
        finally:
            lock.release()
        assert "Could not update the search index" in caplog.text
        assert not Page.objects.search("sham")
    whoosh._stores.clear()


# Rebuilding


def test_searches_answer_during_a_rebuild_and_updates_are_kept(backend, tree):
    rebuild()
    rebuilder = WhooshSearchRebuilder(page_index(backend))
    new_index = rebuilder.start()
    new_index.add_items(NetworkPage, NetworkPage.objects.all())
    # The live index still answers while the new one is half built.
    assert titles(NetworkPage.objects.search("leeds")) == ["Leeds forum"]
    # A page published during the rebuild reaches the new index too.
    StandardPageFactory(parent=tree.home, title="Orphan gangmasters", slug="orphan")
    rebuilder.finish()
    assert titles(Page.objects.search("gangmasters")) == ["Orphan gangmasters"]
    assert titles(NetworkPage.objects.search("leeds")) == ["Leeds forum"]
    # Organisations were not re-added by this partial rebuild.
    assert not OrganisationPage.objects.search("constabulary")


def test_rebuild_keeps_one_previous_generation(backend, index_path, tree):
    for _ in range(3):
        rebuild()
    generations = [
        p
        for p in index_path.iterdir()
        if p.is_dir() and p.name.startswith("wagtailcore_page.")
    ]
    assert len(generations) == 2
    assert titles(NetworkPage.objects.search("leeds")) == ["Leeds forum"]


def test_only_one_rebuild_at_a_time(backend, tree):
    rebuild()
    first = WhooshSearchRebuilder(page_index(backend))
    first.start()
    from whoosh.index import LockError

    with pytest.raises(LockError):
        WhooshSearchRebuilder(page_index(backend)).start()
    first.finish()


# Damaged and missing indexes


def test_missing_index_raises_search_index_unavailable(backend, db, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(SearchIndexUnavailable):
        list(Page.objects.search("anything"))
    assert "not been built" in caplog.text


def test_saving_creates_a_missing_index(backend, tree):
    page = StandardPageFactory(parent=tree.home, title="Forced labour", slug="forced")
    assert titles(Page.objects.search("forced labour", operator="and")) == [page.title]


def test_a_first_save_builds_an_index_without_reporting_a_problem(backend, db, caplog):
    """Nothing is logged: the demo's first save of a model did log an error."""
    with caplog.at_level(logging.INFO, logger="search.backends.whoosh"):
        document = Document.objects.create(
            title="Referral form", file=ContentFile(b"form", name="referral.txt")
        )
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert list(Document.objects.search("referral")) == [document]


def corrupt(backend, how):
    """Damage the live page index as a crash or a disk fault might."""
    folder = Path(page_index(backend).store.read_pointer())
    if how == "segment":
        for segment in folder.glob("*.seg"):
            segment.unlink()
    else:
        for toc in folder.glob("_MAIN_*.toc"):
            toc.write_bytes(toc.read_bytes()[:10])
    # Forget the open searcher, as a freshly started process would.
    whoosh._stores.clear()


@pytest.mark.parametrize("how", ["segment", "toc"])
def test_corrupt_index(backend, index_path, tree, caplog, how):
    rebuild()
    corrupt(backend, how)
    with caplog.at_level(logging.ERROR):
        page = StandardPageFactory(parent=tree.home, title="Trafficked", slug="tr")
        page.save_revision().publish()
        assert "Could not update the search index" in caplog.text
        with pytest.raises(SearchIndexUnavailable):
            list(Page.objects.search("trafficked"))
    rebuild()
    assert titles(Page.objects.search("trafficked")) == ["Trafficked"]


def test_a_segment_removed_by_another_processs_commit_is_read_from_the_newer_index(
    backend, tree, monkeypatch, caplog
):
    """
    Another process may commit and merge between this one reading the table
    of contents and opening a segment it names: the searcher opens the newer
    index instead of reporting the index broken.
    """
    rebuild()
    StandardPageFactory(parent=tree.home, title="Cuckooing", slug="cuckooing")
    store = page_index(backend).store
    removed = []

    class SegmentReader(whoosh.SegmentReader):
        def __init__(self, storage, schema, segment, **kwargs):
            if not removed:
                # The other process's commit, then the file it removed.
                store.current()[0].writer().commit()
                removed.append(segment)
                raise FileNotFoundError(f"{segment} was merged away")
            super().__init__(storage, schema, segment, **kwargs)

    monkeypatch.setattr(whoosh, "SegmentReader", SegmentReader)
    with caplog.at_level(logging.ERROR):
        assert titles(Page.objects.search("cuckooing")) == ["Cuckooing"]
    assert removed
    assert not caplog.records


def test_a_file_missing_with_no_newer_commit_is_an_error_at_once(
    backend, tree, monkeypatch, caplog
):
    rebuild()
    StandardPageFactory(parent=tree.home, title="Cuckooing", slug="cuckooing")
    attempts = []

    class SegmentReader(whoosh.SegmentReader):
        def __init__(self, storage, schema, segment, **kwargs):
            attempts.append(segment)
            raise FileNotFoundError(f"{segment} is missing")

    monkeypatch.setattr(whoosh, "SegmentReader", SegmentReader)
    with caplog.at_level(logging.ERROR), pytest.raises(SearchIndexUnavailable):
        list(Page.objects.search("cuckooing"))
    assert len(attempts) == 1
    assert "Could not open the search index" in caplog.text


# Hostile input


HOSTILE = [
    '"unbalanced',
    "title:leeds",
    "(leeds OR",
    "AND OR NOT",
    "* ? ~ ^ \\",
    "leeds~2 forum^10",
    "[a TO z] {x TO y}",
    "-leeds +forum",
    "'; DROP TABLE wagtailcore_page; --",
    "\x00\x01\x02",
    "👮‍♀️ 🚓",
    "</script><script>alert(1)</script>",
    "     ",
    "%s %d {0}",
    "a" * 300,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(backend, tree, text):
    rebuild()
    list(Page.objects.live().search(text))
    list(Page.objects.live().search(text, operator="and"))
    list(Page.objects.live().search(Phrase(text)))
    list(Page.objects.live().autocomplete(text))
    Page.objects.live().search(text).count()


def test_a_40000_character_query_is_answered_within_a_second(backend, tree):
    rebuild()
    query = ("leeds forum " * 4000)[:40000]
    started = time.perf_counter()
    results = list(Page.objects.live().search(query))
    list(Page.objects.live().autocomplete(query))
    assert time.perf_counter() - started < 1.0
    assert "Leeds forum" in titles(results)


def test_only_the_start_of_a_long_query_is_searched(backend, tree):
    rebuild()
    query = "x " * 200 + "leeds"
    assert not Page.objects.search(query, operator="or")


# Wagtail's own uses of the backend


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=leeds",
        "/admin/pages/search/?q=%22unbalanced+(AND",
        "/admin/choose-page/search/?q=yorkshire",
        "/admin/pages/{parent}/?q=forum",
        "/admin/documents/?q=report",
        "/admin/images/?q=logo",
        "/admin/users/?q=root",
    ],
)
def test_wagtail_admin_searches(backend, tree, personas, client, url):
    rebuild()
    sign_in_with_second_factor(client, personas["superuser"])
    response = client.get(url.format(parent=tree.west_yorkshire.pk))
    assert response.status_code == 200
