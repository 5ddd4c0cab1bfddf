"""
The whole journey of a partner account, through the real views: ask, confirm
the address, a coordinator approves in the admin, set a password, sign in
and read a partners-only page.
"""

from django.contrib.auth import get_user_model
from django.core import mail

from network.partners.models import AccountRequest, PartnerProfile
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP
from tests.partners.conftest import link_in, request_data
from tests.signing_in import sign_in_with_second_factor

PASSWORD = "correct horse battery staple"


def test_request_confirm_approve_set_password_and_read(
    client, tree, domains, wy_coordinator
):
    # The header offers the form to visitors.
    assert 'href="/account/request/"' in client.get("/").content.decode()

    response = client.post("/account/request/", request_data(tree), follow=True)
    assert "Check your email" in response.content.decode()
    assert AccountRequest.objects.get().status == AccountRequest.Status.UNCONFIRMED
    # Nothing reaches the coordinators before the address is confirmed.
    assert [message.to for message in mail.outbox] == [["asha.patel@leeds.gov.uk"]]

    confirm_path = link_in(mail.outbox[0], "/account/request/confirm/")
    assert "Confirm and send my request" in client.get(confirm_path).content.decode()
    response = client.post(confirm_path)
    assert "Request sent" in response.content.decode()
    account_request = AccountRequest.objects.get()
    assert account_request.status == AccountRequest.Status.PENDING
    assert mail.outbox[-1].to == ["cora@coordinators.example.org"]
    review_path = link_in(mail.outbox[-1], "/admin/account-requests/")

    coordinator = client.__class__()
    sign_in_with_second_factor(coordinator, wy_coordinator)
    # The admin menu counts the requests waiting for this coordinator.
    assert "Account requests (1)" in coordinator.get("/admin/").content.decode()
    listing = coordinator.get(review_path).content.decode()
    assert "Asha Patel" in listing and "Leeds forum" in listing
    decide_path = f"/admin/account-requests/{account_request.pk}/"
    assert (
        "Approve and send a set-password link"
        in coordinator.get(decide_path).content.decode()
    )
    response = coordinator.post(
        decide_path,
        {
            "action": "approve",
            "networks": [tree.leeds.pk],
            "organisation": tree.council.pk,
        },
    )
    assert response.status_code == 302

    user = get_user_model().objects.get(email="asha.patel@leeds.gov.uk")
    assert user.username == "asha.patel@leeds.gov.uk"
    assert user.get_full_name() == "Asha Patel"
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [PARTNERS_GROUP]
    profile = PartnerProfile.objects.get(user=user)
    assert profile.organisation == tree.council
    assert list(profile.networks.all()) == [tree.leeds]
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.APPROVED
    assert account_request.decided_by == wy_coordinator

    set_password_path = link_in(mail.outbox[-1], "/account/set-password/")
    # Django swaps the token for a session key, so it never sits in history.
    form_page = client.get(set_password_path, follow=True)
    assert "Set your password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
        follow=True,
    )
    assert "Password set" in response.content.decode()

    response = client.post(
        "/account/sign-in/",
        {"username": "asha.patel@leeds.gov.uk", "password": PASSWORD},
    )
    assert response.status_code == 302
    page = client.get(tree.partners_page.url)
    assert page.status_code == 200
    assert "Partner briefing" in page.content.decode()
    # Partners only: police guidance stays closed.
    assert client.get(tree.police_page.url).status_code != 200
    home = client.get("/my-portal/").content.decode()
    assert "Leeds Council" in home and "Leeds forum" in home


def test_approving_as_police_staff_opens_police_pages(
    client, tree, domains, wy_coordinator
):
    client.post(
        "/account/request/",
        request_data(
            tree,
            email="sam.cole@yorkshire.police.uk",
            organisation=tree.police_force.pk,
            police_staff="on",
        ),
    )
    client.post(link_in(mail.outbox[-1], "/account/request/confirm/"))
    account_request = AccountRequest.objects.get()
    sign_in_with_second_factor(client, wy_coordinator)
    client.post(
        f"/admin/account-requests/{account_request.pk}/",
        {
            "action": "approve",
            "networks": [tree.leeds.pk],
            "organisation": tree.police_force.pk,
            "police_staff": "on",
        },
    )
    user = get_user_model().objects.get(email="sam.cole@yorkshire.police.uk")
    assert set(user.groups.values_list("name", flat=True)) == {
        PARTNERS_GROUP,
        POLICE_GROUP,
    }


def test_declining_tells_the_person_why(client, tree, domains, wy_coordinator):
    client.post("/account/request/", request_data(tree))
    client.post(link_in(mail.outbox[-1], "/account/request/confirm/"))
    account_request = AccountRequest.objects.get()
    sign_in_with_second_factor(client, wy_coordinator)
    decide_path = f"/admin/account-requests/{account_request.pk}/"

    # A decline without a reason is refused and changes nothing.
    response = client.post(decide_path, {"action": "decline", "reason": ""})
    assert response.status_code == 400
    assert "Give a reason: the person is told it." in response.content.decode()
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.PENDING

    client.post(
        decide_path,
        {"action": "decline", "reason": "Please ask from your council address."},
    )
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.DECLINED
    assert mail.outbox[-1].to == ["asha.patel@leeds.gov.uk"]
    assert "Please ask from your council address." in mail.outbox[-1].body
    assert not get_user_model().objects.filter(email="asha.patel@leeds.gov.uk").exists()
    # Decided: it cannot be approved afterwards.
    assert (
        client.post(
            decide_path, {"action": "approve", "networks": [tree.leeds.pk]}
        ).status_code
        == 404
    )
