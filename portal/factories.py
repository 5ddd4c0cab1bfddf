"""Factories for the portal's own pages and for users, shared by tests and demo data."""

from django.contrib.auth import get_user_model
from django.utils import timezone

import factory
import wagtail_factories

from portal.models import HomePage, StandardPage


class PortalPageFactory(wagtail_factories.PageFactory):
    """Base for page factories: live, published now, with a summary."""

    summary = factory.Faker("sentence", nb_words=12)
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        abstract = True
        # Pages are looked up by position and slug, so loading twice adds nothing.
        django_get_or_create = ["parent", "slug"]


class HomePageFactory(PortalPageFactory):
    title = "Network Portal"
    slug = "home"
    intro = factory.Faker("sentence", nb_words=16)

    class Meta:
        model = HomePage


class StandardPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")

    class Meta:
        model = StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
