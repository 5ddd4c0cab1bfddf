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
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def query_string_without_page(request):
    """The current filters as a query string, for the pagination links to extend."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
