"""
What the event pages show and do: the /events/ listing and calendar, the
event page, registration and cancellation, and the iCal feeds.

Every list of events, count and feed goes through portal.visibility, so a
restricted event reaches only those who may open its page.
"""

import calendar
import csv
import datetime
import secrets
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from events import emails
from events.forms import (
    AttendanceForm,
    EventFilterForm,
    TrainingFromEventForm,
    VisitorRegistrationForm,
    WalkInFormSet,
    parse_month,
)
from events.ical import build_calendar
from events.models import (
    CalendarFeedToken,
    EventIndexPage,
    EventPage,
    EventStatus,
    Registration,
)
from events.permissions import can_manage_registrations, coordinated_networks
from events.registration import RegistrationRefused, cancel
from events.registration import register as take_place
from events.training import TRAINING_EVENT_TYPES
from events.training_views import save_training_record
from network.models import NetworkPage
from portal.pagination import paginate, query_string_without_page
from portal.visibility import can_view, visible_pages

EVENTS_PER_PAGE = 10
# Feeds carry recent past events too, so a calendar keeps what people went to.
FEED_HISTORY = datetime.timedelta(days=180)
VIEWS = ("upcoming", "past", "calendar")


def events_for(request, queryset=None):
    """Return the live events `request` may see, with their confirmed counts."""
    queryset = EventPage.objects.all() if queryset is None else queryset
    return visible_pages(request, queryset).annotate(
        confirmed=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.CONFIRMED),
        )
    )


def upcoming(events, now=None):
    """Keep events not yet over, or postponed to a date still to come."""
    now = now or timezone.now()
    return events.filter(
        Q(end__gte=now) | Q(status=EventStatus.POSTPONED, postponed_to__gte=now)
    )


def past(events, now=None):
    now = now or timezone.now()
    return events.filter(end__lt=now).exclude(
        status=EventStatus.POSTPONED, postponed_to__gte=now
    )


class UpcomingEvents(list):
    """
    The next few events, with the addresses a page needs to offer more: the
    filtered /events/ listing and the calendar feeds.
    """

    listing_url = ""
    feed_url = ""
    network_only_feed_url = ""


def upcoming_events_for(request, parent=None, limit=3):
    """Return the next few events `request` may see (below `parent` if given)."""
    queryset = EventPage.objects.all()
    if parent is not None:
        queryset = queryset.descendant_of(parent)
    events = UpcomingEvents(
        upcoming(events_for(request, queryset)).order_by("start")[:limit]
    )
    index = visible_pages(request, EventIndexPage.objects.all()).first()
    if index is not None:
        events.listing_url = index.url
        events.feed_url = reverse("events:portal-feed")
        if parent is not None:
            events.listing_url += f"?network={parent.pk}"
            events.feed_url = reverse("events:network-feed", args=[parent.pk])
            events.network_only_feed_url = reverse(
                "events:network-only-feed", args=[parent.pk]
            )
    return events


# The /events/ page -----------------------------------------------------------


def listing_context(index, request):
    """Return the context of /events/: upcoming, past, or a month calendar."""
    show = request.GET.get("show", "upcoming")
    if show not in VIEWS:
        show = "upcoming"
    form = EventFilterForm(request, request.GET or None)
    events = events_for(request)
    if form.is_valid():
        events = form.filter(events)
    elif form.is_bound and form.errors:
        events = events.none()

    today = timezone.localdate()
    context = {"filter_form": form, "show": show, "month_error": ""}
    filters = request.GET.copy()
    for key in ("page", "show", "month"):
        filters.pop(key, None)
    context["filter_query"] = filters.urlencode()

    if show == "calendar":
        try:
            first = parse_month(request.GET.get("month", ""), today)
        except ValueError:
            first = today.replace(day=1)
            context["month_error"] = (
                "Enter the month as a year and month, like "
                f"{today:%Y-%m}. Showing this month instead."
            )
        context.update(_month_context(events, first, today))
    else:
        events = (
            upcoming(events).order_by("start", "pk")
            if show == "upcoming"
            else past(events).order_by("-start", "-pk")
        )
        page_obj = paginate(request, events, EVENTS_PER_PAGE)
        context.update(
            page_obj=page_obj,
            events=page_obj.object_list,
            query_string=query_string_without_page(request),
        )
    context["portal_feed_url"] = reverse("events:portal-feed")
    context["my_calendar_url"] = index.url + index.reverse_subpage("my_calendar")
    user = request.user
    context["registrations_url"] = (
        index.url + index.reverse_subpage("registrations")
        if user.is_authenticated
        and (user.is_superuser or coordinated_networks(user).exists())
        else ""
    )
    return context


