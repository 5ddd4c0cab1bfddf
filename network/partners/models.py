"""
Partner accounts: the e-mail domains of member organisations, requests to
join, and what links a member's account to their organisation and networks.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from network.partners.domains import (
    DOMAIN_PATTERN,
    is_personal,
    normalise_domain,
)


class OrganisationEmailDomain(Orderable):
    """
    A domain the staff of a member organisation have e-mail addresses at.
    Requests for an account from these addresses go to the coordinators.
    """

    organisation = ParentalKey(
        "network.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="email_domains",
    )
    domain = models.CharField(
        max_length=253,
        unique=True,
        help_text=(
            "The part of staff e-mail addresses after the @, for example "
            "'leeds.gov.uk'. Addresses at its sub-domains count too."
        ),
        error_messages={"unique": "Another organisation already lists this domain."},
    )

    panels = [FieldPanel("domain")]

    class Meta(Orderable.Meta):
        verbose_name = "e-mail domain"

    def __str__(self):
        return self.domain

    def clean(self):
        self.domain = normalise_domain(self.domain)
        if not DOMAIN_PATTERN.match(self.domain):
            raise ValidationError(
                {"domain": "Enter a domain like 'leeds.gov.uk', without the @."}
            )
        if is_personal(self.domain):
            raise ValidationError(
                {
                    "domain": "This is a personal mail service anyone can use, "
                    "so it cannot vouch for an organisation's staff."
                }
            )


class OrganisationLabelMixin:
    """For rows with a directory organisation or, failing that, a typed name."""

    @property
    def organisation_label(self):
        if self.organisation_id:
            return self.organisation.title
        return self.organisation_name


class AccountRequestQuerySet(models.QuerySet):
    def awaiting_decision(self):
        return self.filter(
            status__in=[AccountRequest.Status.PENDING, AccountRequest.Status.HELD]
        )

    def for_networks(self, networks):
        """Keep requests that ask to join at least one of `networks`."""
        return self.filter(networks__in=networks).distinct()


class AccountRequest(OrganisationLabelMixin, models.Model):
    """Someone's request for a partner account, from the join form."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "E-mail address not yet confirmed"
        PENDING = "pending", "Waiting for a coordinator"
        HELD = "held", "Held: address not on the organisation's list"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    name = models.CharField("full name", max_length=150)
    email = models.EmailField("work e-mail address")
    organisation = models.ForeignKey(
        "network.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account_requests",
    )
    organisation_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Typed in when the organisation is not in the directory.",
    )
    role = models.CharField("job title or role", max_length=150)
    police_staff = models.BooleanField(
        "works for the police",
        default=False,
        help_text="The person says they are police officers or police staff.",
    )
    networks = models.ManyToManyField(
        "network.NetworkPage", related_name="account_requests"
    )
    reason = models.TextField("why they want an account", max_length=1000)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    hold_reason = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.TextField(blank=True, max_length=1000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account_requests",
    )

    objects = AccountRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = "account request"

    def __str__(self):
        return f"{self.name} ({self.email})"

    def mark_decided(self, status, by):
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()


class PartnerProfile(OrganisationLabelMixin, models.Model):
    """
    What links a member's account to their organisation and the networks
    they joined. Access to restricted pages comes from the Partners and
    Police groups; this says where the member belongs.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_profile",
    )
    organisation = models.ForeignKey(
        "network.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_profiles",
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    networks = models.ManyToManyField(
        "network.NetworkPage", blank=True, related_name="partner_profiles"
    )

    def __str__(self):
        return f"Partner profile of {self.user}"
