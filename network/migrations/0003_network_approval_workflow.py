"""
Make "Network approval" the workflow of the whole site.

Wagtail's first migrations give the root page a "Moderators approval"
workflow approved by one site-wide Moderators group. Here every page goes to
the coordinators of its own network instead (see network/workflows.py). The
old workflow is kept, switched off, so its history stays readable.
"""

from django.db import migrations

WORKFLOW_NAME = "Network approval"
TASK_NAME = "Network coordinators approve"
OLD_WORKFLOW_NAME = "Moderators approval"


def use_network_approval(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    NetworkCoordinatorApprovalTask = apps.get_model(
        "network", "NetworkCoordinatorApprovalTask"
    )

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    # Historical models do not set a task's content type by themselves, and
    # Wagtail needs it to find the specific task.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="network", model="networkcoordinatorapprovaltask"
    )
    task, _ = NetworkCoordinatorApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": content_type, "active": True}
    )
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Workflows set on pages below the root would override the network rule.
    WorkflowPage.objects.exclude(page=root).filter(
        workflow__name=OLD_WORKFLOW_NAME
    ).delete()
    Workflow.objects.filter(name=OLD_WORKFLOW_NAME).update(active=False)


def use_moderators_approval(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    old = Workflow.objects.filter(name=OLD_WORKFLOW_NAME).first()
    root = Page.objects.filter(depth=1).order_by("path").first()
    WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    if old is not None and root is not None:
        old.active = True
        old.save(update_fields=["active"])
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": old})


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_approval_task_and_signposts"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(use_network_approval, use_moderators_approval),
    ]
