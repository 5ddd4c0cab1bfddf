"""
Moderation by network: editors submit, that network's coordinators approve.

Wagtail's own group approval task names fixed groups, which would need one
workflow per network and a new one each time a network is created. This task
works out who approves from where the page sits instead: the coordinators of
the network the page belongs to and of every network above it, plus
superusers. One workflow, "Network approval", then serves the whole site.

The e-mails go through Wagtail's notifiers (wagtail.admin.mail), so people
can still switch them off in their admin account settings.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse

from wagtail.admin.mail import (
    EmailNotificationMixin,
    Notifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import LockableMixin, Page, Task, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from network.models import NetworkPage

WORKFLOW_NAME = "Network approval"
TASK_NAME = "Network coordinators approve"
NOTIFICATION_TEMPLATES = "network/admin/notifications/"


def coordinator_groups(obj):
    """
    Return the coordinators groups of the networks that `obj` belongs to.

    That is the network the page is or sits under and every network above
    it, so a regional coordinator can approve a district forum's practice.
    Anything that is not a page in the tree belongs to no network.
    """
    if not isinstance(obj, Page) or not obj.path:
        return Group.objects.none()
    networks = NetworkPage.objects.ancestor_of(obj, inclusive=True)
    return Group.objects.filter(pk__in=networks.values("coordinators_group"))


def network_of(obj):
    """Return the nearest network `obj` sits in (or is), or None."""
    if not isinstance(obj, Page) or not obj.path:
        return None
    return (
        NetworkPage.objects.ancestor_of(obj, inclusive=True).order_by("-depth").first()
    )


class NetworkCoordinatorApprovalTask(Task):
    """
    A moderation step approved by the coordinators of the page's network.

    Mirrors Wagtail's AbstractGroupApprovalTask, with the groups taken from
    the page's place in the tree rather than chosen when the task is set up.
    """

    class Meta:
        verbose_name = "network coordinators' approval"
        verbose_name_plural = "network coordinators' approvals"

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        if isinstance(obj, LockableMixin) and obj.locked_by:
            # Someone who cannot approve must not keep the page locked
            # against the coordinators who have to review it.
            if not self.user_is_approver(obj, obj.locked_by):
                obj.locked = False
                obj.locked_by = None
                obj.locked_at = None
                obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_is_approver(self, obj, user):
        """Return whether `user` coordinates a network that `obj` belongs to."""
        if not (user and user.is_active and user.is_authenticated):
            return False
        if user.is_superuser:
            return True
        # The editor asks several times per request; keep the answer on the
        # user, per task and object, as Wagtail's group approval task does.
        checks = user.__dict__.setdefault("_network_approval_checks", {})
        key = (self.pk, type(obj).__name__, obj.pk)
        if key not in checks:
            checks[key] = (
                coordinator_groups(obj).filter(pk__in=user.groups.all()).exists()
            )
        return checks[key]

    def approvers(self, obj):
        """Return the active users who may approve `obj`, superusers included."""
        return (
            get_user_model()
            .objects.filter(
                Q(groups__in=coordinator_groups(obj)) | Q(is_superuser=True),
                is_active=True,
            )
            .distinct()
        )

    def user_can_access_editor(self, obj, user):
        return self.user_is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_is_approver(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_is_approver(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_is_approver(obj, user):
            return [
                ("reject", "Request changes", True),
                ("approve", "Approve", False),
                ("approve", "Approve with comment", True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        paths = NetworkPage.objects.filter(
            coordinators_group__in=user.groups.all()
        ).values_list("path", flat=True)
        if not paths:
            return TaskState.objects.none()
        subtree = Q()
        for path in paths:
            subtree |= Q(path__startswith=path)
        # WorkflowState keeps the page's key as text (a generic relation).
        page_keys = (
            Page.objects.filter(subtree)
            .annotate(key=Cast("pk", output_field=CharField()))
            .values("key")
        )
        return in_progress.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=page_keys,
        )

    @classmethod
    def get_description(cls):
        return (
            "The coordinators of the page's network, or of a network above it, "
            "can approve this task"
        )


def _outcome_context(workflow_state):
    """Return what the submitter needs: the page, who decided, and their comment."""
    task_state = workflow_state.current_task_state
    task_state = task_state.specific if task_state else None
    return {
        "task_state": task_state,
        "decided_by": task_state.finished_by if task_state else None,
        "comment": task_state.get_comment() if task_state else "",
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }


class CoordinatorSubmissionEmailNotifier(EmailNotificationMixin, Notifier):
    """
    Tell a network's coordinators that a page waits for their approval.

    Superusers are left out: Wagtail's workflow notifier already writes to
    them about every submission.
    """

    notification = "submitted"
    template_directory = NOTIFICATION_TEMPLATES

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and isinstance(
            instance.task.specific, NetworkCoordinatorApprovalTask
        )

    def get_template_base_prefix(self, instance, **kwargs):
        return "coordinator_"

    def get_recipient_users(self, task_state, **kwargs):
        obj = task_state.workflow_state.content_object
        recipients = get_user_model().objects.filter(
            groups__in=coordinator_groups(obj), is_superuser=False
        )
        triggering_user = kwargs.get("user")
        if triggering_user:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return set(recipients.distinct())

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        obj = task_state.workflow_state.content_object
        page = obj.specific if isinstance(obj, Page) else obj
        context.update(
            page=page,
            network=network_of(page),
            submitted_by=task_state.workflow_state.requested_by,
            base_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk])
            if isinstance(page, Page)
            else "",
        )
        return context


class SubmitterApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Tell the submitter their page was approved, with any comment."""

    template_directory = NOTIFICATION_TEMPLATES

    def get_template_base_prefix(self, instance, **kwargs):
        return "submitter_"

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context.update(_outcome_context(workflow_state))
        return context


class SubmitterRejectionEmailNotifier(WorkflowStateRejectionEmailNotifier):
    """Tell the submitter that changes were requested, and what they are."""

    template_directory = NOTIFICATION_TEMPLATES

    def get_template_base_prefix(self, instance, **kwargs):
        return "submitter_"

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context.update(_outcome_context(workflow_state))
        return context


coordinator_submission_notifier = CoordinatorSubmissionEmailNotifier()
submitter_approval_notifier = SubmitterApprovalEmailNotifier()
submitter_rejection_notifier = SubmitterRejectionEmailNotifier()

task_submitted.connect(
    coordinator_submission_notifier,
    sender=TaskState,
    dispatch_uid="network_coordinator_task_submitted_email_notification",
)
# These take the dispatch_uid of Wagtail's own approval and rejection
# notifiers. Models load before any app's ready(), so these connect first and
# Django then ignores wagtail.admin's connect() under the same uid: the
# submitter gets one e-mail, with the reviewer's comment, not two.
workflow_approved.connect(
    submitter_approval_notifier,
    sender=WorkflowState,
    dispatch_uid="workflow_state_approved_email_notification",
)
workflow_rejected.connect(
    submitter_rejection_notifier,
    sender=WorkflowState,
    dispatch_uid="workflow_state_rejected_email_notification",
)
