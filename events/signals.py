"""Keep each event's iCal SEQUENCE growing with every publish."""

from django.db.models import F
from django.dispatch import receiver

from wagtail.signals import page_published

from events.models import EventPage


@receiver(page_published, sender=EventPage)
def bump_sequence(sender, instance, **kwargs):
    """
    Add one to SEQUENCE, so calendar programs that already hold the event
    replace it with the new times, venue or status.
    """
    EventPage.objects.filter(pk=instance.pk).update(sequence=F("sequence") + 1)
    instance.refresh_from_db(fields=["sequence"])
