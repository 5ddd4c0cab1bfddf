"""Factories for networks, organisations and memberships."""

import datetime

import factory

from network.models import (
    MemberDirectoryPage,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    OrganisationPage,
)
from portal.factories import PortalPageFactory


class NetworkIndexPageFactory(PortalPageFactory):
    title = "Networks"
    slug = "networks"
    show_in_menus = True

    class Meta:
        model = NetworkIndexPage


class NetworkPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Anti-trafficking network {n}")
    founded = 2014
    area = factory.Faker("city")
    contact_role = "Network coordinator"
    contact_email = factory.LazyAttribute(
        lambda page: f"{page.slug}@network.example.org"
    )

    class Meta:
        model = NetworkPage


class MemberDirectoryPageFactory(PortalPageFactory):
    title = "Members"
    slug = "members"
    show_in_menus = True

    class Meta:
        model = MemberDirectoryPage


class OrganisationPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Member organisation {n}")
    organisation_type = OrganisationPage.Type.NGO
    area = factory.Faker("city")
    website = factory.LazyAttribute(lambda page: f"https://{page.slug}.example.org")
    description = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = OrganisationPage


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    network = factory.SubFactory(NetworkPageFactory)
    organisation = factory.SubFactory(OrganisationPageFactory)
    role = NetworkMembership.Role.MEMBER
    start_date = datetime.date(2016, 10, 1)

    class Meta:
        model = NetworkMembership
        django_get_or_create = ["network", "organisation"]
