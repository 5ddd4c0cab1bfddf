"""Keep a practice's view restriction in step with its handling marking."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from best_practice.models import BestPracticePage
from portal.visibility import PARTNERS_GROUP, POLICE_GROUP

MARKING_GROUPS = {
    BestPracticePage.Handling.PARTNERS: PARTNERS_GROUP,
    BestPracticePage.Handling.POLICE: POLICE_GROUP,
}


def apply_handling_marking(page):
    """
    Make the page's own view restriction match its handling marking.

    A marked page gets exactly one group restriction; a public page gets
    none of its own (a restriction further up the tree still applies).
    """
    restrictions = PageViewRestriction.objects.filter(page=page)
    group_name = MARKING_GROUPS.get(page.handling)
    if group_name is None:
        remove_restrictions(restrictions)
        return
    wanted = Group.objects.get(name=group_name)
    current = restrictions.filter(restriction_type=PageViewRestriction.GROUPS).first()
    if current and list(current.groups.all()) == [wanted] and restrictions.count() == 1:
        return
    remove_restrictions(restrictions)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([wanted])


def remove_restrictions(restrictions):
    """
    Delete the restrictions one by one, which writes each removal to the
    audit log (with the user of the admin request, if any); deleting the
    queryset would skip PageViewRestriction.delete() and leave no trace.
    """
    for restriction in restrictions:
        restriction.delete()


STRICTNESS = [
    BestPracticePage.Handling.PUBLIC,
    BestPracticePage.Handling.PARTNERS,
    BestPracticePage.Handling.POLICE,
]


def current_marking(page):
    groups = set(
        Group.objects.filter(pageviewrestriction__page=page).values_list(
            "name", flat=True
        )
    )
    for marking in reversed(STRICTNESS):
        if MARKING_GROUPS.get(marking) in groups:
            return marking
    return BestPracticePage.Handling.PUBLIC


@receiver(post_save, sender=BestPracticePage)
def practice_saved(sender, instance, raw=False, **kwargs):
    """
    Apply the marking of a saved draft where that cannot expose anything.

    Saving a draft of a live page writes the draft's fields to this instance,
    while readers still see the live version. So on a live page a stricter
    marking applies at once and a looser one waits for publishing.
    """
    if raw:
        return
    if not instance.live or STRICTNESS.index(instance.handling) >= STRICTNESS.index(
        current_marking(instance)
    ):
        apply_handling_marking(instance)


@receiver(page_published, sender=BestPracticePage)
def practice_published(sender, instance, **kwargs):
    apply_handling_marking(instance)
