"""Meeting pages under networks, and action plans kept by strand and rolled up."""

import datetime

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from network.governance.factories import ActionPlanActionFactory, MeetingPageFactory
from network.governance.models import (
    ActionPlanAction,
    MeetingMinutesPage,
    MeetingPage,
    RAGStatus,
    Strand,
)
from tests.signing_in import sign_in_with_second_factor

ADD_ACTION = "/admin/snippets/governance/actionplanaction/add/"


def test_meetings_sit_under_networks_and_minutes_under_meetings(tree):
    assert MeetingPage.can_create_at(tree.leeds)
    assert MeetingPage.can_create_at(tree.national)
    assert not MeetingPage.can_create_at(tree.home)
    meeting = MeetingPageFactory(parent=tree.leeds, slug="forum")
    assert MeetingMinutesPage.can_create_at(meeting)
    assert not MeetingMinutesPage.can_create_at(tree.leeds)


def meeting_form(**fields):
    data = {
        "title": "Leeds forum meeting",
        "slug": "leeds-forum-meeting",
        "summary": "",
        "kind": "district_forum",
        "start": "2024-05-14 10:00",
        "venue": "",
        "online_link": "",
        "agenda_items": inline_formset(
            [{"title": "Action plan", "presenter": "Chair"}]
        ),
        "papers": inline_formset([]),
        "actions": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_a_meeting_needs_a_venue_or_a_link_and_is_not_saved_without(
    client, tree, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    url = f"/admin/pages/add/governance/meetingpage/{tree.leeds.pk}/"
    response = client.post(url, meeting_form())
    assert response.status_code == 200
    assert "Give the venue, or an online meeting link, or both." in (
        response.content.decode()
    )
    assert not MeetingPage.objects.exists()
    response = client.post(url, meeting_form(online_link="https://meet.example.org/x"))
    assert response.status_code == 302
    meeting = MeetingPage.objects.get()
    assert [item.title for item in meeting.agenda_items.all()] == ["Action plan"]


def test_the_network_page_lists_its_meetings_upcoming_and_past(client, tree):
    now = timezone.now()
    MeetingPageFactory(
        parent=tree.leeds,
        slug="next",
        title="Next meeting",
        start=now + datetime.timedelta(days=9),
    )
    MeetingPageFactory(
        parent=tree.leeds,
        slug="last",
        title="Last meeting",
        start=now - datetime.timedelta(days=9),
    )
    context = client.get(tree.leeds.url).context
    assert [m.title for m in context["upcoming_meetings"]] == ["Next meeting"]
    assert [m.title for m in context["past_meetings"]] == ["Last meeting"]
    html = client.get(tree.leeds.url).content.decode()
    assert html.index("Next meeting") < html.index("Last meeting")


def test_a_forum_plan_shows_by_strand_and_the_region_rolls_it_up(client, tree):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=30)
    past = today - datetime.timedelta(days=3)
    ActionPlanActionFactory(
        network=tree.leeds, strand=Strand.PURSUE, title="Joint visits", due_date=soon
    )
    ActionPlanActionFactory(
        network=tree.leeds,
        strand=Strand.PREVENT,
        title="Brief taxi drivers",
        due_date=past,
    )
    ActionPlanActionFactory(
        network=tree.bradford,
        strand=Strand.PREPARE,
        title="Train council staff",
        due_date=soon,
        status=RAGStatus.AMBER,
    )
    leeds = client.get(tree.leeds.url)
    assert [
        (strand, [action.title for action in actions])
        for strand, actions in leeds.context["action_plan"]
    ] == [("Pursue", ["Joint visits"]), ("Prevent", ["Brief taxi drivers"])]
    assert "Overdue" in leeds.content.decode()
    region = client.get(tree.west_yorkshire.url).content.decode()
    assert "2 district forums, 3 actions: 1 overdue, 1 on track, 1 at risk." in region


def test_a_coordinator_adds_actions_to_their_networks_only(client, tree, coordinator):
    sign_in_with_second_factor(client, coordinator)

    def post(network, update_date):
        return client.post(
            ADD_ACTION,
            nested_form_data(
                {
                    "network": network.pk,
                    "strand": "protect",
                    "title": "Agree a referral route",
                    "lead_organisation": tree.council.pk,
                    "due_date": "2030-01-31",
                    "status": "green",
                    "updates": inline_formset(
                        [{"date": update_date, "note": "Draft shared."}]
                    ),
                }
            ),
        )

    assert post(tree.north_east, "2024-05-01").status_code == 200
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    refused = post(tree.leeds, tomorrow)
    assert "A progress update cannot be in the future." in refused.content.decode()
    assert not ActionPlanAction.objects.exists()
    assert post(tree.leeds, "2024-05-01").status_code == 302
    action = ActionPlanAction.objects.get()
    assert action.network == tree.leeds
    assert action.updates.get().note == "Draft shared."


@pytest.mark.parametrize("status", [RAGStatus.GREEN, RAGStatus.RED])
def test_overdue_means_past_due_and_not_complete(tree, status):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    action = ActionPlanActionFactory(
        network=tree.leeds, due_date=yesterday, status=status
    )
    assert action.is_overdue()
    action.status = RAGStatus.COMPLETE
    assert not action.is_overdue()
    action.due_date = timezone.localdate()
    action.status = status
    assert not action.is_overdue()


def test_a_meetings_agenda_papers_and_actions_show_on_its_page(client, tree):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    from network.governance.models import MeetingAction, MeetingPaper

    meeting = MeetingPageFactory(parent=tree.west_yorkshire, slug="with-papers")
    paper = Document.objects.create(
        title="Performance update on trafficking",
        file=ContentFile(b"%PDF-1.4 report", name="performance-update.pdf"),
    )
    MeetingPaper.objects.create(meeting=meeting, document=paper)
    MeetingAction.objects.create(
        meeting=meeting,
        description="Report back on training",
        owner=tree.police_force,
        due_date=datetime.date(2018, 7, 9),
    )
    html = client.get(meeting.url).content.decode()
    assert "Performance update on trafficking" in html
    assert paper.url in html
    assert "Report back on training" in html and "Yorkshire Constabulary" in html
