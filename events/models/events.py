"""
Events the networks run (roadshows, engagement days, awareness events) and
their registrations.

Times are stored as aware datetimes (UTC in the database) and shown in
Europe/London, the project's TIME_ZONE, so a 10:00 start stays 10:00 on
either side of the clock changes.
"""

import uuid

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.models import BasePage
from portal.visibility import restriction_label

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]
CANCEL_SALT = "events.registration.cancel"


class EventIndexPage(RoutablePageMixin, BasePage):
    """
    The /events/ page: every event the visitor may see, as a list or a month
    calendar. The calendar feeds are plain URLs (events/urls.py), since
    Wagtail's page addresses cannot end in ".ics".
    """

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "events page"

    def get_context(self, request, *args, **kwargs):
        from events.views import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    @path("registrations/")
    def registrations(self, request):
        from events.views import registrations_overview

        return registrations_overview(self, request)

    @path("my-calendar/")
    def my_calendar(self, request):
        from events.views import my_calendar

        return my_calendar(self, request)


class EventType(models.TextChoices):
    ROADSHOW_STOP = "roadshow_stop", "Roadshow stop"
    ENGAGEMENT_DAY = "engagement_day", "Engagement day"
    AWARENESS_EVENT = "awareness_event", "Awareness event"
    TRAINING_SESSION = "training_session", "Training session"
    CONFERENCE = "conference", "Conference"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    PRACTITIONERS = "practitioners", "Frontline practitioners"
    CHIEF_OFFICERS = "chief_officers", "Chief officers and commissioners"
    HOMELESSNESS = "homelessness", "Homelessness services"
    HEALTH = "health", "Health and social care"
    BUSINESS = "business", "Businesses and supply chains"
    PARTNERS = "partners", "Network partners"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


