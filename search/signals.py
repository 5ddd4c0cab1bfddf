"""
Keep the search index in step when a page moves with its descendants.

Wagtail re-saves a moved page, which reindexes it, but updates the tree
paths of its descendants in the database only. The index would then keep
their old paths, and a search within the new network (`descendant_of`)
would miss them until the next rebuild.
"""

import logging
from collections import defaultdict

from modelsearch.backends import get_search_backends_with_name
from wagtail.signals import post_page_move

logger = logging.getLogger(__name__)


def reindex_moved_descendants(
    sender, instance, url_path_before, url_path_after, **kwargs
):
    if url_path_before == url_path_after:
        return  # reordered among its siblings: no path in the index changed
    pages_by_type = defaultdict(list)
    for page in instance.get_descendants().specific().iterator():
        pages_by_type[type(page)].append(page)
    if not pages_by_type:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        for page_type, pages in pages_by_type.items():
            try:
                backend.add_bulk(page_type, pages)
            except Exception:
                # As for any other save: an index that cannot be written must
                # not undo the move; a rebuild brings it back in step.
                logger.exception(
                    "Could not reindex %d moved %s in the '%s' search backend",
                    len(pages),
                    page_type._meta.verbose_name_plural,
                    name,
                )
                if not backend.catch_indexing_errors:
                    raise


def connect():
    post_page_move.connect(
        reindex_moved_descendants, dispatch_uid="search-reindex-moved-descendants"
    )
