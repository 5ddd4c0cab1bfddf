"""Settings for the test suite: fast, isolated, no network."""

import tempfile
from pathlib import Path

from portal.settings.base import *  # noqa: F403
from portal.settings.base import env

SECRET_KEY = "test-only-not-secret"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
MFA_SECRET_ENCRYPTION_KEYS = ["test-only-mfa-key-not-secret"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
DEMO_LOGINS_FILE = Path(tempfile.mkdtemp(prefix="portal-test-logins-")) / "logins.txt"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The Whoosh index in a throwaway folder, never the developer's own index.
# Saving a page does not index it here: a Whoosh commit per save made every
# test that builds a page tree pay for indexing it. Tests that search ask
# for the `search_index` fixture (tests/conftest.py), which turns indexing
# back on against a fresh, empty index of their own.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": env.get("SEARCH_BACKEND", "search.backends.whoosh"),
        "AUTO_UPDATE": False,
    }
}
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.whoosh":
    WAGTAILSEARCH_BACKENDS["default"].update(
        PATH=tempfile.mkdtemp(prefix="portal-test-search-"), LANGUAGE="en"
    )
