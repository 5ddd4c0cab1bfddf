"""Registration details go six months after the event, as the form promises."""

import datetime
import io

from django.core.management import call_command

import pytest

from events.factories import EventPageFactory, RegistrationFactory
from events.models import Registration
from events.registration import erase_past_registrations
from tests.events.conftest import london

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def past_events(tree, events_index):
    def ended(year, month, day):
        start = london(year, month, day, 10)
        return EventPageFactory(
            parent=tree.west_yorkshire,
            start=start,
            end=start + datetime.timedelta(hours=4),
        )

    return {
        "long_ago": ended(2026, 5, 20),  # over six months before TODAY
        "recent": ended(2026, 5, 24),  # just under six months
    }


@pytest.mark.django_db
def test_details_are_erased_six_months_after_the_event_and_counts_kept(past_events):
    old = RegistrationFactory(
        event=past_events["long_ago"],
        name="Ottoline Varga",
        email="ottoline@example.org",
        access_needs="Step-free access",
        attended=True,
    )
    RegistrationFactory(event=past_events["long_ago"], attended=False)
    recent = RegistrationFactory(event=past_events["recent"], name="Rufus Keel")

    assert erase_past_registrations(today=TODAY) == 2
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.name == "Erased after the event"
    assert "ottoline" not in old.email
    assert old.access_needs == "" and old.role == ""
    # What the network's figures count stays.
    assert old.attended is True
    assert old.status == Registration.Status.CONFIRMED
    assert old.organisation_name == "Kirklees Council"
    assert past_events["long_ago"].registrations.count() == 2
    assert recent.name == "Rufus Keel"

    # Running it again erases nothing more.
    assert erase_past_registrations(today=TODAY) == 0


@pytest.mark.django_db
def test_the_command_says_how_many_it_erased(past_events):
    RegistrationFactory(event=past_events["long_ago"])
    out = io.StringIO()
    call_command("erase_past_registrations", stdout=out)
    assert "Erased the details of 1 registration for events" in out.getvalue()
