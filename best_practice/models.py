"""
The best-practice library: contributed practice, its taxonomy and adoption.

A practice sits under the network it was contributed in, so the network's
editors draft it and its coordinators approve it. Its handling marking
(public, partners, police) sets the page's view restriction itself, and
the visibility rule in portal/visibility.py does the rest.
"""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from best_practice.api import (
    ChoiceLabelField,
    OrganisationListField,
    TermListField,
)
from best_practice.panels import SimilarPracticePanel
from portal.models import BasePage

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]

# Protective markings the portal must never hold: it is for non-sensitive
# material only (OFFICIAL). Matches "OFFICIAL-SENSITIVE", "SECRET", "TOP
# SECRET" and the older "RESTRICTED"/"CONFIDENTIAL" markings as whole words.
SENSITIVE_MARKING = re.compile(
    r"\b(OFFICIAL[\s\-–—_]*SENSITIVE|TOP[\s\-_]*SECRET|SECRET|CONFIDENTIAL|RESTRICTED)\b"
)
SENSITIVE_MESSAGE = (
    "Remove the protective marking “%(marking)s”: the portal holds only "
    "material that is not sensitive (OFFICIAL). Share marked material through "
    "your force's or organisation's secure channels instead."
)


def find_sensitive_marking(text):
    """Return the first protective marking above OFFICIAL in `text`, or None."""
    if not text:
        return None
    match = SENSITIVE_MARKING.search(re.sub(r"<[^>]+>", " ", str(text)))
    return match.group(0) if match else None


class BestPracticeIndexPage(RoutablePageMixin, BasePage):
    """
    The /best-practice/ page: the whole library of contributed practice.

    Practices live under their networks, not here; this page searches and
    filters them all, and serves the tag pages at tags/<slug>/.
    """

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "best-practice library page"

    def get_context(self, request, *args, **kwargs):
        from best_practice.views import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, self))
        return context

    @path("tags/<slug:slug>/", name="tag")
    def tag_view(self, request, slug):
        from best_practice.views import tag_page

        return tag_page(request, self, slug)


