"""The period report's form, and the admin forms that keep coordinators to their networks."""

from wagtail.admin.forms import WagtailAdminModelForm

from events.forms import PeriodFilterForm
from events.permissions import managed_networks
from network.governance.reports import report_years


class PeriodReportForm(PeriodFilterForm):
    """A network and a quarter, a financial year or chosen dates: all required."""

    def __init__(self, request, *args, **kwargs):
        super().__init__(request, report_years(), *args, **kwargs)
        network = self.fields["network"]
        network.required = True
        network.empty_label = None
        network.error_messages["required"] = "Choose the network to report on."
        period = self.fields["period"]
        period.required = True
        period.choices = [choice for choice in period.choices if choice[0]]
        period.error_messages["required"] = "Choose a period."

    def clean(self):
        data = super().clean()
        if data.get("period") == "dates" and not self.has_error("start"):
            if not data.get("start"):
                self.add_error("start", "Enter the first day of the period.")
            elif not data.get("end") and not self.has_error("end"):
                self.add_error("end", "Enter the last day of the period.")
        return data


class ManagedNetworkForm(WagtailAdminModelForm):
    """
    An admin form whose network (or fund) can only be one of the networks
    the user coordinates, or a network below those: another network's plan
    or register is not theirs to change.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        networks = managed_networks(for_user)
        if "network" in self.fields:
            self.fields["network"].queryset = networks.order_by("path")
        if "fund" in self.fields:
            self.fields["fund"].queryset = self.fields["fund"].queryset.filter(
                network__in=networks
            )