def _month_context(events, first, today):
    """Lay the month's events out as weeks of days for the calendar table."""
    year, month = first.year, first.month
    last = first.replace(day=calendar.monthrange(year, month)[1])
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(
        datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
    )
    in_month = list(
        events.filter(start__lt=end, end__gte=start).order_by("start", "pk")
    )
    by_day = {}
    for event in in_month:
        day = max(timezone.localtime(event.start).date(), first)
        last_day = min(timezone.localtime(event.end).date(), last)
        while day <= last_day:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "today": day == today,
                "events": by_day.get(day, []) if day.month == month else [],
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    return {
        "month": first,
        "weeks": weeks,
        "month_events": in_month,
        "previous_month": previous,
        "next_month": following,
        "weekdays": [
            ("Mon", "Monday"),
            ("Tue", "Tuesday"),
            ("Wed", "Wednesday"),
            ("Thu", "Thursday"),
            ("Fri", "Friday"),
            ("Sat", "Saturday"),
            ("Sun", "Sunday"),
        ],
    }


# Event and roadshow pages ----------------------------------------------------


def event_context(event, request):
    """Return what the event page shows this request."""
    user = request.user
    registration = None
    if user.is_authenticated:
        registration = (
            Registration.objects.active().filter(event=event).held_by(user).first()
        )
    confirmed = registration is not None and (
        registration.status == Registration.Status.CONFIRMED
    )
    manager = can_manage_registrations(user, event)
    practice = event.practice_page
    return {
        "documents": event.documents.select_related("document"),
        "practice": practice if practice and can_view(request, practice) else None,
        "write_up_url": event.url + event.reverse_subpage("write_up"),
        "can_manage": manager,
        "rollup": event.registrations.rollup() if manager else None,
        "export_url": (
            reverse("events:registrations-csv", args=[event.pk]) if manager else ""
        ),
        "attendance_url": (
            event.url + event.reverse_subpage("attendance")
            if manager and event.has_begun
            else ""
        ),
        "registration": registration,
        "show_online_link": confirmed and event.is_online,
        "closed_reason": event.registration_closed_reason(),
        "places_left": event.places_left(),
        "network": event.network,
        "co_hosts": visible_pages(request, event.co_hosts.all()).order_by("title"),
        "speakers": event.speakers.all(),
        "register_url": event.url + event.reverse_subpage("register"),
        "ics_url": event.ics_url,
    }


def series_context(series, request):
    """The stops with places left; for coordinators, registrations per stop and in all."""
    stops = list(
        events_for(request, EventPage.objects.child_of(series)).order_by("start")
    )
    context = {"stops": stops, "can_manage": False}
    if stops and can_manage_registrations(request.user, stops[0]):
        rows = [(stop, stop.registrations.rollup()) for stop in stops]
        totals = {
            key: sum(rollup[key] for _, rollup in rows)
            for key in ("confirmed", "waiting", "attended")
        }
        context.update(can_manage=True, rollup_rows=rows, rollup_totals=totals)
    return context


