"""Fixtures for the governance tests: coordinators and dated records."""

import datetime

from django.utils import timezone

import pytest

from portal.factories import UserFactory


@pytest.fixture
def coordinator(tree):
    """A West Yorkshire coordinator: manages West Yorkshire, Leeds and Bradford."""
    return UserFactory(
        username="wy-coord", groups=[tree.west_yorkshire.coordinators_group]
    )


@pytest.fixture
def north_east_coordinator(tree):
    return UserFactory(username="ne-coord", groups=[tree.north_east.coordinators_group])


def at(day, hour=10):
    """An aware datetime on `day` at `hour`:00 UK time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def report_url(network, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/reports/period/?network={network.pk}&{query}"
