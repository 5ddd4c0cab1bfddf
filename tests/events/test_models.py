"""Event pages: where they live, what editors must fill in, and SEQUENCE."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from events.factories import EventPageFactory, RoadshowSeriesPageFactory
from events.models import EventPage, EventStatus, RoadshowSeriesPage
from network.models import NetworkPage
from tests.events.conftest import london


def test_events_live_under_networks_and_roadshows(tree):
    assert EventPage.can_create_at(tree.leeds)
    series = RoadshowSeriesPageFactory(parent=tree.west_yorkshire)
    assert EventPage.can_create_at(series)
    assert RoadshowSeriesPage.can_create_at(tree.west_yorkshire)
    assert not EventPage.can_create_at(tree.home)
    assert "events.EventPage" in [
        f"{m._meta.app_label}.{m.__name__}"
        for m in NetworkPage.allowed_subpage_models()
    ]


def test_event_in_a_series_belongs_to_the_series_network(tree):
    series = RoadshowSeriesPageFactory(parent=tree.west_yorkshire)
    stop = EventPageFactory(parent=series)
    assert stop.network.pk == tree.west_yorkshire.pk


# A page looks its content type up when it is built, so even validating an
# unsaved event reads the database.
needs_content_types = pytest.mark.django_db


def _event(**overrides):
    values = {
        "title": "Engagement day",
        "slug": "engagement-day",
        "start": london(2026, 3, 2, 10),
        "end": london(2026, 3, 2, 16),
        "venue_name": "Carr Gate",
    }
    values.update(overrides)
    return EventPage(**values)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end": london(2026, 3, 2, 9)}, "end", "The end must be after the start."),
        (
            {"all_day": True, "end": london(2026, 3, 1, 23)},
            "end",
            "The last day must be on or after the first day.",
        ),
        (
            {"status": EventStatus.CANCELLED},
            "cancellation_reason",
            "Say why the event is cancelled, so that people know.",
        ),
        (
            {"postponed_to": london(2026, 4, 2, 10)},
            "postponed_to",
            "Give a new date only when the status is postponed.",
        ),
        (
            {"status": EventStatus.POSTPONED, "postponed_to": london(2026, 3, 1, 10)},
            "postponed_to",
            "The new date must be after the original start.",
        ),
        (
            {
                "registration_opens": london(2026, 2, 1),
                "registration_closes": london(2026, 1, 1),
            },
            "registration_closes",
            "Registration must close after it opens.",
        ),
        (
            {"venue_name": "", "online_link": ""},
            "venue_name",
            "Give a venue, an online joining link, or both.",
        ),
    ],
)
@needs_content_types
def test_editors_are_told_what_is_wrong(overrides, field, message):
    with pytest.raises(ValidationError) as raised:
        _event(**overrides).clean()
    assert message in raised.value.message_dict[field]


@needs_content_types
def test_a_well_formed_event_is_clean():
    _event().clean()
    _event(all_day=True, end=london(2026, 3, 3)).clean()
    _event(status=EventStatus.CANCELLED, cancellation_reason="Snow.").clean()


def test_sequence_grows_with_every_publish(public_event):
    first = public_event.sequence
    revision = public_event.save_revision()
    revision.publish()
    public_event.refresh_from_db()
    assert public_event.sequence == first + 1
    # Publishing an old draft again never takes the sequence backwards.
    revision.publish()
    public_event.refresh_from_db()
    assert public_event.sequence == first + 2


def test_times_are_stored_in_utc_and_kept_in_uk_time_across_clock_changes(
    tree, events_index
):
    """10:00 before and after each change is still 10:00 UK time."""
    spring_before = EventPageFactory(
        parent=tree.leeds, start=london(2026, 3, 28, 10), end=london(2026, 3, 28, 12)
    )
    spring_after = EventPageFactory(
        parent=tree.leeds, start=london(2026, 3, 29, 10), end=london(2026, 3, 29, 12)
    )
    autumn_before = EventPageFactory(
        parent=tree.leeds, start=london(2026, 10, 24, 10), end=london(2026, 10, 24, 12)
    )
    autumn_after = EventPageFactory(
        parent=tree.leeds, start=london(2026, 10, 25, 10), end=london(2026, 10, 25, 12)
    )
    utc = datetime.UTC
    for page, hour in (
        (spring_before, 10),
        (spring_after, 9),
        (autumn_before, 9),
        (autumn_after, 10),
    ):
        page = EventPage.objects.get(pk=page.pk)
        assert page.start.astimezone(utc).hour == hour
