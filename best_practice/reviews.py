"""
Review dates: which practices are due for review, and reminders to owners.

Readers see "Next review due" on every practice, so a date that slips past
tells them the advice may be stale. Coordinators see overdue and soon-due
practice in a report and on their dashboard; owners get one e-mail per due
date, a set number of days before it (see `send_review_reminders`).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from best_practice.models import BestPracticePage
from network.models import NetworkPage

DEFAULT_REMINDER_DAYS = 30


def reminder_days():
    """Return how many days before the due date owners are reminded."""
    return getattr(settings, "PRACTICE_REVIEW_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)


def practices_coordinated_by(user, queryset=None):
    """
    Return the practices under the networks `user` coordinates.

    A network's coordinators look after its child forums too; superusers
    look after everything.
    """
    if queryset is None:
        queryset = BestPracticePage.objects.all()
    if user.is_superuser:
        return queryset
    paths = NetworkPage.objects.filter(
        coordinators_group__in=user.groups.all()
    ).values_list("path", flat=True)
    subtree = Q()
    for path in paths:
        subtree |= Q(path__startswith=path)
    return queryset.filter(subtree) if subtree else queryset.none()


def due_for_review(queryset=None, within_days=None, today=None):
    """Return live practices whose review is overdue or due within the days given."""
    if queryset is None:
        queryset = BestPracticePage.objects.all()
    if within_days is None:
        within_days = reminder_days()
    today = today or timezone.localdate()
    return (
        queryset.live()
        .filter(next_review_due__lte=today + datetime.timedelta(days=within_days))
        .order_by("next_review_due", "title")
    )


def review_status(practice, today=None):
    """Say in a few words how the practice's review date stands."""
    today = today or timezone.localdate()
    due = practice.next_review_due
    if due is None:
        return "No review date"
    days = (due - today).days
    if days < 0:
        return f"Overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "Due today"
    return f"Due in {days} day{'s' if days != 1 else ''}"


def reminder_recipients(practice):
    """
    Return who should hear that `practice` needs reviewing.

    The page's owner wrote it and knows it best; when the owner has left (or
    has no e-mail address) the network's coordinators answer for it.
    """
    owner = practice.owner
    if owner is not None and owner.is_active and owner.email:
        return [owner]
    network = practice.network
    if network is None or network.coordinators_group_id is None:
        return []
    return list(
        get_user_model()
        .objects.filter(groups=network.coordinators_group_id, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


@dataclass
class ReminderRun:
    """What one run of the reminders did, for the command to report."""

    sent: list = field(default_factory=list)  # (practice, [addresses])
    nobody_to_tell: list = field(default_factory=list)  # practices


def send_review_reminders(days=None, today=None, dry_run=False):
    """
    E-mail the people responsible for every practice due within `days`.

    Each practice is reminded once per due date: the date a reminder went
    out for is kept in `review_reminder_sent_for`, and a new due date (after
    a review) starts the cycle again.
    """
    if days is None:
        days = reminder_days()
    today = today or timezone.localdate()
    run = ReminderRun()
    due = (
        due_for_review(within_days=days, today=today)
        .filter(next_review_due__isnull=False)
        .exclude(review_reminder_sent_for=F("next_review_due"))
        .select_related("owner")
    )
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for practice in due:
        recipients = reminder_recipients(practice)
        if not recipients:
            run.nobody_to_tell.append(practice)
            continue
        addresses = [user.email for user in recipients]
        if not dry_run:
            context = {
                "practice": practice,
                "network": practice.network,
                "status": review_status(practice, today),
                "page_url": practice.full_url or "",
                "edit_url": base_url
                + reverse("wagtailadmin_pages:edit", args=[practice.pk]),
            }
            send_mail(
                render_to_string(
                    "best_practice/admin/review_reminder_subject.txt", context
                ).strip(),
                render_to_string("best_practice/admin/review_reminder.txt", context),
                None,
                addresses,
            )
            # update() rather than save(): a reminder is not an edit, and
            # must not start a new revision or move the page's owner.
            BestPracticePage.objects.filter(pk=practice.pk).update(
                review_reminder_sent_for=practice.next_review_due
            )
        run.sent.append((practice, addresses))
    return run
