"""
Taking and giving back places at events.

Both run in one transaction that first locks the event's row, so two people
asking for the last place at the same moment queue behind each other: one
gets the place, the other the waiting list. PostgreSQL locks the row with
SELECT ... FOR UPDATE; SQLite has no row locks, so a harmless UPDATE of the
row takes its database-wide write lock at the same point instead.
"""

import datetime
import time

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from events.models import EventPage, Registration
from events.models.training import add_months

# SQLite reports a competing writer as "database is locked" instead of
# waiting when the connections share a cache (as the test database does).
SQLITE_RETRIES = 50
SQLITE_RETRY_PAUSE = 0.05


class RegistrationRefused(Exception):
    """Raised with the message to show when someone cannot register."""


def register(event, *, name, email, user=None, **details):
    """
    Return a new registration for `event`: confirmed while places remain,
    otherwise on the waiting list. Raise RegistrationRefused with the reason
    when registration is closed or the e-mail address is already registered.
    """
    for attempt in range(SQLITE_RETRIES):
        try:
            return _register(event, name=name, email=email, user=user, **details)
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            if attempt == SQLITE_RETRIES - 1:
                raise
            time.sleep(SQLITE_RETRY_PAUSE)
    raise AssertionError("unreachable")  # pragma: no cover


def _register(event, *, name, email, user, **details):
    with transaction.atomic():
        locked = _lock(event)
        reason = locked.registration_closed_reason()
        if reason:
            raise RegistrationRefused(reason)
        if (
            Registration.objects.active()
            .filter(event=locked, email__iexact=email)
            .exists()
        ):
            raise RegistrationRefused(
                "This email address is already registered for this event."
            )
        confirmed = Registration.objects.filter(
            event=locked, status=Registration.Status.CONFIRMED
        ).count()
        full = locked.capacity is not None and confirmed >= locked.capacity
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    event=locked,
                    user=user,
                    name=name,
                    email=email,
                    status=(
                        Registration.Status.WAITING
                        if full
                        else Registration.Status.CONFIRMED
                    ),
                    **details,
                )
        except IntegrityError as error:
            # The unique constraint is the last word on duplicates.
            raise RegistrationRefused(
                "This email address is already registered for this event."
            ) from error


def cancel(registration):
    """
    Cancel `registration`; if it held a place, give the place to the first
    person on the waiting list. Return the promoted registration, or None.
    """
    for attempt in range(SQLITE_RETRIES):
        try:
            return _cancel(registration)
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            if attempt == SQLITE_RETRIES - 1:
                raise
            time.sleep(SQLITE_RETRY_PAUSE)
    raise AssertionError("unreachable")  # pragma: no cover


def _cancel(registration):
    with transaction.atomic():
        locked = _lock(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            registration.status = current.status
            return None
        held_place = current.status == Registration.Status.CONFIRMED
        current.status = Registration.Status.CANCELLED
        current.save(update_fields=["status", "updated"])
        registration.status = current.status
        if not held_place or locked.is_past:
            return None
        promoted = (
            Registration.objects.filter(
                event=locked, status=Registration.Status.WAITING
            )
            .order_by("created", "pk")
            .first()
        )
        if promoted is None:
            return None
        promoted.status = Registration.Status.CONFIRMED
        promoted.save(update_fields=["status", "updated"])
        return promoted


def _lock(event):
    """Lock the event's row for the rest of the transaction and return it fresh."""
    queryset = EventPage.objects.filter(pk=event.pk)
    if connection.vendor == "sqlite":
        queryset.update(sequence=F("sequence"))
        return queryset.get()
    return queryset.select_for_update(of=("self",)).get()


# Keeping details no longer than promised -------------------------------------

# The registration form tells visitors their details are deleted six months
# after the event (events/forms.py); the counts and attendance marks stay.
RETENTION_MONTHS = 6
ERASED_EMAIL_DOMAIN = "erased.invalid"


def anonymise(registration, reason):
    """
    Blank the personal details of `registration`, keeping its status,
    attendance mark and organisation, which the network's figures count.
    """
    registration.name = reason
    # Unique per event, so a placeholder unique to this registration.
    registration.email = f"erased-{registration.reference.hex}@{ERASED_EMAIL_DOMAIN}"
    registration.role = ""
    registration.access_needs = ""
    registration.user = None
    registration.save()


@transaction.atomic
def erase_past_registrations(today=None):
    """Anonymise registrations of events that ended over six months ago."""
    today = today or timezone.localdate()
    cutoff = datetime.datetime.combine(
        add_months(today, -RETENTION_MONTHS),
        datetime.time.min,
        tzinfo=timezone.get_current_timezone(),
    )
    expired = Registration.objects.filter(event__end__lt=cutoff).exclude(
        email__endswith=f"@{ERASED_EMAIL_DOMAIN}"
    )
    erased = 0
    for registration in expired.select_for_update():
        anonymise(registration, "Erased after the event")
        erased += 1
    return erased