class BaseTaxonomy(models.Model):
    """A controlled vocabulary term that coordinators edit in the admin."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        blank=True, help_text="What the term covers, in a sentence or two."
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in lists and filters."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Theme(BaseTaxonomy):
    """What a practice works on: victim identification, prevention, pursue…"""


class ExploitationType(BaseTaxonomy):
    """The kind of exploitation a practice addresses: labour, sexual, criminal…"""


class Sector(BaseTaxonomy):
    """Where exploitation happens or is spotted: car washes, nail bars, banks…"""


class Audience(BaseTaxonomy):
    """Who a practice is for: police, councils, health staff, businesses…"""


class RecognitionBadge(BaseTaxonomy):
    """Recognition a practice received, such as HMICFRS or the Anti-Slavery Commissioner."""


class BestPracticePageTag(TaggedItemBase):
    """Free tags of a practice."""

    content_object = ParentalKey(
        "best_practice.BestPracticePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class BestPracticePage(RoutablePageMixin, BasePage):
    """
    One contributed practice: the problem, what was done, with whom, what
    happened, and how sure the contributors are that it worked.

    Besides the page itself it serves print/ (a one-page summary) and
    adopt/ (the form to record that an organisation adopted it).
    """

    class Outcome(models.TextChoices):
        WORKED = "worked", "Worked"
        PROMISING = "promising", "Promising"
        UNTESTED = "untested", "New and untested"
        DID_NOT_WORK = "did_not_work", "Did not work"

    OUTCOME_EXPLANATIONS = {
        Outcome.WORKED: "Evaluation showed it achieved what it set out to do.",
        Outcome.PROMISING: "Early results are good, but it has not been fully evaluated.",
        Outcome.UNTESTED: "It is new: there are no results yet.",
        Outcome.DID_NOT_WORK: (
            "It did not achieve what it set out to do. It is shared so others "
            "can learn from it and avoid the same problems."
        ),
    }

    class EvidenceStage(models.TextChoices):
        UNTESTED = "untested", "Untested"
        LOCAL = "local", "Evaluated locally"
        INDEPENDENT = "independent", "Independently evaluated"

    EVIDENCE_EXPLANATIONS = {
        EvidenceStage.UNTESTED: "No evaluation has been done yet.",
        EvidenceStage.LOCAL: "The organisation that ran it evaluated it.",
        EvidenceStage.INDEPENDENT: "Someone independent of it evaluated it.",
    }

    class Handling(models.TextChoices):
        PUBLIC = "public", "Public"
        PARTNERS = "partners", "Partners only"
        POLICE = "police", "Police only"

    problem = RichTextField(
        features=TEXT_FEATURES,
        help_text="What problem did you set out to tackle? Who was affected?",
    )
    aim = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="What did you want to change? Say how you would know it worked.",
    )
    what_was_done = RichTextField(
        "what was done",
        features=TEXT_FEATURES,
        help_text="The steps, in order, so that someone else could do the same.",
    )
    evaluation = RichTextField(
        "evaluation and results",
        features=TEXT_FEATURES,
        blank=True,
        help_text="How you checked whether it worked, and what happened.",
    )
    resources = RichTextField(
        "resources and cost",
        features=TEXT_FEATURES,
        blank=True,
        help_text="Staff time, money and anything else it needed.",
    )
    contributing_organisations = ParentalManyToManyField(
        "network.OrganisationPage",
        related_name="contributed_practices",
        help_text="The organisations that ran this practice.",
    )
    partners = ParentalManyToManyField(
        "network.OrganisationPage",
        blank=True,
        related_name="partnered_practices",
        help_text="Other organisations that took part.",
    )
    contact_role = models.CharField(
        max_length=120,
        help_text="Who to ask about it, by role, for example 'Modern slavery coordinator'.",
    )
    contact_email = models.EmailField(
        help_text="A shared role mailbox rather than a personal address."
    )
    start_date = models.DateField(
        null=True, blank=True, help_text="When the practice started."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="When it ended; leave empty if it continues."
    )
    area = models.CharField(
        max_length=120,
        blank=True,
        help_text="Where it ran, for example 'Kirklees' or 'West Yorkshire'.",
    )
    outcome = models.CharField(
        max_length=20,
        choices=Outcome.choices,
        default=Outcome.UNTESTED,
        help_text="Say honestly how it went: practice that did not work helps others too.",
    )
    evidence_stage = models.CharField(
        max_length=20,
        choices=EvidenceStage.choices,
        default=EvidenceStage.UNTESTED,
    )
    recognition = ParentalManyToManyField(
        RecognitionBadge,
        blank=True,
        related_name="practices",
        help_text="Only recognition the practice has actually received.",
    )
    handling = models.CharField(
        "handling marking",
        max_length=20,
        choices=Handling.choices,
        default=Handling.PUBLIC,
        help_text=(
            "Who may read this practice. Partners only and police only set the "
            "page's privacy for you. Never upload anything marked OFFICIAL-SENSITIVE "
            "or above."
        ),
    )
    themes = ParentalManyToManyField(Theme, blank=True, related_name="practices")
    exploitation_types = ParentalManyToManyField(
        ExploitationType, blank=True, related_name="practices"
    )
    sectors = ParentalManyToManyField(Sector, blank=True, related_name="practices")
    audiences = ParentalManyToManyField(Audience, blank=True, related_name="practices")
    tags = ClusterTaggableManager(through=BestPracticePageTag, blank=True)
    last_reviewed = models.DateField(
        default=datetime.date.today,
        help_text="When someone last checked that this is still right.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty for one year after the last review.",
    )
    review_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)
    lived_experience = models.BooleanField(
        "co-produced with people with lived experience",
        default=False,
        help_text="Tick if survivors or people with lived experience helped design it.",
    )
    content_warning = models.CharField(
        max_length=200,
        blank=True,
        help_text=(
            "If the page describes distressing material, say what, for example "
            "'Describes sexual exploitation of children'. Readers see it first."
        ),
    )
    # The key a bulk import (`manage.py import_practices`) matches rows on, so
    # importing the same file again updates practices instead of adding more.
    external_id = models.CharField(
        max_length=100, blank=True, db_index=True, editable=False
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("problem"),
        index.SearchField("aim"),
        index.SearchField("what_was_done"),
        index.SearchField("evaluation"),
        index.SearchField("area"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("exploitation_types", [index.SearchField("name")]),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.RelatedFields("contributing_organisations", [index.SearchField("title")]),
        # The taxonomy as filter fields too, so that the search page counts
        # each filter's values in the search index, not the database.
        index.FilterField("themes"),
        index.FilterField("exploitation_types"),
        index.FilterField("sectors"),
        index.FilterField("tags"),
        index.FilterField("contributing_organisations"),
        index.FilterField("outcome"),
        index.FilterField("evidence_stage"),
        index.FilterField("handling"),
        index.FilterField("last_reviewed"),
    ]
    content_panels = [
        SimilarPracticePanel(heading="Similar practice already exists"),
        *BasePage.content_panels,
        FieldPanel("content_warning"),
        MultiFieldPanel(
            [
                FieldPanel("problem"),
                FieldPanel("aim"),
                FieldPanel("what_was_done"),
                FieldPanel("evaluation"),
                FieldPanel("resources"),
            ],
            heading="The practice",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("outcome"), FieldPanel("evidence_stage")]),
                FieldPanel("recognition", widget=forms.CheckboxSelectMultiple),
                FieldPanel("lived_experience"),
            ],
            heading="How well it worked",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contributing_organisations"),
                FieldPanel("partners"),
                FieldRowPanel(
                    [FieldPanel("contact_role"), FieldPanel("contact_email")]
                ),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("area"),
            ],
            heading="Who, where and when",
        ),
        InlinePanel("documents", heading="Evidence and documents", label="Document"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("exploitation_types"),
                FieldPanel("sectors"),
                FieldPanel("audiences"),
                FieldPanel("tags"),
            ],
            heading="Topics",
        ),
        MultiFieldPanel(
            [
                FieldPanel("handling"),
                FieldRowPanel(
                    [FieldPanel("last_reviewed"), FieldPanel("next_review_due")]
                ),
            ],
            heading="Handling and review",
        ),
    ]
    # Served by the API at /api/v2/pages/, which lists public practices only
    # (see best_practice/api.py).
    api_fields = [
        APIField("summary"),
        APIField("outcome", serializer=ChoiceLabelField("outcome_explanation")),
        APIField("evidence_stage", serializer=ChoiceLabelField("evidence_explanation")),
        APIField("handling", serializer=ChoiceLabelField()),
        APIField("recognition", serializer=TermListField()),
        APIField("themes", serializer=TermListField()),
        APIField("exploitation_types", serializer=TermListField()),
        APIField("sectors", serializer=TermListField()),
        APIField("audiences", serializer=TermListField()),
        APIField("tags"),
        APIField(
            "contributing_organisations",
            serializer=OrganisationListField(),
        ),
        APIField("partners", serializer=OrganisationListField()),
        APIField("problem"),
        APIField("aim"),
        APIField("what_was_done"),
        APIField("evaluation"),
        APIField("resources"),
        APIField("contact_role"),
        APIField("contact_email"),
        APIField("area"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("lived_experience"),
        APIField("content_warning"),
    ]
    parent_page_types = ["network.NetworkPage"]
    subpage_types = []

    class Meta:
        verbose_name = "best practice"
        verbose_name_plural = "best practice"

    def clean(self):
        super().clean()
        errors = {}
        for name in (
            "title",
            "summary",
            "problem",
            "aim",
            "what_was_done",
            "evaluation",
            "resources",
            "content_warning",
        ):
            marking = find_sensitive_marking(getattr(self, name))
            if marking:
                errors[name] = SENSITIVE_MESSAGE % {"marking": marking}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if self.next_review_due and self.next_review_due < self.last_reviewed:
            errors["next_review_due"] = "The next review must be after the last review."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.next_review_due and self.last_reviewed:
            self.next_review_due = default_next_review(self.last_reviewed)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from best_practice.views import PracticeDetails

        context = super().get_context(request, *args, **kwargs)
        context.update(PracticeDetails(request, self).context())
        return context

    @path("print/", name="print")
    def print_summary(self, request):
        from best_practice.views import print_view

        return print_view(request, self)

    @path("adopt/", name="adopt")
    def adopt(self, request):
        from best_practice.views import adopt_view

        return adopt_view(request, self)

    def local_signposts(self):
        """
        Return where to get help locally: the signposts of the practice's
        network and of the networks above it, nearest first.

        Signposts are kept per network by coordinators, through a model with
        `related_name="signposts"` on NetworkPage. Until that model exists
        this returns an empty list and the page shows no signposting.
        """
        from network.models import NetworkPage

        if not hasattr(NetworkPage, "signposts"):
            return []
        networks = NetworkPage.objects.ancestor_of(self).order_by("-depth")
        return [
            {"network": network, "signposts": list(network.signposts.all())}
            for network in networks
            if network.signposts.exists()
        ]

    @property
    def outcome_explanation(self):
        return self.OUTCOME_EXPLANATIONS[self.outcome]

    @property
    def evidence_explanation(self):
        return self.EVIDENCE_EXPLANATIONS[self.evidence_stage]

    @property
    def outcome_tag_colour(self):
        """Return the GOV.UK tag colour for the outcome label."""
        return {
            self.Outcome.WORKED: "green",
            self.Outcome.PROMISING: "turquoise",
            self.Outcome.UNTESTED: "grey",
            self.Outcome.DID_NOT_WORK: "red",
        }[self.outcome]

    @property
    def handling_explanation(self):
        return {
            self.Handling.PUBLIC: "Anyone may read and share this practice.",
            self.Handling.PARTNERS: (
                "Only network partners may read this. Do not share it outside "
                "the partnership."
            ),
            self.Handling.POLICE: (
                "Only police users may read this. Do not share it outside policing."
            ),
        }[self.handling]

    @property
    def review_overdue(self):
        return bool(
            self.next_review_due and self.next_review_due < timezone.localdate()
        )

    @property
    def network(self):
        from network.models import NetworkPage

        return NetworkPage.objects.ancestor_of(self).order_by("-depth").first()


def default_next_review(last_reviewed):
    try:
        return last_reviewed.replace(year=last_reviewed.year + 1)
    except ValueError:  # 29 February
        return last_reviewed + datetime.timedelta(days=365)


class BestPracticeDocument(Orderable):
    """A document attached to a practice as evidence: a report, a leaflet, a form."""

    page = ParentalKey(
        BestPracticePage, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    def clean(self):
        marking = self.document_id and find_sensitive_marking(self.document.title)
        if marking:
            raise ValidationError(
                {"document": SENSITIVE_MESSAGE % {"marking": marking}}
            )


class Adoption(models.Model):
    """An organisation's record that it adopted a practice, and how it went."""

    practice = models.ForeignKey(
        BestPracticePage, on_delete=models.CASCADE, related_name="adoptions"
    )
    organisation = models.ForeignKey(
        "network.OrganisationPage", on_delete=models.CASCADE, related_name="adoptions"
    )
    adopted_on = models.DateField(help_text="When your organisation started using it.")
    note = models.TextField(
        blank=True, max_length=1000, help_text="How it went, in a few sentences."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "organisation"],
                name="unique_adoption",
                violation_error_message="Your organisation has already recorded adopting this practice.",
            )
        ]
        ordering = ["-adopted_on"]

    def __str__(self):
        return f"{self.organisation} adopted {self.practice}"
