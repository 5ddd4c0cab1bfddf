"""
The join form and its links: personal addresses refused, unlisted ones
held, no way to learn whether an address has an account, signed links that
expire, and a limit on how often anyone may ask.
"""

import datetime
import io
import time

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from network.partners.accounts import CONFIRM_MAX_AGE, CONFIRM_SALT
from network.partners.models import AccountRequest, OrganisationEmailDomain
from network.partners.views import REQUESTS_PER_ADDRESS, REQUESTS_PER_EMAIL
from portal.factories import UserFactory
from tests.partners.conftest import link_in, request_data, send_and_confirm
from tests.signing_in import sign_in_with_second_factor


@pytest.mark.parametrize(
    "email",
    ["asha@gmail.com", "asha@hotmail.co.uk", "asha@yahoo.fr", "asha@outlook.com"],
)
def test_personal_address_is_refused_with_a_reason(client, tree, domains, email):
    response = client.post("/account/request/", request_data(tree, email=email))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Request an account" in html
    assert "Use your work email address." in html
    assert "There is a problem" in html
    assert not AccountRequest.objects.exists()
    assert mail.outbox == []


def test_form_errors_change_nothing(client, tree, domains):
    response = client.post(
        "/account/request/",
        request_data(tree, name=" ", organisation="", networks=[], reason=""),
    )
    html = response.content.decode()
    for message in [
        "Enter your full name.",
        "Choose your organisation, or type its name if it is not listed.",
        "Choose at least one network to join.",
        "Tell the coordinators why you want an account.",
    ]:
        assert message in html
    assert not AccountRequest.objects.exists()
    assert mail.outbox == []


def test_unlisted_domain_is_held_and_says_why(client, tree, domains, wy_coordinator):
    response = client.post(
        "/account/request/",
        request_data(
            tree,
            email="li@newcharity.org.uk",
            organisation="",
            organisation_name="New Charity",
        ),
        follow=True,
    )
    html = response.content.decode()
    assert "held for a coordinator to check by hand" in html
    assert "newcharity.org.uk is not listed" in html
    response = client.post(link_in(mail.outbox[-1], "/account/request/confirm/"))
    assert "Your request is held for a check" in response.content.decode()
    account_request = AccountRequest.objects.get()
    assert account_request.status == AccountRequest.Status.HELD
    # Held requests still reach the coordinators' list, marked as held.
    sign_in_with_second_factor(client, wy_coordinator)
    listing = client.get("/admin/account-requests/").content.decode()
    assert "New Charity" in listing and "Held:" in listing


def test_domain_of_another_organisation_is_held(client, tree, domains):
    send_and_confirm(client, tree, email="jo@safeharbour.org.uk")
    account_request = AccountRequest.objects.get()
    assert account_request.status == AccountRequest.Status.HELD
    assert "belongs to Safe Harbour Trust, not to Leeds Council" in (
        account_request.hold_reason
    )


def test_sub_domain_of_a_listed_domain_goes_to_the_coordinators(client, tree, domains):
    send_and_confirm(client, tree, email="asha@staff.leeds.gov.uk")
    assert AccountRequest.objects.get().status == AccountRequest.Status.PENDING


def test_listed_domains_are_kept_tidy(tree):
    domain = OrganisationEmailDomain(
        organisation=tree.council, domain=" @Leeds.GOV.uk "
    )
    domain.full_clean()
    assert domain.domain == "leeds.gov.uk"
    with pytest.raises(Exception, match="personal mail service"):
        OrganisationEmailDomain(
            organisation=tree.council, domain="gmail.com"
        ).full_clean()


def test_an_existing_account_gets_the_same_answer_and_a_note(client, tree, domains):
    UserFactory(username="asha", email="Asha.Patel@leeds.gov.uk", first_name="Asha")
    known = client.post("/account/request/", request_data(tree))
    known_page = client.get(known.url).content.decode()
    unknown = client.post(
        "/account/request/", request_data(tree, email="bea.khan@leeds.gov.uk")
    )
    unknown_page = client.get(unknown.url).content.decode()

    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert known_page.replace("asha.patel", "bea.khan") == unknown_page
    # The owner of the account hears about it; no request is recorded.
    assert mail.outbox[0].to == ["Asha.Patel@leeds.gov.uk"]
    assert "You have an account already" in mail.outbox[0].body
    assert "/account/set-password/" in mail.outbox[0].body
    assert list(AccountRequest.objects.values_list("email", flat=True)) == [
        "bea.khan@leeds.gov.uk"
    ]


class IssuedFourDaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - CONFIRM_MAX_AGE - 86400)


def test_expired_and_tampered_confirmation_links_do_nothing(client, tree, domains):
    client.post("/account/request/", request_data(tree))
    account_request = AccountRequest.objects.get()
    path = link_in(mail.outbox[-1], "/account/request/confirm/")

    old = IssuedFourDaysAgo(salt=CONFIRM_SALT).sign_object(account_request.pk)
    response = client.post(f"/account/request/confirm/{old}/")
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()

    token = path.rstrip("/").rsplit("/", 1)[1]
    # Another request's number with this request's signature.
    forged = f"{signing.b64_encode(b'999').decode()}{token[token.index(':') :]}"
    for bad in [token[:-2] + "xx", forged, "not-a-token"]:
        response = client.post(f"/account/request/confirm/{bad}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()

    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.UNCONFIRMED
    assert len(mail.outbox) == 1

    # The real link works once; a second use changes nothing.
    client.post(path)
    assert "Address already confirmed" in client.post(path).content.decode()


class IssuedLongAgo(PasswordResetTokenGenerator):
    def _now(self):
        return datetime.datetime.now() - datetime.timedelta(days=30)


def test_expired_and_tampered_set_password_links_do_nothing(client, tree):
    user = UserFactory(username="asha", email="asha@leeds.gov.uk")
    user.set_unusable_password()
    user.save()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    good = PasswordResetTokenGenerator().make_token(user)
    for token in [IssuedLongAgo().make_token(user), good[:-3] + "abc"]:
        response = client.get(f"/account/set-password/{uid}/{token}/", follow=True)
        assert "This link does not work" in response.content.decode()
        assert (
            client.post(
                f"/account/set-password/{uid}/{token}/",
                {
                    "new_password1": "a long new password",
                    "new_password2": "a long new password",
                },
            ).status_code
            == 200
        )
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_too_many_requests_for_one_address_are_refused(client, tree, domains):
    for _ in range(REQUESTS_PER_EMAIL):
        assert client.post("/account/request/", request_data(tree)).status_code == 302
    response = client.post("/account/request/", request_data(tree))
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert len(mail.outbox) == REQUESTS_PER_EMAIL
    assert AccountRequest.objects.count() == REQUESTS_PER_EMAIL


def test_too_many_requests_from_one_place_are_refused(client, tree, domains):
    for number in range(REQUESTS_PER_ADDRESS):
        client.post(
            "/account/request/",
            request_data(tree, email=f"person{number}@leeds.gov.uk"),
        )
    response = client.post(
        "/account/request/", request_data(tree, email="one.more@leeds.gov.uk")
    )
    assert response.status_code == 429
    assert not AccountRequest.objects.filter(email="one.more@leeds.gov.uk").exists()
    # Somewhere else is not held back.
    other = client.post(
        "/account/request/",
        request_data(tree, email="one.more@leeds.gov.uk"),
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302


def test_stale_requests_are_purged(tree):
    now = timezone.now()
    stale = AccountRequest.objects.create(
        name="Old", email="old@leeds.gov.uk", role="x", reason="x"
    )
    fresh = AccountRequest.objects.create(
        name="New", email="new@leeds.gov.uk", role="x", reason="x"
    )
    declined = AccountRequest.objects.create(
        name="No",
        email="no@leeds.gov.uk",
        role="x",
        reason="x",
        status=AccountRequest.Status.DECLINED,
        decided_at=now - datetime.timedelta(days=91),
    )
    AccountRequest.objects.filter(pk=stale.pk).update(
        created=now - datetime.timedelta(days=4)
    )
    out = io.StringIO()
    call_command("purge_account_requests", stdout=out)
    assert out.getvalue().strip() == "Deleted 2 account requests."
    assert list(AccountRequest.objects.all()) == [fresh]
    assert not AccountRequest.objects.filter(pk__in=[stale.pk, declined.pk]).exists()
