"""
Training in the Wagtail admin: courses, which every coordinator may keep,
and delivery records, which coordinators manage for their own networks
(and the networks below them) only.
"""

from django.core.exceptions import PermissionDenied

from wagtail.admin.ui.tables import DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from best_practice.wagtail_hooks import CoordinatorPermissionPolicy
from events.models import Course, TrainingRecord
from events.permissions import managed_networks

ACTIONS = {"add", "change", "delete", "view"}


class NetworkRecordPermissionPolicy(ModelPermissionPolicy):
    """
    Coordinators act on the records of the networks they manage; superusers
    on all. A record of another network is not theirs to see.

    `network_field` is the lookup from the record to its network, such as
    "network" for a training record or "fund__network" for an award.
    """

    def __init__(self, model, network_field="network", **kwargs):
        super().__init__(model, **kwargs)
        self.network_field = network_field

    def user_has_permission(self, user, action):
        return (
            action in ACTIONS
            and user.is_active
            and (user.is_superuser or managed_networks(user).exists())
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and managed_networks(user).filter(pk=self._network_id(instance)).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        return self.model.objects.filter(
            **{f"{self.network_field}__in": managed_networks(user)}
        )

    def _network_id(self, instance):
        *through, last = self.network_field.split("__")
        for name in through:
            instance = getattr(instance, name, None)
        return getattr(instance, f"{last}_id", None)


class OwnNetworkRecords:
    """Look records up among the user's own networks' only (404 otherwise)."""

    def get_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )


class RecordEditView(OwnNetworkRecords, snippets.EditView):
    pass


class RecordDeleteView(OwnNetworkRecords, snippets.DeleteView):
    pass


class RecordInspectView(OwnNetworkRecords, snippets.InspectView):
    pass


class RecordCopyView(snippets.CopyView):
    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", record
        ):
            raise PermissionDenied
        return record


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "clipboard-list"
    menu_label = "Courses"
    list_display = ["title", "audience", "duration", "provider"]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False


class TrainingRecordViewSet(SnippetViewSet):
    """Sessions delivered, newest first, for the user's own networks."""

    model = TrainingRecord
    icon = "group"
    menu_label = "Delivery records"
    list_display = ["course", DateColumn("date"), "network", "venue"]
    list_filter = ["course", "date", "online"]
    ordering = ["-date", "-pk"]
    search_fields = ["course__title", "venue", "network__title"]
    search_backend_name = None
    edit_view_class = RecordEditView
    delete_view_class = RecordDeleteView
    inspect_view_class = RecordInspectView
    copy_view_class = RecordCopyView

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(
            request.user, "view"
        ).select_related("course", "network")


register_permission_policy(Course, CoordinatorPermissionPolicy(Course, ACTIONS))
register_permission_policy(
    TrainingRecord, NetworkRecordPermissionPolicy(TrainingRecord)
)


class TrainingGroup(SnippetViewSetGroup):
    menu_label = "Training"
    menu_icon = "group"
    menu_order = 260
    items = (CourseViewSet, TrainingRecordViewSet)


register_snippet(TrainingGroup)
