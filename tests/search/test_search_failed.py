"""
Searches that find nothing: recorded as words only, purged after 90 days,
reported to coordinators, and turned into a glossary synonym in one step.
"""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from network.permissions import sync_network_groups
from portal.factories import UserFactory
from search.models import FailedSearch, GlossaryTerm
from tests.search.search_corpus import indexed_corpus
from tests.signing_in import sign_in_with_second_factor

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/failed-searches/"
ADD = "/admin/reports/failed-searches/add-synonym/"


@pytest.fixture
def corpus(tree, settings, tmp_path):
    return indexed_corpus(tree, settings, tmp_path / "index")


@pytest.fixture
def coordinator(tree):
    _editors, coordinators = sync_network_groups(tree.west_yorkshire)
    return UserFactory(username="coordinator", groups=[coordinators])


def test_a_search_that_finds_nothing_is_counted_as_words_only(client, corpus, personas):
    client.force_login(personas["partner"])
    client.get("/search/", {"q": "Plonkwagon  STALLS"})
    client.get("/search/", {"q": "plonkwagon stalls"})
    client.get("/search/", {"q": "county lines"})  # finds something

    record = FailedSearch.objects.get()
    assert (record.words, record.count, record.day) == (
        "plonkwagon stalls",
        2,
        timezone.localdate(),
    )
    assert {f.name for f in FailedSearch._meta.get_fields()} == {
        "id",
        "words",
        "day",
        "count",
    }


def test_a_filtered_search_that_finds_nothing_is_not_recorded(client, corpus):
    client.get("/search/", {"q": "GLAA", "kind": "event"})

    assert not FailedSearch.objects.exists()


def test_records_older_than_90_days_are_purged(db):
    today = timezone.localdate()
    FailedSearch.objects.create(words="old", day=today - datetime.timedelta(days=91))
    FailedSearch.objects.create(words="kept", day=today - datetime.timedelta(days=90))
    out = io.StringIO()

    call_command("purge_failed_searches", stdout=out)

    assert list(FailedSearch.objects.values_list("words", flat=True)) == ["kept"]
    assert "Deleted 1 failed-search record older than 90 days." in out.getvalue()


def test_report_shows_counts_to_coordinators(client, coordinator):
    FailedSearch.objects.create(words="plonkwagon stalls", count=3)
    FailedSearch.objects.create(
        words="plonkwagon stalls",
        count=2,
        day=timezone.localdate() - datetime.timedelta(days=1),
    )
    sign_in_with_second_factor(client, coordinator)

    response = client.get(REPORT)
    html = response.content.decode()

    assert response.status_code == 200
    assert "plonkwagon stalls" in html
    assert "<td>5</td>" in html
    assert "Add as synonym" in html


def test_report_is_for_coordinators_only(client, tree, personas):
    FailedSearch.objects.create(words="plonkwagon stalls")
    editor = UserFactory(username="editor-only")
    editors, _coordinators = sync_network_groups(tree.west_yorkshire)
    editor.groups.add(editors)

    for user in (None, personas["partner"], editor):
        client.logout()
        if user:
            sign_in_with_second_factor(client, user)
        response = client.get(REPORT)
        assert response.status_code in (302, 403)
        assert b"plonkwagon stalls" not in response.content


def test_one_step_adds_the_words_as_a_synonym(client, corpus, coordinator):
    client.get("/search/", {"q": "plonkwagon drivers"})
    assert FailedSearch.objects.filter(words="plonkwagon drivers").exists()
    sign_in_with_second_factor(client, coordinator)
    term = GlossaryTerm.objects.get(term="county lines")

    response = client.post(
        ADD, {"words": "plonkwagon drivers", "term": term.pk}, follow=True
    )

    assert (
        "“plonkwagon drivers” is now a synonym of county lines"
        in response.content.decode()
    )
    assert "plonkwagon drivers" in GlossaryTerm.objects.get(pk=term.pk).synonym_list()
    assert not FailedSearch.objects.filter(words="plonkwagon drivers").exists()
    client.logout()
    found = client.get("/search/", {"q": "plonkwagon drivers"}).content.decode()
    found = found.replace("<mark>", "").replace("</mark>", "")
    assert corpus.event.title in found


def test_adding_needs_a_term(client, coordinator):
    sign_in_with_second_factor(client, coordinator)

    response = client.post(ADD, {"words": "plonkwagon drivers"}, follow=True)

    assert "Choose the glossary term to add the words to." in response.content.decode()


def test_coordinators_edit_the_glossary_in_the_admin(client, coordinator):
    sign_in_with_second_factor(client, coordinator)

    listing = client.get("/admin/snippets/search/glossaryterm/")
    response = client.post(
        "/admin/snippets/search/glossaryterm/add/",
        {
            "term": "TVP",
            "expansion": "Thames Valley Police",
            "definition": "A police force in the south of England.",
            "synonyms": "",
            "slug": "",
        },
    )

    assert listing.status_code == 200
    assert response.status_code == 302
    assert GlossaryTerm.objects.get(term="TVP").slug == "tvp"


def test_nothing_about_searches_is_public(client, db):
    FailedSearch.objects.create(words="plonkwagon stalls")

    for address in ("/search/", "/glossary/", "/api/v2/pages/", "/sitemap.xml"):
        assert b"plonkwagon stalls" not in client.get(address).content
