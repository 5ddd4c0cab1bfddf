"""Settings for a deployed portal: everything secret comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import *  # noqa: F403
from portal.settings.base import (
    ALLOWED_HOSTS,
    MFA_SECRET_ENCRYPTION_KEYS,
    SECRET_KEY,
    env_bool,
)

if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS to the site's host names, separated by commas."
    )
if not MFA_SECRET_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "Set MFA_SECRET_ENCRYPTION_KEYS to a long random key (several, comma-"
        "separated and newest first, while rotating): it encrypts the "
        "authenticator apps' secrets in the database."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers check each server over plain HTTP on its private address;
# the health check carries nothing private (portal/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
