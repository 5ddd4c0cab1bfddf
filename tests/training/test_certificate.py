"""
A named attendee's certificate of attendance: printable by the coordinators
of the record's network (or a network above it), and by no one else.
"""

import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from events.models import NamedAttendee
from events.models.training import add_months
from network.models import OrganisationPage
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor
from tests.training.conftest import day, delivered

EDIT = "/admin/snippets/events/trainingrecord/edit/{}/"


@pytest.fixture
def attendee(tree, course):
    course.learning_outcomes = "<ul><li>Recognise the signs of exploitation</li></ul>"
    course.save()
    record = delivered(tree.leeds, course, day(2024, 5, 1), 10)
    record.delivered_by = OrganisationPage.objects.get(slug="leeds-council")
    record.save()
    return NamedAttendee.objects.create(
        record=record, name="Ada Lovegood", email="ada@example.org", consent=True
    )


def certificate_url(attendee):
    return f"/events/certificates/{attendee.pk}/"


def test_a_coordinator_prints_the_certificate_of_their_networks_attendee(
    client, attendee, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.get(certificate_url(attendee))
    assert response.status_code == 200
    page = response.content.decode()
    for shown in (
        "Certificate of attendance",
        "Ada Lovegood",
        "Spotting the signs of modern slavery",
        "1 May 2024",
        "Leeds Council",
        "Leeds forum",
        "Half a day",
        "Recognise the signs of exploitation",
        'class="portal-print"',
    ):
        assert shown in page, shown
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-cache" in response["Cache-Control"]


def test_the_record_edit_screen_links_to_each_certificate(
    client, attendee, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    page = client.get(EDIT.format(attendee.record_id)).content.decode()
    assert f'href="{certificate_url(attendee)}"' in page
    assert "Certificate for Ada Lovegood" in page


def test_a_superuser_may_print_it(client, attendee, personas):
    sign_in_with_second_factor(client, personas["superuser"])
    assert client.get(certificate_url(attendee)).status_code == 200


def test_another_networks_coordinator_cannot_open_it(client, tree, attendee):
    other = UserFactory(
        username="ne-coord", groups=[tree.north_east.coordinators_group]
    )
    sign_in_with_second_factor(client, other)
    response = client.get(certificate_url(attendee))
    assert response.status_code == 404
    assert b"Lovegood" not in response.content


def test_a_lower_networks_coordinator_cannot_open_a_higher_networks_one(
    client, tree, course
):
    record = delivered(tree.west_yorkshire, course, day(2024, 5, 1), 10)
    attendee = NamedAttendee.objects.create(
        record=record, name="Ada Lovegood", consent=True
    )
    leeds = UserFactory(username="leeds-coord", groups=[tree.leeds.coordinators_group])
    sign_in_with_second_factor(client, leeds)
    assert client.get(certificate_url(attendee)).status_code == 404


def test_a_signed_in_non_coordinator_cannot_open_it(client, attendee, personas):
    client.force_login(personas["police"])
    response = client.get(certificate_url(attendee))
    assert response.status_code == 404
    assert b"Lovegood" not in response.content


def test_a_signed_out_visitor_is_sent_to_sign_in(client, attendee):
    response = client.get(certificate_url(attendee))
    assert response.status_code == 302
    assert response["Location"] == (
        f"/account/sign-in/?next={certificate_url(attendee)}"
    )


def test_once_the_names_are_erased_the_certificate_is_gone(
    client, tree, course, coordinator
):
    record = delivered(tree.leeds, course, add_months(timezone.localdate(), -25), 12)
    attendee = NamedAttendee.objects.create(
        record=record, name="Ada Lovegood", consent=True
    )
    sign_in_with_second_factor(client, coordinator)
    assert client.get(certificate_url(attendee)).status_code == 200
    call_command("erase_training_names", stdout=io.StringIO())
    response = client.get(certificate_url(attendee))
    assert response.status_code == 404
    assert b"Lovegood" not in response.content
    assert record.headcounts.get().count == 12
