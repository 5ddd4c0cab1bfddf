"""
Only coordinators of the networks asked for may decide on a request; the
coordinator of another network can neither see it nor approve it, however
the form is sent.
"""

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from network.partners.models import AccountRequest
from portal.factories import UserFactory
from tests.partners.conftest import send_and_confirm
from tests.signing_in import sign_in_with_second_factor

User = get_user_model()


@pytest.fixture
def leeds_request(client, tree, domains):
    send_and_confirm(client, tree)
    client.logout()
    return AccountRequest.objects.get()


def test_another_networks_coordinator_cannot_see_or_approve(
    client, tree, leeds_request, ne_coordinator
):
    sign_in_with_second_factor(client, ne_coordinator)
    assert "Asha Patel" not in client.get("/admin/account-requests/").content.decode()
    assert "Account requests (" not in client.get("/admin/").content.decode()
    decide_path = f"/admin/account-requests/{leeds_request.pk}/"
    assert client.get(decide_path).status_code == 404
    # A forged approval, naming the network the request asked for.
    response = client.post(
        decide_path,
        {
            "action": "approve",
            "networks": [tree.leeds.pk],
            "organisation": tree.council.pk,
        },
    )
    assert response.status_code == 404
    leeds_request.refresh_from_db()
    assert leeds_request.status == AccountRequest.Status.PENDING
    assert not User.objects.filter(email="asha.patel@leeds.gov.uk").exists()


def test_a_coordinator_cannot_add_someone_to_a_network_they_do_not_run(
    client, tree, domains, wy_coordinator
):
    send_and_confirm(client, tree, networks=[tree.leeds.pk, tree.north_east.pk])
    client.logout()
    account_request = AccountRequest.objects.get()
    sign_in_with_second_factor(client, wy_coordinator)
    decide_path = f"/admin/account-requests/{account_request.pk}/"
    page = client.get(decide_path).content.decode()
    assert "which you do not coordinate" in page and "North East" in page

    outbox_before = len(mail.outbox)
    response = client.post(
        decide_path,
        {"action": "approve", "networks": [tree.leeds.pk, tree.north_east.pk]},
    )
    assert response.status_code == 400
    assert "Select a valid choice" not in response.content.decode()
    assert (
        "You can only approve people for networks you coordinate."
        in response.content.decode()
    )
    assert not User.objects.filter(email="asha.patel@leeds.gov.uk").exists()
    assert len(mail.outbox) == outbox_before

    # Approving for their own network works, and says what is left.
    client.post(decide_path, {"action": "approve", "networks": [tree.leeds.pk]})
    user = User.objects.get(email="asha.patel@leeds.gov.uk")
    assert list(user.partner_profile.networks.all()) == [tree.leeds]
    assert "North East" in mail.outbox[-1].body


def test_a_regional_coordinator_decides_for_its_district_forums(
    client, leeds_request, wy_coordinator
):
    sign_in_with_second_factor(client, wy_coordinator)
    assert "Asha Patel" in client.get("/admin/account-requests/").content.decode()


def test_superusers_see_every_request(client, leeds_request):
    sign_in_with_second_factor(
        client, UserFactory(username="root", is_superuser=True, is_staff=True)
    )
    assert "Asha Patel" in client.get("/admin/account-requests/").content.decode()


def test_people_who_coordinate_nothing_are_refused(client, leeds_request, personas):
    client.force_login(personas["partner"])
    assert client.get("/admin/account-requests/").status_code in (302, 403)
    assert client.post(
        f"/admin/account-requests/{leeds_request.pk}/",
        {"action": "decline", "reason": "x"},
    ).status_code in (302, 403)
    leeds_request.refresh_from_db()
    assert leeds_request.status == AccountRequest.Status.PENDING


def test_an_address_that_gained_an_account_meanwhile_is_not_duplicated(
    client, tree, leeds_request, wy_coordinator
):
    UserFactory(username="asha", email="asha.patel@leeds.gov.uk")
    sign_in_with_second_factor(client, wy_coordinator)
    response = client.post(
        f"/admin/account-requests/{leeds_request.pk}/",
        {"action": "approve", "networks": [tree.leeds.pk]},
        follow=True,
    )
    assert "An account with this e-mail address exists already" in (
        response.content.decode()
    )
    assert User.objects.filter(email="asha.patel@leeds.gov.uk").count() == 1
    leeds_request.refresh_from_db()
    assert leeds_request.status == AccountRequest.Status.PENDING
