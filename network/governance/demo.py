"""Load the demo governance content (demo_content.py); part of `manage.py load_demo`."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

from events.demo import _at
from network.governance import demo_content
from network.governance.factories import (
    FundingPageFactory,
    MeetingMinutesPageFactory,
    MeetingPageFactory,
)
from network.governance.models import (
    ActionPlanAction,
    ActionProgressUpdate,
    Award,
    Fund,
    MeetingAction,
    MeetingAgendaItem,
)
from portal.demo import RESTRICTION_GROUPS


def load_governance(loader, networks, organisations, today=None):
    """
    Create the demo meetings, action plans and funding register once:
    pages are found by parent and slug, actions by network and title, funds
    by name and awards by fund and recipient.
    """
    today = today or timezone.localdate()
    for entry in demo_content.MEETINGS:
        _meeting(loader, networks, organisations, entry, datetime.date(*entry["date"]))
    district = demo_content.DISTRICT_MEETING
    for number, slug in enumerate(demo_content.DISTRICTS):
        forum = networks[slug]
        day = datetime.date(*district["date"]) + datetime.timedelta(weeks=number)
        entry = {
            **district,
            "network": slug,
            "slug": f"forum-meeting-{day:%B-%Y}".lower(),
            "title": district["title"].format(forum=forum.title, day=day),
            "kind": "district_forum",
            "hour": 14,
            "venue": f"{forum.title.split(' ')[0]} town hall",
        }
        _meeting(loader, networks, organisations, entry, day)
    for entry in demo_content.UPCOMING_MEETINGS:
        day = today + datetime.timedelta(days=entry["days"])
        _meeting(loader, networks, organisations, entry, day)
    for slug in demo_content.DISTRICTS:
        _action_plan(loader, networks[slug], slug, organisations, today)
    for entry in demo_content.FUNDS:
        _fund(loader, networks, organisations, entry)
    loader._count(
        FundingPageFactory,
        parent=networks["west-yorkshire"],
        slug="funding",
        title="Funding register",
        summary="Funds the West Yorkshire network administers and the awards made from them.",
        intro=(
            "The Commissioner's office promotes the Safer Communities Fund to "
            "charities and community groups, including those that tackle "
            "trafficking and slavery or support victims."
        ),
    )


def _meeting(loader, networks, organisations, entry, day):
    created_before = loader.created
    meeting = loader._count(
        MeetingPageFactory,
        parent=networks[entry["network"]],
        slug=entry["slug"],
        title=entry["title"],
        summary=entry["summary"],
        kind=entry["kind"],
        start=_at(day, entry["hour"]),
        venue=entry.get("venue", ""),
        online_link=entry.get("online_link", ""),
    )
    if loader.created == created_before:
        return
    for order, (title, presenter) in enumerate(entry.get("agenda", [])):
        MeetingAgendaItem.objects.create(
            meeting=meeting, sort_order=order, title=title, presenter=presenter
        )
    for order, (description, owner, due, status) in enumerate(entry.get("actions", [])):
        MeetingAction.objects.create(
            meeting=meeting,
            sort_order=order,
            description=description,
            owner=organisations.get(owner),
            due_date=datetime.date(*due),
            status=status,
        )
    if entry.get("minutes"):
        approved, restriction, text = entry["minutes"]
        minutes = loader._count(
            MeetingMinutesPageFactory,
            parent=meeting,
            slug="minutes",
            title=f"Minutes: {meeting.title}",
            summary="The approved minutes of the meeting.",
            approved_on=datetime.date(*approved),
            body=f"<p>{text}</p>",
        )
        if restriction:
            created = PageViewRestriction.objects.create(
                page=minutes, restriction_type=PageViewRestriction.GROUPS
            )
            created.groups.set(
                Group.objects.filter(name__in=RESTRICTION_GROUPS[restriction])
            )


def _action_plan(loader, network, slug, organisations, today):
    council = "leeds-city-council" if slug == "leeds" else f"{slug}-council"
    for strand, title, lead, due_in, status, updates in demo_content.DISTRICT_ACTIONS:
        if ActionPlanAction.objects.filter(network=network, title=title).exists():
            continue
        action = ActionPlanAction.objects.create(
            network=network,
            strand=strand,
            title=title,
            lead_organisation=organisations.get(lead.format(council=council)),
            due_date=today + datetime.timedelta(days=due_in),
            status=status,
        )
        for order, (days_ago, note) in enumerate(updates):
            ActionProgressUpdate.objects.create(
                action=action,
                sort_order=order,
                date=today - datetime.timedelta(days=days_ago),
                note=note,
            )
        loader.created += 1


def _fund(loader, networks, organisations, entry):
    network = networks[entry["network"]]
    fund = Fund.objects.filter(name=entry["name"], network=network).first()
    if fund is None:
        fund = Fund.objects.create(
            name=entry["name"],
            funder=entry["funder"],
            network=network,
            total=Decimal(entry["total"]),
            start_date=datetime.date(*entry["start"]),
            end_date=datetime.date(*entry["end"]),
        )
        loader.created += 1
    for recipient, amount, purpose, awarded_on in entry["awards"]:
        organisation = organisations[recipient]
        if fund.awards.filter(recipient=organisation).exists():
            continue
        Award.objects.create(
            fund=fund,
            recipient=organisation,
            amount=Decimal(amount),
            purpose=purpose,
            awarded_on=datetime.date(*awarded_on),
        )
        loader.created += 1
