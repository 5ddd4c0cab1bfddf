"""
Two-step sign-in: everyone who can open the Wagtail admin sets up an
authenticator app and enters a code before any admin page or admin API
answers; partners who only read the portal are not asked.
"""

import base64
import re
import zlib

from django.db import connection

import pytest
from django_mfa.models import Authenticator

from portal.factories import UserFactory
from tests.signing_in import (
    enrol_authenticator,
    sign_in_with_second_factor,
    totp_code,
)

PASSWORD = "correct horse battery staple"
SET_UP = "/account/two-step/security/"
VERIFY = "/account/two-step/verify/"


@pytest.fixture
def coordinator(tree):
    """A West Yorkshire coordinator: can edit there, is not staff."""
    return UserFactory(
        username="wy-coord", groups=[tree.west_yorkshire.coordinators_group]
    )


@pytest.fixture
def admin_urls(tree):
    """The dashboard, a page's edit view and the admin's own pages API."""
    return [
        "/admin/",
        f"/admin/pages/{tree.leeds.pk}/edit/",
        "/admin/api/main/pages/",
    ]


def sign_in_with_password(client, user):
    """The first step only, through the portal's sign-in form."""
    response = client.post(
        "/account/sign-in/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def enter_code(client, code, next_url="/admin/"):
    return client.post(f"{VERIFY}totp/", {"code": code, "next": next_url})


def test_a_coordinator_without_an_authenticator_is_sent_to_set_one_up(
    client, coordinator, admin_urls
):
    assert not coordinator.is_staff
    client.force_login(coordinator)
    for url in admin_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SET_UP), url

    page = client.get(SET_UP)
    assert page.status_code == 200
    assert "needs a second step when you sign in" in page.text
    assert 'href="/account/two-step/enroll/totp/"' in page.text


def test_a_superuser_is_held_back_the_same_way(client, personas, admin_urls):
    client.force_login(personas["superuser"])
    for url in admin_urls:
        assert client.get(url)["Location"].startswith(SET_UP), url


def test_setting_up_the_app_opens_the_admin_and_shows_recovery_codes_once(
    client, coordinator
):
    client.force_login(coordinator)
    form = client.get("/account/two-step/enroll/totp/")
    assert '<label class="govuk-label govuk-label--s" for="id_code">' in form.text
    secret = form.context["secret_key"]

    wrong = client.post(
        "/account/two-step/enroll/totp/", {"secret_key": secret, "code": "000000"}
    )
    assert wrong.status_code == 400
    assert "Your code is expired or invalid." in wrong.text
    assert not Authenticator.objects.filter(user=coordinator).exists()

    done = client.post(
        "/account/two-step/enroll/totp/",
        {"secret_key": secret, "code": totp_code(secret)},
    )
    assert done["Location"] == "/account/two-step/recovery/codes/"
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>(\w{10})</code></li>", codes_page.text)
    assert len(codes) == 10
    assert "Continue to the editing screens" in codes_page.text
    # Shown once: the next visit cannot show them again.
    assert not re.findall(r"<code>\w{10}</code>", client.get(done["Location"]).text)

    assert client.get("/admin/").status_code == 200


def test_with_an_app_but_no_code_yet_the_admin_asks_for_the_code(
    client, coordinator, admin_urls
):
    enrol_authenticator(coordinator)
    sign_in_with_password(client, coordinator)
    for url in admin_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), url
    # The portal's own pages wait for the code too: the account is signed in
    # with a password alone until then.
    assert client.get("/my-portal/")["Location"].startswith(VERIFY)


def test_a_correct_code_opens_the_admin_and_its_api(client, coordinator, admin_urls):
    secret = enrol_authenticator(coordinator)
    sign_in_with_password(client, coordinator)
    page = client.get(f"{VERIFY}totp/?next=/admin/")
    assert '<label class="govuk-label govuk-label--s" for="id_code">' in page.text

    response = enter_code(client, totp_code(secret))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    for url in admin_urls:
        assert client.get(url).status_code == 200, url


def test_a_wrong_code_is_refused_with_a_message_and_the_admin_stays_shut(
    client, coordinator
):
    secret = enrol_authenticator(coordinator)
    sign_in_with_password(client, coordinator)
    wrong = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6)

    response = enter_code(client, wrong)
    assert response.status_code == 400
    assert "Error: Enter your code" in response.text
    assert '<a href="#id_code">Your code is expired or invalid.</a>' in response.text
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_code_cannot_be_used_twice(client, coordinator):
    secret = enrol_authenticator(coordinator)
    code = totp_code(secret)
    sign_in_with_password(client, coordinator)
    assert enter_code(client, code).status_code == 302

    client.post("/account/sign-out/")
    sign_in_with_password(client, coordinator)
    assert enter_code(client, code).status_code == 400
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_recovery_code_lets_someone_in_once_only(client, coordinator):
    enrol_authenticator(coordinator)
    sign_in_with_second_factor(client, coordinator)
    codes = re.findall(
        r"<code>(\w{10})</code>", client.get("/account/two-step/recovery/codes/").text
    )
    client.post("/account/sign-out/")

    sign_in_with_password(client, coordinator)
    form = client.get(f"{VERIFY}recovery_codes/?next=/admin/")
    assert "you have 10 left" in form.text
    used = client.post(
        f"{VERIFY}recovery_codes/", {"code": codes[0], "next": "/admin/"}
    )
    assert used["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.post("/account/sign-out/")

    sign_in_with_password(client, coordinator)
    again = client.post(
        f"{VERIFY}recovery_codes/", {"code": codes[0], "next": "/admin/"}
    )
    assert again.status_code == 400
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_the_apps_secret_cannot_be_read_from_the_database(client, coordinator):
    secret = enrol_authenticator(coordinator)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data FROM django_mfa_authenticator WHERE user_id = %s",
            [coordinator.pk],
        )
        (raw,) = cursor.fetchone()
    assert secret not in raw
    # Not merely encoded: no base64 run in the column decodes to the secret,
    # as it would from a value that is only signed.
    for run in re.findall(r"[A-Za-z0-9_\-]{16,}", raw):
        decoded = base64.urlsafe_b64decode(run + "=" * (-len(run) % 4))
        assert secret.encode() not in decoded
        try:
            assert secret.encode() not in zlib.decompress(decoded)
        except zlib.error:
            pass

    # And the portal itself still reads it: the code is accepted.
    sign_in_with_password(client, coordinator)
    assert enter_code(client, totp_code(secret)).status_code == 302


def test_a_partner_reaches_my_portal_without_a_second_step(client, personas):
    sign_in_with_password(client, personas["partner"])
    response = client.get("/my-portal/")
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=personas["partner"]).exists()
    # The admin stays shut to them as it always was, by Wagtail's permission.
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_signing_out_is_open_to_someone_stopped_at_the_code(client, coordinator):
    enrol_authenticator(coordinator)
    sign_in_with_password(client, coordinator)
    response = client.post("/account/sign-out/")
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_admins_account_page_leads_to_the_two_step_settings(client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    account = client.get("/admin/account/")
    assert f'href="{SET_UP}"' in account.text
    settings_page = client.get(SET_UP)
    assert "Authenticator app" in settings_page.text
    assert "You have 0 recovery codes left." in settings_page.text
