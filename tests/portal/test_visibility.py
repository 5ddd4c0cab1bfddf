"""The one visibility rule, tested with each persona."""

from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory

from modelcluster.queryset import FakeQuerySet
from wagtail.models import Page

import pytest

from network.models import OrganisationPage
from portal.visibility import PARTNERS_GROUP, can_view, restriction_label, visible_pages
from tests.conftest import restrict


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def visible_titles(user):
    return set(visible_pages(request_for(user)).values_list("title", flat=True))


RESTRICTED = {"Partner briefing", "Police guidance", "Members notice"}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", set()),
        ("signed_in", {"Members notice"}),
        ("partner", {"Members notice", "Partner briefing"}),
        ("police", RESTRICTED),
        ("superuser", RESTRICTED),
    ],
)
def test_each_persona_sees_only_the_restricted_pages_it_may_open(
    tree, personas, persona, expected
):
    titles = visible_titles(personas[persona])
    assert titles & RESTRICTED == expected
    # Public pages are visible to everyone.
    assert {"Network Portal", "West Yorkshire", "Safe Harbour Trust"} <= titles


def test_a_restriction_hides_the_whole_subtree(tree, personas):
    restrict(tree.west_yorkshire, PARTNERS_GROUP)
    anonymous = visible_titles(None)
    assert not {"West Yorkshire", "Leeds forum", "Bradford forum"} & anonymous
    assert "North East" in anonymous
    assert {"Leeds forum", "Bradford forum"} <= visible_titles(personas["partner"])


def test_drafts_are_never_visible_even_to_superusers(tree, personas):
    tree.north_east.unpublish()
    assert "North East" not in visible_titles(personas["superuser"])
    assert not can_view(
        request_for(personas["superuser"]), Page.objects.get(pk=tree.north_east.pk)
    )


def test_privacy_changes_take_effect_on_the_next_request(tree, personas):
    partner = personas["partner"]
    assert "Partner briefing" in visible_titles(partner)
    partner.groups.remove(Group.objects.get(name=PARTNERS_GROUP))
    assert "Partner briefing" not in visible_titles(partner)
    tree.partners_page.view_restrictions.all().delete()
    assert "Partner briefing" in visible_titles(None)


def test_deactivated_accounts_see_only_public_pages(tree, personas):
    police = personas["police"]
    police.is_active = False
    police.save()
    assert not visible_titles(police) & RESTRICTED


def test_can_view_agrees_with_visible_pages(tree, personas):
    for user in personas.values():
        request = request_for(user)
        visible = set(visible_pages(request).values_list("pk", flat=True))
        for page in Page.objects.live():
            assert can_view(request, page) == (page.pk in visible)


def test_restriction_labels_say_who_may_read(tree):
    assert restriction_label(tree.partners_page) == "Partners only"
    assert restriction_label(tree.police_page) == "Police only"
    assert restriction_label(tree.login_page) == "Signed-in users only"
    assert restriction_label(tree.leeds) == ""


def test_a_previewed_pages_unsaved_relations_are_filtered_too(tree, personas):
    """A preview's related pages come from the form, not the database."""
    restrict(tree.charity, PARTNERS_GROUP)
    chosen = FakeQuerySet(
        OrganisationPage, [tree.charity.specific, tree.council.specific]
    )
    anonymous = visible_pages(request_for(None), chosen)
    assert [page.title for page in anonymous] == [tree.council.title]
    partner = visible_pages(request_for(personas["partner"]), chosen)
    assert {page.title for page in partner} == {tree.charity.title, tree.council.title}
