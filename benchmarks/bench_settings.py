"""
Settings for `benchmarks/run.py` and the gunicorn server it starts.

Production-like (DEBUG off, the base settings' middleware and templates),
with everything on disk in the benchmark's own folder, given by the
environment that run.py sets: DATABASE_URL, PORTAL_VAR_DIR and
SEARCH_INDEX_PATH. Two search backends are configured on the same
database, so that both are measured on the same corpus: ours as "default",
which the site uses, and Wagtail's database backend as "database".
"""

import tempfile

from portal.settings.base import *  # noqa: F403
from portal.settings.base import VAR_DIR, env

SECRET_KEY = "benchmark-only-not-secret"  # noqa: S105 (never deployed)
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
MEDIA_ROOT = str(VAR_DIR / "media")
STATIC_ROOT = str(VAR_DIR / "static")
DEMO_LOGINS_FILE = VAR_DIR / "demo-logins.txt"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends.whoosh",
        "PATH": env.get("SEARCH_INDEX_PATH") or tempfile.mkdtemp(),
        "LANGUAGE": "en",
    },
    # Updated on save only while run.py measures it (see `auto_update()`
    # there), so that timing one backend's publishing never pays for the
    # other's.
    "database": {
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": False,
    },
}
