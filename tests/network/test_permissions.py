"""Each network's editors and coordinators act on their own subtree only."""

from django.contrib.auth.models import Group

import pytest

from network.models import NetworkPage
from network.permissions import sync_network_groups
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


def member_of(group):
    return UserFactory(groups=[group])


def perms(user, page):
    return page.permissions_for_user(user)


@pytest.mark.django_db
def test_every_network_gets_an_editors_and_a_coordinators_group(tree):
    for network in NetworkPage.objects.all():
        assert network.editors_group.name == f"{network.title} editors"
        assert network.coordinators_group.name == f"{network.title} coordinators"


@pytest.mark.django_db
def test_west_yorkshire_editor_drafts_there_but_cannot_publish(tree):
    editor = member_of(tree.west_yorkshire.editors_group)
    assert perms(editor, tree.west_yorkshire).can_edit()
    assert perms(editor, tree.leeds).can_edit()
    assert perms(editor, tree.west_yorkshire).can_add_subpage()
    assert not perms(editor, tree.west_yorkshire).can_publish()
    assert not perms(editor, tree.leeds).can_publish()


@pytest.mark.django_db
def test_west_yorkshire_editor_cannot_touch_another_network(tree):
    editor = member_of(tree.west_yorkshire.editors_group)
    assert not perms(editor, tree.north_east).can_edit()
    assert not perms(editor, tree.national).can_edit()
    assert not perms(editor, tree.home).can_edit()


@pytest.mark.django_db
def test_district_coordinator_cannot_publish_on_the_regional_page(tree):
    coordinator = member_of(tree.leeds.coordinators_group)
    assert perms(coordinator, tree.leeds).can_publish()
    assert not perms(coordinator, tree.west_yorkshire).can_publish()
    assert not perms(coordinator, tree.west_yorkshire).can_edit()
    assert not perms(coordinator, tree.bradford).can_edit()


@pytest.mark.django_db
def test_national_coordinator_can_publish_anywhere_below_it(tree):
    coordinator = member_of(tree.national.coordinators_group)
    for network in (tree.national, tree.west_yorkshire, tree.leeds, tree.north_east):
        assert perms(coordinator, network).can_publish()
    assert not perms(coordinator, tree.home).can_publish()


@pytest.mark.django_db
def test_renaming_a_network_renames_its_groups(tree):
    leeds = tree.leeds
    group_ids = (leeds.editors_group_id, leeds.coordinators_group_id)
    leeds.title = "Leeds Anti-Slavery Partnership"
    leeds.save_revision().publish()
    leeds = NetworkPage.objects.get(pk=leeds.pk)
    assert (leeds.editors_group_id, leeds.coordinators_group_id) == group_ids
    assert leeds.editors_group.name == "Leeds Anti-Slavery Partnership editors"
    assert Group.objects.filter(
        name="Leeds Anti-Slavery Partnership coordinators"
    ).exists()


@pytest.mark.django_db
def test_moving_a_forum_moves_its_editors_rights_with_it(tree):
    editor = member_of(tree.leeds.editors_group)
    tree.leeds.move(tree.north_east, pos="last-child")
    leeds = NetworkPage.objects.get(pk=tree.leeds.pk)
    assert perms(editor, leeds).can_edit()
    assert leeds.get_parent().pk == tree.north_east.pk
    assert leeds.level == NetworkPage.Level.DISTRICT


@pytest.mark.django_db
def test_two_networks_with_the_same_title_get_separate_groups(tree):
    tree.north_east.title = tree.west_yorkshire.title
    tree.north_east.save()
    north_east = NetworkPage.objects.get(pk=tree.north_east.pk)
    assert north_east.editors_group_id != tree.west_yorkshire.editors_group_id
    assert north_east.editors_group.name.endswith("(2)")


@pytest.mark.django_db
def test_syncing_again_adds_nothing(tree):
    before = tree.leeds.editors_group.page_permissions.count()
    sync_network_groups(tree.leeds)
    assert tree.leeds.editors_group.page_permissions.count() == before == 2


@pytest.mark.django_db
def test_editors_reach_the_admin_and_see_their_network(client, tree):
    editor = member_of(tree.west_yorkshire.editors_group)
    sign_in_with_second_factor(client, editor)
    assert client.get(f"/admin/pages/{tree.west_yorkshire.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{tree.north_east.pk}/edit/").status_code in (
        302,
        403,
    )
