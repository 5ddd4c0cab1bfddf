"""
The RSS feeds and the Wagtail API list public, published practices only.

Both are read without signing in and get passed on, so neither may ever
carry a partners-only or police-only practice, a practice under a
restricted network, or a draft, whoever asks.
"""

import xml.etree.ElementTree as ET

from django.urls import reverse

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticePage, Theme
from network.factories import NetworkPageFactory
from tests.conftest import restrict
from tests.signing_in import sign_in_with_second_factor

VIEWERS = ["anonymous", "signed_in", "partner", "police", "superuser"]


@pytest.fixture
def practices(tree):
    """One practice of each kind the feeds and API must tell apart."""
    victim_identification = Theme.objects.get(slug="victim-identification")
    hidden_forum = NetworkPageFactory(
        parent=tree.west_yorkshire, title="Closed forum", slug="closed-forum"
    )
    restrict(hidden_forum)
    Handling = BestPracticePage.Handling
    return {
        "public": BestPracticePageFactory(
            parent=tree.leeds,
            title="Car wash welfare visits",
            summary="Joint visits to hand car washes.",
            outcome=BestPracticePage.Outcome.DID_NOT_WORK,
            contributing_organisations=[tree.council],
            themes=[victim_identification],
            tags=["car washes"],
        ),
        "national": BestPracticePageFactory(
            parent=tree.national, title="National referral pilot"
        ),
        "partners": BestPracticePageFactory(
            parent=tree.leeds,
            title="Partners referral pathway",
            handling=Handling.PARTNERS,
        ),
        "police": BestPracticePageFactory(
            parent=tree.leeds,
            title="Police intelligence sharing",
            handling=Handling.POLICE,
        ),
        "draft": BestPracticePageFactory(
            parent=tree.leeds, title="Unpublished draft", live=False
        ),
        "under_restricted_network": BestPracticePageFactory(
            parent=hidden_forum, title="Closed forum practice"
        ),
    }


def sign_in(client, personas, viewer):
    if personas[viewer] is not None:
        sign_in_with_second_factor(client, personas[viewer])


def feed_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (own response)
    return {item.findtext("title") for item in channel.findall("item")}


def test_marked_practices_are_restricted_to_their_groups(practices):
    """The fixture is what the tests assume: markings set view restrictions."""
    assert not practices["public"].get_view_restrictions()
    partners = practices["partners"].get_view_restrictions().get()
    assert [group.name for group in partners.groups.all()] == ["Partners"]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_library_feed_lists_only_public_published_practices(
    client, personas, practices, viewer
):
    sign_in(client, personas, viewer)
    titles = feed_titles(client.get(reverse("practice-feed")))
    assert titles == {"Car wash welfare visits", "National referral pilot"}


def test_library_feed_items_carry_link_summary_outcome_and_topics(client, practices):
    response = client.get(reverse("practice-feed"))
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (own response)
    item = next(
        item
        for item in channel.findall("item")
        if item.findtext("title") == "Car wash welfare visits"
    )
    assert item.findtext("link").endswith(practices["public"].url)
    assert "Joint visits to hand car washes." in item.findtext("description")
    assert "Did not work" in item.findtext("description")
    categories = {category.text for category in item.findall("category")}
    assert categories == {"Victim identification", "car washes"}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_network_feed_covers_the_network_and_its_forums_publicly(
    client, personas, tree, practices, viewer
):
    sign_in(client, personas, viewer)
    url = reverse("network-practice-feed", args=[tree.west_yorkshire.pk])
    assert feed_titles(client.get(url)) == {"Car wash welfare visits"}
    leeds = reverse("network-practice-feed", args=[tree.leeds.pk])
    assert feed_titles(client.get(leeds)) == {"Car wash welfare visits"}
    north_east = reverse("network-practice-feed", args=[tree.north_east.pk])
    assert feed_titles(client.get(north_east)) == set()


