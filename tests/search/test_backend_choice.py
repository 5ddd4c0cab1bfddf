"""
The search backend is a setting: Whoosh by default, another by setting alone.
Whatever the backend, only page content is indexed, never people.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import EmailField
from django.test.utils import override_settings

from modelsearch.index import get_indexed_models
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from best_practice.factories import BestPracticePageFactory
from events.factories import EventPageFactory
from events.models import Registration
from events.registration import register
from tests.portal.test_settings import settings_value

BACKENDS = "s.WAGTAILSEARCH_BACKENDS['default']"


def backend_setting(**environment):
    result = settings_value(
        "portal.settings.dev", BACKENDS, PORTAL_VAR_DIR="/srv/portal", **environment
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # noqa: S307 (a dict printed by our own settings)


def test_whoosh_is_the_default_with_its_index_outside_media_and_static():
    backend = backend_setting()
    assert backend["BACKEND"] == "search.backends.whoosh"
    assert backend["PATH"] == "/srv/portal/search-index"
    result = settings_value(
        "portal.settings.dev",
        "(str(s.MEDIA_ROOT), str(s.STATIC_ROOT))",
        PORTAL_VAR_DIR="/srv/portal",
    )
    media, static = eval(result.stdout)  # noqa: S307
    for root in (media, static):
        assert not Path(backend["PATH"]).is_relative_to(root)


def test_the_database_backend_is_chosen_by_setting_alone():
    assert backend_setting(SEARCH_BACKEND="wagtail.search.backends.database") == {
        "BACKEND": "wagtail.search.backends.database"
    }


def test_elasticsearch_is_chosen_by_setting_alone():
    backend = backend_setting(
        SEARCH_BACKEND="wagtail.search.backends.elasticsearch8",
        SEARCH_URL="https://search-1.example.org:9200,https://search-2.example.org:9200",
    )
    assert backend == {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [
            "https://search-1.example.org:9200",
            "https://search-2.example.org:9200",
        ],
    }


@pytest.mark.django_db
def test_the_site_searches_through_the_database_backend_when_chosen(tree):
    with override_settings(
        WAGTAILSEARCH_BACKENDS={
            "default": {"BACKEND": "wagtail.search.backends.database"}
        }
    ):
        practice = BestPracticePageFactory(
            parent=tree.leeds, title="Marigold checks at hand car washes"
        )
        assert type(get_search_backend()).__module__.startswith(
            "modelsearch.backends.database"
        )
        found = Page.objects.live().public().search("marigold")
        assert [page.pk for page in found] == [practice.pk]


def test_no_record_of_a_person_is_indexed():
    # Users, registrations and attendees are people: never indexed. Pages,
    # documents and images are content; anything else indexed must be
    # content too, holding no e-mail address and pointing at no user.
    people = {get_user_model(), Registration}
    for model in get_indexed_models():
        assert model not in people
        if issubclass(model, Page | Document | Image):
            continue
        for field in model._meta.get_fields():
            assert not isinstance(field, EmailField), (model, field)
            assert field.related_model is not get_user_model(), (model, field)


@pytest.mark.django_db
def test_no_attendee_name_reaches_the_index_files(search_index, tree):
    event = EventPageFactory(
        parent=tree.west_yorkshire, title="Quokkaward awareness morning"
    )
    register(event, name="Zebedee Xanthopoulos", email="zx@example.org")
    call_command("update_index", verbosity=0)

    index_bytes = b"".join(
        path.read_bytes() for path in search_index.rglob("*") if path.is_file()
    )
    # The event's own title is there, so a name would be found if it were.
    assert b"quokkaward" in index_bytes
    assert b"xanthopoulos" not in index_bytes.lower()
    assert b"zebedee" not in index_bytes.lower()
    assert b"zx@example.org" not in index_bytes
