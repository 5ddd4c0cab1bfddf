"""Load the demo events (events/demo_content.py); part of `manage.py load_demo`."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

from events import demo_content
from events.factories import EventPageFactory, RoadshowSeriesPageFactory
from events.models import Registration
from events.registration import register
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP

RESTRICTION_GROUPS = {"partners": [PARTNERS_GROUP], "police": [POLICE_GROUP]}


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_events(loader, networks, organisations, today=None):
    """
    Create the demo events under their networks, once: pages are found by
    parent and slug, so a second run adds nothing. Upcoming events are dated
    from `today`, so the calendar always has something in it.
    """
    today = today or timezone.localdate()
    series_entry = demo_content.SERIES
    series = loader._count(
        RoadshowSeriesPageFactory,
        parent=networks[series_entry["network"]],
        slug=series_entry["slug"],
        title=series_entry["title"],
        summary=series_entry["summary"],
        description=f"<p>{series_entry['summary']}</p>",
    )
    for entry in demo_content.PAST_EVENTS:
        day = datetime.date(*entry["date"])
        _load_event(loader, entry, networks, organisations, day, None)
    for entry in demo_content.UPCOMING_EVENTS:
        day = today + datetime.timedelta(days=entry["days"])
        _load_event(
            loader,
            entry,
            networks,
            organisations,
            day,
            series if entry.get("series") else None,
        )


def _load_event(loader, entry, networks, organisations, day, series):
    start = _at(day, entry["hour"])
    if entry.get("all_day"):
        last = day + datetime.timedelta(days=entry["last_day"] - entry["days"])
        end = _at(last, 17)
    else:
        end = start + datetime.timedelta(hours=entry["hours"])
    postponed_to = None
    if entry.get("postponed_days"):
        postponed_to = _at(
            day + datetime.timedelta(days=entry["postponed_days"] - entry["days"]), 9
        )
    event = loader._count(
        EventPageFactory,
        parent=series or networks[entry["network"]],
        slug=entry["slug"],
        title=entry["title"],
        summary=entry["summary"],
        # The summary already leads the page; a description says more or nothing.
        description=entry.get("description", ""),
        event_type=entry["event_type"],
        audience=entry["audience"],
        start=start,
        end=end,
        all_day=entry.get("all_day", False),
        venue_name=entry.get("venue_name", ""),
        venue_address=entry.get("venue_address", ""),
        venue_postcode=entry.get("venue_postcode", ""),
        online_link=entry.get("online_link", ""),
        capacity=entry.get("capacity"),
        status=entry.get("status", "scheduled"),
        cancellation_reason=entry.get("cancellation_reason", ""),
        postponed_to=postponed_to,
    )
    hosts = [
        organisations[slug]
        for slug in entry.get("co_hosts", [])
        if slug in organisations
    ]
    if hosts and not event.co_hosts.exists():
        event.co_hosts.set(hosts)
        event.save()
    restriction = entry.get("restricted")
    if restriction and not event.view_restrictions.exists():
        created = PageViewRestriction.objects.create(
            page=event, restriction_type=PageViewRestriction.GROUPS
        )
        created.groups.set(
            Group.objects.filter(name__in=RESTRICTION_GROUPS[restriction])
        )
    if entry.get("full") and not Registration.objects.filter(event=event).exists():
        for name, email in demo_content.FULL_EVENT_ATTENDEES:
            register(event, name=name, email=email, consent=True, role="Demo attendee")
            loader.created += 1
    return event
