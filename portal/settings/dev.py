"""Settings for a developer's machine: what `make run` uses."""

import secrets

from portal.settings.base import *  # noqa: F403
from portal.settings.base import DATABASES, MFA_SECRET_ENCRYPTION_KEYS, VAR_DIR, env

DEBUG = True
# Only ever used on a developer's machine; production reads SECRET_KEY.
SECRET_KEY = env.get("SECRET_KEY", "dev-only-not-secret-network-portal")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = env.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# The development server answers each request in a new thread, so a kept
# connection would never be used again: Django advises against them here.
DATABASES["default"]["CONN_MAX_AGE"] = int(env.get("DATABASE_CONN_MAX_AGE", "0"))


def _dev_mfa_key():
    """
    A random key made on the first run and kept in var/, so that the demo's
    authenticator apps keep working from one `make run` to the next.
    """
    path = VAR_DIR / "mfa-secret-key.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32))
    return path.read_text().strip()


MFA_SECRET_ENCRYPTION_KEYS = MFA_SECRET_ENCRYPTION_KEYS or [_dev_mfa_key()]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

try:
    from portal.settings.local import *  # noqa: F403
except ImportError:
    pass
