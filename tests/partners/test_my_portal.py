"""
A member's "My portal": their organisation, networks, events, calendar
address and their organisation's practice, with ways to leave a network
and to close the account.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpRequest

import pytest

from best_practice.factories import (
    BestPracticeIndexPageFactory,
    BestPracticePageFactory,
)
from best_practice.models import Adoption
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import CalendarFeedToken, Registration
from network.partners.models import AccountRequest, PartnerProfile
from portal.factories import StandardPageFactory, UserFactory
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP
from tests.conftest import restrict


@pytest.fixture
def member(tree):
    user = UserFactory(
        username="asha",
        first_name="Asha",
        last_name="Patel",
        email="asha@leeds.gov.uk",
        groups=[Group.objects.get(name=PARTNERS_GROUP)],
    )
    profile = PartnerProfile.objects.create(user=user, organisation=tree.council)
    profile.networks.set([tree.leeds, tree.west_yorkshire])
    return user


@pytest.fixture
def portal_content(tree, member):
    """An event she registered for, and practice her council shared or adopted."""
    EventIndexPageFactory(parent=tree.home)
    event = EventPageFactory(parent=tree.leeds, title="Leeds forum meeting")
    Registration.objects.create(
        event=event, user=member, name="Asha Patel", email=member.email, consent=True
    )
    BestPracticeIndexPageFactory(parent=tree.home)
    shared = BestPracticePageFactory(
        parent=tree.leeds,
        title="Car wash checks",
        contributing_organisations=[tree.council],
    )
    police_only = BestPracticePageFactory(
        parent=tree.leeds,
        title="Police-only debrief",
        contributing_organisations=[tree.council],
    )
    restrict(police_only, POLICE_GROUP)
    adopted = BestPracticePageFactory(parent=tree.bradford, title="Nail bar visits")
    Adoption.objects.create(
        practice=adopted,
        organisation=tree.council,
        adopted_on=datetime.date(2024, 5, 1),
    )
    return {"event": event, "shared": shared, "police_only": police_only}


def test_my_portal_needs_signing_in(client):
    response = client.get("/my-portal/")
    assert response.status_code == 302
    assert response.url.startswith("/account/sign-in/")


def test_my_portal_shows_where_the_member_belongs(client, tree, member, portal_content):
    client.force_login(member)
    html = client.get("/my-portal/").content.decode()
    # The header links here for signed-in people.
    assert 'href="/my-portal/">My portal</a>' in html
    for expected in [
        "Leeds Council",
        "Leeds forum",
        "West Yorkshire",
        "Leeds forum meeting",
        "Car wash checks",
        "Nail bar visits",
        "/events/my-calendar/",
    ]:
        assert expected in html
    # Practice she may not open is not listed, even her own council's.
    assert "Police-only debrief" not in html


def test_leaving_a_network(client, tree, member):
    client.force_login(member)
    response = client.post(f"/my-portal/leave-network/{tree.leeds.pk}/", follow=True)
    assert "You have left Leeds forum." in response.content.decode()
    assert list(member.partner_profile.networks.all()) == [tree.west_yorkshire]
    # A network she is not in cannot be "left", and GET changes nothing.
    assert (
        client.post(f"/my-portal/leave-network/{tree.north_east.pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/my-portal/leave-network/{tree.west_yorkshire.pk}/").status_code
        == 405
    )
    assert list(member.partner_profile.networks.all()) == [tree.west_yorkshire]


def test_closing_needs_confirming(client, member):
    client.force_login(member)
    response = client.post("/my-portal/close-account/", {})
    html = response.content.decode()
    assert "<title>Error: Close your account" in html
    assert "Tick the box to confirm you want to close your account." in html
    member.refresh_from_db()
    assert member.is_active and member.email == "asha@leeds.gov.uk"


def test_closing_removes_personal_data_and_keeps_published_work(
    client, tree, member, portal_content
):
    page = StandardPageFactory(parent=tree.home, title="Council guidance", owner=member)
    CalendarFeedToken.objects.create(user=member, token="asha-feed-token")
    AccountRequest.objects.create(
        name="Asha Patel",
        email="asha@leeds.gov.uk",
        role="Officer",
        reason="Work",
        status=AccountRequest.Status.APPROVED,
        user=member,
    )
    client.force_login(member)
    response = client.post("/my-portal/close-account/", {"confirm": "on"}, follow=True)
    assert "Your account is closed" in response.content.decode()

    member.refresh_from_db()
    assert not member.is_active
    assert (member.first_name, member.last_name, member.email) == ("", "", "")
    assert "asha" not in member.username
    assert not member.has_usable_password()
    assert not member.groups.exists()
    assert not PartnerProfile.objects.filter(user=member).exists()
    assert not CalendarFeedToken.objects.exists()
    assert not AccountRequest.objects.exists()
    registration = Registration.objects.get()
    assert "asha" not in registration.email and registration.name != "Asha Patel"
    assert registration.event == portal_content["event"]
    # What she published stays, and the session is over.
    page.refresh_from_db()
    assert page.live
    assert (
        portal_content["shared"]
        .__class__.objects.filter(pk=portal_content["shared"].pk, live=True)
        .exists()
    )
    assert client.get("/my-portal/").status_code == 302
    # django-axes checks each sign-in against the request it came in, so the
    # test client is given one (django-axes' documented way).
    assert not client.login(request=HttpRequest(), username="asha", password="anything")
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_my_portal_for_someone_not_linked_to_an_organisation(client, personas):
    client.force_login(personas["signed_in"])
    html = client.get("/my-portal/").content.decode()
    assert "You are not listed with an organisation." in html
    assert "You have not joined a network." in html


def test_sign_in_page_offers_the_request_form(client, tree):
    html = client.get("/account/sign-in/").content.decode()
    assert 'href="/account/request/">request an account</a>' in html
