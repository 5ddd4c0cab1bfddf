"""
Each network's editors and coordinators groups, kept in step with its page.

Editors may draft and edit pages anywhere under their network and submit
them for approval; coordinators may also publish, lock and delete there.
Permissions are Wagtail's own, granted on the network page, so they cover
the network's whole subtree, child forums included, and nothing else.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
COORDINATOR_PAGE_PERMISSIONS = [
    *EDITOR_PAGE_PERMISSIONS,
    "publish_page",
    "delete_page",
    "lock_page",
    "unlock_page",
]
# Both roles attach evidence (documents) and pictures to their pages.
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]


def group_name(network, role):
    return f"{network.title} {role}"[:150]


@transaction.atomic
def sync_network_groups(network):
    """
    Create or rename the network's two groups and grant their permissions.

    Safe to call any number of times: it only adds what is missing.
    """
    editors = _ensure_group(network.editors_group, group_name(network, "editors"))
    coordinators = _ensure_group(
        network.coordinators_group, group_name(network, "coordinators")
    )
    _grant(editors, network, EDITOR_PAGE_PERMISSIONS)
    _grant(coordinators, network, COORDINATOR_PAGE_PERMISSIONS)
    if (network.editors_group_id, network.coordinators_group_id) != (
        editors.pk,
        coordinators.pk,
    ):
        # update() rather than save(): a save would start a new revision
        # cycle and fire this signal handler again.
        type(network).objects.filter(pk=network.pk).update(
            editors_group=editors, coordinators_group=coordinators
        )
        network.editors_group, network.coordinators_group = editors, coordinators
    return editors, coordinators


def _ensure_group(group, name):
    if group is None:
        group, _ = Group.objects.get_or_create(name=_free_name(name))
    elif group.name != name:
        group.name = _free_name(name, exclude_pk=group.pk)
        group.save(update_fields=["name"])
    return group


def _free_name(name, exclude_pk=None):
    """Return `name`, numbered if another group already has it."""
    taken = Group.objects.exclude(pk=exclude_pk)
    candidate, number = name, 2
    while taken.filter(name=candidate).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _grant(group, network, codenames):
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=network, permission=permission
        )
    root = Collection.get_first_root_node()
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )
