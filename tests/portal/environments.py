"""
Other portals on this machine, run as separate processes with the production
settings: a server started by a test, a restored copy of the portal.
"""

import os
from urllib.parse import quote

from django.db import connection

# Variables of the developer's or CI's own environment that would point a
# second portal at the test run's database, cache, index or folders.
INHERITED_SETTINGS = {
    "DATABASE_URL",
    "REDIS_URL",
    "SEARCH_BACKEND",
    "SEARCH_URL",
    "SEARCH_INDEX_PATH",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "PORTAL_VAR_DIR",
    "BACKUP_DIR",
    "DJANGO_SETTINGS_MODULE",
}


def production_environment(**settings):
    """Return os.environ for a portal on portal.settings.production."""
    env = {
        key: value for key, value in os.environ.items() if key not in INHERITED_SETTINGS
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="second-portal-in-tests-" + "x" * 40,
        MFA_SECRET_ENCRYPTION_KEYS="second-portal-in-tests-" + "y" * 20,
    )
    env.update({key: str(value) for key, value in settings.items()})
    return env


def postgres_url(name):
    """Return the address of database `name` on the test run's PostgreSQL server."""
    database = connection.settings_dict
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "localhost"
    port = database["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{name}"
