"""In the admin, coordinators manage their own networks' training records only."""

import pytest

from events.models import Headcount, TrainingRecord
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor
from tests.training.conftest import day, delivered

LIST = "/admin/snippets/events/trainingrecord/"


@pytest.fixture
def records(tree, course):
    return {
        "leeds": delivered(tree.leeds, course, day(2024, 5, 1), 10),
        "north_east": delivered(tree.north_east, course, day(2024, 5, 2), 7),
    }


def test_a_coordinator_lists_and_edits_only_their_networks_records(
    client, tree, records, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    listing = client.get(LIST)
    assert listing.status_code == 200
    shown = {record.pk for record in listing.context["object_list"]}
    assert shown == {records["leeds"].pk}
    assert client.get(f"{LIST}edit/{records['leeds'].pk}/").status_code == 200
    assert client.get(f"{LIST}edit/{records['north_east'].pk}/").status_code in (
        403,
        404,
    )
    response = client.post(f"{LIST}delete/{records['north_east'].pk}/")
    assert response.status_code in (403, 404)
    assert TrainingRecord.objects.filter(pk=records["north_east"].pk).exists()


def test_the_network_choice_offers_only_their_networks(
    client, tree, course, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    form = client.get(f"{LIST}add/").context["form"]
    offered = set(form.fields["network"].queryset.values_list("slug", flat=True))
    assert offered == {"west-yorkshire", "leeds", "bradford"}


def test_editors_cannot_open_training_records(client, tree, records):
    editor = UserFactory(username="editor", groups=[tree.west_yorkshire.editors_group])
    sign_in_with_second_factor(client, editor)
    assert client.get(LIST).status_code in (302, 403)


def add_form(course, network, *headcounts, **fields):
    """The admin create form's POST data: a session and its headcount rows."""
    data = {
        "course": course.pk,
        "date": "2024-05-01",
        "network": network.pk,
        "delivered_by": "",
        "venue": "Leeds Civic Hall",
        "headcounts-TOTAL_FORMS": len(headcounts),
        "headcounts-INITIAL_FORMS": 0,
        "headcounts-MIN_NUM_FORMS": 1,
        "headcounts-MAX_NUM_FORMS": 1000,
        "named_attendees-TOTAL_FORMS": 0,
        "named_attendees-INITIAL_FORMS": 0,
        "named_attendees-MIN_NUM_FORMS": 0,
        "named_attendees-MAX_NUM_FORMS": 1000,
        **fields,
    }
    for number, (organisation, role, count) in enumerate(headcounts):
        prefix = f"headcounts-{number}-"
        data.update(
            {
                prefix + "organisation": organisation.pk,
                prefix + "organisation_name": "",
                prefix + "sector": "",
                prefix + "role": role,
                prefix + "count": count,
                prefix + "ORDER": number + 1,
                prefix + "id": "",
                prefix + "DELETE": "",
            }
        )
    return data


def test_a_coordinator_records_a_session_with_headcounts_in_the_admin(
    client, tree, course, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.post(
        f"{LIST}add/",
        add_form(
            course,
            tree.leeds,
            (tree.police_force, "Response officers", 45),
            (tree.council, "Housing officers", 12),
        ),
        follow=True,
    )
    assert response.status_code == 200
    assert "created" in response.content.decode()
    record = TrainingRecord.objects.get()
    assert (record.network, record.course, record.venue) == (
        tree.leeds,
        course,
        "Leeds Civic Hall",
    )
    assert record.people == 57
    rows = {
        (h.organisation_label, h.sector, h.role, h.count)
        for h in record.headcounts.all()
    }
    assert rows == {
        ("Yorkshire Constabulary", "police_force", "Response officers", 45),
        ("Leeds Council", "local_authority", "Housing officers", 12),
    }
    # The new record is in the coordinator's list.
    assert record in client.get(LIST).context["object_list"]


def test_a_negative_headcount_is_refused_and_nothing_is_saved(
    client, tree, course, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.post(
        f"{LIST}add/",
        add_form(
            course,
            tree.leeds,
            (tree.police_force, "Response officers", 45),
            (tree.council, "Housing officers", -3),
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The training record could not be created due to errors." in page
    assert "Ensure this value is greater than or equal to 1." in page
    assert "greater than or equal to 0" not in page
    assert not TrainingRecord.objects.exists()
    assert not Headcount.objects.exists()


def test_a_network_outside_theirs_is_refused_and_nothing_is_saved(
    client, tree, course, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.post(
        f"{LIST}add/",
        add_form(course, tree.north_east, (tree.charity, "Support workers", 9)),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The training record could not be created due to errors." in page
    assert "Select a valid choice." in page
    assert not TrainingRecord.objects.exists()
    assert not Headcount.objects.exists()