def registrations_overview(index, request):
    """
    Registrations and attendance rolled up per event and per network, for
    the networks the signed-in user coordinates (every network for admins).
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    networks = (
        NetworkPage.objects.all() if user.is_superuser else coordinated_networks(user)
    ).order_by("path")
    if not networks:
        raise PermissionDenied
    counts = {
        "confirmed": Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.CONFIRMED),
        ),
        "waiting": Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.WAITING),
        ),
        "attended_registrations": Count(
            "registrations", filter=Q(registrations__attended=True)
        ),
    }
    sections = []
    for network in networks:
        events = list(
            EventPage.objects.descendant_of(network)
            .annotate(**counts)
            .order_by("-start")
        )
        for event in events:
            event.export_url = reverse("events:registrations-csv", args=[event.pk])
            event.attendance_url = (
                event.url + event.reverse_subpage("attendance")
                if event.has_begun
                else ""
            )
        totals = {
            key: sum(getattr(event, key) for event in events)
            for key in ("confirmed", "waiting", "attended_registrations")
        }
        totals["attended_count"] = sum(event.attended_count or 0 for event in events)
        sections.append({"network": network, "events": events, "totals": totals})
    return TemplateResponse(
        request,
        "events/registrations_overview.html",
        {
            "page": index,
            "sections": sections,
            "breadcrumbs": _crumbs(index, "Registrations"),
        },
    )


REGISTRATION_COLUMNS = [
    "Name",
    "Email address",
    "Organisation",
    "Role",
    "Access needs",
    "Status",
    "Registered (UK time)",
    "Attended",
]


def registrations_csv(request, event_id):
    """The event's registrations as CSV, for the coordinators of its network only."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None or not can_manage_registrations(request.user, event):
        # The same answer whether the event exists or not: nothing leaks.
        raise Http404("No such event")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{event.slug}-registrations.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(REGISTRATION_COLUMNS)
    registrations = event.registrations.select_related("organisation").order_by(
        "status", "created", "pk"
    )
    for registration in registrations:
        writer.writerow(
            [
                _safe_cell(value)
                for value in (
                    registration.name,
                    registration.email,
                    registration.organisation_label,
                    registration.role,
                    registration.access_needs,
                    registration.get_status_display(),
                    timezone.localtime(registration.created).strftime("%Y-%m-%d %H:%M"),
                    {True: "Yes", False: "No"}.get(registration.attended, ""),
                )
            ]
        )
    return response


def _safe_cell(value):
    # Spreadsheets run cells starting with these as formulas (CSV injection).
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# Registration ----------------------------------------------------------------


def register(event, request):
    """
    Signed-in users register with one button on the event page (a POST here);
    visitors fill in the form this view shows.
    """
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    reason = event.registration_closed_reason()
    if reason:
        messages.error(request, f"You cannot register. {reason}")
        return redirect(event.url)
    if request.user.is_authenticated:
        if request.method != "POST":
            return redirect(event.url)
        if not request.user.email:
            messages.error(
                request,
                "Your account has no email address, so no confirmation could be "
                "sent. Ask the portal team to add one.",
            )
            return redirect(event.url)
        return _take_place(
            event,
            request,
            name=request.user.get_full_name() or request.user.get_username(),
            email=request.user.email,
            user=request.user,
            consent=True,
        )

    form = VisitorRegistrationForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = _take_place(
            event,
            request,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            form=form,
            **form.details(),
        )
        if response is not None:
            return response
    return TemplateResponse(
        request,
        "events/event_register.html",
        {"page": event, "form": form, "breadcrumbs": _crumbs(event, "Register")},
    )


def _take_place(event, request, *, name, email, form=None, **details):
    try:
        registration = take_place(event, name=name, email=email, **details)
    except RegistrationRefused as refusal:
        if form is not None:
            form.add_error("email" if "email" in str(refusal) else None, str(refusal))
            return None
        messages.error(request, str(refusal))
        return redirect(event.url)
    emails.send_confirmation(registration, request)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(
            request,
            f"Your place is confirmed. We have sent the details to {registration.email}.",
        )
    else:
        messages.info(
            request,
            "The event is full, so you are on the waiting list. We will email "
            f"{registration.email} if a place comes up.",
        )
    return redirect(event.url)


