"""Fixtures for the events tests: the /events/ page and a few events."""

import datetime
import zoneinfo

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from tests.conftest import restrict

LONDON = zoneinfo.ZoneInfo("Europe/London")


def london(*args):
    """Return an aware datetime in UK time."""
    return datetime.datetime(*args, tzinfo=LONDON)


@pytest.fixture
def events_index(tree):
    return EventIndexPageFactory(parent=tree.home)


@pytest.fixture
def public_event(tree, events_index):
    return EventPageFactory(
        parent=tree.west_yorkshire, title="Leeds awareness day", slug="leeds-awareness"
    )


@pytest.fixture
def partners_event(tree, events_index):
    event = EventPageFactory(
        parent=tree.west_yorkshire,
        title="Partners' case review",
        slug="partners-case-review",
    )
    restrict(event, "Partners")
    return event
