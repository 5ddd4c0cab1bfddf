"""In the admin, coordinators manage their own networks' training records only."""

import pytest

from events.models import TrainingRecord
from portal.factories import UserFactory
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
    client.force_login(coordinator)
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
    client.force_login(coordinator)
    form = client.get(f"{LIST}add/").context["form"]
    offered = set(form.fields["network"].queryset.values_list("slug", flat=True))
    assert offered == {"west-yorkshire", "leeds", "bradford"}


def test_editors_cannot_open_training_records(client, tree, records):
    editor = UserFactory(username="editor", groups=[tree.west_yorkshire.editors_group])
    client.force_login(editor)
    assert client.get(LIST).status_code in (302, 403)
