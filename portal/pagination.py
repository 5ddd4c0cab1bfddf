"""Pages of a listing, shared by every listing that pages: library, events, members, search."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page):
    """
    Return the requested page of `items`.

    A page number that is not a number gives the first page and one past
    the end gives the last, so an edited or stale address still shows a list.
    """
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    # The numbered links: the first and last pages, this one and one either
    # side, with an ellipsis for each gap. Worked out here, since looping in
    # the template over every page number cost more than the search itself
    # on a broad search with a thousand pages of results.
    page.numbered_links = list(
        paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    )
    page.ellipsis = paginator.ELLIPSIS
    return page


def query_string_without_page(request):
    """The current filters as a query string, for the pagination links to extend."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
