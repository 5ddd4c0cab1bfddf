"""
Networks, the member organisations directory and memberships.

Networks form the page tree that owns all content: national, then regional,
then district forums. Each network's editors and coordinators groups get
Wagtail page permissions on the network's own subtree (see permissions.py),
so ownership needs no custom permission code.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.forms.models import model_to_dict
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.pagination import paginate, query_string_without_page
from portal.visibility import filter_visible_related, visible_pages

MEMBERS_PER_PAGE = 20


class NetworkIndexPage(BasePage):
    """The /networks/ page: every network the visitor may see, as a tree."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["network.NetworkPage"]
    max_count = 1

    class Meta:
        verbose_name = "network index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        networks = visible_pages(
            request, NetworkPage.objects.descendant_of(self)
        ).order_by("path")
        context["network_tree"] = build_tree(networks, self.depth + 1)
        return context


def build_tree(pages, top_depth):
    """Nest `pages` (ordered by path) as [(page, [(child, [...]), ...]), ...]."""
    roots, stack = [], []
    for page in pages:
        node = (page, [])
        while stack and not page.path.startswith(stack[-1][0].path):
            stack.pop()
        if stack:
            stack[-1][1].append(node)
        elif page.depth == top_depth:
            roots.append(node)
        else:
            # Its parent is hidden from this visitor, so is the branch.
            continue
        stack.append(node)
    return roots


class KeptWhenOmittedFormSet(BaseChildFormSet):
    """
    An inline formset that leaves its rows unchanged when a form omits it.

    The admin always sends every inline; scripts and older tests that post a
    network's fields without the help contacts would otherwise fail with
    "ManagementForm data is missing", or wipe the contacts on an edit.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if self.is_bound and self.add_prefix(TOTAL_FORM_COUNT) not in self.data:
            self.data = self._data_for_existing_rows()

    def _data_for_existing_rows(self):
        data = self.data.copy()
        rows = list(self.get_queryset())
        for number, row in enumerate(rows):
            values = model_to_dict(row, fields=self.form.base_fields)
            values.update(id=row.pk, ORDER=number + 1)
            for name, value in values.items():
                data[f"{self.add_prefix(number)}-{name}"] = (
                    "" if value is None else value
                )
        data[self.add_prefix(TOTAL_FORM_COUNT)] = len(rows)
        data[self.add_prefix(INITIAL_FORM_COUNT)] = len(rows)
        return data


class KeptWhenOmittedInlinePanel(InlinePanel):
    """An InlinePanel whose rows survive a submitted form that leaves them out."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = KeptWhenOmittedFormSet
        return options


