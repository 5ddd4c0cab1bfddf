"""Load the demo events (events/demo_content.py); part of `manage.py load_demo`."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

from events import demo_content
from events.factories import EventPageFactory, RoadshowSeriesPageFactory
from events.models import (
    Course,
    EventPage,
    Headcount,
    NamedAttendee,
    Registration,
    TrainingRecord,
)
from events.registration import register
from events.training import financial_year, record_from_event
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
    for entry in demo_content.RECENT_TRAINING_EVENTS:
        day = today + datetime.timedelta(days=entry["days"])
        _load_event(loader, entry, networks, organisations, day, None)
    load_training(loader, networks, organisations, today)


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


def load_training(loader, networks, organisations, today=None):
    """
    Add the demo courses and West Yorkshire's training record since 2014,
    once: courses are found by title and sessions by course, network and
    date. The 2018 Carr Gate roadshow's record comes from its attendance.
    """
    today = today or timezone.localdate()
    courses = []
    for entry in demo_content.TRAINING_COURSES:
        outcomes = "".join(f"<li>{item}</li>" for item in entry["outcomes"])
        course, created = Course.objects.get_or_create(
            title=entry["title"],
            defaults={
                "audience": entry["audience"],
                "duration": entry["duration"],
                "description": f"<p>{entry['description']}</p>",
                "learning_outcomes": f"<ul>{outcomes}</ul>",
                "provider": organisations.get(entry["provider"]),
            },
        )
        loader.created += created
        courses.append(course)
    police = organisations.get("west-yorkshire-police")
    charity = organisations.get("salvation-army")
    last_year = financial_year(today) - 1
    for year in range(demo_content.TRAINING_FIRST_YEAR, last_year + 1):
        for number, slug in enumerate(demo_content.TRAINING_DISTRICTS):
            network = networks[slug]
            course = courses[(year + number) % len(courses)]
            when = datetime.date(year, 6 + number, 10 + number)
            if TrainingRecord.objects.filter(
                course=course, network=network, date=when
            ).exists():
                continue
            record = TrainingRecord.objects.create(
                course=course,
                network=network,
                date=when,
                delivered_by=police,
                venue=f"{network.title.split(' ')[0]} town hall",
            )
            # Squares make the groups repeat within a year, so yearly totals vary.
            groups = demo_content.TRAINING_GROUPS[(year + number * number) % 5]
            council = "leeds-city-council" if slug == "leeds" else f"{slug}-council"
            attending = (police, organisations.get(council), charity)
            for organisation, role, count in zip(
                attending, demo_content.TRAINING_ROLES, groups, strict=True
            ):
                Headcount.objects.create(
                    record=record, organisation=organisation, role=role, count=count
                )
            loader.created += 1
    roadshow = EventPage.objects.filter(slug="regional-roadshow-carr-gate-2018").first()
    if (
        roadshow is not None
        and not TrainingRecord.objects.filter(event=roadshow).exists()
    ):
        record_from_event(roadshow, courses[0], demo_content.ROADSHOW_WALK_INS)
        loader.created += 1
    by_title = {course.title: course for course in courses}
    for entry in demo_content.RECENT_TRAINING_EVENTS:
        event = EventPage.objects.filter(slug=entry["slug"]).first()
        if event is not None:
            _record_attendance(loader, event, entry, organisations, by_title)


def _record_attendance(loader, event, entry, organisations, courses):
    """
    Give a past demo training event its marked registration list, then make
    its training record from that attendance and its walk-ins, once.
    """
    # register() refuses events that have begun, so the list is written
    # directly, as if people had registered before the day.
    if not Registration.objects.filter(event=event).exists():
        for name, email, slug, role, attended in entry["registrations"]:
            Registration.objects.create(
                event=event,
                name=name,
                email=email,
                organisation=organisations.get(slug),
                role=role,
                consent=True,
                status=Registration.Status.CONFIRMED,
                attended=attended,
            )
            loader.created += 1
    if TrainingRecord.objects.filter(event=event).exists():
        return
    record, _ = record_from_event(event, courses[entry["course"]], entry["walk_ins"])
    loader.created += 1
    name, email, slug, *_ = next(
        row for row in entry["registrations"] if row[0] == entry["certificate_for"]
    )
    organisation = organisations.get(slug)
    NamedAttendee.objects.create(
        record=record,
        name=name,
        email=email,
        organisation_name=organisation.title if organisation else "",
        consent=True,
    )
    loader.created += 1
