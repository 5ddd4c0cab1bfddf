"""
The second factor: who must pass one, and how their secrets are kept.

django-mfa does the work (set-up, code and recovery-code pages, and the
middleware that holds a signed-in user at them); this module gives it the
portal's two decisions.
"""

import base64
import hashlib

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django_mfa import crypto as signed_secrets
from django_mfa.adapters import totp

PREFIX = "fernet:"


def requires_second_factor(user):
    """
    MFA_REQUIRED: anyone who can open the Wagtail admin, by any route.

    The admin is reached through the `wagtailadmin.access_admin` permission,
    which network editors and coordinators hold through their groups without
    being staff, so django-mfa's own `is_staff` rule would miss most of the
    accounts that publish. Partners who only read the portal are not asked.
    """
    return user.has_perm("wagtailadmin.access_admin")


def _fernet():
    keys = settings.MFA_SECRET_ENCRYPTION_KEYS
    if not keys:
        raise ImproperlyConfigured(
            "MFA_SECRET_ENCRYPTION_KEYS is empty: authenticator secrets would "
            "be stored as they are."
        )
    # Any string makes a key: its SHA-256 is the 32 bytes Fernet wants.
    return MultiFernet(
        [
            Fernet(base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()))
            for key in keys
        ]
    )


def encrypt_secret(secret):
    """Encrypt an authenticator app's secret with the newest key."""
    return PREFIX + _fernet().encrypt(secret.encode()).decode()


def decrypt_secret(stored):
    """
    Read a secret written by encrypt_secret() under any of the keys, or one
    that django-mfa wrote itself before this module was in place.
    """
    if not stored.startswith(PREFIX):
        return signed_secrets.decrypt(stored)
    try:
        return _fernet().decrypt(stored.removeprefix(PREFIX).encode()).decode()
    except InvalidToken:
        # django-mfa reports a secret it cannot read as a failed code.
        raise signing.BadSignature(
            "No key in MFA_SECRET_ENCRYPTION_KEYS decrypts this secret."
        ) from None


def encrypt_authenticator_secrets():
    """
    Make django-mfa's authenticator-app factor encrypt its secrets.

    With MFA_SECRET_ENCRYPTION_KEYS set, django-mfa 4.6 *signs* the secret
    (django_mfa.crypto): the stored value is base64 that anyone reading the
    database can decode without a key, and then make codes for the account.
    The factor reads and writes the secret only through the module's
    `encrypt` and `decrypt`, so those two are replaced with real encryption.
    Called once at start-up (portal.apps); it refuses to start if a later
    django-mfa no longer has those names, rather than store secrets readably.
    """
    for name in ("encrypt", "decrypt"):
        if not callable(getattr(totp, name, None)):
            raise ImproperlyConfigured(
                f"django_mfa.adapters.totp.{name} is gone: check how this "
                "django-mfa stores authenticator secrets before upgrading."
            )
    totp.encrypt = encrypt_secret
    totp.decrypt = decrypt_secret
