"""The members directory, organisation pages and network pages."""

import pytest

from network.factories import OrganisationPageFactory
from network.models import MEMBERS_PER_PAGE, NetworkMembership
from portal.visibility import PARTNERS_GROUP
from tests.conftest import restrict


def listed(response):
    return [page.title for page in response.context["organisations"]]


@pytest.mark.django_db
def test_directory_lists_every_organisation_alphabetically(client, tree):
    response = client.get("/members/")
    assert response.status_code == 200
    assert listed(response) == [
        "Leeds Council",
        "Safe Harbour Trust",
        "Yorkshire Constabulary",
    ]
    assert "3 organisations" in response.content.decode()


@pytest.mark.django_db
def test_directory_filters_by_type(client, tree):
    response = client.get("/members/", {"type": "police_force"})
    assert listed(response) == ["Yorkshire Constabulary"]


@pytest.mark.django_db
def test_network_filter_includes_members_of_its_forums(client, tree):
    response = client.get("/members/", {"network": tree.west_yorkshire.pk})
    assert listed(response) == ["Leeds Council", "Yorkshire Constabulary"]
    response = client.get("/members/", {"network": tree.leeds.pk})
    assert listed(response) == ["Leeds Council"]


@pytest.mark.django_db
def test_filters_combine_and_keep_their_state_in_the_address(client, tree):
    response = client.get(
        "/members/", {"network": tree.west_yorkshire.pk, "type": "local_authority"}
    )
    assert listed(response) == ["Leeds Council"]
    html = response.content.decode()
    assert f'<option value="{tree.west_yorkshire.pk}" selected>' in html
    assert '<option value="local_authority" selected>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"network": "abc"},
        {"network": "999999"},
        {"type": "<script>"},
        {"page": "x", "type": "zzz"},
    ],
)
def test_bad_filters_get_a_clear_message_not_an_error(client, tree, query):
    response = client.get("/members/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "from the list" in html
    assert "<script>" not in html
    assert listed(response) == []


@pytest.mark.django_db
def test_a_restricted_network_is_not_offered_as_a_filter_to_outsiders(client, tree):
    restrict(tree.north_east, PARTNERS_GROUP)
    html = client.get("/members/").content.decode()
    assert "North East" not in html
    response = client.get("/members/", {"network": tree.north_east.pk})
    assert "Choose a network from the list." in response.content.decode()


@pytest.mark.django_db
def test_directory_paginates(client, tree):
    for number in range(MEMBERS_PER_PAGE):
        OrganisationPageFactory(parent=tree.directory, title=f"Zeta group {number:02}")
    first = client.get("/members/")
    assert len(listed(first)) == MEMBERS_PER_PAGE
    second = client.get("/members/", {"page": 2})
    assert len(listed(second)) == 3
    beyond = client.get("/members/", {"page": 99})
    assert listed(beyond) == listed(second)
    assert 'aria-label="Page 2"' in first.content.decode()


@pytest.mark.django_db
def test_restricted_organisations_are_hidden_from_listings(client, tree, personas):
    restrict(tree.charity, PARTNERS_GROUP)
    assert "Safe Harbour Trust" not in listed(client.get("/members/"))
    network_html = client.get(tree.north_east.url).content.decode()
    assert "Safe Harbour Trust" not in network_html
    client.force_login(personas["partner"])
    assert "Safe Harbour Trust" in listed(client.get("/members/"))
    assert "Safe Harbour Trust" in client.get(tree.north_east.url).content.decode()


@pytest.mark.django_db
def test_organisation_page_lists_its_networks_and_last_update(client, tree):
    html = client.get(tree.police_force.url).content.decode()
    assert "Police force" in html
    assert "West Yorkshire" in html
    assert "Chair" in html
    assert "Entry last updated" in html
    assert tree.police_force.last_published_at.strftime("%Y") in html


@pytest.mark.django_db
def test_organisation_page_hides_restricted_networks(client, tree):
    restrict(tree.west_yorkshire, PARTNERS_GROUP)
    html = client.get(tree.police_force.url).content.decode()
    assert "West Yorkshire" not in html
    assert "not a member of any network yet" in html


@pytest.mark.django_db
def test_network_page_shows_its_facts_members_and_forums(client, tree):
    html = client.get(tree.west_yorkshire.url).content.decode()
    assert "Regional network" in html
    assert tree.west_yorkshire.contact_email in html
    assert "Yorkshire Constabulary" in html
    assert "Leeds forum" in html and "Bradford forum" in html
    assert "has not published any best practice yet" in html
    assert "has no upcoming events" in html


@pytest.mark.django_db
def test_network_page_without_members_says_so(client, tree):
    html = client.get(tree.bradford.url).content.decode()
    assert "no member organisations listed yet" in html


@pytest.mark.django_db
def test_an_organisation_cannot_join_a_network_twice(tree):
    from django.core.exceptions import ValidationError

    duplicate = NetworkMembership(network=tree.leeds, organisation=tree.council)
    with pytest.raises(ValidationError, match="already a member"):
        duplicate.full_clean()


@pytest.mark.django_db
def test_networks_index_shows_the_tree_without_hidden_branches(client, tree):
    html = client.get(tree.networks.url).content.decode()
    assert (
        html.index("National Network")
        < html.index("West Yorkshire")
        < html.index("Leeds forum")
    )
    restrict(tree.west_yorkshire)
    html = client.get(tree.networks.url).content.decode()
    assert "West Yorkshire" not in html and "Leeds forum" not in html
    assert "North East" in html
