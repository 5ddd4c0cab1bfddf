"""The home page, standard pages, the shared page base and site-wide settings."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.visibility import restriction_label, visible_pages


class BasePage(Page):
    """
    Every page type of the portal inherits from this.

    It adds the one-sentence summary that listings, cards and search results
    show, and puts the breadcrumbs and the page's audience (public or
    restricted) into the template context.
    """

    summary = models.TextField(
        blank=True,
        max_length=300,
        help_text=(
            "One or two sentences shown in listings and search results. "
            "Say what the page is about in plain words."
        ),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs(request)
        context["restriction_label"] = restriction_label(self)
        return context

    def get_breadcrumbs(self, request):
        """
        Return the trail from the home page down to this page.

        The home page is called "Home", as in the trails of the views outside
        the page tree (sign-in, My portal, reports), so that the same link has
        the same name on every page.
        """
        site_root_depth = 2
        trail = self.get_ancestors(inclusive=True).filter(depth__gte=site_root_depth)
        if len(trail) < 2:
            return []
        home, *below = trail
        return [
            {"title": "Home", "url": home.url},
            *({"title": crumb.title, "url": crumb.url} for crumb in below),
        ]


class HomePage(BasePage):
    """The site root: what the portal is, the networks, and what is new."""

    intro = models.TextField(
        blank=True,
        max_length=400,
        help_text="The welcome line under the heading, one or two sentences.",
    )
    body = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
        help_text="Anything else the front page should say.",
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from network.models import NetworkPage

        context = super().get_context(request, *args, **kwargs)
        context["networks"] = (
            visible_pages(request, NetworkPage.objects.descendant_of(self))
            .filter(level=NetworkPage.Level.NATIONAL)
            .order_by("title")
        )
        from events.views import upcoming_events_for

        context["upcoming_events"] = upcoming_events_for(request)
        from best_practice.views import latest_practice, library_url

        context["latest_practice"] = latest_practice(request)
        context["library_url"] = library_url(request)
        return context


class StandardPage(BasePage):
    """A page of text such as 'About', the accessibility statement or the privacy notice."""

    body = StreamField(BodyBlock(), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = "standard page"


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Site-wide settings: the contact mailbox and the pages the footer links to."""

    contact_email = models.EmailField(
        blank=True,
        help_text="The portal team's role mailbox, shown in the footer.",
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from every page's footer.",
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from every page's footer.",
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
    ]

    class Meta:
        verbose_name = "portal settings"
