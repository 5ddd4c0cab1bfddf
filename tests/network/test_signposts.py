"""Coordinators keep local help contacts on their network page."""

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from network.models import NetworkSignpost
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


@pytest.mark.django_db
def test_network_keeps_its_help_contacts_in_order(tree):
    tree.west_yorkshire.signposts.add(
        NetworkSignpost(title="Modern Slavery Helpline", phone="08000 121 700"),
        NetworkSignpost(title="West Yorkshire safeguarding", url="https://example.org"),
    )
    tree.west_yorkshire.save()
    assert [s.title for s in tree.west_yorkshire.signposts.all()] == [
        "Modern Slavery Helpline",
        "West Yorkshire safeguarding",
    ]


@pytest.mark.django_db
def test_a_help_contact_needs_a_way_to_get_in_touch(tree):
    signpost = NetworkSignpost(network=tree.leeds, title="Somewhere")
    with pytest.raises(ValidationError, match="phone number or a web address"):
        signpost.full_clean()


@pytest.mark.django_db
def test_coordinator_sees_where_to_get_help_locally_in_the_editor(tree, client):
    coordinator = UserFactory(
        username="leeds-coordinator", groups=[tree.leeds.coordinators_group]
    )
    sign_in_with_second_factor(client, coordinator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[tree.leeds.pk]))
    assert response.status_code == 200
    assert "Where to get help locally" in response.content.decode()
