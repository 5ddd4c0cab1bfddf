"""
Action plans: each network's actions under the four strands of the national
modern slavery strategy, with a red/amber/green status and dated progress
updates. "Overdue" is worked out from the due date, never stored.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class Strand(models.TextChoices):
    """The four strands of the national strategy, in its order."""

    PURSUE = "pursue", "Pursue"
    PREVENT = "prevent", "Prevent"
    PROTECT = "protect", "Protect"
    PREPARE = "prepare", "Prepare"


class RAGStatus(models.TextChoices):
    GREEN = "green", "On track"
    AMBER = "amber", "At risk"
    RED = "red", "Off track"
    COMPLETE = "complete", "Complete"


OVERDUE = "overdue"
# Each action counts once, under the first of these that applies to it.
BUCKETS = [
    (OVERDUE, "overdue"),
    (RAGStatus.COMPLETE, "complete"),
    (RAGStatus.GREEN, "on track"),
    (RAGStatus.AMBER, "at risk"),
    (RAGStatus.RED, "off track"),
]


class ActionPlanAction(ClusterableModel):
    """One action in a network's action plan."""

    network = models.ForeignKey(
        "network.NetworkPage",
        on_delete=models.CASCADE,
        related_name="plan_actions",
        help_text="The network whose plan this action belongs to.",
    )
    strand = models.CharField(max_length=20, choices=Strand.choices)
    title = models.CharField(
        "action",
        max_length=300,
        help_text="What will be done, in a sentence, for example 'Train all taxi licensing staff'.",
    )
    lead_organisation = models.ForeignKey(
        "network.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_actions",
        help_text="The member organisation that leads on it.",
    )
    due_date = models.DateField()
    status = models.CharField(
        "status",
        max_length=20,
        choices=RAGStatus.choices,
        default=RAGStatus.GREEN,
        help_text="Green: on track. Amber: at risk. Red: off track. Or complete.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("network"), FieldPanel("strand")]),
        FieldPanel("title"),
        FieldRowPanel(
            [
                FieldPanel("lead_organisation"),
                FieldPanel("due_date"),
                FieldPanel("status"),
            ]
        ),
        InlinePanel(
            "updates",
            heading="Progress updates",
            label="Update",
            help_text="What has happened since the last update, with the date.",
        ),
    ]

    class Meta:
        ordering = ["strand", "due_date", "pk"]
        verbose_name = "action plan action"

    def __str__(self):
        return self.title

    @property
    def latest_update(self):
        """The newest progress update (from prefetched updates, if any)."""
        return max(
            self.updates.all(),
            key=lambda update: (update.date, update.pk),
            default=None,
        )

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status != RAGStatus.COMPLETE and self.due_date < today

    def bucket(self, today=None):
        return OVERDUE if self.is_overdue(today) else self.status


def summarise(actions, today=None):
    """
    Return [(label, count), ...] for `actions` by status, overdue first,
    leaving out statuses with no actions, plus the total.
    """
    counts = dict.fromkeys((key for key, _ in BUCKETS), 0)
    total = 0
    for action in actions:
        counts[action.bucket(today)] += 1
        total += 1
    return total, [(label, counts[key]) for key, label in BUCKETS if counts[key]]


class ActionProgressUpdate(Orderable):
    """A dated note of progress on an action."""

    action = ParentalKey(
        ActionPlanAction, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(default=datetime.date.today)
    note = models.TextField(max_length=1000)

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "progress update"

    def __str__(self):
        return f"{self.date:%-d %B %Y}: {self.note[:60]}"

    def clean(self):
        if self.date and self.date > timezone.localdate():
            raise ValidationError(
                {"date": "A progress update cannot be in the future."}
            )
