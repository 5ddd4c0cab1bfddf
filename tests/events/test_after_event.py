"""After the event: attendance, lessons, documents, and the hand-off to the library."""

import datetime

from django.utils import timezone

import pytest

from best_practice.models import BestPracticePage
from events.factories import EventPageFactory
from events.models import EventPage
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


@pytest.fixture
def past_event(tree, events_index):
    start = timezone.now() - datetime.timedelta(days=7)
    event = EventPageFactory(
        parent=tree.leeds,
        title="Homelessness awareness day",
        start=start,
        end=start + datetime.timedelta(hours=3),
        attended_count=42,
        lessons_learned="<p>Book interpreters earlier.</p>",
        co_hosts=[tree.council],
    )
    return event


def test_the_page_shows_what_happened(client, past_event):
    html = client.get(past_event.url).content.decode()
    assert "42 people attended." in html
    assert "Book interpreters earlier." in html
    assert "This event has already taken place." in html


def test_a_coordinator_starts_a_linked_draft_practice_page(client, tree, past_event):
    coordinator = UserFactory(
        username="coord", groups=[tree.leeds.coordinators_group], is_staff=True
    )
    sign_in_with_second_factor(client, coordinator)
    assert (
        "Write this event up as best practice"
        in client.get(past_event.url).content.decode()
    )
    response = client.post(past_event.url + "write-up/")
    practice = BestPracticePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{practice.pk}/edit/"
    assert not practice.live
    assert practice.get_parent().pk == tree.leeds.pk
    assert practice.title == "What we learned from Homelessness awareness day"
    assert "Book interpreters earlier." in practice.evaluation
    assert "42 people attended." in practice.what_was_done
    assert list(practice.contributing_organisations.all()) == [tree.council]
    assert EventPage.objects.get(pk=past_event.pk).practice_page_id == practice.pk
    # A second press opens the same draft instead of making another.
    client.post(past_event.url + "write-up/")
    assert BestPracticePage.objects.count() == 1


def test_others_cannot_start_a_write_up(client, personas, past_event):
    client.force_login(personas["partner"])
    assert client.post(past_event.url + "write-up/").status_code == 403
    assert not BestPracticePage.objects.exists()