class EventPage(RoutablePageMixin, BasePage):
    """
    One event, published under the network that organises it (or under a
    roadshow series of that network). Registration and the cancel link are
    routes of the page, so Wagtail's privacy check on the page and its
    network covers them too.
    """

    event_type = models.CharField(
        "type",
        max_length=30,
        choices=EventType.choices,
        default=EventType.AWARENESS_EVENT,
    )
    audience = models.CharField(
        max_length=30,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text="Who the event is for. Restrict the page to limit who can see it.",
    )
    start = models.DateTimeField(
        help_text="UK time. For an all-day event, the time is ignored."
    )
    end = models.DateTimeField(
        help_text="UK time. For an all-day event, give the last day."
    )
    all_day = models.BooleanField(
        "all day",
        default=False,
        help_text="Tick for events shown by date only, such as a two-day conference.",
    )
    venue_name = models.CharField(
        "venue", max_length=200, blank=True, help_text="For example 'Carr Gate'."
    )
    venue_address = models.TextField(
        "address",
        blank=True,
        max_length=500,
        help_text="Street, town, without the postcode.",
    )
    venue_postcode = models.CharField("postcode", max_length=10, blank=True)
    accessibility = models.TextField(
        "accessibility information",
        blank=True,
        help_text=(
            "Step-free access, hearing loop, quiet room, parking, nearest station."
        ),
    )
    online_link = models.URLField(
        "online joining link",
        blank=True,
        help_text=(
            "Shown only to people with a confirmed place, on the page and in "
            "their confirmation e-mail."
        ),
    )
    co_hosts = ParentalManyToManyField(
        "network.OrganisationPage",
        blank=True,
        related_name="co_hosted_events",
        verbose_name="co-hosting organisations",
        help_text="Member organisations running the event with the network.",
    )
    description = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What happens at the event and what people will take away.",
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Places available. Leave empty for no limit.",
    )
    registration_opens = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to open registration now."
    )
    registration_closes = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Leave empty to close it when the event starts.",
    )
    status = models.CharField(
        max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    postponed_to = models.DateTimeField(
        "new date",
        null=True,
        blank=True,
        help_text="When a postponed event will now take place, if known (UK time).",
    )
    cancellation_reason = models.TextField(
        blank=True,
        max_length=500,
        help_text="Why the event is cancelled, shown on the page and in calendars.",
    )
    # After the event: what coordinators record once it has happened.
    attended_count = models.PositiveIntegerField(
        "number who attended",
        null=True,
        blank=True,
        help_text="Everyone who came, whether they registered or not.",
    )
    lessons_learned = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What worked, what did not, and what to do differently next time.",
    )
    practice_page = models.ForeignKey(
        "best_practice.BestPracticePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="best-practice write-up",
        help_text="The best-practice page written up from this event.",
    )
    # iCal's SEQUENCE: calendar programs replace their copy of the event only
    # when this grows, so it is bumped on every publish (events/signals.py).
    sequence = models.PositiveIntegerField(default=0, editable=False)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("event_type"),
        index.FilterField("audience"),
        index.FilterField("start"),
        index.FilterField("status"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("audience")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_postcode"),
                FieldPanel("accessibility"),
                FieldPanel("online_link"),
            ],
            heading="Where",
            help_text="Give a venue, an online link, or both.",
        ),
        FieldPanel("description"),
        InlinePanel("speakers", heading="Speakers", label="Speaker"),
        FieldPanel("co_hosts"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens"),
                        FieldPanel("registration_closes"),
                    ]
                ),
            ],
            heading="Registration",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("postponed_to"),
                FieldPanel("cancellation_reason"),
            ],
            heading="Status",
        ),
    ]
    after_event_panels = [
        FieldPanel("attended_count"),
        FieldPanel("lessons_learned"),
        InlinePanel("documents", heading="Slides and documents", label="Document"),
        FieldPanel("practice_page"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(after_event_panels, heading="After the event"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )
    parent_page_types = ["network.NetworkPage", "events.RoadshowSeriesPage"]
    subpage_types = []
    exclude_fields_in_copy = ["sequence", "practice_page", "attended_count"]

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.all_day and self.end.date() < self.start.date():
                errors["end"] = "The last day must be on or after the first day."
            elif not self.all_day and self.end <= self.start:
                errors["end"] = "The end must be after the start."
        if (
            self.status == EventStatus.CANCELLED
            and not self.cancellation_reason.strip()
        ):
            errors["cancellation_reason"] = (
                "Say why the event is cancelled, so that people know."
            )
        if self.status != EventStatus.POSTPONED and self.postponed_to:
            errors["postponed_to"] = (
                "Give a new date only when the status is postponed."
            )
        if self.postponed_to and self.start and self.postponed_to <= self.start:
            errors["postponed_to"] = "The new date must be after the original start."
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = "Registration must close after it opens."
        if (
            self.registration_closes
            and self.end
            and self.registration_closes > self.end
        ):
            errors["registration_closes"] = (
                "Registration must close before the event ends."
            )
        if not (self.venue_name or self.online_link):
            errors["venue_name"] = "Give a venue, an online joining link, or both."
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # A revision remembers the SEQUENCE of its day; keep the live value so
        # that publishing an older draft never makes calendars go backwards.
        obj = super().with_content_json(content)
        obj.sequence = self.sequence
        return obj

    # Routes: the views live in events/views.py to keep this module to data.

    @path("register/")
    def register(self, request):
        from events.views import register

        return register(self, request)

    @path("write-up/")
    def write_up(self, request):
        from events.views import write_up

        return write_up(self, request)

    @path("attendance/")
    def attendance(self, request):
        from events.views import attendance

        return attendance(self, request)

    @path("cancel/<str:token>/")
    def cancel_registration(self, request, token):
        from events.views import cancel_registration

        return cancel_registration(self, request, token)

    @property
    def ics_url(self):
        return reverse("events:event-ics", args=[self.pk])

    def get_context(self, request, *args, **kwargs):
        from events.views import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    @cached_property
    def network(self):
        """Return the network that organises the event (the nearest one above)."""
        from network.models import NetworkPage

        return NetworkPage.objects.ancestor_of(self).order_by("-depth").first()

    @cached_property
    def restriction(self):
        """Return who may see the event ("Partners only"), or "" if public."""
        return restriction_label(self)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def has_begun(self):
        return self.start <= timezone.now()

    @property
    def is_online(self):
        return bool(self.online_link)

    @property
    def is_in_person(self):
        return bool(self.venue_name)

    @property
    def format_label(self):
        if self.is_in_person and self.is_online:
            return "In person and online"
        return "Online" if self.is_online else "In person"

    def confirmed_count(self):
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    def places_left(self):
        """Return the number of free places, or None when there is no limit."""
        if self.capacity is None:
            return None
        # Listings annotate `confirmed` (events.views.events_for): no query each.
        confirmed = getattr(self, "confirmed", None)
        if confirmed is None:
            confirmed = self.confirmed_count()
        return max(self.capacity - confirmed, 0)

    def registration_closed_reason(self, now=None):
        """
        Return why nobody can register now, in words for the page, or "".

        A full event is not closed: people join the waiting list.
        """
        now = now or timezone.now()
        if self.is_cancelled:
            return "This event has been cancelled."
        if self.is_postponed:
            return "This event has been postponed. Registration will reopen with the new date."
        if self.end < now:
            return "This event has already taken place."
        if self.registration_opens and now < self.registration_opens:
            opens = timezone.localtime(self.registration_opens)
            return f"Registration opens on {opens:%-d %B %Y at %H:%M}."
        closes = self.registration_closes or self.start
        if now >= closes:
            return "Registration has closed."
        return ""


class EventDocument(Orderable):
    """Slides, handouts or notes from an event, shown on its page afterwards."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    def __str__(self):
        return str(self.document)


class EventSpeaker(Orderable):
    """A speaker at an event, as the programme names them."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=120)
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text="Job title and organisation, for example 'Detective Inspector, Yorkshire Constabulary'.",
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]

    def __str__(self):
        return self.name


class RoadshowSeriesPage(BasePage):
    """
    A roadshow: several stops in different places, each an event page below
    this one with its own date, venue and capacity.
    """

    description = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What the roadshow is about and who should come.",
    )

    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    content_panels = [*BasePage.content_panels, FieldPanel("description")]
    parent_page_types = ["network.NetworkPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = "roadshow series"

    def get_context(self, request, *args, **kwargs):
        from events.views import series_context

        context = super().get_context(request, *args, **kwargs)
        context.update(series_context(self, request))
        return context


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def held_by(self, user):
        """Keep the registrations `user` made signed in, or under their address."""
        return self.filter(Q(user=user) | Q(email__iexact=user.email or "-"))

    def rollup(self):
        """Return the numbers confirmed, waiting and attended, for coordinators."""
        return self.aggregate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
            attended=Count("pk", filter=Q(attended=True)),
        )


