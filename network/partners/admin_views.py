"""
The "Account requests" screens of the Wagtail admin.

Coordinators see the requests that ask for networks they coordinate (or
networks below those), and approve or decline them; superusers see all.
A request for other networks only is not found, whatever the address says.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from network.partners import accounts
from network.partners.forms import ApproveForm, DeclineForm
from network.partners.models import AccountRequest
from search.admin_views import CoordinatorsOnlyMixin


class AccountRequestListView(
    CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Requests awaiting a decision, oldest first, then the latest decided."""

    template_name = "partners/admin/request_list.html"
    page_title = "Account requests"
    header_icon = "user"
    breadcrumbs_items = []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = (
            accounts.requests_for(self.request.user)
            .select_related("organisation", "decided_by")
            .prefetch_related("networks")
        )
        context["awaiting"] = requests.awaiting_decision().order_by("created")
        context["decided"] = requests.filter(
            status__in=[AccountRequest.Status.APPROVED, AccountRequest.Status.DECLINED]
        ).order_by("-decided_at")[:20]
        return context


class AccountRequestDecisionView(
    CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView
):
    """
    One request, with the approve and decline forms. The POST's "action"
    says which was sent; a form with errors is shown again, changing nothing.
    """

    template_name = "partners/admin/request_decision.html"
    page_title = "Account request"
    header_icon = "user"
    breadcrumbs_items = []

    def get_request_object(self):
        account_request = (
            accounts.requests_for(self.request.user)
            .awaiting_decision()
            .filter(pk=self.kwargs["pk"])
            .first()
        )
        if account_request is None:
            # Decided already, or not for this coordinator's networks.
            raise Http404("No such request")
        return account_request

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        account_request = self.account_request
        networks = self.networks
        context.update(
            account_request=account_request,
            other_networks=account_request.networks.exclude(
                pk__in=networks.values("pk")
            ),
        )
        context.setdefault(
            "approve_form",
            ApproveForm(
                networks,
                initial={
                    "networks": list(networks),
                    "organisation": account_request.organisation,
                    "police_staff": account_request.police_staff,
                },
            ),
        )
        context.setdefault("decline_form", DeclineForm())
        return context

    def setup_request(self):
        self.account_request = self.get_request_object()
        self.networks = accounts.approvable_networks(
            self.request.user, self.account_request
        )

    def get(self, request, pk):
        self.setup_request()
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        self.setup_request()
        if request.POST.get("action") == "decline":
            return self.decline()
        return self.approve()

    def approve(self):
        request, account_request = self.request, self.account_request
        form = ApproveForm(self.networks, request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(approve_form=form), status=400
            )
        try:
            user = accounts.approve(
                account_request,
                request.user,
                networks=list(form.cleaned_data["networks"]),
                organisation=form.cleaned_data["organisation"],
                police_staff=form.cleaned_data["police_staff"],
                request=request,
            )
        except accounts.ApprovalRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("partners_admin:list")
        messages.success(
            request,
            f"{account_request.name} has an account ({user.get_username()}) and "
            "has been sent a link to set their password.",
        )
        return redirect("partners_admin:list")

    def decline(self):
        request, account_request = self.request, self.account_request
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(decline_form=form), status=400
            )
        try:
            accounts.decline(account_request, request.user, form.cleaned_data["reason"])
        except accounts.ApprovalRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                f"{account_request.name}'s request is declined and they have "
                "been told why.",
            )
        return redirect("partners_admin:list")
