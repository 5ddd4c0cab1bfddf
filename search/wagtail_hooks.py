"""
Search in the Wagtail admin: the glossary, and the failed-search report.

Coordinators of any network edit the glossary (it widens everyone's
searches) and see which searches found nothing.
"""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from best_practice.wagtail_hooks import CoordinatorPermissionPolicy, is_coordinator
from search.admin_views import AddSynonymView, FailedSearchReportView
from search.models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    """The glossary of acronyms and terms, A to Z."""

    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossary"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "expansion", "synonyms"]
    ordering = ["term"]
    search_fields = ["term", "expansion", "synonyms", "definition"]
    # A few dozen rows: the ORM is enough, and needs no search index.
    search_backend_name = None
    copy_view_enabled = False


register_permission_policy(
    GlossaryTerm,
    CoordinatorPermissionPolicy(GlossaryTerm, {"add", "change", "delete"}),
)
register_snippet(GlossaryTermViewSet)


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_urls")
def register_failed_search_urls():
    return [
        path(
            "reports/failed-searches/",
            FailedSearchReportView.as_view(),
            name="search_failed_searches",
        ),
        path(
            "reports/failed-searches/add-synonym/",
            AddSynonymView.as_view(),
            name="search_add_synonym",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_search_menu_item():
    return CoordinatorMenuItem(
        "Searches that found nothing",
        reverse("search_failed_searches"),
        name="failed-searches",
        icon_name="search",
        order=160,
    )
