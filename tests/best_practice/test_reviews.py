"""Coordinators see practice due for review; owners are reminded once."""

import datetime
import io

from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticePage
from best_practice.reviews import due_for_review, practices_coordinated_by
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


def days_from_now(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def practice_due(parent, days, **kwargs):
    """A live practice whose review falls `days` from today (negative: overdue)."""
    return BestPracticePageFactory(
        parent=parent,
        last_reviewed=days_from_now(days - 365),
        next_review_due=days_from_now(days),
        **kwargs,
    )


def run_reminders(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("send_review_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def owner(db):
    return UserFactory(username="practice-owner", email="owner@leeds.example.org")


@pytest.mark.django_db
def test_owner_is_reminded_once_per_due_date(tree, owner):
    practice = practice_due(tree.leeds, 20, title="Nail bar visits", owner=owner)
    practice_due(tree.leeds, 90, title="Far in the future", owner=owner)
    mail.outbox.clear()

    output, _ = run_reminders("--days", "30")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["owner@leeds.example.org"]
    assert "Nail bar visits" in message.subject
    assert "Review due" in message.subject
    assert f"/admin/pages/{practice.pk}/edit/" in message.body
    assert "Reminded owner@leeds.example.org about “Nail bar visits”" in output
    assert "Sent 1 reminder " in output

    output, _ = run_reminders("--days", "30")
    assert len(mail.outbox) == 1, "a second run sends nothing new"
    assert "Sent 0 reminders" in output


@pytest.mark.django_db
def test_a_new_review_date_starts_a_new_reminder(tree, owner):
    practice = practice_due(tree.leeds, 10, owner=owner)
    run_reminders()
    BestPracticePage.objects.filter(pk=practice.pk).update(
        last_reviewed=timezone.localdate(), next_review_due=days_from_now(5)
    )
    mail.outbox.clear()
    run_reminders()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_default_window_comes_from_the_setting(tree, owner, settings):
    settings.PRACTICE_REVIEW_REMINDER_DAYS = 7
    practice_due(tree.leeds, 20, owner=owner)
    practice_due(tree.leeds, 5, owner=owner)
    mail.outbox.clear()
    output, _ = run_reminders()
    assert len(mail.outbox) == 1
    assert "within 7 days" in output


@pytest.mark.django_db
def test_coordinators_are_reminded_when_there_is_no_owner(tree):
    coordinator = UserFactory(
        username="wy-coordinator", groups=[tree.west_yorkshire.coordinators_group]
    )
    practice_due(tree.west_yorkshire, -3, title="Orphaned practice", owner=None)
    mail.outbox.clear()
    run_reminders("--days", "0")
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "Orphaned practice" in mail.outbox[0].subject


@pytest.mark.django_db
def test_dry_run_sends_nothing_and_a_negative_window_is_refused(tree, owner):
    practice_due(tree.leeds, 1, owner=owner)
    mail.outbox.clear()
    output, _ = run_reminders("--dry-run")
    assert mail.outbox == []
    assert "Would remind owner@leeds.example.org" in output
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        run_reminders("--days", "-1")


@pytest.mark.django_db
def test_coordinators_see_only_their_networks_practice(tree, client):
    overdue = practice_due(tree.leeds, -10, title="Leeds overdue practice")
    practice_due(tree.north_east, -10, title="North East overdue practice")
    practice_due(tree.leeds, 200, title="Leeds recently reviewed")
    coordinator = UserFactory(
        username="wy-coordinator", groups=[tree.west_yorkshire.coordinators_group]
    )

    assert list(due_for_review(practices_coordinated_by(coordinator))) == [overdue]

    sign_in_with_second_factor(client, coordinator)
    report = client.get(reverse("best_practice_reviews")).content.decode()
    assert "Leeds overdue practice" in report
    assert "Overdue by 10 days" in report
    assert "North East overdue practice" not in report
    assert "Leeds recently reviewed" not in report

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Practice due for review (1)" in dashboard
    assert "Leeds overdue practice" in dashboard


@pytest.mark.django_db
def test_superusers_see_every_network_in_the_report(tree, client, personas):
    practice_due(tree.leeds, -1, title="Leeds overdue practice")
    practice_due(tree.north_east, 3, title="North East soon due")
    sign_in_with_second_factor(client, personas["superuser"])
    report = client.get(reverse("best_practice_reviews")).content.decode()
    assert "Leeds overdue practice" in report
    assert "North East soon due" in report
    assert "Due in 3 days" in report


@pytest.mark.django_db
def test_editors_get_no_review_panel(tree, client):
    practice_due(tree.leeds, -1, title="Leeds overdue practice")
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    sign_in_with_second_factor(client, editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Practice due for review" not in dashboard
