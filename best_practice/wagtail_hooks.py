"""
The best-practice library in the Wagtail admin.

Coordinators edit the controlled vocabularies under "Library vocabularies",
read adoption records, see which practices are due for review (a report and
a dashboard panel), and cannot upload a document whose title carries a
protective marking. Documents attached to restricted practices are served
only to people who may read the practice.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents.forms import BaseDocumentForm
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from best_practice.models import (
    SENSITIVE_MESSAGE,
    Adoption,
    Audience,
    BestPracticeDocument,
    ExploitationType,
    RecognitionBadge,
    Sector,
    Theme,
    find_sensitive_marking,
)
from best_practice.reviews import (
    due_for_review,
    practices_coordinated_by,
    reminder_days,
    review_status,
)
from network.models import NetworkPage
from portal.uploads import check_document_file
from portal.visibility import can_view

DASHBOARD_LIMIT = 5


def is_coordinator(user):
    """Return whether `user` coordinates at least one network (or is a superuser)."""
    if not (user.is_active and user.is_authenticated):
        return False
    return (
        user.is_superuser
        or NetworkPage.objects.filter(coordinators_group__in=user.groups.all()).exists()
    )


class CoordinatorPermissionPolicy(ModelPermissionPolicy):
    """
    Let every network coordinator take the given actions on a model.

    Coordinators' groups are created per network as networks are added, so
    granting model permissions group by group would miss new networks.
    Django permissions given to any other group still count.
    """

    def __init__(self, model, coordinator_actions):
        super().__init__(model)
        self.coordinator_actions = set(coordinator_actions)

    def user_has_permission(self, user, action):
        if action in self.coordinator_actions and is_coordinator(user):
            return True
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if self.coordinator_actions & set(actions):
            coordinator_groups = NetworkPage.objects.exclude(
                coordinators_group=None
            ).values("coordinators_group")
            users = users | get_user_model().objects.filter(
                groups__in=coordinator_groups, is_active=True
            )
        return users.distinct()


# Controlled vocabularies ---------------------------------------------------


class TaxonomyViewSet(SnippetViewSet):
    """A controlled vocabulary, in the order readers see it in filters."""

    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]
    # The ORM is enough for a few dozen terms, and needs no search index.
    search_backend_name = None
    copy_view_enabled = False


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"


class ExploitationTypeViewSet(TaxonomyViewSet):
    model = ExploitationType
    icon = "warning"
    menu_label = "Exploitation types"


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "site"
    menu_label = "Sectors"


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"
    menu_label = "Audiences"


class RecognitionBadgeViewSet(TaxonomyViewSet):
    model = RecognitionBadge
    icon = "pick"
    menu_label = "Recognition badges"


class AdoptionViewSet(SnippetViewSet):
    """
    Adoption records, read only: members record them on the practice page,
    and coordinators read them here to see where practice has spread.
    """

    model = Adoption
    icon = "doc-full-inverse"
    menu_label = "Adoptions"
    list_display = ["practice", "organisation", DateColumn("adopted_on"), "note"]
    list_filter = ["practice", "organisation", "adopted_on"]
    ordering = ["-adopted_on"]
    search_fields = ["note", "practice__title", "organisation__title"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False


class ReadOnlyPermissionPolicy(CoordinatorPermissionPolicy):
    """Coordinators and superusers may look; nobody edits through the admin."""

    def __init__(self, model):
        super().__init__(model, {"view"})

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return user.is_active and (
            user.is_superuser or super().user_has_permission(user, action)
        )


for taxonomy in (Theme, ExploitationType, Sector, Audience, RecognitionBadge):
    register_permission_policy(
        taxonomy, CoordinatorPermissionPolicy(taxonomy, {"add", "change", "delete"})
    )
register_permission_policy(Adoption, ReadOnlyPermissionPolicy(Adoption))


class LibraryVocabulariesGroup(SnippetViewSetGroup):
    menu_label = "Library vocabularies"
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        ThemeViewSet,
        ExploitationTypeViewSet,
        SectorViewSet,
        AudienceViewSet,
        RecognitionBadgeViewSet,
        AdoptionViewSet,
    )


register_snippet(LibraryVocabulariesGroup)


# Review dates --------------------------------------------------------------


class PracticeReviewReportView(ReportView):
    """Practices overdue or due soon in the networks the user coordinates."""

    page_title = "Practice due for review"
    header_icon = "date"
    index_url_name = "best_practice_reviews"
    index_results_url_name = "best_practice_reviews_results"
    verbose_name_plural = "practices due for review"
    list_export = ["title", "network", "next_review_due", "last_reviewed", "owner"]
    export_headings = {"next_review_due": "Next review due", "network": "Network"}

    @property
    def columns(self):
        return [
            TitleColumn("title", label="Practice", url_name="wagtailadmin_pages:edit"),
            Column("network", label="Network"),
            DateColumn("last_reviewed", label="Last reviewed"),
            DateColumn("next_review_due", label="Next review due"),
            Column("review_status", label="Status", accessor=review_status),
            Column("owner", label="Owner"),
        ]

    def get_queryset(self):
        return due_for_review(
            practices_coordinated_by(self.request.user)
        ).select_related("owner")

    def get_page_subtitle(self):
        return f"Overdue, or due within {reminder_days()} days"

    def get_filename(self):
        return "practice-due-for-review"


class PracticeReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/practice-reviews/",
            PracticeReviewReportView.as_view(),
            name="best_practice_reviews",
        ),
        path(
            "reports/practice-reviews/results/",
            PracticeReviewReportView.as_view(results_only=True),
            name="best_practice_reviews_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return PracticeReviewMenuItem(
        "Practice due for review",
        reverse("best_practice_reviews"),
        name="practice-reviews",
        icon_name="date",
        order=150,
    )


class PracticeReviewPanel(Component):
    """The dashboard's list of the coordinator's practices that need a review."""

    name = "practice_reviews"
    order = 110
    template_name = "best_practice/admin/review_panel.html"

    def __init__(self, practices, count):
        self.practices = practices
        self.count = count

    def get_context_data(self, parent_context):
        return {
            "practices": [
                (practice, review_status(practice)) for practice in self.practices
            ],
            "count": self.count,
            "more": self.count - len(self.practices),
            "report_url": reverse("best_practice_reviews"),
            "days": reminder_days(),
        }


@hooks.register("construct_homepage_panels")
def add_practice_review_panel(request, panels):
    if not is_coordinator(request.user):
        return
    due = due_for_review(practices_coordinated_by(request.user))
    count = due.count()
    if count:
        panels.append(PracticeReviewPanel(list(due[:DASHBOARD_LIMIT]), count))


# Documents -----------------------------------------------------------------


class PracticeDocumentForm(BaseDocumentForm):
    """
    Wagtail's document form, refusing protectively marked titles and files,
    and files whose contents are not what their extension says.

    Named by WAGTAILDOCS_DOCUMENT_FORM_BASE, so it covers single and
    multiple uploads and edits alike.
    """

    def clean_title(self):
        title = self.cleaned_data.get("title", "")
        marking = find_sensitive_marking(title)
        if marking:
            raise ValidationError(SENSITIVE_MESSAGE % {"marking": marking})
        return title

    def clean_file(self):
        file = self.cleaned_data.get("file")
        marking = file and find_sensitive_marking(getattr(file, "name", ""))
        if marking:
            raise ValidationError(SENSITIVE_MESSAGE % {"marking": marking})
        # Only a new upload: an edit that keeps the stored file passes it
        # back here unchanged.
        if isinstance(file, UploadedFile):
            check_document_file(file)
        return file

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension of the file on the
        # instance. Once the file field has been refused there is no file
        # there, and it would add a confusing "File extension “” is not
        # allowed" under the error that says what is wrong.
        file_errors = self._errors.get("file")
        earlier = file_errors.copy() if file_errors else None
        super()._post_clean()
        if earlier:
            self._errors["file"] = earlier


@hooks.register("before_serve_document")
def serve_practice_documents_to_readers_only(document, request):
    """
    Refuse a document to anyone who may not read the practices it belongs to.

    A document attached to several live practices follows the strictest of
    them: one police-only attachment makes it police only. A document that
    only drafts use is for the people who may edit those drafts. Documents
    attached to no practice keep Wagtail's collection privacy.
    """
    attachments = BestPracticeDocument.objects.filter(document=document)
    practices = [attachment.page for attachment in attachments.select_related("page")]
    if not practices:
        return None
    live = [practice for practice in practices if practice.live]
    if live:
        allowed = all(can_view(request, practice) for practice in live)
    else:
        user = request.user
        allowed = user.is_authenticated and any(
            practice.permissions_for_user(user).can_edit() for practice in practices
        )
    if allowed:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(
        "This document belongs to a practice you do not have access to."
    )
