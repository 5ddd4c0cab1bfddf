"""
Training records: courses, and the sessions delivered with headcounts by
organisation and role.

A session needs no names. Names are kept only for someone who wants a
certificate and has agreed to it, and only until the record's retention
period ends (`erase_training_names`); the counts stay.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from events.models.events import RICH_TEXT_FEATURES
from events.panels import CertificateLinksPanel
from network.models import OrganisationPage
from portal.models import BasePage

# How long names are kept after a session, unless settings say otherwise.
DEFAULT_NAME_RETENTION_MONTHS = 24

Sector = OrganisationPage.Type


def name_retention_months():
    return getattr(
        settings, "TRAINING_NAME_RETENTION_MONTHS", DEFAULT_NAME_RETENTION_MONTHS
    )


def add_months(day, months):
    """Return `day` moved on by `months`, on the month's last day if need be."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


class TrainingPage(RoutablePageMixin, BasePage):
    """
    The /training/ page: training the networks have delivered, as totals
    anyone may read; the courses are at /training/courses/.
    """

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "training page"

    def get_context(self, request, *args, **kwargs):
        from events.training_views import totals_context

        context = super().get_context(request, *args, **kwargs)
        context.update(totals_context(self, request))
        return context

    @path("courses/")
    def courses(self, request):
        from events.training_views import course_list

        return course_list(self, request)

    @path("export/")
    def export(self, request):
        from events.training_views import export_records

        return export_records(self, request)

    @path("import/")
    def import_records(self, request):
        from events.training_views import import_records

        return import_records(self, request)


