"""Reminders sent once, and registrations seen and exported by coordinators only."""

import csv
import datetime
import io

from django.core import mail
from django.core.management import call_command
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


def test_the_reminder_command_run_twice_sends_one_reminder_each(tree, events_index):
    start = timezone.now() + datetime.timedelta(hours=20)
    soon = EventPageFactory(
        parent=tree.leeds, start=start, end=start + datetime.timedelta(hours=2)
    )
    later = EventPageFactory(
        parent=tree.leeds,
        start=start + datetime.timedelta(days=10),
        end=start + datetime.timedelta(days=10, hours=2),
    )
    RegistrationFactory(event=soon, email="a@example.org")
    RegistrationFactory(event=soon, email="b@example.org")
    RegistrationFactory(
        event=soon, email="w@example.org", status=Registration.Status.WAITING
    )
    RegistrationFactory(event=later, email="c@example.org")
    out = io.StringIO()
    call_command("send_event_reminders", "--hours=48", stdout=out)
    call_command("send_event_reminders", "--hours=48", stdout=out)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert mail.outbox[0].subject.startswith("Reminder: ")
    assert mail.outbox[0].attachments
    assert out.getvalue().splitlines() == ["Sent 2 reminders.", "Sent 0 reminders."]


@pytest.fixture
def coordinators(tree):
    """A West Yorkshire coordinator, a North East coordinator and an editor."""
    return {
        "west_yorkshire": UserFactory(
            username="wy-coord", groups=[tree.west_yorkshire.coordinators_group]
        ),
        "north_east": UserFactory(
            username="ne-coord", groups=[tree.north_east.coordinators_group]
        ),
        "editor": UserFactory(
            username="wy-editor", groups=[tree.west_yorkshire.editors_group]
        ),
    }


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("west_yorkshire", True),
        ("north_east", False),
        ("editor", False),
        ("anonymous", False),
    ],
)
def test_only_the_networks_coordinators_export_registrations(
    client, tree, events_index, coordinators, who, allowed
):
    event = EventPageFactory(parent=tree.leeds, title="Leeds forum day")
    RegistrationFactory(
        event=event, name="Ann", email="ann@example.org", access_needs="Hearing loop"
    )
    RegistrationFactory(event=event, name="=HYPERLINK(1)", email="x@example.org")
    if who != "anonymous":
        sign_in_with_second_factor(client, coordinators[who])
    url = f"/events/{event.pk}/registrations.csv"
    response = client.get(url)
    page = client.get(event.url).content.decode()
    if not allowed:
        assert response.status_code == 404
        assert "Download registrations" not in page
        return
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Name", "Email address", "Organisation"]
    assert ["Ann", "ann@example.org"] == rows[1][:2]
    assert rows[1][4] == "Hearing loop"
    assert rows[2][0] == "'=HYPERLINK(1)"
    assert "Download registrations" in page


def test_roadshow_series_rolls_up_registrations_per_stop(
    client, tree, events_index, coordinators
):
    series = RoadshowSeriesPageFactory(
        parent=tree.west_yorkshire, title="County lines roadshow"
    )
    first = EventPageFactory(parent=series, title="Halifax stop", capacity=10)
    second = EventPageFactory(parent=series, title="Dewsbury stop", capacity=5)
    RegistrationFactory(event=first)
    RegistrationFactory(event=first, attended=True)
    RegistrationFactory(event=second)
    html = client.get(series.url).content.decode()
    assert "8 places left" in html and "4 places left" in html
    assert "Registrations per stop" not in html
    sign_in_with_second_factor(client, coordinators["west_yorkshire"])
    response = client.get(series.url)
    assert response.context["rollup_totals"] == {
        "confirmed": 3,
        "waiting": 0,
        "attended": 1,
    }
    assert "Registrations per stop" in response.content.decode()


def test_the_overview_rolls_up_per_network_for_its_coordinators_only(
    client, tree, events_index, coordinators
):
    leeds_event = EventPageFactory(parent=tree.leeds, title="Leeds day", capacity=5)
    EventPageFactory(parent=tree.north_east, title="North East day")
    RegistrationFactory(event=leeds_event)
    RegistrationFactory(event=leeds_event, status=Registration.Status.WAITING)
    sign_in_with_second_factor(client, coordinators["west_yorkshire"])
    response = client.get("/events/registrations/")
    (section,) = response.context["sections"]
    assert section["network"].pk == tree.west_yorkshire.pk
    assert [e.title for e in section["events"]] == ["Leeds day"]
    assert section["totals"] == {
        "confirmed": 1,
        "waiting": 1,
        "attended_registrations": 0,
        "attended_count": 0,
    }
    assert "North East day" not in response.content.decode()
    sign_in_with_second_factor(client, coordinators["editor"])
    assert client.get("/events/registrations/").status_code == 403
