"""The demo loader's events: seeds from 2018 and upcoming ones relative to today."""

from django.utils import timezone

import pytest

from events.models import EventPage, Registration, RoadshowSeriesPage
from portal.demo import DemoLoader


@pytest.fixture
def loaded(db):
    DemoLoader().load()


def test_demo_has_the_seed_events_and_a_full_calendar(loaded):
    titles = set(EventPage.objects.values_list("title", flat=True))
    assert "Regional modern slavery roadshow: Carr Gate" in titles
    engagement = EventPage.objects.get(slug="engagement-day-north-2018")
    assert timezone.localtime(engagement.start).date().isoformat() == "2018-03-02"
    upcoming = EventPage.objects.filter(end__gte=timezone.now())
    assert upcoming.filter(status="cancelled").exists()
    assert upcoming.filter(status="postponed").exists()
    assert any(e.get_view_restrictions() for e in upcoming)
    full = EventPage.objects.get(slug="supply-chains-breakfast")
    assert full.places_left() == 0
    assert Registration.objects.filter(event=full, status="waiting").exists()
    series = RoadshowSeriesPage.objects.get()
    assert EventPage.objects.child_of(series).count() >= 3


def test_loading_twice_adds_no_events(loaded):
    before = (EventPage.objects.count(), Registration.objects.count())
    loader = DemoLoader()
    loader.load()
    assert (EventPage.objects.count(), Registration.objects.count()) == before
    assert loader.created == 0
