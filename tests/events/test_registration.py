"""Registering, refusals that say why, cancelling and the waiting list."""

import datetime

from django.core import mail
from django.utils import timezone

import icalendar
import pytest

from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventStatus, Registration
from events.registration import RegistrationRefused, cancel, register
from tests.signing_in import sign_in_with_second_factor

VISITOR = {
    "name": "Sam Visitor",
    "email": "sam@example.org",
    "organisation_name": "Kirklees Council",
    "role": "Housing officer",
    "access_needs": "",
    "consent": "on",
}


def register_url(event):
    return event.url + "register/"


def test_a_signed_in_user_registers_in_one_step(client, personas, public_event):
    user = personas["signed_in"]
    sign_in_with_second_factor(client, user)
    response = client.post(register_url(public_event), follow=True)
    registration = Registration.objects.get(event=public_event)
    assert registration.user == user
    assert registration.status == Registration.Status.CONFIRMED
    assert "Your place is confirmed" in response.content.decode()
    assert "You have a place at this event." in response.content.decode()
    assert mail.outbox[0].to == [user.email]


def test_a_visitor_registers_with_the_form_and_gets_an_ics(client, public_event):
    response = client.post(register_url(public_event), VISITOR, follow=True)
    assert "Your place is confirmed" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.name, registration.consent) == ("Sam Visitor", True)
    message = mail.outbox[0]
    assert message.subject == f"Your place at {public_event.title}"
    assert registration.cancel_url() in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [public_event.title]


def test_the_visitor_form_shows_errors_in_a_summary(client, public_event):
    response = client.post(register_url(public_event), {"email": "not-an-email"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<title>Error:") == 1
    assert "There is a problem" in html
    for message in (
        "Enter your full name.",
        "Enter an email address in the correct format, like name@example.org.",
        "Agree to how your details are used, or you cannot register.",
    ):
        assert message in html
    assert '<a href="#id_name">' in html
    assert not Registration.objects.exists()


def test_duplicate_registrations_are_refused(client, public_event):
    client.post(register_url(public_event), VISITOR)
    response = client.post(
        register_url(public_event), {**VISITOR, "email": "SAM@example.org"}
    )
    assert "This email address is already registered for this event." in (
        response.content.decode()
    )
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"status": EventStatus.CANCELLED, "cancellation_reason": "Snow."},
            "This event has been cancelled.",
        ),
        ({"days": -30}, "This event has already taken place."),
        ({"closes_in_days": -1}, "Registration has closed."),
        ({"opens_in_days": 2}, "Registration opens on"),
    ],
)
def test_closed_events_say_why(client, tree, events_index, changes, reason):
    start = timezone.now() + datetime.timedelta(days=changes.pop("days", 10))
    extra = {}
    if "closes_in_days" in changes:
        extra["registration_closes"] = timezone.now() + datetime.timedelta(
            days=changes.pop("closes_in_days")
        )
    if "opens_in_days" in changes:
        extra["registration_opens"] = timezone.now() + datetime.timedelta(
            days=changes.pop("opens_in_days")
        )
    event = EventPageFactory(
        parent=tree.leeds,
        start=start,
        end=start + datetime.timedelta(hours=2),
        **changes,
        **extra,
    )
    assert reason in client.get(event.url).content.decode()
    response = client.post(register_url(event), VISITOR, follow=True)
    assert reason in response.content.decode()
    assert not Registration.objects.exists()
    with pytest.raises(RegistrationRefused, match=reason.split(" on")[0]):
        register(event, name="A", email="a@example.org")


def test_a_full_event_puts_people_on_the_waiting_list(public_event):
    public_event.capacity = 1
    public_event.save()
    first = register(public_event, name="First", email="first@example.org")
    second = register(public_event, name="Second", email="second@example.org")
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITING
    assert public_event.places_left() == 0


def test_cancelling_by_the_signed_link_promotes_the_first_waiting(client, public_event):
    public_event.capacity = 1
    public_event.save()
    holder = register(public_event, name="Holder", email="holder@example.org")
    first_waiting = register(public_event, name="Next", email="next@example.org")
    register(public_event, name="Later", email="later@example.org")

    page = client.get(holder.cancel_url())
    assert "Cancel your registration" in page.content.decode()
    response = client.post(holder.cancel_url(), follow=True)
    assert "Your registration is cancelled" in response.content.decode()

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "holder@example.org": "cancelled",
        "next@example.org": "confirmed",
        "later@example.org": "waiting",
    }
    promotion = mail.outbox[-1]
    assert promotion.to == [first_waiting.email]
    assert "A place has come up" in promotion.subject
    assert promotion.attachments
    # Using the link again changes nothing.
    again = client.get(holder.cancel_url())
    assert "already cancelled" in again.content.decode()


def test_a_forged_cancel_link_is_refused(client, public_event):
    registration = RegistrationFactory(event=public_event)
    response = client.get(registration.cancel_url()[:-3] + "abc/")
    assert response.status_code == 404
    assert "This cancellation link does not work" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_cancelling_a_waiting_place_promotes_nobody(public_event):
    public_event.capacity = 1
    public_event.save()
    register(public_event, name="Holder", email="holder@example.org")
    waiting = register(public_event, name="Next", email="next@example.org")
    later = register(public_event, name="Later", email="later@example.org")
    assert cancel(waiting) is None
    later.refresh_from_db()
    assert later.status == Registration.Status.WAITING


def test_the_online_link_shows_only_to_confirmed_attendees(
    client, personas, tree, events_index
):
    start = timezone.now() + datetime.timedelta(days=5)
    event = EventPageFactory(
        parent=tree.leeds,
        start=start,
        end=start + datetime.timedelta(hours=1),
        online_link="https://meet.example.org/secret-room",
        capacity=1,
    )
    assert "secret-room" not in client.get(event.url).content.decode()
    register(event, name="Other", email="other@example.org")
    client.force_login(personas["partner"])
    client.post(register_url(event))  # on the waiting list: still no link
    assert "secret-room" not in client.get(event.url).content.decode()
    Registration.objects.filter(email="other@example.org").update(status="cancelled")
    Registration.objects.filter(user=personas["partner"]).update(status="confirmed")
    assert "secret-room" in client.get(event.url).content.decode()