class NetworkPage(BasePage):
    """
    A partnership network: national, regional or a district forum.

    The level follows from where the page sits in the tree and is not chosen
    by editors: national under the networks index, regional under national,
    district forums under regional.
    """

    class Level(models.TextChoices):
        NATIONAL = "national", "National network"
        REGIONAL = "regional", "Regional network"
        DISTRICT = "district", "District forum"

    level = models.CharField(
        max_length=20,
        choices=Level.choices,
        default=Level.NATIONAL,
        editable=False,
    )
    founded = models.PositiveSmallIntegerField(
        "year founded",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="The year the network first met, for example 2014.",
    )
    area = models.CharField(
        "area covered",
        max_length=120,
        blank=True,
        help_text="For example 'West Yorkshire' or 'England and Wales'.",
    )
    contact_role = models.CharField(
        max_length=120,
        blank=True,
        default="Network coordinator",
        help_text="Who answers the mailbox, by role rather than by name.",
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="A shared role mailbox, not a personal address.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What the network is, what it does and how to take part.",
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coordinators_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("area"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("founded"), FieldPanel("area")]),
                FieldRowPanel(
                    [FieldPanel("contact_role"), FieldPanel("contact_email")]
                ),
            ],
            heading="About the network",
        ),
        FieldPanel("body"),
        InlinePanel("memberships", heading="Member organisations", label="Member"),
        KeptWhenOmittedInlinePanel(
            "signposts",
            heading="Where to get help locally",
            label="Help contact",
            help_text=(
                "Helplines, referral routes and safeguarding contacts for this "
                "network's area. Practice pages from the network show them."
            ),
        ),
    ]
    parent_page_types = ["network.NetworkIndexPage", "network.NetworkPage"]
    subpage_types = [
        "network.NetworkPage",
        "best_practice.BestPracticePage",
        "events.EventPage",
        "events.RoadshowSeriesPage",
        "governance.MeetingPage",
        "governance.FundingPage",
    ]
    # Copies would share the original's editor groups.
    exclude_fields_in_copy = ["editors_group", "coordinators_group"]

    class Meta:
        verbose_name = "network page"

    @classmethod
    def level_under(cls, parent):
        """Return the level a network takes under `parent`, or None if none may."""
        parent = parent.specific
        if isinstance(parent, NetworkIndexPage):
            return cls.Level.NATIONAL
        if isinstance(parent, NetworkPage):
            return {
                cls.Level.NATIONAL: cls.Level.REGIONAL,
                cls.Level.REGIONAL: cls.Level.DISTRICT,
            }.get(parent.level)
        return None

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and cls.level_under(parent) is not None

    def can_move_to(self, parent):
        # A move may not change a network's level: its groups, members and
        # child forums all assume it.
        return super().can_move_to(parent) and self.level_under(parent) == self.level

    def full_clean(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            level = self.level_under(parent)
            if level is None:
                raise ValidationError("A district forum cannot have networks below it.")
            self.level = level
        super().full_clean(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["memberships"] = filter_visible_related(
            request,
            self.memberships.select_related("organisation").order_by(
                "role", "organisation__title"
            ),
            "organisation__",
        )
        context["child_networks"] = visible_pages(
            request, NetworkPage.objects.child_of(self)
        ).order_by("title")
        directory = visible_pages(request, MemberDirectoryPage.objects.all()).first()
        context["members_directory_url"] = directory.url if directory else ""
        from events.views import upcoming_events_for

        # Events of this network and of its regional and district forums.
        context["upcoming_events"] = upcoming_events_for(request, parent=self)
        from best_practice.views import latest_practice, library_url

        # Practice of this network and of its regional and district forums.
        context["latest_practice"] = latest_practice(request, under=self)
        context["library_url"] = library_url(request)
        from network.governance.views import network_governance

        # Meetings, action plan and the links to its reports.
        context.update(network_governance(request, self))
        return context

    @cached_property
    def level_label(self):
        return self.Level(self.level).label


class NetworkMembership(Orderable):
    """An organisation's membership of a network, with its role and start date."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        SECRETARIAT = "secretariat", "Secretariat"
        MEMBER = "member", "Member"

    network = ParentalKey(
        NetworkPage, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "network.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text="Pick the organisation from the members directory.",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(
        null=True,
        blank=True,
        help_text="When the organisation joined the network.",
    )

    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("start_date")]),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                name="unique_network_membership",
                violation_error_message="This organisation is already a member.",
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.network} ({self.get_role_display()})"

    def clean(self):
        if self.start_date and self.start_date > datetime.date.today():
            raise ValidationError(
                {"start_date": "The start date cannot be in the future."}
            )


class NetworkSignpost(Orderable):
    """
    Where to get help in a network's area: a helpline, a referral route or a
    local safeguarding contact. Coordinators keep the list on the network
    page; practice pages from the network show it to readers.
    """

    network = ParentalKey(
        NetworkPage, on_delete=models.CASCADE, related_name="signposts"
    )
    title = models.CharField(
        max_length=120,
        help_text="The service's name, for example 'Modern Slavery Helpline'.",
    )
    description = models.TextField(
        blank=True,
        max_length=500,
        help_text="Who it is for and when to use it, in a sentence or two.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="As people should dial it, for example '08000 121 700'.",
    )
    url = models.URLField(
        "web address", blank=True, help_text="The full address, starting https://"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "local help contact"

    def __str__(self):
        return self.title

    def clean(self):
        if not (self.phone or self.url):
            raise ValidationError(
                "Give a phone number or a web address so that people can get in touch."
            )


class MemberDirectoryPage(BasePage):
    """The /members/ page: the directory of member organisations, filterable."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["network.OrganisationPage"]
    max_count = 1

    class Meta:
        verbose_name = "member directory page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = MemberFilterForm(request, request.GET or None)
        organisations = visible_pages(
            request, OrganisationPage.objects.child_of(self)
        ).order_by("title")
        if form.is_valid():
            organisations = form.filter(organisations)
        elif form.is_bound:
            organisations = organisations.none()
        page_obj = paginate(request, organisations, MEMBERS_PER_PAGE)
        context.update(
            filter_form=form,
            page_obj=page_obj,
            organisations=page_obj.object_list,
            query_string=query_string_without_page(request),
        )
        return context


class OrganisationPage(BasePage):
    """A member organisation: a police force, a council, a charity, an agency."""

    class Type(models.TextChoices):
        POLICE_FORCE = "police_force", "Police force"
        PCC_OFFICE = "pcc_office", "Police and Crime Commissioner's office"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        NGO = "ngo", "NGO or charity"
        HEALTH = "health", "Health"
        NATIONAL_AGENCY = "national_agency", "National agency (such as the GLAA or NCA)"
        BUSINESS = "business", "Business"
        OTHER = "other", "Other"

    organisation_type = models.CharField(
        "type", max_length=30, choices=Type.choices, default=Type.OTHER
    )
    area = models.CharField(
        max_length=120,
        blank=True,
        help_text="Where the organisation works, for example 'Kirklees' or 'UK-wide'.",
    )
    website = models.URLField(
        blank=True, help_text="The full address, starting https://"
    )
    description = models.TextField(
        blank=True,
        help_text="What the organisation does and how it helps the network.",
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("area"),
        index.FilterField("organisation_type"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("organisation_type"), FieldPanel("area")]),
        FieldPanel("website"),
        FieldPanel("description"),
        # Rows of network.partners.OrganisationEmailDomain.
        KeptWhenOmittedInlinePanel(
            "email_domains",
            heading="Staff e-mail domains",
            label="Domain",
            help_text=(
                "Where staff have their work e-mail, for example 'leeds.gov.uk'. "
                "Requests for a partner account from these addresses go straight "
                "to the network coordinators; others are held for a check."
            ),
        ),
    ]
    parent_page_types = ["network.MemberDirectoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "organisation"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["memberships"] = filter_visible_related(
            request,
            self.memberships.select_related("network").order_by("network__path"),
            "network__",
        )
        from best_practice.views import contributions

        context["contributions"] = contributions(request, self)
        return context


class MemberFilterForm(forms.Form):
    """The directory's filters; its state lives in the address."""

    type = forms.ChoiceField(
        label="Type of organisation",
        required=False,
        choices=[("", "All types"), *OrganisationPage.Type.choices],
    )
    network = forms.ModelChoiceField(
        label="Network",
        required=False,
        queryset=NetworkPage.objects.none(),
        empty_label="All networks",
        error_messages={
            "invalid_choice": "Choose a network from the list.",
        },
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].error_messages["invalid_choice"] = (
            "Choose a type of organisation from the list."
        )
        self.fields["network"].queryset = visible_pages(
            request, NetworkPage.objects.all()
        ).order_by("path")
        self.fields["network"].label_from_instance = _indented_network_label

    def filter(self, organisations):
        """Narrow `organisations` to the chosen type and network (with its forums)."""
        if self.cleaned_data["type"]:
            organisations = organisations.filter(
                organisation_type=self.cleaned_data["type"]
            )
        network = self.cleaned_data["network"]
        if network:
            networks = NetworkPage.objects.descendant_of(network, inclusive=True)
            organisations = organisations.filter(
                memberships__network__in=networks
            ).distinct()
        return organisations


def _indented_network_label(network):
    indent = "\u2003" * {"national": 0, "regional": 1, "district": 2}[network.level]
    return f"{indent}{network.title}"


# The moderation task is a model: import it so that Django registers it.
from network.workflows import NetworkCoordinatorApprovalTask  # noqa: E402, F401
