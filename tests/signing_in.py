"""
Signing test users in past the second factor the admin asks of them.

Everyone who can open the Wagtail admin must have an authenticator app and
have entered a code in the current session (portal/mfa.py). Django's
`force_login` skips the password; `sign_in_with_second_factor` is its
equivalent for the code, so that tests about something else reach the admin
as a real coordinator does after both steps. tests/portal/test_mfa.py checks
the steps themselves, through the real pages.
"""

from types import SimpleNamespace

from django_mfa import session as mfa_session
from django_mfa.adapters.totp import generate_secret
from django_mfa.models import Authenticator
from django_mfa.totp import TOTP

from portal.mfa import encrypt_secret, requires_second_factor


def enrol_authenticator(user):
    """
    Give `user` an authenticator app, stored as the set-up page stores it;
    return its secret, from which `totp_code` makes the codes the app shows.
    """
    secret = generate_secret()
    Authenticator.objects.update_or_create(
        user=user,
        type=Authenticator.Type.TOTP,
        defaults={"data": {"secret": encrypt_secret(secret)}},
    )
    return secret


def totp_code(secret):
    """The six-digit code an authenticator app with `secret` shows now."""
    return TOTP(secret).now()


def sign_in_with_second_factor(client, user):
    """
    Sign `user` in on the test client with both steps done.

    For an account that must use a second factor, it gets an authenticator
    app if it has none, and the session records a passed code exactly as
    django-mfa records it after the code page. For anyone else this is
    `client.force_login(user)`. Returns the client.
    """
    client.force_login(user)
    if requires_second_factor(user):
        if not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            enrol_authenticator(user)
        session = client.session
        mfa_session.mark_verified(SimpleNamespace(session=session), "totp")
        session.save()
    return client
