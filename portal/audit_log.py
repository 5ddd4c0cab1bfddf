"""
Privacy changes that Wagtail does not write to its audit log by itself.

Wagtail logs a page's view restrictions being added, changed and removed,
but not a collection's, although collection privacy is what keeps
documents outside any practice private. These handlers log them on the
collection with Wagtail's own view-restriction actions, so that they read
the same in the site history. The user is the one the admin's log context
names, as for Wagtail's own entries.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.encoding import force_str

from wagtail.log_actions import log
from wagtail.models import CollectionViewRestriction
from wagtail.models.view_restrictions import BaseViewRestriction


def restriction_log_data(restriction_type):
    """The data of a view restriction's entry, as Wagtail's messages read it."""
    return {
        "restriction": {
            "type": restriction_type,
            "title": force_str(
                dict(BaseViewRestriction.RESTRICTION_CHOICES).get(restriction_type)
            ),
        }
    }


@receiver(post_save, sender=CollectionViewRestriction)
def log_collection_restriction_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    log(
        instance=instance.collection,
        action="wagtail.view_restriction.create"
        if created
        else "wagtail.view_restriction.edit",
        data=restriction_log_data(instance.restriction_type),
    )


@receiver(post_delete, sender=CollectionViewRestriction)
def log_collection_restriction_deleted(sender, instance, **kwargs):
    log(
        instance=instance.collection,
        action="wagtail.view_restriction.delete",
        data=restriction_log_data(instance.restriction_type),
    )
