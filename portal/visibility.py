"""
The one rule that decides which pages a request may see.

Every channel that lists, counts or links pages (listings, menus, search,
feeds, calendars, the API and the sitemap) asks this module, so a page under
a login or group restriction never reaches someone who may not open it.

The answer is worked out from the database on every request, never cached
across requests and never taken from the search index: a change to a page's
privacy, or to someone's groups, takes effect on their next request.
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

# Names of the groups the demo content and the admin offer for restrictions.
PARTNERS_GROUP = "Partners"
POLICE_GROUP = "Police"

_RESTRICTIONS_ATTRIBUTE = "_portal_view_restrictions"
_HIDDEN_ATTRIBUTE = "_portal_hidden_paths"


@dataclass(frozen=True)
class Restriction:
    """A page's view restriction, as read for one request."""

    path: str
    restriction_type: str
    groups: frozenset  # (group id, group name) pairs


def view_restrictions(request):
    """
    Return every view restriction as a tuple of Restriction, read once per
    request in one query (with their groups), and kept on the request for
    the other questions asked of it.
    """
    cached = getattr(request, _RESTRICTIONS_ATTRIBUTE, None)
    if cached is not None:
        return cached
    restrictions = _read(PageViewRestriction.objects.all())
    setattr(request, _RESTRICTIONS_ATTRIBUTE, restrictions)
    return restrictions


def _read(restrictions):
    """Return the Restriction of each of `restrictions` (a queryset), in one query."""
    rows = restrictions.values_list(
        "pk", "page__path", "restriction_type", "groups__id", "groups__name"
    ).order_by("page__path", "pk")
    read = {}
    for pk, path, restriction_type, group_id, group_name in rows:
        entry = read.setdefault(pk, (path, restriction_type, set()))
        if group_id is not None:
            entry[2].add((group_id, group_name))
    return tuple(
        Restriction(path, restriction_type, frozenset(groups))
        for path, restriction_type, groups in read.values()
    )


def hidden_paths(request):
    """
    Return the tree paths of the restricted pages this request may not open.

    Everything below such a path is hidden too, since Wagtail applies a view
    restriction to the page's whole subtree. The result is kept on the
    request so that the restrictions are read once per request.
    """
    cached = getattr(request, _HIDDEN_ATTRIBUTE, None)
    if cached is not None:
        return cached

    user = getattr(request, "user", None)
    if user is not None and user.is_active and user.is_superuser:
        paths = ()
    else:
        signed_in = bool(user and user.is_active and user.is_authenticated)
        group_ids = (
            set(user.groups.values_list("id", flat=True)) if signed_in else set()
        )
        paths = tuple(
            sorted(
                {
                    restriction.path
                    for restriction in view_restrictions(request)
                    if not _passes(restriction, signed_in, group_ids)
                }
            )
        )
    setattr(request, _HIDDEN_ATTRIBUTE, paths)
    return paths


def _passes(restriction, signed_in, group_ids):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return signed_in
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return signed_in and any(
            group_id in group_ids for group_id, _name in restriction.groups
        )
    # Shared passwords are switched off in settings; a stray one stays closed.
    return False


def hidden_q(request, prefix=""):
    """
    Return a Q object that excludes pages the request may not see.

    `prefix` lets models that point at a page filter through the relation,
    for example `hidden_q(request, "organisation__")`.
    """
    condition = Q()
    for path in hidden_paths(request):
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def visible_pages(request, queryset=None):
    """Return the live pages of `queryset` (default: all pages) the request may see."""
    if queryset is None:
        queryset = Page.objects.all()
    if not hasattr(queryset, "live"):
        # A relation of a page being previewed (modelcluster's stand-in for
        # a queryset, holding the form's unsaved choices): ask the database
        # about the same pages.
        queryset = queryset.model.objects.filter(
            pk__in=[page.pk for page in queryset if page.pk is not None]
        )
    queryset = queryset.live()
    condition = hidden_q(request)
    return queryset.exclude(condition) if condition else queryset


def filter_visible_related(request, queryset, prefix):
    """Keep the rows of `queryset` whose related page (through `prefix`) may be seen."""
    condition = hidden_q(request, prefix)
    queryset = queryset.filter(**{f"{prefix}live": True})
    return queryset.exclude(condition) if condition else queryset


def can_view(request, page):
    """Return whether the request may open `page` (a live page)."""
    if not page.live:
        return False
    return not any(page.path.startswith(path) for path in hidden_paths(request))


def restriction_label(page):
    """
    Return who may see `page` in a few words, or "" for a public page.

    Shown as a tag on restricted pages and in listings, so that a signed-in
    partner knows not to forward what they are reading.
    """
    return _describe(_read(page.get_view_restrictions()))


def restriction_labels(request, pages):
    """
    Return {page pk: restriction_label(page)} for many pages, from the
    restrictions the request has already read: for listings such as search
    results, where asking page by page would cost a query per result.
    """
    restrictions = view_restrictions(request)
    return {
        page.pk: _describe([r for r in restrictions if page.path.startswith(r.path)])
        for page in pages
    }


def _describe(restrictions):
    if not restrictions:
        return ""
    group_names = set()
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            group_names.update(name for _id, name in restriction.groups)
    if group_names:
        return " and ".join(sorted(group_names)) + " only"
    return "Signed-in users only"
