"""
Partner accounts in the Wagtail admin: an "Account requests" menu item,
showing how many wait for this coordinator, and its screens.
"""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from best_practice.wagtail_hooks import is_coordinator
from network.partners import accounts
from network.partners.admin_views import (
    AccountRequestDecisionView,
    AccountRequestListView,
)

admin_urls = [
    path("", AccountRequestListView.as_view(), name="list"),
    path("<int:pk>/", AccountRequestDecisionView.as_view(), name="decide"),
]


@hooks.register("register_admin_urls")
def register_account_request_urls():
    return [path("account-requests/", include((admin_urls, "partners_admin")))]


class AccountRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)

    def render_component(self, request):
        waiting = accounts.requests_for(request.user).awaiting_decision().count()
        label = f"{self.label} ({waiting})" if waiting else self.label
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_menu_item")
def register_account_requests_menu_item():
    return AccountRequestsMenuItem(
        "Account requests",
        reverse("partners_admin:list"),
        name="account-requests",
        icon_name="user",
        order=270,
    )
