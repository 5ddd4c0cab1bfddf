"""
iCalendar output, built with the `icalendar` package.

Every event keeps one UID for its whole life (its page id and the site's
host), so calendar programs update their copy instead of adding another;
SEQUENCE tells them which copy is newer.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from icalendar import Calendar, Event

PRODID = "-//Network Portal//Events//EN"
UID_DOMAIN = "network-portal.events"


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def build_calendar(events, name, request=None):
    """Return the bytes of a VCALENDAR holding `events`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(build_event(event, request))
    timed = [event for event in events if not event.all_day]
    if timed:
        # The time zone's rules for the whole years the events span, both
        # clock changes of each: from 2015 to 2040 was most of a feed's cost.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(event.start for event in timed).year, 1, 1),
            last_date=datetime.date(max(event.end for event in timed).year + 1, 1, 1),
        )
    return calendar.to_ical()


def build_event(event, request=None, online_link=""):
    """Return the VEVENT of `event`; `online_link` only for a confirmed attendee."""
    london = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", _summary(event))
    if event.all_day:
        first = event.start.astimezone(london).date()
        last = event.end.astimezone(london).date()
        vevent.add("dtstart", first)
        # DTEND of an all-day event is the day after the last day (RFC 5545).
        vevent.add("dtend", last + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", event.start.astimezone(london))
        vevent.add("dtend", event.end.astimezone(london))
    location = ", ".join(
        part
        for part in (event.venue_name, event.venue_address, event.venue_postcode)
        if part
    )
    if online_link:
        location = f"{location} / {online_link}" if location else online_link
    elif event.is_online and not location:
        location = "Online"
    if location:
        vevent.add("location", location)
    vevent.add("description", _description(event))
    url = event.get_full_url(request)
    if url:
        vevent.add("url", url)
    vevent.add("categories", [event.get_event_type_display()])
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return vevent


def _summary(event):
    if event.is_cancelled:
        return f"Cancelled: {event.title}"
    if event.is_postponed:
        return f"Postponed: {event.title}"
    return event.title


def _description(event):
    parts = []
    if event.is_cancelled:
        parts.append(f"Cancelled. {event.cancellation_reason}")
    elif event.is_postponed:
        if event.postponed_to:
            new_date = timezone.localtime(event.postponed_to)
            parts.append(f"Postponed to {new_date:%-d %B %Y at %H:%M}.")
        else:
            parts.append("Postponed. The new date is not known yet.")
    if event.summary:
        parts.append(event.summary)
    text = strip_tags(event.description).strip()
    if text:
        parts.append(text)
    return "\n\n".join(parts)
