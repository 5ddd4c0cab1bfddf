"""The demo's training record agrees with the seeds: about 3,000 trained since 2014."""

import datetime

from django.utils import timezone

import pytest

from events.models import Course, Headcount, NamedAttendee, Registration, TrainingRecord
from events.training import totals
from network.models import NetworkPage
from portal.demo import DemoLoader


@pytest.fixture
def loaded(db):
    DemoLoader().load()


def test_west_yorkshire_has_trained_about_three_thousand_since_2014(loaded):
    west_yorkshire = NetworkPage.objects.get(slug="west-yorkshire")
    records = TrainingRecord.objects.within(west_yorkshire)
    figures = totals(records)
    # Over 3,000 by the 2025–26 year, about 250 a year in five districts.
    years = len({record.date.year for record in records})
    assert figures["people"] >= 2900
    assert 200 * years <= figures["people"] <= 300 * years
    assert figures["organisations"] >= 8
    assert min(records.values_list("date", flat=True)).year == 2014
    districts = set(records.values_list("network__slug", flat=True))
    assert {"bradford", "calderdale", "kirklees", "leeds", "wakefield"} <= districts
    roadshow = records.get(event__slug="regional-roadshow-carr-gate-2018")
    assert roadshow.people > 0
    assert Course.objects.count() >= 3


def test_recent_sessions_were_recorded_from_demo_events_attendance(loaded):
    recent = TrainingRecord.objects.filter(
        event__isnull=False,
        date__gte=timezone.localdate() - datetime.timedelta(days=90),
    )
    assert recent.count() >= 2
    for record in recent:
        assert record.event.event_type in ("training_session", "roadshow_stop")
        registrations = Registration.objects.filter(event=record.event)
        came = registrations.filter(attended=True).count()
        # Someone on each list did not come, and is not counted.
        assert registrations.filter(attended=False).exists()
        walk_ins = record.headcounts.filter(organisation=None)
        assert walk_ins.exists()
        assert record.people == came + sum(h.count for h in walk_ins)
        assert record.named_attendees.filter(consent=True).count() == 1


def test_loading_twice_adds_no_training(loaded):
    def counts():
        return (
            TrainingRecord.objects.count(),
            Headcount.objects.count(),
            NamedAttendee.objects.count(),
            Registration.objects.count(),
            sum(record.people for record in TrainingRecord.objects.all()),
        )

    before = counts()
    loader = DemoLoader()
    loader.load()
    assert counts() == before
    assert loader.created == 0
