"""
Repeated wrong passwords: after five for one username from one address,
signing in is paused for half an hour on the portal's sign-in and the Wagtail
admin's alike, and each failure is logged without the password.
"""

import logging

import pytest
from axes.models import AccessAttempt

from portal.factories import UserFactory

PASSWORD = "correct horse battery staple"
SIGN_IN_FORMS = ["/account/sign-in/", "/admin/login/"]


@pytest.fixture
def coordinator(tree):
    return UserFactory(
        username="wy-coord", groups=[tree.west_yorkshire.coordinators_group]
    )


def sign_in(client, url, username, password, address="192.0.2.10"):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", SIGN_IN_FORMS)
def test_five_wrong_passwords_pause_signing_in_even_with_the_right_one(
    client, coordinator, url
):
    for attempt in range(4):
        response = sign_in(client, url, "wy-coord", f"guess-{attempt}")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, url, "wy-coord", "guess-4")
    assert locked.status_code == 429

    response = sign_in(client, url, "wy-coord", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    assert "Sign-in paused – Network Portal" in response.text
    assert "signing in is paused for 30 minutes" in response.text
    assert "contact your network coordinator" in response.text


@pytest.mark.parametrize("url", SIGN_IN_FORMS)
def test_four_wrong_passwords_still_let_the_right_one_in(client, coordinator, url):
    for attempt in range(4):
        sign_in(client, url, "wy-coord", f"guess-{attempt}")
    response = sign_in(client, url, "wy-coord", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_lockout_holds_on_both_sign_in_forms(client, coordinator):
    """Failures count together, whichever form they were made on."""
    for attempt in range(3):
        sign_in(client, "/account/sign-in/", "wy-coord", f"guess-{attempt}")
    for attempt in range(3, 5):
        sign_in(client, "/admin/login/", "wy-coord", f"guess-{attempt}")
    assert sign_in(client, "/account/sign-in/", "wy-coord", PASSWORD).status_code == 429
    assert not signed_in(client)


def test_the_lockout_is_for_that_username_from_that_address(client, coordinator):
    partner = UserFactory(username="partner-pat")
    for attempt in range(5):
        sign_in(client, "/account/sign-in/", "wy-coord", f"guess-{attempt}")

    # Someone else at the same office signs in as usual...
    assert (
        sign_in(client, "/account/sign-in/", partner.username, PASSWORD).status_code
        == 302
    )
    client.post("/account/sign-out/")
    # ...and so does the coordinator from another address.
    response = sign_in(
        client, "/account/sign-in/", "wy-coord", PASSWORD, address="198.51.100.7"
    )
    assert response.status_code == 302


def test_failures_are_logged_as_warnings_without_the_password(
    client, coordinator, caplog
):
    wrong = ["Tr0ub4dor&3-first", "Tr0ub4dor&3-second"]
    with caplog.at_level(logging.WARNING):
        for password in wrong:
            sign_in(client, "/admin/login/", "wy-coord", password)
        for password in ["x1", "x2", "x3"]:
            sign_in(client, "/account/sign-in/", "wy-coord", password)
        sign_in(client, "/account/sign-in/", "wy-coord", PASSWORD)

    failures = [
        record
        for record in caplog.records
        if record.name.startswith("axes") and record.levelno == logging.WARNING
    ]
    messages = [record.getMessage() for record in failures]
    assert any("New login failure" in message for message in messages)
    assert any("Locking out" in message for message in messages)
    assert all("wy-coord" in message for message in messages)
    assert all("192.0.2.10" in message for message in messages)
    everything = "\n".join(record.getMessage() for record in caplog.records)
    for password in [*wrong, PASSWORD]:
        assert password not in everything
    # Nor in the record of attempts that coordinators can read.
    attempt = AccessAttempt.objects.get(username="wy-coord")
    # Five wrong, then the right one refused during the lockout.
    assert attempt.failures_since_start == 6
    for password in [*wrong, PASSWORD]:
        assert password not in attempt.post_data
