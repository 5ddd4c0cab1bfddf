"""
The health check that a load balancer or a monitor asks: `/healthz`.

It answers 200 when this server can use its database and its cache, and 503
when either fails, so that a load balancer stops sending visitors to a
server that could only show them errors. The JSON body names each part and
whether it works, and nothing else: no host names, versions or error text,
which would tell an outsider more than an operator needs. The errors
themselves go to the log.
"""

import logging
import os

from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
# One key per process, overwritten by every check, so checks add nothing to
# a shared cache however often they run.
CACHE_KEY = f"healthz:{os.getpid()}"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return UNAVAILABLE
    return OK


def cache_status():
    token = os.urandom(8).hex()
    try:
        cache.set(CACHE_KEY, token, timeout=60)
        answered = cache.get(CACHE_KEY)
    except Exception:
        # Each cache backend raises its own errors (redis-py's for Redis).
        logger.exception("Health check: the cache does not answer")
        return UNAVAILABLE
    if answered != token:
        logger.error("Health check: the cache did not keep a value")
        return UNAVAILABLE
    return OK


def search_status():
    try:
        list(get_search_backend().search("portal", Page)[:1])
    except Exception:
        # Each search backend raises its own errors; the Whoosh backend's
        # SearchIndexUnavailable is one of them.
        logger.exception("Health check: the search index cannot be searched")
        return UNAVAILABLE
    return OK


@require_safe
@never_cache
def healthz(request):
    """
    Report whether this server can serve the portal.

    Search is reported but never fails the check. The Whoosh index is
    rebuilt beside the live one and swapped in when complete, so a rebuild
    leaves search answering. When the index is missing or damaged, the
    library falls back to matching in the database (search/fallback.py) and
    the search page says that search is unavailable, while every other page
    works: taking the server out of the load balancer then would turn one
    missing feature into a site that does not answer at all.
    """
    checks = {"database": database_status(), "cache": cache_status()}
    healthy = all(state == OK for state in checks.values())
    checks["search"] = search_status()
    return JsonResponse(
        {"status": OK if healthy else UNAVAILABLE, "checks": checks},
        status=200 if healthy else 503,
    )
