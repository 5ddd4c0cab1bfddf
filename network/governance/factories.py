"""Factories for governance pages and records, shared by tests and demo data."""

import datetime
from decimal import Decimal

from django.utils import timezone

import factory

from network.factories import NetworkPageFactory, OrganisationPageFactory
from network.governance.models import (
    ActionPlanAction,
    Award,
    Fund,
    FundingPage,
    MeetingMinutesPage,
    MeetingPage,
    Strand,
)
from portal.factories import PortalPageFactory


class MeetingPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Network meeting {n}")
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) - datetime.timedelta(days=7)
    )
    venue = "Carr Gate"

    class Meta:
        model = MeetingPage


class MeetingMinutesPageFactory(PortalPageFactory):
    title = "Minutes"
    slug = "minutes"
    body = "<p>The meeting heard updates from each district.</p>"

    class Meta:
        model = MeetingMinutesPage


class FundingPageFactory(PortalPageFactory):
    title = "Funding register"
    slug = "funding"

    class Meta:
        model = FundingPage


class ActionPlanActionFactory(factory.django.DjangoModelFactory):
    network = factory.SubFactory(NetworkPageFactory)
    strand = Strand.PROTECT
    title = factory.Sequence(lambda n: f"Action {n}")
    due_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=90)
    )

    class Meta:
        model = ActionPlanAction


class FundFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community fund {n}")
    funder = "Police and Crime Commissioner"
    network = factory.SubFactory(NetworkPageFactory)
    total = Decimal("10000")
    start_date = datetime.date(2017, 4, 1)
    end_date = datetime.date(2018, 3, 31)

    class Meta:
        model = Fund


class AwardFactory(factory.django.DjangoModelFactory):
    fund = factory.SubFactory(FundFactory)
    recipient = factory.SubFactory(OrganisationPageFactory)
    amount = Decimal("1000")
    purpose = "Awareness sessions for front-line staff"
    awarded_on = datetime.date(2017, 9, 1)

    class Meta:
        model = Award