class Registration(models.Model):
    """
    A place at an event, or on its waiting list. Held by a signed-in user or
    by a visitor known only by name and e-mail.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField("full name", max_length=150)
    email = models.EmailField("email address")
    organisation = models.ForeignKey(
        "network.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        help_text="A member organisation from the directory.",
    )
    organisation_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Typed in when the organisation is not in the directory.",
    )
    role = models.CharField("job title or role", max_length=150, blank=True)
    access_needs = models.TextField(blank=True, max_length=1000)
    consent = models.BooleanField(default=False)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    # The key of the cancel link, signed in the link so it cannot be guessed.
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    attended = models.BooleanField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email",
                violation_error_message="This email address is already registered for this event.",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.event} ({self.get_status_display()})"

    @property
    def organisation_label(self):
        if self.organisation_id:
            return self.organisation.title
        return self.organisation_name

    @property
    def cancel_token(self):
        # "<uuid hex>-<signature>": only letters, digits, "-" and "_", the
        # characters Wagtail's page URLs accept.
        reference = self.reference.hex
        return f"{reference}-{signing.Signer(salt=CANCEL_SALT).signature(reference)}"

    @classmethod
    def from_cancel_token(cls, token):
        """Return the registration a cancel link names, or None if it is forged."""
        reference, _, signature = token.partition("-")
        expected = signing.Signer(salt=CANCEL_SALT).signature(reference)
        if not (reference and constant_time_compare(signature, expected)):
            return None
        try:
            return cls.objects.select_related("event").get(reference=reference)
        except (cls.DoesNotExist, ValidationError, ValueError):
            return None

    def cancel_url(self):
        """Return the path of the signed cancel link."""
        return self.event.url + self.event.reverse_subpage(
            "cancel_registration", args=[self.cancel_token]
        )


class CalendarFeedToken(models.Model):
    """
    The secret in a user's personal calendar address. The feed shows what
    that user may see; revoking deletes the row so the old address stops.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
    )
    token = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"
