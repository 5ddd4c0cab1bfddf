"""
What happens to a request and to a member's account: confirming the
address, approving or declining, leaving a network or an organisation, and
closing the account.

Every change is one transaction, so a failure leaves nothing half done.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from events.models import CalendarFeedToken, Registration
from events.permissions import managed_networks
from events.registration import anonymise
from events.training import erase_person
from network.models import NetworkPage
from network.partners import emails
from network.partners.domains import domain_of, organisation_for
from network.partners.models import AccountRequest, PartnerProfile
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP

CONFIRM_SALT = "network.partners.confirm-address"
# How long the link that confirms an address works.
CONFIRM_MAX_AGE = 3 * 24 * 60 * 60
# How long a declined request is kept, to answer "why was I refused?".
DECLINED_KEPT_DAYS = 90


class ApprovalRefused(Exception):
    """The approval cannot go ahead; the message says why, for the coordinator."""


# Confirming the address ------------------------------------------------------


def confirm_token(account_request):
    return signing.dumps(account_request.pk, salt=CONFIRM_SALT, compress=True)


def request_from_token(token):
    """
    Return the unconfirmed request a confirmation link names, or raise
    signing.BadSignature (tampered) or signing.SignatureExpired (too old).
    """
    pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    return AccountRequest.objects.filter(
        pk=pk, status=AccountRequest.Status.UNCONFIRMED
    ).first()


def hold_reason(email, organisation):
    """
    Return why a request from `email` needs a coordinator's check before it
    can be trusted, and the organisation its domain belongs to.
    """
    listed = organisation_for(domain_of(email))
    if listed is None:
        return (
            f"{domain_of(email)} is not listed as the e-mail domain of a member "
            "organisation.",
            None,
        )
    if organisation is not None and organisation != listed:
        return (
            f"{domain_of(email)} belongs to {listed.title}, not to "
            f"{organisation.title}.",
            listed,
        )
    return "", listed


def confirm_address(account_request, review_url):
    """Send the confirmed request on: to the coordinators, or held for a check."""
    account_request, changed = _confirm(account_request)
    if changed:
        coordinators = coordinators_for(account_request.networks.all())
        if coordinators:
            # Sent once the change is committed: a failed send cannot undo it.
            emails.send_new_request(coordinators, account_request, review_url)
    return account_request


@transaction.atomic
def _confirm(account_request):
    account_request = AccountRequest.objects.select_for_update().get(
        pk=account_request.pk
    )
    if account_request.status != AccountRequest.Status.UNCONFIRMED:
        return account_request, False
    reason, listed = hold_reason(account_request.email, account_request.organisation)
    account_request.confirmed_at = timezone.now()
    account_request.hold_reason = reason
    if reason:
        account_request.status = AccountRequest.Status.HELD
    else:
        account_request.status = AccountRequest.Status.PENDING
        account_request.organisation = listed
    account_request.save()
    return account_request, True


def coordinators_for(networks):
    """
    Return the active users with an e-mail address who coordinate `networks`:
    each network's own coordinators, or, where it has none, those of the
    nearest network above it.
    """
    found = {}
    for network in networks:
        for candidate in reversed(
            list(NetworkPage.objects.ancestor_of(network, inclusive=True))
        ):
            if candidate.coordinators_group_id is None:
                continue
            users = candidate.coordinators_group.user_set.filter(
                is_active=True
            ).exclude(email="")
            if users:
                found.update({user.pk: user for user in users})
                break
    return list(found.values())


# Deciding --------------------------------------------------------------------


def requests_for(user):
    """Return the requests `user` may decide on: those for networks they manage."""
    if user.is_active and user.is_superuser:
        return AccountRequest.objects.all()
    return AccountRequest.objects.for_networks(managed_networks(user))


def approvable_networks(user, account_request):
    """Return the networks asked for that `user` may approve the person for."""
    asked = account_request.networks.all()
    if user.is_active and user.is_superuser:
        return asked
    return asked.filter(pk__in=managed_networks(user).values("pk"))


def set_password_path(user):
    return reverse(
        "partners:set-password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def approve(account_request, by, *, networks, organisation, police_staff, request):
    """
    Create the person's account in the Partners group (and Police for police
    staff), link it to the organisation and to `networks`, and e-mail them
    a link to set their password.
    """
    account_request, user = _approve(
        account_request, by, networks, organisation, police_staff
    )
    emails.send_approved(
        account_request,
        request.build_absolute_uri(set_password_path(user)),
        networks,
        list(account_request.networks.exclude(pk__in=[n.pk for n in networks])),
        settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
    )
    return user


def _lock_undecided(account_request):
    """Return the request locked for this transaction, if still undecided."""
    account_request = AccountRequest.objects.select_for_update().get(
        pk=account_request.pk
    )
    if account_request.status not in (
        AccountRequest.Status.PENDING,
        AccountRequest.Status.HELD,
    ):
        raise ApprovalRefused("This request has already been dealt with.")
    return account_request


@transaction.atomic
def _approve(account_request, by, networks, organisation, police_staff):
    account_request = _lock_undecided(account_request)
    allowed = set(approvable_networks(by, account_request).values_list("pk", flat=True))
    if not networks or any(network.pk not in allowed for network in networks):
        raise ApprovalRefused(
            "You can only approve people for networks you coordinate."
        )
    User = get_user_model()
    username = account_request.email.lower()[:150]
    if User.objects.filter(
        Q(email__iexact=account_request.email) | Q(username__iexact=username)
    ).exists():
        raise ApprovalRefused(
            "An account with this e-mail address exists already. Change its "
            "groups under Settings > Users instead."
        )
    first_name, _, last_name = account_request.name.partition(" ")
    user = User(
        username=username,
        email=account_request.email,
        first_name=first_name[:150],
        last_name=last_name[:150],
    )
    # No password until the person sets their own from the e-mailed link.
    user.set_unusable_password()
    user.save()
    groups = [PARTNERS_GROUP, POLICE_GROUP] if police_staff else [PARTNERS_GROUP]
    user.groups.add(*Group.objects.filter(name__in=groups))
    profile = PartnerProfile.objects.create(
        user=user,
        organisation=organisation,
        organisation_name="" if organisation else account_request.organisation_name,
    )
    profile.networks.set(networks)
    account_request.user = user
    account_request.organisation = organisation
    account_request.police_staff = police_staff
    account_request.mark_decided(AccountRequest.Status.APPROVED, by)
    account_request.save()
    return account_request, user


def decline(account_request, by, reason):
    account_request = _decline(account_request, by, reason)
    emails.send_declined(account_request)
    return account_request


@transaction.atomic
def _decline(account_request, by, reason):
    account_request = _lock_undecided(account_request)
    account_request.decline_reason = reason
    account_request.mark_decided(AccountRequest.Status.DECLINED, by)
    account_request.save()
    return account_request


# Leaving ---------------------------------------------------------------------


def profile_of(user):
    profile, _ = PartnerProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def leave_network(user, network):
    profile_of(user).networks.remove(network)


@transaction.atomic
def leave_organisation(user):
    """
    End the member's partner access: restricted pages, results and feeds
    close to them on their next request, as portal.visibility reads groups
    afresh every time.
    """
    profile = profile_of(user)
    profile.organisation = None
    profile.organisation_name = ""
    profile.save()
    profile.networks.clear()
    user.groups.remove(*Group.objects.filter(name__in=[PARTNERS_GROUP, POLICE_GROUP]))


@transaction.atomic
def close_account(user):
    """
    Remove the member's personal data and close the account for good.

    The user row stays, anonymised and unable to sign in, so that pages,
    practices and adoption records the organisation published keep their
    history; only who the person was goes.
    """
    email = user.email
    if email:
        erase_person(email)
        AccountRequest.objects.filter(email__iexact=email).delete()
    # Registrations made while signed in under an address since changed.
    for registration in Registration.objects.filter(user=user):
        anonymise(registration, "Erased on request")
    AccountRequest.objects.filter(user=user).delete()
    CalendarFeedToken.objects.filter(user=user).delete()
    PartnerProfile.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.username = f"closed-account-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


def purge_requests(now=None):
    """
    Delete requests never confirmed before their link expired, and declined
    requests older than DECLINED_KEPT_DAYS; return how many went. Approved
    requests go with the account when it is closed.
    """
    now = now or timezone.now()
    unconfirmed = AccountRequest.objects.filter(
        status=AccountRequest.Status.UNCONFIRMED,
        created__lt=now - timedelta(seconds=CONFIRM_MAX_AGE),
    )
    declined = AccountRequest.objects.filter(
        status=AccountRequest.Status.DECLINED,
        decided_at__lt=now - timedelta(days=DECLINED_KEPT_DAYS),
    )
    deleted = unconfirmed.delete()[1].get("partners.AccountRequest", 0)
    return deleted + declined.delete()[1].get("partners.AccountRequest", 0)
