"""
The public side of partner accounts: the join form and its e-mailed links,
setting a password, and each member's "My portal" page.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from best_practice.models import Adoption
from best_practice.views import contributions
from events.models import CalendarFeedToken, EventIndexPage, Registration
from network.models import NetworkPage
from network.partners import accounts, emails
from network.partners.forms import (
    AccountRequestForm,
    ChoosePasswordForm,
    CloseAccountForm,
)
from network.partners.models import AccountRequest, PartnerProfile
from network.partners.ratelimit import allow, client_address
from portal.visibility import can_view, filter_visible_related, visible_pages

# Fixed windows of an hour: enough for someone who mistypes, too few to
# spam coordinators or mailboxes.
WINDOW = 60 * 60
REQUESTS_PER_ADDRESS = 10
REQUESTS_PER_EMAIL = 3
CONFIRMATIONS_PER_ADDRESS = 20
SENT_SESSION_KEY = "partners_request_sent"


def _crumbs(*titles_and_urls):
    home = {"title": "Home", "url": "/"}
    return [home, *({"title": t, "url": u} for t, u in titles_and_urls)]


def _too_many(request):
    return TemplateResponse(
        request, "partners/too_many.html", {"breadcrumbs": _crumbs()}, status=429
    )


def request_account(request):
    """The join form. Its answer never tells whether an address has an account."""
    if request.user.is_authenticated:
        return redirect("partners:my-portal")
    form = AccountRequestForm(
        request, request.POST if request.method == "POST" else None
    )
    if request.method == "POST":
        if not allow(
            "join-address", client_address(request), REQUESTS_PER_ADDRESS, WINDOW
        ):
            return _too_many(request)
        if form.is_valid():
            data = form.cleaned_data
            if not allow("join-email", data["email"], REQUESTS_PER_EMAIL, WINDOW):
                return _too_many(request)
            _take_request(request, data)
            reason, _ = accounts.hold_reason(data["email"], data["organisation"])
            request.session[SENT_SESSION_KEY] = {
                "email": data["email"],
                "hold_reason": reason,
            }
            return redirect("partners:request-sent")
    return TemplateResponse(
        request,
        "partners/request_form.html",
        {"form": form, "breadcrumbs": _crumbs(("Request an account", ""))},
    )


def _take_request(request, data):
    """Record the request and send its confirmation link, or, for an address
    that has an account already, e-mail its owner a note instead."""
    existing = (
        get_user_model()
        .objects.filter(email__iexact=data["email"], is_active=True)
        .first()
    )
    if existing is not None:
        emails.send_already_registered(
            existing.email,
            existing.get_full_name() or data["name"],
            request.build_absolute_uri(reverse("account:sign-in")),
            request.build_absolute_uri(accounts.set_password_path(existing)),
        )
        return
    with transaction.atomic():
        account_request = AccountRequest.objects.create(
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            organisation_name=data["organisation_name"],
            role=data["role"],
            police_staff=data["police_staff"],
            reason=data["reason"],
        )
        account_request.networks.set(data["networks"])
    confirm_url = request.build_absolute_uri(
        reverse("partners:confirm", args=[accounts.confirm_token(account_request)])
    )
    emails.send_confirm_address(
        account_request, confirm_url, accounts.CONFIRM_MAX_AGE // 86400
    )


def request_sent(request):
    sent = request.session.get(SENT_SESSION_KEY)
    if not sent:
        return redirect("partners:request")
    return TemplateResponse(
        request,
        "partners/request_sent.html",
        {**sent, "breadcrumbs": _crumbs(("Request an account", ""))},
    )


def confirm(request, token):
    """Show the confirmation button (GET), then confirm the address (POST)."""
    context = {"breadcrumbs": _crumbs(("Confirm your email address", ""))}
    try:
        account_request = accounts.request_from_token(token)
    except signing.SignatureExpired:
        return TemplateResponse(
            request,
            "partners/link_problem.html",
            {**context, "expired": True},
            status=410,
        )
    except signing.BadSignature:
        return TemplateResponse(
            request, "partners/link_problem.html", context, status=400
        )
    if account_request is None:
        return TemplateResponse(
            request, "partners/link_problem.html", {**context, "used": True}
        )
    if request.method == "POST":
        if not allow(
            "confirm-address",
            client_address(request),
            CONFIRMATIONS_PER_ADDRESS,
            WINDOW,
        ):
            return _too_many(request)
        account_request = accounts.confirm_address(
            account_request,
            request.build_absolute_uri(reverse("partners_admin:list")),
        )
        return TemplateResponse(
            request,
            "partners/confirmed.html",
            {**context, "account_request": account_request},
        )
    return TemplateResponse(
        request,
        "partners/confirm.html",
        {**context, "account_request": account_request},
    )


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """
    Set (or reset) a password from the e-mailed link. Django's token expires
    after PASSWORD_RESET_TIMEOUT and stops working once the password changes.
    """

    template_name = "partners/set_password.html"
    form_class = ChoosePasswordForm
    success_url = reverse_lazy("partners:password-set")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = _crumbs(("Set your password", ""))
        return context


def password_set(request):
    return TemplateResponse(
        request,
        "partners/password_set.html",
        {"breadcrumbs": _crumbs(("Password set", ""))},
    )


# My portal -------------------------------------------------------------------


@login_required
def my_portal(request):
    user = request.user
    profile = (
        PartnerProfile.objects.filter(user=user).select_related("organisation").first()
    )
    organisation = profile.organisation if profile else None
    if organisation is not None and not can_view(request, organisation):
        organisation = None
    networks = (
        visible_pages(request, profile.networks.all()).order_by("path")
        if profile
        else NetworkPage.objects.none()
    )
    registrations = filter_visible_related(
        request,
        Registration.objects.active()
        .held_by(user)
        .select_related("event")
        .order_by("-event__start"),
        "event__",
    )
    index = visible_pages(request, EventIndexPage.objects.all()).first()
    adoptions = (
        filter_visible_related(
            request,
            Adoption.objects.filter(organisation=organisation).select_related(
                "practice"
            ),
            "practice__",
        )
        if organisation
        else Adoption.objects.none()
    )
    return TemplateResponse(
        request,
        "partners/my_portal.html",
        {
            "profile": profile,
            "organisation": organisation,
            "organisation_label": profile.organisation_label if profile else "",
            "networks": networks,
            "registrations": registrations,
            "calendar_url": (
                index.url + index.reverse_subpage("my_calendar") if index else ""
            ),
            "has_calendar": CalendarFeedToken.objects.filter(user=user).exists(),
            "contributed": contributions(request, organisation) if organisation else [],
            "adoptions": adoptions,
            "breadcrumbs": _crumbs(("My portal", "")),
        },
    )


@login_required
@require_POST
def leave_network(request, network_id):
    profile = get_object_or_404(PartnerProfile, user=request.user)
    network = get_object_or_404(profile.networks, pk=network_id)
    accounts.leave_network(request.user, network)
    messages.success(request, f"You have left {network.title}.")
    return redirect("partners:my-portal")


@login_required
def leave_organisation(request):
    """Confirm (GET), then end the member's partner access (POST)."""
    profile = PartnerProfile.objects.filter(user=request.user).first()
    if request.method == "POST":
        accounts.leave_organisation(request.user)
        messages.success(
            request,
            "You are no longer listed with an organisation. Partner-only pages "
            "are closed to you until a coordinator approves a new request.",
        )
        return redirect("partners:my-portal")
    return TemplateResponse(
        request,
        "partners/leave_organisation.html",
        {
            "organisation_label": profile.organisation_label if profile else "",
            "breadcrumbs": _crumbs(
                ("My portal", reverse("partners:my-portal")),
                ("Leave your organisation", ""),
            ),
        },
    )


@login_required
def close_account(request):
    form = CloseAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        accounts.close_account(request.user)
        logout(request)
        messages.success(
            request, "Your account is closed and your personal details are removed."
        )
        return redirect("/")
    return TemplateResponse(
        request,
        "partners/close_account.html",
        {
            "form": form,
            "breadcrumbs": _crumbs(
                ("My portal", reverse("partners:my-portal")), ("Close your account", "")
            ),
        },
    )
