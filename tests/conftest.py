"""Shared fixtures: a small portal tree and one user per persona."""

import json
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from wagtail.models import Page, PageViewRestriction, Site

import factory.random
import pytest

from network.factories import (
    MemberDirectoryPageFactory,
    NetworkIndexPageFactory,
    NetworkMembershipFactory,
    NetworkPageFactory,
    OrganisationPageFactory,
)
from network.models import NetworkPage, OrganisationPage
from portal.demo import remove_welcome_page
from portal.factories import HomePageFactory, StandardPageFactory, UserFactory
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP
from tests.signing_in import sign_in_with_second_factor


@dataclass
class PortalTree:
    home: object
    networks: object
    directory: object
    national: object
    west_yorkshire: object
    leeds: object
    bradford: object
    north_east: object
    police_force: object
    charity: object
    council: object
    partners_page: object
    police_page: object
    login_page: object


def restrict(page, *group_names):
    """Restrict `page` to the named groups, or to signed-in users if none."""
    if group_names:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=group_names))
    else:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    return restriction


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    Set up the test database and return what its migrations put in it.

    Data migrations create the root page, the locale, the groups and the
    taxonomy. A transactional test ends with a flush that removes them, so
    `transactional_db` below puts this snapshot back first. Django's own
    serialized_rollback cannot do it here: the previous flush recreates
    content types under new ids (so reloading the old ones collides), and
    after a Playwright test the connection object that held the snapshot
    has been replaced.
    """
    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: building some rows (pages, workflow tasks) looks
    # their content type up, and a miss would create it under a new id.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


@pytest.fixture
def transactional_db(transactional_db, django_db_setup):
    """A database that commits for real, holding what the migrations created."""
    call_command(
        "flush",
        interactive=False,
        inhibit_post_migrate=True,
        reset_sequences=False,
        verbosity=0,
    )
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(django_db_setup)
    # Rows came back with their old ids: move the id sequences past them, as
    # loaddata does, so that new rows do not collide.
    reset = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in reset:
            cursor.execute(statement)
    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture
def tree(db):
    """
    Home > networks > national > West Yorkshire > Leeds, Bradford
                             > North East
    Home > members > three organisations; three restricted standard pages.
    """
    remove_welcome_page()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Network Portal")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": "Network Portal",
        },
    )
    networks = NetworkIndexPageFactory(parent=home)
    directory = MemberDirectoryPageFactory(parent=home)
    national = NetworkPageFactory(
        parent=networks, title="National Network", slug="national-network"
    )
    west_yorkshire = NetworkPageFactory(
        parent=national, title="West Yorkshire", slug="west-yorkshire"
    )
    leeds = NetworkPageFactory(parent=west_yorkshire, title="Leeds forum", slug="leeds")
    bradford = NetworkPageFactory(
        parent=west_yorkshire, title="Bradford forum", slug="bradford"
    )
    north_east = NetworkPageFactory(
        parent=national, title="North East", slug="north-east"
    )
    police_force = OrganisationPageFactory(
        parent=directory,
        title="Yorkshire Constabulary",
        slug="yorkshire-constabulary",
        organisation_type=OrganisationPage.Type.POLICE_FORCE,
    )
    charity = OrganisationPageFactory(
        parent=directory,
        title="Safe Harbour Trust",
        slug="safe-harbour-trust",
        organisation_type=OrganisationPage.Type.NGO,
    )
    council = OrganisationPageFactory(
        parent=directory,
        title="Leeds Council",
        slug="leeds-council",
        organisation_type=OrganisationPage.Type.LOCAL_AUTHORITY,
    )
    NetworkMembershipFactory(
        network=west_yorkshire, organisation=police_force, role="chair"
    )
    NetworkMembershipFactory(network=leeds, organisation=council)
    NetworkMembershipFactory(network=north_east, organisation=charity)
    partners_page = StandardPageFactory(
        parent=home, title="Partner briefing", slug="partner-briefing"
    )
    restrict(partners_page, PARTNERS_GROUP)
    police_page = StandardPageFactory(
        parent=home, title="Police guidance", slug="police-guidance"
    )
    restrict(police_page, POLICE_GROUP)
    login_page = StandardPageFactory(
        parent=home, title="Members notice", slug="members-notice"
    )
    restrict(login_page)
    refresh = NetworkPage.objects.get
    return PortalTree(
        home=home,
        networks=networks,
        directory=directory,
        national=refresh(pk=national.pk),
        west_yorkshire=refresh(pk=west_yorkshire.pk),
        leeds=refresh(pk=leeds.pk),
        bradford=refresh(pk=bradford.pk),
        north_east=refresh(pk=north_east.pk),
        police_force=police_force,
        charity=charity,
        council=council,
        partners_page=partners_page,
        police_page=police_page,
        login_page=login_page,
    )


@pytest.fixture
def personas(db):
    """Anonymous is `None`; the others are users with the right groups."""
    partners = Group.objects.get(name=PARTNERS_GROUP)
    police = Group.objects.get(name=POLICE_GROUP)
    return {
        "anonymous": None,
        "signed_in": UserFactory(username="outsider"),
        "partner": UserFactory(username="partner", groups=[partners]),
        "police": UserFactory(username="officer", groups=[partners, police]),
        "superuser": UserFactory(username="root", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def as_persona(client, personas):
    """
    Return a function that signs the test client in as the named persona,
    past the second factor where the persona owes one (the superuser).
    """

    def sign_in(name):
        if personas[name] is not None:
            sign_in_with_second_factor(client, personas[name])
        return client

    return sign_in


@pytest.fixture(autouse=True)
def same_made_up_text():
    """
    The factories' made-up names and sentences, the same on every run: a
    sentence that happened to contain a searched word made a test fail one
    run in ten.
    """
    factory.random.reseed_random("network-portal")


@pytest.fixture(autouse=True)
def unindexed(tmp_path, settings):
    """
    An index of the test's own that was never built, unless the test asks
    for `search_index`: saving pages does not index them in the tests, so
    an index that another test built would be out of date, and searching
    it would answer for pages this test does not have.
    """
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if backend["BACKEND"] == "search.backends.whoosh":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {**backend, "PATH": str(tmp_path / "unindexed")}
        }


@pytest.fixture
def search_index(tmp_path, settings):
    """
    A fresh, empty Whoosh index that pages are added to as they are saved.

    The test settings leave indexing off so that building a page tree costs
    no index commits; any test whose outcome depends on searching asks for
    this fixture, before the fixtures that create its pages.
    """
    path = tmp_path / "search-index"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(path),
            "LANGUAGE": "en",
        }
    }
    return path


@pytest.fixture
def missing_search_index(tmp_path, settings):
    """A Whoosh index that has never been built, as on a new install."""
    path = tmp_path / "never-built"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(path),
            "AUTO_UPDATE": False,
        }
    }
    return path
