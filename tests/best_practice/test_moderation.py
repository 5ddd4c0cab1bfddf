"""Editors submit practice; the coordinators of that network approve it."""

from django.core import mail
from django.urls import reverse

from wagtail.models import Page, TaskState, Workflow

import pytest

from best_practice.factories import BestPracticePageFactory
from network.workflows import WORKFLOW_NAME, NetworkCoordinatorApprovalTask
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


@pytest.fixture
def leeds_draft(tree):
    """A practice a Leeds editor has drafted and submitted for approval."""
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    practice = BestPracticePageFactory(
        parent=tree.leeds, title="Car wash checks with licensing", live=False
    )
    practice.save_revision(user=editor)
    mail.outbox.clear()
    workflow_state = practice.get_workflow().start(practice, editor)
    return practice, editor, workflow_state


def coordinator_of(network, username):
    return UserFactory(username=username, groups=[network.coordinators_group])


def act(client, user, practice, action, comment=""):
    """Approve or reject through the admin's workflow action view."""
    sign_in_with_second_factor(client, user)
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(practice.pk),
        status=TaskState.STATUS_IN_PROGRESS,
    )
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[practice.pk, action, task_state.pk],
        ),
        {"comment": comment},
    )


@pytest.mark.django_db
def test_network_approval_is_the_workflow_of_the_whole_site(tree):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    assert Page.get_first_root_node().get_workflow() == workflow
    assert [task.specific_class for task in workflow.tasks] == [
        NetworkCoordinatorApprovalTask
    ]
    assert not Workflow.objects.filter(name="Moderators approval", active=True)
    practice = BestPracticePageFactory(parent=tree.north_east)
    assert practice.get_workflow() == workflow


@pytest.mark.django_db
def test_editor_sees_submit_to_network_approval(tree, client):
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    practice = BestPracticePageFactory(parent=tree.leeds)
    sign_in_with_second_factor(client, editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    assert response.status_code == 200
    assert f"Submit to {WORKFLOW_NAME}" in response.content.decode()


@pytest.mark.django_db
def test_coordinators_of_the_network_and_above_may_approve(tree, leeds_draft):
    practice, editor, _ = leeds_draft
    task = NetworkCoordinatorApprovalTask.objects.get()
    leeds = coordinator_of(tree.leeds, "leeds-coordinator")
    west_yorkshire = coordinator_of(tree.west_yorkshire, "wy-coordinator")
    north_east = coordinator_of(tree.north_east, "ne-coordinator")
    bradford = coordinator_of(tree.bradford, "bradford-coordinator")

    assert task.get_actions(practice, leeds)
    assert task.get_actions(practice, west_yorkshire)
    assert task.get_actions(practice, north_east) == []
    assert task.get_actions(practice, bradford) == []
    assert task.get_actions(practice, editor) == []
    assert set(task.approvers(practice)) >= {leeds, west_yorkshire}
    assert north_east not in task.approvers(practice)


@pytest.mark.django_db
def test_coordinators_are_emailed_when_something_is_submitted(tree):
    leeds = coordinator_of(tree.leeds, "leeds-coordinator")
    west_yorkshire = coordinator_of(tree.west_yorkshire, "wy-coordinator")
    north_east = coordinator_of(tree.north_east, "ne-coordinator")
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    practice = BestPracticePageFactory(
        parent=tree.leeds, title="Car wash checks with licensing", live=False
    )
    practice.save_revision(user=editor)
    mail.outbox.clear()

    practice.get_workflow().start(practice, editor)

    to_coordinators = [m for m in mail.outbox if "For your approval" in m.subject]
    recipients = {address for m in to_coordinators for address in m.to}
    assert recipients == {leeds.email, west_yorkshire.email}
    assert north_east.email not in recipients
    message = to_coordinators[0]
    assert "Car wash checks with licensing" in message.subject
    assert "Leeds forum" in message.subject
    assert f"/admin/pages/{practice.pk}/edit/" in message.body


@pytest.mark.django_db
def test_west_yorkshire_coordinator_approves_and_the_submitter_is_told(
    tree, client, leeds_draft
):
    practice, editor, _ = leeds_draft
    coordinator = coordinator_of(tree.west_yorkshire, "wy-coordinator")
    mail.outbox.clear()

    response = act(client, coordinator, practice, "approve", "Clear and useful.")

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.live
    to_editor = [m for m in mail.outbox if editor.email in m.to]
    assert len(to_editor) == 1, "one outcome e-mail, not Wagtail's as well"
    assert to_editor[0].subject.startswith("Approved:")
    assert "Car wash checks with licensing" in to_editor[0].subject
    assert "Clear and useful." in to_editor[0].body
    assert to_editor[0].alternatives == []


@pytest.mark.django_db
def test_changes_requested_reach_the_submitter_with_the_comment(
    tree, client, leeds_draft
):
    practice, editor, _ = leeds_draft
    coordinator = coordinator_of(tree.leeds, "leeds-coordinator")
    mail.outbox.clear()

    act(client, coordinator, practice, "reject", "Add the referral numbers, please.")

    practice.refresh_from_db()
    assert not practice.live
    to_editor = [m for m in mail.outbox if editor.email in m.to]
    assert len(to_editor) == 1
    assert to_editor[0].subject.startswith("Changes requested:")
    assert "Add the referral numbers, please." in to_editor[0].body


@pytest.mark.django_db
def test_north_east_coordinator_cannot_approve_a_leeds_practice(
    tree, client, leeds_draft
):
    practice, _, _ = leeds_draft
    outsider = coordinator_of(tree.north_east, "ne-coordinator")

    response = act(client, outsider, practice, "approve")

    assert response.status_code in (302, 403)
    practice.refresh_from_db()
    assert not practice.live
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()


@pytest.mark.django_db
def test_awaiting_review_lists_only_the_coordinators_own_networks(tree, leeds_draft):
    task = NetworkCoordinatorApprovalTask.objects.get()
    west_yorkshire = coordinator_of(tree.west_yorkshire, "wy-coordinator")
    north_east = coordinator_of(tree.north_east, "ne-coordinator")

    assert task.get_task_states_user_can_moderate(west_yorkshire).count() == 1
    assert not task.get_task_states_user_can_moderate(north_east).exists()
    assert TaskState.objects.reviewable_by(west_yorkshire).count() == 1
    assert not TaskState.objects.reviewable_by(north_east).exists()


@pytest.mark.django_db
def test_readers_never_see_a_submitted_draft(tree, client, leeds_draft):
    practice, _, _ = leeds_draft
    assert client.get(practice.url).status_code == 404
