"""/events/: upcoming, past, the month calendar, filters and privacy per persona."""

import datetime

from django.utils import timezone

import pytest

from events.factories import EventPageFactory
from events.models import EventStatus
from tests.conftest import restrict
from tests.signing_in import sign_in_with_second_factor


def _get(client, user, url, **params):
    if user is not None:
        sign_in_with_second_factor(client, user)
    return client.get(url, params)


def _titles(response):
    return {event.title for event in response.context["events"]}


@pytest.fixture
def soon():
    return timezone.now() + datetime.timedelta(days=3)


def test_upcoming_by_default_past_on_request(client, tree, events_index, soon):
    EventPageFactory(
        parent=tree.leeds,
        title="Next week",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
    )
    last_year = timezone.now() - datetime.timedelta(days=365)
    EventPageFactory(
        parent=tree.leeds,
        title="Last year",
        start=last_year,
        end=last_year + datetime.timedelta(hours=2),
    )
    response = client.get("/events/")
    assert _titles(response) == {"Next week"}
    assert "1 event" in response.content.decode()
    response = client.get("/events/", {"show": "past"})
    assert _titles(response) == {"Last year"}


def test_cancelled_and_postponed_events_say_so_in_the_list(
    client, tree, events_index, soon
):
    EventPageFactory(
        parent=tree.leeds,
        title="Snowed off",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
        status=EventStatus.CANCELLED,
        cancellation_reason="Heavy snow.",
    )
    EventPageFactory(
        parent=tree.leeds,
        title="Moved",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
        status=EventStatus.POSTPONED,
    )
    html = client.get("/events/").content.decode()
    assert "Cancelled: Heavy snow." in html
    assert "Postponed. The new date is not known yet." in html


def test_filters_by_network_including_child_networks(client, tree, events_index, soon):
    end = soon + datetime.timedelta(hours=1)
    EventPageFactory(parent=tree.leeds, title="In Leeds", start=soon, end=end)
    EventPageFactory(
        parent=tree.west_yorkshire, title="In West Yorkshire", start=soon, end=end
    )
    EventPageFactory(
        parent=tree.north_east, title="In the North East", start=soon, end=end
    )
    response = client.get("/events/", {"network": tree.west_yorkshire.pk})
    assert _titles(response) == {"In Leeds", "In West Yorkshire"}
    response = client.get("/events/", {"network": tree.leeds.pk})
    assert _titles(response) == {"In Leeds"}


def test_filters_by_type_audience_and_format(client, tree, events_index, soon):
    end = soon + datetime.timedelta(hours=1)
    EventPageFactory(
        parent=tree.leeds,
        title="Roadshow",
        event_type="roadshow_stop",
        start=soon,
        end=end,
    )
    EventPageFactory(
        parent=tree.leeds,
        title="Webinar",
        audience="homelessness",
        venue_name="",
        online_link="https://meet.example.org/x",
        start=soon,
        end=end,
    )
    assert _titles(client.get("/events/", {"type": "roadshow_stop"})) == {"Roadshow"}
    assert _titles(client.get("/events/", {"audience": "homelessness"})) == {"Webinar"}
    assert _titles(client.get("/events/", {"format": "online"})) == {"Webinar"}
    assert _titles(client.get("/events/", {"format": "in_person"})) == {"Roadshow"}