class Course(index.Indexed, ClusterableModel):
    """A course the networks deliver, listed at /training/courses/."""

    title = models.CharField(max_length=200, unique=True)
    description = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    audience = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who the course is for, for example 'Front-line police officers'.",
    )
    duration = models.CharField(
        max_length=100,
        blank=True,
        help_text="For example 'Half a day' or '90 minutes'.",
    )
    learning_outcomes = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What people can do after the course. A list reads best.",
    )
    provider = models.ForeignKey(
        OrganisationPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        verbose_name="providing organisation",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("duration")]),
        FieldPanel("learning_outcomes"),
        FieldPanel("provider"),
        InlinePanel("materials", heading="Materials", label="Document"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class CourseDocument(Orderable):
    """Slides, handouts or a trainer's guide for a course."""

    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    def __str__(self):
        return str(self.document)


class TrainingRecordQuerySet(models.QuerySet):
    def within(self, network):
        """Keep the records of `network` and of the networks below it."""
        return self.filter(network__path__startswith=network.path)


def organisations_reached(headcounts):
    """Count the organisations in `headcounts`, from the directory or typed."""
    listed = (
        headcounts.exclude(organisation=None).values("organisation").distinct().count()
    )
    typed = {
        name.strip().lower()
        for name in headcounts.filter(organisation=None)
        .exclude(organisation_name="")
        .values_list("organisation_name", flat=True)
    }
    return listed + len(typed)


class TrainingRecordForm(WagtailAdminModelForm):
    """The admin form: a coordinator picks only among their own networks."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "network" in self.fields:
            from events.permissions import managed_networks

            self.fields["network"].queryset = managed_networks(for_user).order_by(
                "path"
            )
        # A PositiveIntegerField's form field allows 0, so -3 was answered
        # "at least 0" although 0 is refused too: state the real rule.
        for form in self.formsets.get("headcounts", ()):
            count = form.fields.get("count")
            if count is not None:
                count.min_value = 1
                count.widget.attrs["min"] = 1
                count.validators = [
                    validator
                    for validator in count.validators
                    if not isinstance(validator, MinValueValidator)
                ] + [MinValueValidator(1)]


class TrainingRecord(ClusterableModel):
    """
    One training session delivered: which course, when, by whom, for which
    network, and how many people came from each organisation and role.
    """

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="records")
    date = models.DateField(help_text="The day the session was delivered.")
    network = models.ForeignKey(
        "network.NetworkPage",
        on_delete=models.PROTECT,
        related_name="training_records",
        help_text="The network the session counts towards.",
    )
    delivered_by = models.ForeignKey(
        OrganisationPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_delivered",
        verbose_name="delivering organisation",
    )
    venue = models.CharField(max_length=200, blank=True)
    online = models.BooleanField(default=False, help_text="Tick if delivered online.")
    event = models.OneToOneField(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_record",
        help_text="The event this record was made from, if any.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = TrainingRecordQuerySet.as_manager()
    base_form_class = TrainingRecordForm

    panels = [
        FieldPanel("course"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("network")]),
        FieldPanel("delivered_by"),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("online")]),
        InlinePanel(
            "headcounts",
            heading="Who came",
            label="Organisation and role",
            min_num=1,
            help_text="Numbers by attending organisation and role. No names needed.",
        ),
        MultiFieldPanel(
            [
                InlinePanel("named_attendees", label="Named attendee"),
                CertificateLinksPanel(heading="Certificates to print"),
            ],
            heading="Certificates (optional)",
            help_text=(
                "Only for people who want a certificate and have agreed to "
                "their name being kept. Names are erased when the retention "
                "period ends; the numbers stay."
            ),
        ),
    ]

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.course} – {self.date:%-d %B %Y}"

    def clean(self):
        super().clean()
        if self.venue.strip() == "" and not self.online:
            raise ValidationError(
                {"venue": "Give the venue, or tick that it was delivered online."}
            )

    @property
    def people(self):
        return sum(headcount.count for headcount in self.headcounts.all())

    @property
    def names_kept_until(self):
        """Return the day after which named attendance is erased."""
        return add_months(self.date, name_retention_months())


class Headcount(Orderable):
    """How many people from one organisation and role attended a session."""

    record = ParentalKey(
        TrainingRecord, on_delete=models.CASCADE, related_name="headcounts"
    )
    organisation = models.ForeignKey(
        OrganisationPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_headcounts",
        help_text="A member organisation from the directory.",
    )
    organisation_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Typed in when the organisation is not in the directory.",
    )
    sector = models.CharField(
        max_length=30,
        choices=Sector.choices,
        blank=True,
        help_text="Taken from the directory when an organisation is chosen.",
    )
    role = models.CharField(
        max_length=150,
        help_text="For example 'Response officers' or 'Housing officers'.",
    )
    count = models.PositiveIntegerField(
        "number of people", validators=[MinValueValidator(1)]
    )

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("role"), FieldPanel("count")]),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gte=1), name="headcount_at_least_one"
            )
        ]

    def __str__(self):
        return f"{self.organisation_label}, {self.role}: {self.count}"

    @property
    def organisation_label(self):
        if self.organisation_id:
            return self.organisation.title
        return self.organisation_name

    def clean(self):
        super().clean()
        if not (self.organisation_id or self.organisation_name.strip()):
            raise ValidationError(
                {"organisation_name": "Choose an organisation or type its name."}
            )
        if self.organisation_id:
            self.organisation_name = ""
            self.sector = self.organisation.organisation_type
        elif not self.sector:
            raise ValidationError(
                {"sector": "Choose the sector of an organisation not in the directory."}
            )

    def save(self, *args, **kwargs):
        # Imports and event hand-offs save without clean(): keep the sector
        # in step with the directory all the same.
        if self.organisation_id and not self.sector:
            self.sector = self.organisation.organisation_type
        super().save(*args, **kwargs)


class NamedAttendee(Orderable):
    """
    Someone who wants a certificate of attendance and agreed that their name
    is kept for it. Never shown publicly; erased after the retention period.
    """

    record = ParentalKey(
        TrainingRecord, on_delete=models.CASCADE, related_name="named_attendees"
    )
    name = models.CharField("full name", max_length=150)
    email = models.EmailField("email address", blank=True)
    organisation_name = models.CharField("organisation", max_length=200, blank=True)
    consent = models.BooleanField(
        "consent recorded",
        default=False,
        help_text="The person agreed that their name is kept for a certificate.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("organisation_name"), FieldPanel("consent")]),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(consent=True), name="named_attendee_has_consented"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.consent:
            raise ValidationError(
                {
                    "consent": "Record the person's consent, or leave their name out: "
                    "the counts need no names."
                }
            )
