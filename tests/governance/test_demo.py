"""The governance demo content: from the seeds, complete, and loaded once."""

import datetime
import io
from decimal import Decimal

from django.core.management import call_command

import pytest

from network.governance.models import (
    ActionPlanAction,
    Award,
    Fund,
    MeetingMinutesPage,
    MeetingPage,
)
from network.models import NetworkPage
from portal import demo_content


def governance_counts():
    return [
        model.objects.count()
        for model in (MeetingPage, MeetingMinutesPage, ActionPlanAction, Fund, Award)
    ]


@pytest.fixture
def loaded(db):
    call_command("load_demo", skip_index=True, stdout=io.StringIO())


def test_the_community_outcomes_meeting_of_8_january_2018(loaded):
    meeting = MeetingPage.objects.get(start__date=datetime.date(2018, 1, 8))
    assert meeting.kind == "community_outcomes"
    assert "trafficking" in " ".join(
        item.title.lower() for item in meeting.agenda_items.all()
    )
    minutes = MeetingMinutesPage.objects.child_of(meeting).get()
    assert minutes.approved_on is not None
    # Twice a year: a second one in 2018.
    assert (
        MeetingPage.objects.filter(kind="community_outcomes", start__year=2018).count()
        == 2
    )


def test_network_meetings_hear_from_the_five_districts(loaded):
    meeting = MeetingPage.objects.get(slug="network-meeting-february-2018")
    presenters = {item.presenter for item in meeting.agenda_items.all()}
    assert {
        f"{name} forum"
        for name in ("Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield")
    } <= presenters


def test_each_district_keeps_an_action_plan(loaded):
    west_yorkshire = NetworkPage.objects.get(slug="west-yorkshire")
    for forum in NetworkPage.objects.child_of(west_yorkshire):
        strands = set(
            ActionPlanAction.objects.filter(network=forum).values_list(
                "strand", flat=True
            )
        )
        assert strands == {"pursue", "prevent", "protect", "prepare"}


def test_the_safer_communities_fund_and_the_awareness_money(loaded):
    fund = Fund.objects.get(name="Safer Communities Fund")
    awards = fund.awards.select_related("recipient")
    assert awards.count() == 8
    assert fund.awarded() == Decimal("36343")
    fictional = {
        entry["name"] for entry in demo_content.ORGANISATIONS if entry["fictional"]
    }
    assert {award.recipient.title for award in awards} <= fictional
    awareness = Award.objects.get(amount=Decimal("1000"))
    assert "homelessness" in awareness.purpose


def test_loading_twice_adds_nothing(loaded):
    before = governance_counts()
    output = io.StringIO()
    call_command("load_demo", skip_index=True, stdout=output)
    assert governance_counts() == before
    assert "(0 items added this time)" in output.getvalue()
