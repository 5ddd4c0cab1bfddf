"""Factories for events, roadshows, registrations and training."""

import datetime

from django.utils import timezone

import factory

from events.models import (
    Audience,
    EventIndexPage,
    EventPage,
    EventType,
    Registration,
    RoadshowSeriesPage,
    TrainingPage,
)
from portal.factories import PortalPageFactory


class EventIndexPageFactory(PortalPageFactory):
    title = "Events"
    slug = "events"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


def _in_days(days, hour=10):
    """Return an aware datetime `days` from today at `hour`:00 UK time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventPageFactory(PortalPageFactory):
    """A scheduled, in-person event a fortnight from now, 10:00 to 15:00."""

    title = factory.Sequence(lambda n: f"Modern slavery awareness event {n}")
    event_type = EventType.AWARENESS_EVENT
    audience = Audience.EVERYONE
    start = factory.LazyFunction(lambda: _in_days(14, 10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=5))
    venue_name = "Carr Gate"
    venue_address = "Carr Gate, Wakefield"
    venue_postcode = "WF2 0QW"
    accessibility = "Step-free access throughout; hearing loop in the main hall."
    description = factory.LazyAttribute(
        lambda event: f"<p>{event.title}: spotting the signs and referring.</p>"
    )

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def co_hosts(self, create, extracted, **kwargs):
        if create and extracted:
            self.co_hosts.set(extracted)
            self.save()


class RoadshowSeriesPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Regional roadshow {n}")
    description = "<p>A day on modern slavery, held in several towns.</p>"

    class Meta:
        model = RoadshowSeriesPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
    organisation_name = "Kirklees Council"
    role = "Safeguarding lead"
    consent = True
    status = Registration.Status.CONFIRMED

    class Meta:
        model = Registration


class TrainingPageFactory(PortalPageFactory):
    title = "Training"
    slug = "training"
    show_in_menus = True

    class Meta:
        model = TrainingPage
