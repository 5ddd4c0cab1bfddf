"""The demo's training record agrees with the seeds: about 3,000 trained since 2014."""

import pytest

from events.models import Course, Headcount, TrainingRecord
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


def test_loading_twice_adds_no_training(loaded):
    before = (TrainingRecord.objects.count(), Headcount.objects.count())
    loader = DemoLoader()
    loader.load()
    assert (TrainingRecord.objects.count(), Headcount.objects.count()) == before
    assert loader.created == 0
