"""Settings for a developer's machine: what `make run` uses."""

from portal.settings.base import *  # noqa: F403
from portal.settings.base import env

DEBUG = True
# Only ever used on a developer's machine; production reads SECRET_KEY.
SECRET_KEY = env.get("SECRET_KEY", "dev-only-not-secret-network-portal")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = env.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

try:
    from portal.settings.local import *  # noqa: F403
except ImportError:
    pass
