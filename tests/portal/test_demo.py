"""The demo content loader: complete, private logins, and safe to run twice."""

import io
import stat

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.http import HttpRequest

from wagtail.models import Page, Site

import pytest

from network.models import NetworkMembership, NetworkPage, OrganisationPage
from portal.demo import read_logins
from portal.models import HomePage


@pytest.fixture
def loaded(db):
    call_command("load_demo", skip_index=True, stdout=io.StringIO())


def test_demo_builds_the_network_tree_from_the_seeds(loaded):
    national = NetworkPage.objects.get(slug="national-network")
    assert national.level == "national" and national.founded == 2016
    west_yorkshire = NetworkPage.objects.get(slug="west-yorkshire")
    assert west_yorkshire.founded == 2014
    assert west_yorkshire.get_parent().pk == national.pk
    forums = NetworkPage.objects.child_of(west_yorkshire).values_list("slug", flat=True)
    assert sorted(forums) == [
        "bradford",
        "calderdale",
        "kirklees",
        "leeds",
        "wakefield",
    ]
    assert all(
        forum.level == "district"
        for forum in NetworkPage.objects.child_of(west_yorkshire)
    )


def test_demo_makes_the_site_root_the_home_page(loaded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(
        title__startswith="Welcome to your new Wagtail"
    ).exists()


def test_demo_has_enough_members_for_meaningful_filters(loaded):
    types = set(OrganisationPage.objects.values_list("organisation_type", flat=True))
    assert types == set(OrganisationPage.Type.values)
    for forum in NetworkPage.objects.filter(level="district"):
        assert NetworkMembership.objects.filter(network=forum).count() >= 4


def test_demo_restricts_one_page_to_partners_and_one_to_police(loaded):
    partners = Page.objects.get(slug="partner-briefing-referral-pathways")
    police = Page.objects.get(slug="police-operational-guidance-labour-exploitation")
    assert [g.name for g in partners.view_restrictions.get().groups.all()] == [
        "Partners"
    ]
    assert [g.name for g in police.view_restrictions.get().groups.all()] == ["Police"]


def test_demo_logins_are_generated_kept_private_and_work(loaded):
    logins = read_logins()
    assert set(logins) == {"admin", "wy-coordinator", "wy-editor", "partner", "police"}
    assert len(set(logins.values())) == 5
    mode = stat.S_IMODE(settings.DEMO_LOGINS_FILE.stat().st_mode)
    assert mode == 0o600
    # django-axes checks each sign-in against its request; a bare one will do.
    editor = authenticate(
        HttpRequest(), username="wy-editor", password=logins["wy-editor"]
    )
    west_yorkshire = NetworkPage.objects.get(slug="west-yorkshire")
    assert west_yorkshire.permissions_for_user(editor).can_edit()
    assert not west_yorkshire.permissions_for_user(editor).can_publish()
    coordinator = authenticate(
        HttpRequest(), username="wy-coordinator", password=logins["wy-coordinator"]
    )
    assert west_yorkshire.permissions_for_user(coordinator).can_publish()
    admin = authenticate(HttpRequest(), username="admin", password=logins["admin"])
    assert admin.is_superuser


def test_loading_twice_adds_nothing_and_keeps_the_passwords(loaded):
    counts = (
        Page.objects.count(),
        OrganisationPage.objects.count(),
        NetworkMembership.objects.count(),
    )
    passwords = read_logins()
    call_command("load_demo", skip_index=True, stdout=io.StringIO())
    assert (
        Page.objects.count(),
        OrganisationPage.objects.count(),
        NetworkMembership.objects.count(),
    ) == counts
    assert read_logins() == passwords


def test_the_logins_file_lives_in_the_git_ignored_data_folder():
    from portal.settings import base

    assert base.DEMO_LOGINS_FILE.parent == base.VAR_DIR
    ignored = (settings.BASE_DIR / ".gitignore").read_text().splitlines()
    assert "/var/" in ignored
