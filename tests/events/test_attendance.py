"""Coordinators tick who came from the registration list; the counts roll up."""

import datetime

from django.utils import timezone

import pytest

from events.factories import (
    EventPageFactory,
    RegistrationFactory,
    RoadshowSeriesPageFactory,
)
from events.models import Registration
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def held_stop(tree, events_index):
    """A roadshow stop in Leeds that took place yesterday, with four registrations."""
    series = RoadshowSeriesPageFactory(parent=tree.west_yorkshire, title="Roadshow")
    stop = EventPageFactory(
        parent=series,
        title="Leeds stop",
        start=_days_ago(1),
        end=_days_ago(1) + datetime.timedelta(hours=4),
    )
    for name in ("Ada", "Bea", "Cal"):
        RegistrationFactory(event=stop, name=name)
    RegistrationFactory(event=stop, name="Dan", status=Registration.Status.CANCELLED)
    return stop


@pytest.fixture
def coordinator(tree):
    # A fixed name: the page shows who is signed in, and a generated one
    # ("Dana Greene") can contain a registrant's name.
    return UserFactory(
        username="wy-coord",
        first_name="Priya",
        last_name="Shah",
        groups=[tree.west_yorkshire.coordinators_group],
    )


def attendance_url(event):
    return event.url + "attendance/"


def _ids(event, *names):
    return [
        str(pk)
        for pk in Registration.objects.filter(event=event, name__in=names).values_list(
            "pk", flat=True
        )
    ]


def test_a_coordinator_marks_who_came_and_the_counts_roll_up(
    client, tree, held_stop, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    page = client.get(held_stop.url).content.decode()
    assert "Mark attendance" in page
    form = client.get(attendance_url(held_stop)).content.decode()
    assert "Ada" in form and "Cal" in form
    assert "Dan" not in form  # cancelled registrations are not on the list

    response = client.post(
        attendance_url(held_stop),
        {"attended": _ids(held_stop, "Ada", "Cal")},
        follow=True,
    )
    assert "Attendance saved: 2 of 3 registered people attended." in (
        response.content.decode()
    )
    marks = dict(
        Registration.objects.filter(event=held_stop).values_list("name", "attended")
    )
    assert marks == {"Ada": True, "Bea": False, "Cal": True, "Dan": None}

    # Per stop, per series and per network.
    assert client.get(held_stop.url).context["rollup"]["attended"] == 2
    series = client.get(held_stop.get_parent().url)
    assert series.context["rollup_totals"]["attended"] == 2
    overview = client.get("/events/registrations/")
    (section,) = overview.context["sections"]
    assert section["totals"]["attended_registrations"] == 2

    # Ticking again replaces the earlier marks rather than adding to them.
    client.post(attendance_url(held_stop), {"attended": _ids(held_stop, "Bea")})
    assert Registration.objects.filter(event=held_stop, attended=True).count() == 1


@pytest.mark.parametrize("who", ["north_east", "editor"])
def test_other_networks_and_editors_cannot_mark_attendance(
    client, tree, held_stop, who
):
    user = UserFactory(
        username=who,
        groups=[
            tree.north_east.coordinators_group
            if who == "north_east"
            else tree.west_yorkshire.editors_group
        ],
    )
    sign_in_with_second_factor(client, user)
    assert client.get(attendance_url(held_stop)).status_code == 403
    response = client.post(
        attendance_url(held_stop), {"attended": _ids(held_stop, "Ada")}
    )
    assert response.status_code == 403
    assert not Registration.objects.filter(attended=True).exists()
    assert "Mark attendance" not in client.get(held_stop.url).content.decode()


def test_visitors_are_sent_to_sign_in(client, held_stop):
    response = client.get(attendance_url(held_stop))
    assert response.status_code == 302
    assert (
        "/account/sign-in/" in response["Location"] or "login" in response["Location"]
    )


def test_attendance_waits_for_the_event_to_begin(
    client, tree, events_index, coordinator
):
    upcoming = EventPageFactory(parent=tree.leeds, title="Next month")
    RegistrationFactory(event=upcoming, name="Ada")
    sign_in_with_second_factor(client, coordinator)
    response = client.post(
        attendance_url(upcoming), {"attended": _ids(upcoming, "Ada")}, follow=True
    )
    assert "You can mark attendance once the event has begun." in (
        response.content.decode()
    )
    assert Registration.objects.get(name="Ada").attended is None


def test_someone_from_another_event_is_refused_and_nothing_changes(
    client, tree, held_stop, coordinator
):
    other = EventPageFactory(parent=tree.leeds, title="Other event")
    RegistrationFactory(event=other, name="Eve")
    sign_in_with_second_factor(client, coordinator)
    response = client.post(
        attendance_url(held_stop),
        {"attended": [*_ids(held_stop, "Ada"), *_ids(other, "Eve"), "not-a-number"]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose people from this event&#x27;s registration list." in html
    assert not Registration.objects.filter(attended__isnull=False).exists()