def test_bad_filters_give_a_message_not_an_error(client, tree, events_index):
    response = client.get("/events/", {"type": "rave", "network": "abc", "page": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose a type of event from the list." in html
    assert "Choose a network from the list." in html
    assert html.count("<title>Error:") == 1


def test_pagination_keeps_the_filters(client, tree, events_index, soon):
    for number in range(12):
        start = soon + datetime.timedelta(days=number)
        EventPageFactory(
            parent=tree.leeds, start=start, end=start + datetime.timedelta(hours=1)
        )
    response = client.get("/events/", {"type": "awareness_event"})
    html = response.content.decode()
    assert len(response.context["events"]) == 10
    assert "?type=awareness_event&amp;page=2" in html
    assert (
        len(
            client.get("/events/", {"type": "awareness_event", "page": 2}).context[
                "events"
            ]
        )
        == 2
    )


def test_empty_state(client, tree, events_index):
    html = client.get("/events/").content.decode()
    assert "No events are scheduled at the moment." in html


@pytest.mark.parametrize(
    ("persona", "sees_partners_event"),
    [
        ("anonymous", False),
        ("signed_in", False),
        ("partner", True),
        ("police", True),
        ("superuser", True),
    ],
)
def test_restricted_events_only_for_those_who_may_see_them(
    client, personas, public_event, partners_event, persona, sees_partners_event
):
    user = personas[persona]
    expected = {public_event.title} | (
        {partners_event.title} if sees_partners_event else set()
    )
    assert _titles(_get(client, user, "/events/")) == expected
    month = timezone.localtime(public_event.start).strftime("%Y-%m")
    response = _get(client, user, "/events/", show="calendar", month=month)
    assert {e.title for e in response.context["month_events"]} == expected
    html = response.content.decode()
    assert (partners_event.title.replace("'", "&#x27;") in html) == sees_partners_event
    home = _get(client, user, "/")
    assert {e.title for e in home.context["upcoming_events"]} == expected
    network = _get(client, user, public_event.network.url)
    assert {e.title for e in network.context["upcoming_events"]} == expected


def test_events_under_a_restricted_network_are_hidden(
    client, tree, events_index, personas, soon
):
    restrict(tree.north_east, "Police")
    EventPageFactory(
        parent=tree.north_east,
        title="Police briefing",
        start=soon,
        end=soon + datetime.timedelta(hours=1),
    )
    assert _titles(_get(client, personas["partner"], "/events/")) == set()
    client.logout()
    assert _titles(_get(client, personas["police"], "/events/")) == {"Police briefing"}


def test_month_calendar_is_an_accessible_table(client, tree, events_index):
    from tests.events.conftest import london

    EventPageFactory(
        parent=tree.leeds,
        title="Two-day conference",
        all_day=True,
        start=london(2026, 3, 30),
        end=london(2026, 3, 31),
    )
    response = client.get("/events/", {"show": "calendar", "month": "2026-03"})
    html = response.content.decode()
    assert "<table" in html and "<caption" in html
    assert (
        '<th scope="col" class="govuk-table__header"><abbr title="Monday">Mon</abbr></th>'
        in html
    )
    weeks = response.context["weeks"]
    days = {
        day["date"].day: day["events"]
        for week in weeks
        for day in week
        if day["in_month"]
    }
    assert [e.title for e in days[30]] == ["Two-day conference"]
    assert [e.title for e in days[31]] == ["Two-day conference"]
    assert days[29] == []
    assert "month=2026-02" in html and "month=2026-04" in html


def test_a_bad_month_shows_this_month_with_a_message(client, tree, events_index):
    response = client.get("/events/", {"show": "calendar", "month": "2026-13"})
    assert response.status_code == 200
    assert "Enter the month as a year and month" in response.content.decode()
    assert response.context["month"] == timezone.localdate().replace(day=1)


def test_calendar_days_follow_uk_time_across_the_autumn_change(
    client, tree, events_index
):
    """23:30 UK time on 24 October (BST) is 22:30 UTC: still the 24th."""
    from tests.events.conftest import london

    EventPageFactory(
        parent=tree.leeds,
        title="Late vigil",
        start=london(2026, 10, 24, 23, 30),
        end=london(2026, 10, 24, 23, 55),
    )
    response = client.get("/events/", {"show": "calendar", "month": "2026-10"})
    days = {
        day["date"].day: day["events"]
        for week in response.context["weeks"]
        for day in week
        if day["in_month"]
    }
    assert [e.title for e in days[24]] == ["Late vigil"]
    assert days[25] == []
    assert "Saturday 24 October 2026, 23:30" in response.content.decode()
