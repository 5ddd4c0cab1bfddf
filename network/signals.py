"""Keep each network's groups in step when its page is created, renamed or moved."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from network.models import NetworkPage
from network.permissions import sync_network_groups


@receiver(post_save, sender=NetworkPage)
def network_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_network_groups(instance)


@receiver(page_published, sender=NetworkPage)
def network_published(sender, instance, **kwargs):
    # A rename reaches the page row only when the new title is published.
    sync_network_groups(instance)
