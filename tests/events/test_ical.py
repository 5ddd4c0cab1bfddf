"""Every feed parsed back with icalendar: times, UIDs, SEQUENCE, status, privacy."""

import datetime

import icalendar
import pytest

from events.factories import EventPageFactory
from events.models import CalendarFeedToken, EventStatus
from tests.conftest import restrict
from tests.events.conftest import london
from tests.signing_in import sign_in_with_second_factor


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(event["summary"]) for event in calendar.walk("VEVENT")}


@pytest.fixture
def clock_change_events(tree, events_index):
    """Events either side of both 2026 clock changes, all at 10:00 UK time."""
    return [
        EventPageFactory(
            parent=tree.leeds,
            title=title,
            start=london(*day, 10),
            end=london(*day, 12),
        )
        for title, day in (
            ("Before spring change", (2026, 3, 28)),
            ("After spring change", (2026, 3, 29)),
            ("Before autumn change", (2026, 10, 24)),
            ("After autumn change", (2026, 10, 25)),
        )
    ]


def test_event_ics_keeps_uk_time_across_both_clock_changes(client, clock_change_events):
    for event in clock_change_events:
        response = client.get(event.ics_url)
        assert "attachment" in response["Content-Disposition"]
        calendar = parse(response)
        (vevent,) = calendar.walk("VEVENT")
        start = vevent.decoded("dtstart")
        assert start.tzinfo.key == "Europe/London"
        assert (start.hour, start.minute) == (10, 0)
        assert vevent.decoded("dtend").hour == 12
        # The calendar carries the zone's rules for both changes.
        (zone,) = calendar.walk("VTIMEZONE")
        assert str(zone["tzid"]) == "Europe/London"
        assert {c.name for c in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    utc_hours = [e.start.astimezone(datetime.UTC).hour for e in clock_change_events]
    assert utc_hours == [10, 9, 9, 10]


def test_uid_is_stable_and_sequence_grows(client, public_event):
    first = parse(client.get(public_event.ics_url)).walk("VEVENT")[0]
    public_event.title = "Leeds awareness day (new room)"
    public_event.save_revision().publish()
    second = parse(client.get(public_event.ics_url)).walk("VEVENT")[0]
    assert (
        first["uid"]
        == second["uid"]
        == f"event-{public_event.pk}@network-portal.events"
    )
    assert second.decoded("sequence") == first.decoded("sequence") + 1
    assert "dtstamp" in second


def test_cancelled_events_say_so(client, public_event):
    public_event.status = EventStatus.CANCELLED
    public_event.cancellation_reason = "The venue flooded."
    public_event.save()
    vevent = parse(client.get(public_event.ics_url)).walk("VEVENT")[0]
    assert str(vevent["status"]) == "CANCELLED"
    assert "The venue flooded." in str(vevent["description"])


def test_all_day_events_are_dates(client, tree, events_index):
    event = EventPageFactory(
        parent=tree.leeds,
        all_day=True,
        start=london(2026, 6, 10),
        end=london(2026, 6, 11),
    )
    vevent = parse(client.get(event.ics_url)).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == datetime.date(2026, 6, 10)
    assert vevent.decoded("dtend") == datetime.date(2026, 6, 12)


def test_the_online_link_never_reaches_a_feed(client, tree, events_index):
    EventPageFactory(parent=tree.leeds, online_link="https://meet.example.org/room-42")
    assert b"room-42" not in client.get("/events/feed.ics").content


@pytest.mark.parametrize("persona", ["anonymous", "signed_in", "partner", "superuser"])
def test_public_feeds_hold_public_events_only(
    client, personas, tree, public_event, partners_event, persona
):
    if personas[persona]:
        sign_in_with_second_factor(client, personas[persona])
    restrict(tree.north_east, "Police")
    EventPageFactory(parent=tree.north_east, title="Police-only briefing")
    EventPageFactory(parent=tree.leeds, title="Leeds forum meeting")
    feeds = {
        "/events/feed.ics": {"Leeds awareness day", "Leeds forum meeting"},
        f"/events/feed/network/{tree.west_yorkshire.pk}.ics": {
            "Leeds awareness day",
            "Leeds forum meeting",
        },
        f"/events/feed/network/{tree.west_yorkshire.pk}/this-network-only.ics": {
            "Leeds awareness day"
        },
        f"/events/feed/network/{tree.leeds.pk}.ics": {"Leeds forum meeting"},
    }
    for url, expected in feeds.items():
        assert summaries(parse(client.get(url))) == expected, url
    assert (
        client.get(f"/events/feed/network/{tree.north_east.pk}.ics").status_code == 404
    )


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("signed_in", {"Leeds awareness day"}),
        ("partner", {"Leeds awareness day", "Partners' case review"}),
        (
            "police",
            {"Leeds awareness day", "Partners' case review", "Police-only briefing"},
        ),
    ],
)
def test_personal_feed_shows_what_its_owner_may_see(
    client, personas, tree, public_event, partners_event, persona, expected
):
    restrict(tree.north_east, "Police")
    EventPageFactory(parent=tree.north_east, title="Police-only briefing")
    sign_in_with_second_factor(client, personas[persona])
    client.post("/events/my-calendar/", {"action": "create"})
    token = CalendarFeedToken.objects.get(user=personas[persona]).token
    assert token in client.get("/events/my-calendar/").content.decode()
    client.logout()
    url = f"/events/feed/personal/{token}.ics"
    assert summaries(parse(client.get(url))) == expected
    # Revoking stops the old address at once.
    sign_in_with_second_factor(client, personas[persona])
    client.post("/events/my-calendar/", {"action": "revoke"})
    client.logout()
    assert client.get(url).status_code == 404


def test_restricted_event_ics_needs_permission(client, personas, partners_event):
    response = client.get(partners_event.ics_url)
    assert response.status_code == 302  # to sign in
    client.force_login(personas["partner"])
    assert summaries(parse(client.get(partners_event.ics_url))) == {
        "Partners' case review"
    }
