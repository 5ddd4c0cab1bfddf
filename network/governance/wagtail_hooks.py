"""
Governance in the Wagtail admin: action plans and the funding register,
which coordinators keep for the networks they manage (and the networks
below them) only. Meetings and minutes are pages, edited in the page tree.
"""

from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import DateColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.wagtail_hooks import (
    NetworkRecordPermissionPolicy,
    RecordCopyView,
    RecordDeleteView,
    RecordEditView,
    RecordInspectView,
)
from network.governance.forms import ManagedNetworkForm
from network.governance.models import ActionPlanAction, Award, Fund


class NetworkRecordViewSet(SnippetViewSet):
    """A register kept per network: each coordinator sees their networks' rows."""

    search_backend_name = None
    edit_view_class = RecordEditView
    delete_view_class = RecordDeleteView
    inspect_view_class = RecordInspectView
    copy_view_class = RecordCopyView
    # The foreign keys the listing shows, read with the rows.
    list_related = ("network",)

    def get_edit_handler(self):
        return ObjectList(
            self.model.panels, base_form_class=ManagedNetworkForm
        ).bind_to_model(self.model)

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(
            request.user, "view"
        ).select_related(*self.list_related)


class ActionPlanViewSet(NetworkRecordViewSet):
    model = ActionPlanAction
    icon = "tasks"
    menu_label = "Action plans"
    list_display = ["title", "network", "strand", "status", DateColumn("due_date")]
    list_filter = ["strand", "status", "network"]
    ordering = ["network__path", "strand", "due_date"]
    search_fields = ["title"]


class FundViewSet(NetworkRecordViewSet):
    model = Fund
    icon = "pick"
    menu_label = "Funds"
    list_display = ["name", "funder", "network", "total", DateColumn("end_date")]
    search_fields = ["name", "funder"]


class AwardViewSet(NetworkRecordViewSet):
    model = Award
    icon = "tick-inverse"
    menu_label = "Awards"
    list_display = ["recipient", "fund", "amount", DateColumn("awarded_on")]
    list_related = ("recipient", "fund")
    list_filter = ["fund"]
    ordering = ["-awarded_on", "pk"]
    search_fields = ["purpose", "recipient__title"]


register_permission_policy(
    ActionPlanAction, NetworkRecordPermissionPolicy(ActionPlanAction)
)
register_permission_policy(Fund, NetworkRecordPermissionPolicy(Fund))
register_permission_policy(
    Award, NetworkRecordPermissionPolicy(Award, network_field="fund__network")
)


class GovernanceGroup(SnippetViewSetGroup):
    menu_label = "Governance"
    menu_icon = "clipboard-list"
    menu_order = 270
    items = (ActionPlanViewSet, FundViewSet, AwardViewSet)


register_snippet(GovernanceGroup)