def cancel_registration(event, request, token):
    """The signed link in the confirmation e-mail: confirm, then cancel."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    registration = Registration.from_cancel_token(token)
    if registration is None or registration.event_id != event.pk:
        return TemplateResponse(
            request,
            "events/cancel_registration.html",
            {"page": event, "invalid": True, "breadcrumbs": _crumbs(event, "Cancel")},
            status=404,
        )
    if (
        request.method == "POST"
        and registration.status != Registration.Status.CANCELLED
    ):
        promoted = cancel(registration)
        if promoted is not None:
            emails.send_promotion(promoted, request)
        messages.success(
            request, "Your registration is cancelled. Thank you for telling us."
        )
        return redirect(event.url)
    return TemplateResponse(
        request,
        "events/cancel_registration.html",
        {
            "page": event,
            "registration": registration,
            "breadcrumbs": _crumbs(event, "Cancel"),
        },
    )


def attendance(event, request):
    """
    The registration list with a tick for everyone who came, for the
    coordinators of the event's network once the event has begun.
    """
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_manage_registrations(request.user, event):
        raise PermissionDenied
    if not event.has_begun:
        messages.error(request, "You can mark attendance once the event has begun.")
        return redirect(event.url)
    action = request.POST.get("action") if request.method == "POST" else None
    training_form = walk_ins = None
    if event.event_type in TRAINING_EVENT_TYPES:
        data = request.POST if action == "training-record" else None
        record = getattr(event, "training_record", None)
        training_form = TrainingFromEventForm(
            data, initial={"course": record.course_id if record else None}
        )
        walk_ins = WalkInFormSet(data, prefix="walk_ins")
        if data is not None:
            response = save_training_record(event, request, training_form, walk_ins)
            if response is not None:
                return response
    form = AttendanceForm(
        event,
        request.POST
        if request.method == "POST" and action != "training-record"
        else None,
    )
    if form.is_bound and form.is_valid():
        came = form.save()
        messages.success(
            request,
            f"Attendance saved: {came} of {len(form.registrations)} registered "
            "people attended.",
        )
        return redirect(event.url + event.reverse_subpage("attendance"))
    return TemplateResponse(
        request,
        "events/attendance.html",
        {
            "page": event,
            "form": form,
            "registrations": form.registrations,
            "ticked": {str(pk) for pk in form["attended"].value() or ()},
            "training_form": training_form,
            "walk_ins": walk_ins,
            "training_record": getattr(event, "training_record", None),
            "breadcrumbs": _crumbs(event, "Attendance"),
        },
    )


def write_up(event, request):
    """
    Hand an event over to the library: create a draft best-practice page
    under the organising network, prefilled from the event and linked to it,
    and open it in the editor. Coordinators of the network only.
    """
    from best_practice.models import BestPracticePage

    if request.method != "POST":
        return redirect(event.url)
    if not can_manage_registrations(request.user, event):
        raise PermissionDenied
    if event.practice_page_id:
        return redirect(
            reverse("wagtailadmin_pages:edit", args=[event.practice_page_id])
        )
    if not event.is_past:
        messages.error(request, "You can write up an event once it has taken place.")
        return redirect(event.url)
    network = event.network
    title = f"What we learned from {event.title}"[:255]
    slug = base = slugify(title)[:200]
    siblings = network.get_children()
    number = 1
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    documents = "".join(
        f"<li>{escape(item.document.title)}</li>" for item in event.documents.all()
    )
    attended = (
        f"<p>{event.attended_count} people attended.</p>"
        if event.attended_count is not None
        else ""
    )
    practice = BestPracticePage(
        title=title,
        slug=slug,
        live=False,
        summary=event.summary,
        problem=f"<p>{escape(event.summary or event.title)}</p>",
        what_was_done=(event.description or f"<p>{escape(event.title)}</p>") + attended,
        evaluation=event.lessons_learned,
        resources=f"<ul>{documents}</ul>" if documents else "",
        contact_role=network.contact_role or "Network coordinator",
        contact_email=network.contact_email or request.user.email,
        start_date=timezone.localtime(event.start).date(),
        end_date=timezone.localtime(event.end).date(),
        area=network.area,
        owner=request.user,
    )
    try:
        with transaction.atomic():
            network.add_child(instance=practice)
            practice.contributing_organisations.set(list(event.co_hosts.all()))
            practice.save()
            practice.save_revision(user=request.user, log_action=True)
            EventPage.objects.filter(pk=event.pk).update(practice_page=practice)
    except ValidationError as error:
        messages.error(
            request,
            "The write-up could not be started: " + " ".join(error.messages),
        )
        return redirect(event.url)
    messages.success(
        request, "A draft best-practice page has been started from this event."
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[practice.pk]))


def _crumbs(event, last):
    trail = event.get_breadcrumbs(None)
    return [*trail, {"title": last, "url": ""}] if trail else []


# Calendars -------------------------------------------------------------------


def _as(user):
    """A stand-in request for deciding what `user` (or a visitor) may see."""
    return SimpleNamespace(user=user or AnonymousUser())


def _calendar_response(events, name, request, filename):
    response = HttpResponse(
        build_calendar(list(events), name, request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed_events(viewer, queryset=None):
    since = timezone.now() - FEED_HISTORY
    queryset = EventPage.objects.all() if queryset is None else queryset
    return (
        visible_pages(viewer, queryset)
        .filter(Q(end__gte=since) | Q(postponed_to__gte=since))
        .order_by("start", "pk")
    )


def event_ics(request, event_id):
    """One event as a file to add to a calendar; restricted ones need sign-in."""
    event = EventPage.objects.live().filter(pk=event_id).first()
    if event is None:
        raise Http404("No such event")
    if not can_view(request, event):
        if request.user.is_authenticated:
            raise Http404("No such event")
        return redirect_to_login(request.get_full_path())
    response = _calendar_response([event], event.title, request, f"{event.slug}.ics")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def portal_feed(request):
    """Every public event: a feed for anyone to subscribe to."""
    events = _feed_events(_as(None))
    return _calendar_response(events, "Network Portal events", request, "events.ics")


def network_feed(request, network_id, *, with_children=True):
    """A network's public events, with or without its regional and district networks'."""
    viewer = _as(None)
    network = visible_pages(viewer, NetworkPage.objects.filter(pk=network_id)).first()
    if network is None:
        raise Http404("No such network")
    queryset = EventPage.objects.descendant_of(network)
    if not with_children:
        for child in NetworkPage.objects.child_of(network):
            queryset = queryset.exclude(path__startswith=child.path)
    name = network.title if with_children else f"{network.title} (this network only)"
    return _calendar_response(
        _feed_events(viewer, queryset), f"{name} events", request, f"{network.slug}.ics"
    )


def personal_feed(request, token):
    """The events one user may see, for their calendar program (no sign-in needed)."""
    feed = (
        CalendarFeedToken.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404("No such calendar")
    return _calendar_response(
        _feed_events(_as(feed.user)),
        "My Network Portal events",
        request,
        "my-events.ics",
    )


def my_calendar(index, request):
    """Create, show or revoke the signed-in user's personal feed address."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(index.url + index.reverse_subpage("my_calendar"))
    if request.method == "POST":
        action = request.POST.get("action")
        CalendarFeedToken.objects.filter(user=request.user).delete()
        if action == "create":
            CalendarFeedToken.objects.create(
                user=request.user, token=secrets.token_urlsafe(32)
            )
            messages.success(request, "Your calendar address is ready.")
        else:
            messages.success(
                request,
                "Your calendar address is revoked. The old address no longer works.",
            )
        return redirect(index.url + index.reverse_subpage("my_calendar"))
    feed = CalendarFeedToken.objects.filter(user=request.user).first()
    feed_url = (
        request.build_absolute_uri(reverse("events:personal-feed", args=[feed.token]))
        if feed
        else ""
    )
    return TemplateResponse(
        request,
        "events/my_calendar.html",
        {
            "page": index,
            "feed_url": feed_url,
            "breadcrumbs": _crumbs(index, "My calendar address"),
        },
    )
