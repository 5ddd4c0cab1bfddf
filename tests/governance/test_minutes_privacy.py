"""
Restricted minutes (and a restricted meeting) stay out of every channel for
each persona who may not open them: the page itself, the meeting and
network pages' listings, search, the sitemap, the API, the feeds and the
period report's counts. The meeting and its papers stay public.
"""

import datetime
import io
import re

from django.core.management import call_command

import pytest

from network.governance.factories import MeetingMinutesPageFactory, MeetingPageFactory
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP
from tests.conftest import restrict
from tests.governance.conftest import at, report_url

PERSONAS = ["anonymous", "signed_in", "partner", "police", "superuser"]
MAY_OPEN_MINUTES = {"partner", "police", "superuser"}
MAY_OPEN_MEETING = {"police", "superuser"}
MARKER = "Zanzibarquay"
MEETING_MARKER = "Quorvenlatch"
MEETING_DAY = datetime.date(2024, 5, 14)


@pytest.fixture
def meetings(tree, settings, tmp_path):
    """
    A public West Yorkshire meeting with approved, partners-only minutes, and
    a police-only meeting; then a search index of everything.
    """
    meeting = MeetingPageFactory(
        parent=tree.west_yorkshire,
        slug="network-meeting",
        title="West Yorkshire network meeting",
        start=at(MEETING_DAY),
    )
    minutes = MeetingMinutesPageFactory(
        parent=meeting,
        title=f"Minutes {MARKER}",
        summary=f"What was agreed {MARKER}",
        body=f"<p>The forum discussed {MARKER} in detail.</p>",
        approved_on=datetime.date(2024, 6, 1),
    )
    restrict(minutes, PARTNERS_GROUP)
    secret = MeetingPageFactory(
        parent=tree.west_yorkshire,
        slug="operational-meeting",
        title=f"Operational meeting {MEETING_MARKER}",
        start=at(MEETING_DAY),
    )
    restrict(secret, POLICE_GROUP)
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(tmp_path / "index"),
            "LANGUAGE": "en",
        }
    }
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    return meeting, minutes, secret


def text(response):
    return re.sub(r"</?mark>", "", response.content.decode())


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_minutes_page_opens_only_for_those_allowed(as_persona, meetings, persona):
    client = as_persona(persona)
    _, minutes, secret = meetings
    response = client.get(minutes.url)
    may_open = persona in MAY_OPEN_MINUTES
    assert (response.status_code == 200) is may_open
    assert (MARKER in text(response)) is may_open
    assert (client.get(secret.url).status_code == 200) is (persona in MAY_OPEN_MEETING)


@pytest.mark.parametrize("persona", PERSONAS)
def test_listings_link_only_what_the_visitor_may_open(as_persona, meetings, persona):
    client = as_persona(persona)
    meeting, minutes, secret = meetings
    meeting_page = client.get(meeting.url)
    assert meeting_page.status_code == 200
    assert (minutes.url in text(meeting_page)) is (persona in MAY_OPEN_MINUTES)
    network_page = text(client.get(meeting.get_parent().url))
    assert meeting.title in network_page
    assert (MEETING_MARKER in network_page) is (persona in MAY_OPEN_MEETING)
    assert MARKER not in network_page


@pytest.mark.parametrize("persona", PERSONAS)
def test_search_finds_them_only_for_those_allowed(as_persona, meetings, persona):
    client = as_persona(persona)
    for marker, allowed in [
        (MARKER, MAY_OPEN_MINUTES),
        (MEETING_MARKER, MAY_OPEN_MEETING),
    ]:
        response = client.get("/search/", {"q": marker})
        html = (
            text(response).replace(f"“{marker}”", "").replace(f'value="{marker}"', "")
        )
        assert (marker in html) is (persona in allowed), marker
        suggest = client.get("/search/suggest/", {"q": marker[:6]})
        assert (marker in text(suggest)) is (persona in allowed), marker


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_sitemap_lists_them_only_for_those_allowed(as_persona, meetings, persona):
    client = as_persona(persona)
    meeting, minutes, secret = meetings
    sitemap = text(client.get("/sitemap.xml"))
    assert meeting.url in sitemap
    assert (minutes.url in sitemap) is (persona in MAY_OPEN_MINUTES)
    assert (secret.url in sitemap) is (persona in MAY_OPEN_MEETING)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_api_and_feeds_never_carry_them(as_persona, meetings, persona):
    client = as_persona(persona)
    meeting, minutes, secret = meetings
    for page_type, hidden in [
        ("governance.MeetingMinutesPage", minutes),
        ("governance.MeetingPage", secret),
    ]:
        listing = client.get("/api/v2/pages/", {"type": page_type})
        assert listing.status_code == 200
        ids = {item["id"] for item in listing.json()["items"]}
        assert hidden.pk not in ids
    public = client.get("/api/v2/pages/", {"type": "governance.MeetingPage"})
    assert meeting.pk in {item["id"] for item in public.json()["items"]}
    for marker in (MARKER, MEETING_MARKER):
        search = client.get("/api/v2/pages/", {"search": marker})
        assert search.json()["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{minutes.pk}/").status_code == 404
    for feed in ("/best-practice/feed/", f"/networks/feed/{meeting.get_parent().pk}/"):
        body = text(client.get(feed))
        assert MARKER not in body and MEETING_MARKER not in body


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_report_counts_the_restricted_meeting_only_for_those_allowed(
    as_persona, tree, meetings, persona
):
    client = as_persona(persona)
    response = client.get(report_url(tree.west_yorkshire, period="q-2024-1"))
    meetings_held = response.context["report"].totals.figures["meetings"]
    assert meetings_held == (2 if persona in MAY_OPEN_MEETING else 1)


def test_unapproved_minutes_show_nothing_and_are_not_linked(client, tree):
    meeting = MeetingPageFactory(parent=tree.west_yorkshire, slug="draft-minutes")
    minutes = MeetingMinutesPageFactory(
        parent=meeting, body=f"<p>{MARKER}</p>", approved_on=None
    )
    page = text(client.get(minutes.url))
    assert MARKER not in page
    assert "awaiting approval" in page
    assert minutes.url not in text(client.get(meeting.url))
    minutes.approved_on = datetime.date(2024, 6, 1)
    minutes.save_revision().publish()
    assert minutes.url in text(client.get(meeting.url))
