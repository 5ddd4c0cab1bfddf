"""Factories for the best-practice library."""

import factory

from best_practice.models import (
    Adoption,
    BestPracticeIndexPage,
    BestPracticePage,
    Theme,
)
from portal.factories import PortalPageFactory


class BestPracticeIndexPageFactory(PortalPageFactory):
    title = "Best practice"
    slug = "best-practice"
    show_in_menus = True

    class Meta:
        model = BestPracticeIndexPage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme
        django_get_or_create = ["slug"]


class BestPracticePageFactory(PortalPageFactory):
    """
    A practice under a network page: pass `parent=<NetworkPage>`.

    Taxonomy and organisations are many-to-many: pass lists, e.g.
    `themes=[theme]`, `contributing_organisations=[organisation]`,
    `tags=["car washes"]`.
    """

    title = factory.Sequence(lambda n: f"Practice {n}")
    problem = "<p>Victims were not being identified early enough.</p>"
    aim = "<p>Identify more victims and refer them for support.</p>"
    what_was_done = "<p>Partners trained staff and shared a referral form.</p>"
    evaluation = "<p>Referrals doubled in a year.</p>"
    resources = "<p>Two days of staff time.</p>"
    contact_role = "Modern slavery coordinator"
    contact_email = "practice@network.example.org"
    outcome = BestPracticePage.Outcome.WORKED
    evidence_stage = BestPracticePage.EvidenceStage.LOCAL
    handling = BestPracticePage.Handling.PUBLIC

    class Meta:
        model = BestPracticePage

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def exploitation_types(self, create, extracted, **kwargs):
        if create and extracted:
            self.exploitation_types.set(extracted)

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)

    @factory.post_generation
    def contributing_organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.contributing_organisations.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # Parental many-to-many values are written by save(), not by set().
        if create and results:
            instance.save()


class AdoptionFactory(factory.django.DjangoModelFactory):
    adopted_on = factory.Faker("date_this_decade")
    note = "It worked well for us after some changes."

    class Meta:
        model = Adoption
