"""The e-mails registrants receive: confirmation, promotion, reminder."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from events.ical import build_calendar


def _send(registration, subject, template, request=None):
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "event_url": event.get_full_url(request),
        "cancel_url": _absolute(event, registration.cancel_url(), request),
    }
    message = EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    if registration.status == registration.Status.CONFIRMED:
        message.attach(
            f"{event.slug}.ics",
            build_calendar([event], event.title, request),
            "text/calendar; charset=utf-8; method=PUBLISH",
        )
    message.send()


def _absolute(event, path, request):
    if request is not None:
        return request.build_absolute_uri(path)
    site = event.get_site()
    return site.root_url + path if site else path


def send_confirmation(registration, request=None):
    """Tell the registrant they have a place (with the .ics) or are waiting."""
    if registration.status == registration.Status.CONFIRMED:
        subject = f"Your place at {registration.event.title}"
    else:
        subject = f"You are on the waiting list for {registration.event.title}"
    _send(registration, subject, "events/emails/confirmation.txt", request)


def send_promotion(registration, request=None):
    """Tell someone from the waiting list that a place has freed up for them."""
    _send(
        registration,
        f"A place has come up at {registration.event.title}",
        "events/emails/promotion.txt",
        request,
    )


def send_reminder(registration):
    _send(
        registration,
        f"Reminder: {registration.event.title}",
        "events/emails/reminder.txt",
    )
