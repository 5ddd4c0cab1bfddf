"""Fixtures for the training tests: the /training/ page, courses, coordinators."""

import datetime

import pytest

from events.factories import EventIndexPageFactory, TrainingPageFactory
from events.models import Course, Headcount, TrainingRecord
from network.models import OrganisationPage
from portal.factories import UserFactory


@pytest.fixture
def training_page(tree):
    return TrainingPageFactory(parent=tree.home)


@pytest.fixture
def events_index(tree):
    return EventIndexPageFactory(parent=tree.home)


@pytest.fixture
def course(db):
    return Course.objects.create(
        title="Spotting the signs of modern slavery",
        audience="Front-line staff",
        duration="Half a day",
    )


@pytest.fixture
def coordinator(tree):
    """A West Yorkshire coordinator: manages West Yorkshire, Leeds and Bradford."""
    return UserFactory(
        username="wy-coord", groups=[tree.west_yorkshire.coordinators_group]
    )


def delivered(network, course, day, *counts, sector=OrganisationPage.Type.POLICE_FORCE):
    """Record a session on `day` with one headcount per number in `counts`."""
    record = TrainingRecord.objects.create(
        course=course, network=network, date=day, venue="Carr Gate"
    )
    for number, count in enumerate(counts):
        Headcount.objects.create(
            record=record,
            organisation_name=f"Organisation {number}",
            sector=sector,
            role="Response officers",
            count=count,
        )
    return record


def day(*args):
    return datetime.date(*args)
