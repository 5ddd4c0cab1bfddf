"""
Leaving an organisation, or being taken out of the Partners group, closes
restricted pages, search results and calendar feeds on the very next
request: nothing is remembered from before.
"""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import CalendarFeedToken
from network.partners.models import PartnerProfile
from portal.factories import UserFactory
from portal.visibility import PARTNERS_GROUP
from tests.conftest import restrict


@pytest.fixture
def member(tree):
    user = UserFactory(
        username="asha",
        email="asha@leeds.gov.uk",
        groups=[Group.objects.get(name=PARTNERS_GROUP)],
    )
    profile = PartnerProfile.objects.create(user=user, organisation=tree.council)
    profile.networks.set([tree.leeds])
    return user


@pytest.fixture
def partners_event(tree):
    EventIndexPageFactory(parent=tree.home)
    event = EventPageFactory(
        parent=tree.west_yorkshire, title="Partners case review", slug="case-review"
    )
    restrict(event, PARTNERS_GROUP)
    return event


def what_they_see(client, tree, feed_path):
    page = client.get(tree.partners_page.url)
    results = client.get("/search/", {"q": "briefing"}).content.decode()
    feed = client.get(feed_path).content.decode()
    return {
        "page": page.status_code == 200,
        "search": f'href="{tree.partners_page.url}"' in results,
        "feed": "Partners case review" in feed,
    }


@pytest.mark.parametrize("how", ["leaves their organisation", "removed from the group"])
def test_removal_ends_access_on_the_next_request(
    client, search_index, tree, partners_event, member, how
):
    feed = CalendarFeedToken.objects.create(user=member, token="asha-feed-token")
    feed_path = f"/events/feed/personal/{feed.token}.ics"
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    client.force_login(member)
    assert what_they_see(client, tree, feed_path) == {
        "page": True,
        "search": True,
        "feed": True,
    }

    if how == "leaves their organisation":
        client.get("/my-portal/leave-organisation/")
        response = client.post("/my-portal/leave-organisation/", follow=True)
        assert "You are no longer listed with an organisation" in (
            response.content.decode()
        )
        profile = PartnerProfile.objects.get(user=member)
        assert profile.organisation is None and not profile.networks.exists()
    else:
        member.groups.remove(Group.objects.get(name=PARTNERS_GROUP))

    assert what_they_see(client, tree, feed_path) == {
        "page": False,
        "search": False,
        "feed": False,
    }
