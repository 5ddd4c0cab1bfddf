"""
Meetings of a network: network meetings, district forum meetings and the
community outcomes meetings where the commissioner holds the force to
account. A meeting page carries its agenda, papers and actions arising;
its minutes are a child page, so that they can be restricted (Wagtail's
page privacy) while the meeting and its papers stay public.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.models import BasePage
from portal.visibility import visible_pages

MINUTES_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"]


class MeetingKind(models.TextChoices):
    NETWORK = "network", "Network meeting"
    DISTRICT_FORUM = "district_forum", "District forum meeting"
    COMMUNITY_OUTCOMES = "community_outcomes", "Community outcomes meeting"


class MeetingPage(BasePage):
    """One meeting of the network it sits under, with agenda, papers and actions."""

    kind = models.CharField(
        "type of meeting",
        max_length=30,
        choices=MeetingKind.choices,
        default=MeetingKind.NETWORK,
    )
    start = models.DateTimeField(help_text="Date and start time, UK time.")
    venue = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where people meet, for example 'Carr Gate'. Leave empty if online only.",
    )
    online_link = models.URLField(
        "online meeting link",
        blank=True,
        help_text="The link to join online, starting https://. Leave empty if in person only.",
    )

    search_fields = [
        *BasePage.search_fields,
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("start")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("online_link")]),
            ],
            heading="When and where",
        ),
        InlinePanel("agenda_items", heading="Agenda", label="Agenda item"),
        InlinePanel(
            "papers",
            heading="Papers",
            label="Paper",
            help_text=(
                "Reports and papers for the meeting. Anyone who can see this "
                "page can open them: put confidential papers in the minutes page."
            ),
        ),
        InlinePanel("actions", heading="Actions arising", label="Action"),
    ]
    parent_page_types = ["network.NetworkPage"]
    subpage_types = ["governance.MeetingMinutesPage"]

    class Meta:
        verbose_name = "meeting"

    def clean(self):
        super().clean()
        if not (self.venue.strip() or self.online_link):
            raise ValidationError(
                {"venue": "Give the venue, or an online meeting link, or both."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["minutes"] = approved_minutes(request, self)
        context["agenda_items"] = self.agenda_items.all()
        context["papers"] = self.papers.select_related("document")
        context["actions"] = self.actions.select_related("owner")
        return context

    @property
    def is_past(self):
        return self.start < timezone.now()


def approved_minutes(request, meeting):
    """Return the meeting's approved minutes if the request may see them, or None."""
    return (
        visible_pages(request, MeetingMinutesPage.objects.child_of(meeting))
        .exclude(approved_on=None)
        .first()
    )


class MeetingAgendaItem(Orderable):
    """One item on a meeting's agenda."""

    meeting = ParentalKey(
        MeetingPage, on_delete=models.CASCADE, related_name="agenda_items"
    )
    title = models.CharField(max_length=200)
    presenter = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who presents it, by role or organisation, for example 'Kirklees forum'.",
    )

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("presenter")])]

    def __str__(self):
        return self.title


class MeetingPaper(Orderable):
    """A paper (a Wagtail document) for the meeting: a report, a briefing."""

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="papers")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    def __str__(self):
        return str(self.document)


class MeetingAction(Orderable):
    """An action agreed at the meeting, its owner, due date and status."""

    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField("action", max_length=300)
    owner = models.ForeignKey(
        "network.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_actions",
        verbose_name="owner organisation",
        help_text="The member organisation that will do it.",
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.OPEN
    )

    panels = [
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("owner"), FieldPanel("due_date"), FieldPanel("status")]
        ),
    ]

    def __str__(self):
        return self.description


class MeetingMinutesPage(BasePage):
    """
    The minutes of the meeting above. They show only once approved (usually
    at the next meeting); restrict this page to keep them to partners.
    """

    approved_on = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "The day the minutes were agreed. Until then the page says they "
            "are awaiting approval and shows nothing of them."
        ),
    )
    body = RichTextField(features=MINUTES_FEATURES, blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("approved_body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("approved_on"),
        FieldPanel("body"),
    ]
    parent_page_types = ["governance.MeetingPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "meeting minutes"
        verbose_name_plural = "meeting minutes"

    @property
    def approved_body(self):
        """The minutes' text for search: nothing until they are approved."""
        return self.body if self.approved_on else ""
