"""
Searching that keeps answering while the search index cannot be read.

The Whoosh index can be missing (a new install before its first build),
locked or damaged. Readers should then still get results, if plainer ones:
`search_or_fallback()` asks the configured backend and, when its index is
unavailable, logs why and asks Wagtail's database fallback backend, which
matches words with the database alone and needs no index.
"""

import logging

from search.backends.whoosh import SearchIndexUnavailable

logger = logging.getLogger(__name__)

# Plain `icontains` matching in the database: slower and unranked, but it
# reads no index, so it works whatever state the index is in.
FALLBACK_BACKEND = "wagtail.search.backends.database.fallback"


def search_or_fallback(queryset, query, limit=None, **options):
    """
    Return `queryset.search(query, **options)` as a list, best match first,
    at most `limit` long; from the database fallback if the index is unavailable.
    """
    try:
        return list(queryset.search(query, **options)[:limit])
    except SearchIndexUnavailable:
        logger.exception("Search index unavailable; searching the database instead")
        return list(queryset.search(query, backend=FALLBACK_BACKEND, **options)[:limit])


def ranked_keys(queryset, query):
    """
    Return the primary keys of every match of `query` in `queryset`, best
    first; from the database fallback if the index is unavailable.

    For ranking a listing the database then filters and pages: a backend
    that can list its matches' keys (ours) does so without loading a page
    object per match, thousands on a broad search.
    """
    try:
        results = queryset.search(query)
        if hasattr(results, "ranked_keys"):
            return results.ranked_keys()
        return [obj.pk for obj in results]
    except SearchIndexUnavailable:
        logger.exception("Search index unavailable; searching the database instead")
        return [obj.pk for obj in queryset.search(query, backend=FALLBACK_BACKEND)]
