"""Where records come from and where names go: events, imports, erasure."""

import datetime
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

import pytest

from events.factories import EventPageFactory, RegistrationFactory
from events.models import (
    EventType,
    Headcount,
    NamedAttendee,
    Registration,
    TrainingRecord,
)
from events.models.training import add_months
from tests.signing_in import sign_in_with_second_factor
from tests.training.conftest import day, delivered

SAMPLE = (
    Path(__file__).resolve().parents[2] / "docs" / "samples" / "training-records.csv"
)


@pytest.fixture
def held_session(tree, events_index):
    """A training session in Leeds held yesterday: three registered, two came."""
    start = timezone.now() - datetime.timedelta(days=1)
    event = EventPageFactory(
        parent=tree.leeds,
        title="First responder training",
        event_type=EventType.TRAINING_SESSION,
        start=start,
        end=start + datetime.timedelta(hours=3),
    )
    RegistrationFactory(
        event=event, organisation=tree.police_force, role="Detectives", attended=True
    )
    RegistrationFactory(
        event=event, organisation=tree.police_force, role="Detectives", attended=True
    )
    RegistrationFactory(event=event, attended=False)
    return event


def test_attendance_becomes_one_record_and_twice_counts_nobody_twice(
    client, tree, held_session, course, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    form = {
        "action": "training-record",
        "course": course.pk,
        "walk_ins-TOTAL_FORMS": "3",
        "walk_ins-INITIAL_FORMS": "0",
        "walk_ins-0-organisation_name": "Leeds Food Bank",
        "walk_ins-0-sector": "ngo",
        "walk_ins-0-role": "Volunteers",
        "walk_ins-0-count": "4",
    }
    url = held_session.url + "attendance/"
    first = client.post(url, form, follow=True)
    assert "Training record created: 6 people trained." in first.content.decode()
    second = client.post(url, form, follow=True)
    assert "Training record updated: 6 people trained." in second.content.decode()
    record = TrainingRecord.objects.get()
    assert record.event_id == held_session.pk and record.network_id == tree.leeds.pk
    counts = sorted(record.headcounts.values_list("organisation_name", "role", "count"))
    assert counts == [("", "Detectives", 2), ("Leeds Food Bank", "Volunteers", 4)]
    assert record.headcounts.get(role="Detectives").sector == "police_force"


def test_a_half_filled_walk_in_row_is_explained_and_nothing_is_saved(
    client, held_session, course, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.post(
        held_session.url + "attendance/",
        {
            "action": "training-record",
            "course": course.pk,
            "walk_ins-TOTAL_FORMS": "1",
            "walk_ins-INITIAL_FORMS": "0",
            "walk_ins-0-organisation_name": "Leeds Food Bank",
            "walk_ins-0-count": "4",
        },
    )
    assert response.status_code == 200
    assert "Give the organisation, its sector and the number of people" in (
        response.content.decode()
    )
    assert not TrainingRecord.objects.exists()


def test_only_training_events_become_records(
    client, tree, events_index, course, coordinator
):
    start = timezone.now() - datetime.timedelta(days=1)
    meeting = EventPageFactory(
        parent=tree.leeds, start=start, end=start + datetime.timedelta(hours=1)
    )
    sign_in_with_second_factor(client, coordinator)
    html = client.get(meeting.url + "attendance/").content.decode()
    assert "Training record" not in html


def test_names_need_consent(tree, course):
    record = delivered(tree.leeds, course, day(2024, 5, 1), 10)
    attendee = NamedAttendee(record=record, name="Ann Example", consent=False)
    with pytest.raises(ValidationError) as raised:
        attendee.full_clean()
    assert "Record the person's consent" in str(raised.value)
    with pytest.raises(IntegrityError):
        attendee.save()


def test_the_retention_command_erases_old_names_and_keeps_counts(tree, course):
    today = timezone.localdate()
    old = delivered(tree.leeds, course, add_months(today, -25), 12)
    recent = delivered(tree.leeds, course, add_months(today, -23), 8)
    NamedAttendee.objects.create(record=old, name="Old Name", consent=True)
    NamedAttendee.objects.create(record=recent, name="Recent Name", consent=True)
    out = io.StringIO()
    call_command("erase_training_names", stdout=out)
    call_command("erase_training_names", stdout=out)
    assert out.getvalue().splitlines() == [
        "Erased 1 name kept longer than 24 months.",
        "Erased 0 names kept longer than 24 months.",
    ]
    assert list(NamedAttendee.objects.values_list("name", flat=True)) == ["Recent Name"]
    assert old.headcounts.get().count == 12


def test_the_erasure_command_removes_one_persons_data(tree, course, events_index):
    record = delivered(tree.leeds, course, day(2024, 5, 1), 10)
    NamedAttendee.objects.create(
        record=record, name="Asha Patel", email="asha@example.org", consent=True
    )
    NamedAttendee.objects.create(record=record, name="Someone Else", consent=True)
    event = EventPageFactory(parent=tree.leeds)
    RegistrationFactory(
        event=event, name="Asha Patel", email="ASHA@example.org", attended=True
    )
    out = io.StringIO()
    call_command("erase_person", "asha@example.org", stdout=out)
    assert "Erased 1 named attendance and 1 registrations" in out.getvalue()
    assert list(NamedAttendee.objects.values_list("name", flat=True)) == [
        "Someone Else"
    ]
    registration = Registration.objects.get()
    assert "Asha" not in registration.name and "asha" not in registration.email
    assert registration.attended is True and record.headcounts.get().count == 10


def test_the_erasure_command_refuses_what_is_not_an_email(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="is not an e-mail address"):
        call_command("erase_person", "Asha Patel")


# Import and export -------------------------------------------------------------


def test_the_documented_sample_imports(
    client, tree, course, training_page, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    with SAMPLE.open("rb") as sample:
        response = client.post(
            training_page.url + "import/", {"file": sample}, follow=True
        )
    assert "Imported 2 sessions with 93 people." in response.content.decode()
    leeds = TrainingRecord.objects.get(network=tree.leeds)
    assert leeds.headcounts.count() == 3
    assert leeds.headcounts.get(role="Housing officers").sector == "local_authority"
    assert TrainingRecord.objects.get(network=tree.bradford).online


def test_a_bad_file_is_refused_whole_with_errors_by_row_and_column(
    client, tree, course, training_page, coordinator
):
    rows = SAMPLE.read_text().splitlines()
    rows.append("2019-13-01,No such course,North East,,,maybe,Somewhere,,,none")
    sign_in_with_second_factor(client, coordinator)
    upload = io.BytesIO("\n".join(rows).encode())
    upload.name = "records.csv"
    response = client.post(training_page.url + "import/", {"file": upload})
    assert response.status_code == 400
    errors = {(row, column) for row, column, _ in response.context["row_errors"]}
    assert errors == {
        (6, "date"),
        (6, "course"),
        (6, "network"),  # North East is not this coordinator's
        (6, "online"),
        (6, "venue"),
        (6, "sector"),
        (6, "role"),
        (6, "people"),
    }
    assert "Nothing was saved" in response.content.decode()
    assert not TrainingRecord.objects.exists() and not Headcount.objects.exists()


def test_a_file_that_is_not_csv_gets_a_message_and_saves_nothing(
    client, tree, course, training_page, coordinator
):
    rows = SAMPLE.read_text().splitlines()
    # A cell longer than the csv module accepts: the reader itself fails.
    rows.append("2024-05-01," + "x" * 200_000)
    sign_in_with_second_factor(client, coordinator)
    upload = io.BytesIO("\n".join(rows).encode())
    upload.name = "records.csv"
    response = client.post(training_page.url + "import/", {"file": upload})
    assert response.status_code == 400
    assert "The file is not valid CSV" in response.content.decode()
    assert not TrainingRecord.objects.exists() and not Headcount.objects.exists()


def test_only_coordinators_import_and_export(client, training_page, personas):
    assert client.get(training_page.url + "import/").status_code == 302
    client.force_login(personas["partner"])
    assert client.get(training_page.url + "import/").status_code == 403
    assert client.get(training_page.url + "export/").status_code == 403


def test_export_follows_the_filters_and_holds_no_names(
    client, tree, course, training_page, coordinator
):
    kept = delivered(tree.leeds, course, day(2024, 5, 1), 10)
    delivered(tree.leeds, course, day(2023, 5, 1), 3)
    delivered(tree.north_east, course, day(2024, 5, 1), 7)
    NamedAttendee.objects.create(record=kept, name="Zed Unique", consent=True)
    sign_in_with_second_factor(client, coordinator)
    response = client.get(training_page.url + "export/", {"period": "fy-2024"})
    text = response.content.decode()
    lines = text.splitlines()
    assert lines[0].startswith("date,course,network")
    assert (
        len(lines) == 2
        and lines[1].startswith("2024-05-01,")
        and lines[1].endswith(",10")
    )
    assert "Zed Unique" not in text