@pytest.mark.parametrize("viewer", ["anonymous", "superuser"])
def test_network_feed_of_a_restricted_or_unknown_network_is_not_found(
    client, personas, practices, viewer
):
    sign_in(client, personas, viewer)
    hidden = practices["under_restricted_network"].get_parent()
    assert (
        client.get(reverse("network-practice-feed", args=[hidden.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("network-practice-feed", args=[999999])).status_code == 404
    )


def api_pages(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    return response.json()


def all_api_page_ids(client):
    """Return the ids of every page the API lists, page by page (20 a time)."""
    ids, offset = set(), 0
    while True:
        data = api_pages(client, limit=20, offset=offset)
        ids |= {item["id"] for item in data["items"]}
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return ids


@pytest.mark.parametrize("viewer", VIEWERS)
def test_api_lists_only_public_published_practices(client, personas, practices, viewer):
    sign_in(client, personas, viewer)
    data = api_pages(client, type="best_practice.BestPracticePage")
    titles = {item["title"] for item in data["items"]}
    assert titles == {"Car wash welfare visits", "National referral pilot"}
    assert data["meta"]["total_count"] == 2


@pytest.mark.parametrize("viewer", VIEWERS)
def test_api_lists_no_restricted_page_of_any_type(
    client, personas, tree, practices, viewer
):
    sign_in(client, personas, viewer)
    ids = all_api_page_ids(client)
    hidden = [
        practices["partners"],
        practices["police"],
        practices["draft"],
        practices["under_restricted_network"],
        tree.partners_page,
        tree.police_page,
        tree.login_page,
    ]
    assert not ids & {page.pk for page in hidden}
    assert tree.leeds.pk in ids and practices["public"].pk in ids


@pytest.mark.parametrize("viewer", ["anonymous", "police", "superuser"])
def test_api_detail_of_a_restricted_practice_is_not_found(
    client, personas, practices, viewer
):
    sign_in(client, personas, viewer)
    for name in ("partners", "police", "draft", "under_restricted_network"):
        response = client.get(f"/api/v2/pages/{practices[name].pk}/")
        assert response.status_code == 404, name
    response = client.get(f"/api/v2/pages/{practices['public'].pk}/")
    assert response.status_code == 200


def test_api_filters_cannot_reach_restricted_practices(
    search_index, client, personas, practices
):
    client.force_login(personas["police"])
    data = api_pages(
        client,
        type="best_practice.BestPracticePage",
        child_of=practices["police"].get_parent().pk,
        search="Police intelligence",
    )
    assert "Police intelligence sharing" not in {
        item["title"] for item in data["items"]
    }
    data = api_pages(client, type="best_practice.BestPracticePage", handling="police")
    assert data["items"] == []


def test_api_gives_labels_and_taxonomy_of_a_practice(client, practices):
    response = client.get(f"/api/v2/pages/{practices['public'].pk}/")
    data = response.json()
    assert data["outcome"] == {
        "value": "did_not_work",
        "label": "Did not work",
        "explanation": BestPracticePage.OUTCOME_EXPLANATIONS["did_not_work"],
    }
    assert data["evidence_stage"]["label"] == "Evaluated locally"
    assert data["handling"] == {"value": "public", "label": "Public"}
    assert data["themes"] == [
        {"name": "Victim identification", "slug": "victim-identification"}
    ]
    assert data["tags"] == ["car washes"]
    assert [org["title"] for org in data["contributing_organisations"]] == [
        "Leeds Council"
    ]
    assert data["summary"] == "Joint visits to hand car washes."
    assert data["meta"]["type"] == "best_practice.BestPracticePage"


def test_api_leaves_out_organisations_an_anonymous_visitor_may_not_see(
    client, tree, practices
):
    restrict(tree.council)
    data = client.get(f"/api/v2/pages/{practices['public'].pk}/").json()
    assert data["contributing_organisations"] == []


def test_api_listing_can_ask_for_practice_fields(client, practices):
    data = api_pages(
        client, type="best_practice.BestPracticePage", fields="outcome,themes"
    )
    by_title = {item["title"]: item for item in data["items"]}
    assert by_title["Car wash welfare visits"]["outcome"]["value"] == "did_not_work"
    assert by_title["National referral pilot"]["themes"] == []


def test_api_search_says_the_index_is_being_rebuilt_when_it_is_missing(
    missing_search_index, client, practices
):
    response = client.get("/api/v2/pages/", {"search": "car wash"})
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response.json() == {
        "message": "Search is being rebuilt. Try again in a few minutes."
    }
