"""
A signed-in session ends after its idle time, after its absolute lifetime,
on signing out and when the account is deactivated, on the very next request.

The clocks are moved by rewriting the times stored in the session, never by
waiting.
"""

from django.conf import settings
from django.urls import reverse

import pytest

from portal.sessions import LAST_SEEN, SIGNED_IN_AT
from tests.signing_in import sign_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, tree, personas):
    """The test client signed in as a partner, who may read the briefing."""
    sign_in_with_second_factor(client, personas["partner"])
    assert client.get(tree.partners_page.url).status_code == 200
    return client


def move_back(client, key, seconds):
    """Pretend that the session's `key` time happened `seconds` earlier."""
    session = client.session
    session[key] -= seconds
    session.save()


def assert_sent_to_sign_in(client, page, message=None):
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account:sign-in"))
    if message:
        sign_in = client.get(response["Location"])
        assert message in sign_in.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_session_idle_for_too_long_is_signed_out(signed_in, tree):
    move_back(signed_in, LAST_SEEN, settings.SESSION_IDLE_TIMEOUT + 1)
    assert_sent_to_sign_in(
        signed_in, tree.partners_page, "signed out after 30 minutes without activity"
    )


def test_each_request_restarts_the_idle_clock(signed_in, tree):
    for _ in range(3):
        move_back(signed_in, LAST_SEEN, settings.SESSION_IDLE_TIMEOUT - 60)
        move_back(signed_in, SIGNED_IN_AT, settings.SESSION_IDLE_TIMEOUT - 60)
        assert signed_in.get(tree.partners_page.url).status_code == 200
    # Well past one idle time since signing in, but never idle that long.
    assert signed_in.session[SIGNED_IN_AT] < (
        signed_in.session[LAST_SEEN] - 2 * settings.SESSION_IDLE_TIMEOUT
    )


def test_a_session_ends_at_its_absolute_lifetime_however_busy(signed_in, tree):
    move_back(signed_in, SIGNED_IN_AT, settings.SESSION_LIFETIME + 1)
    assert_sent_to_sign_in(
        signed_in, tree.partners_page, "you signed in more than 12 hours ago"
    )


def test_a_session_without_a_sign_in_time_is_ended(signed_in, tree):
    session = signed_in.session
    del session[SIGNED_IN_AT]
    session.save()
    assert_sent_to_sign_in(signed_in, tree.partners_page)


def test_signing_out_ends_the_session_on_the_server(signed_in, tree):
    old_cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    signed_in.post(reverse("account:sign-out"))
    assert_sent_to_sign_in(signed_in, tree.partners_page)
    # A copy of the old cookie, kept by someone else, opens nothing either.
    signed_in.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    assert_sent_to_sign_in(signed_in, tree.partners_page)


def test_deactivating_an_account_ends_its_open_session(signed_in, tree, personas):
    partner = personas["partner"]
    partner.is_active = False
    partner.save()
    assert_sent_to_sign_in(signed_in, tree.partners_page)


def test_the_wagtail_admin_signs_out_idle_editors_too(client, tree, personas):
    sign_in_with_second_factor(client, personas["superuser"])
    move_back(client, LAST_SEEN, settings.SESSION_IDLE_TIMEOUT + 1)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
