"""
RSS feeds of newly published practices: the whole library, and per network.

Feed readers fetch without signing in and feeds get forwarded, so a feed
lists only what an anonymous visitor may see, whoever asks for it: never a
partners-only or police-only practice, and never a draft.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed

from best_practice.api import anonymous_view
from best_practice.models import BestPracticePage
from network.models import NetworkPage
from portal.visibility import visible_pages

# Enough for a reader that checks daily; older practice is in the library.
FEED_LENGTH = 30


@dataclass
class FeedScope:
    """
    What one request's feed covers: the visitor the visibility rule answers
    for (always anonymous) and the network, or None for the whole library.

    Django keeps one feed instance for every request, so per-request state
    travels in this object rather than on the feed.
    """

    viewer: object
    network: NetworkPage | None = None


class LibraryFeed(Feed):
    """The newest public practices from every network."""

    feed_type = Rss201rev2Feed
    title = "Network Portal: new best practice"
    link = "/best-practice/"
    description = (
        "Practice against trafficking and modern slavery newly shared by the "
        "partnership networks: what was done, and how well it worked."
    )

    def get_object(self, request, *args, **kwargs):
        return FeedScope(viewer=anonymous_view(request))

    def practices(self, scope):
        """Return the practices the feed may list, before ordering."""
        return BestPracticePage.objects.all()

    def items(self, scope):
        return (
            visible_pages(scope.viewer, self.practices(scope))
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
            .prefetch_related("themes", "tagged_items__tag")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        outcome = f"{item.get_outcome_display()} ({item.get_evidence_stage_display()})"
        return f"{item.summary} Outcome: {outcome}." if item.summary else outcome

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()] + [
            tagged.tag.name for tagged in item.tagged_items.all()
        ]


class NetworkFeed(LibraryFeed):
    """
    The newest public practices of one network and its child networks, at
    /networks/feed/<network page id>/.
    """

    def get_object(self, request, network_id):
        scope = super().get_object(request)
        scope.network = (
            visible_pages(scope.viewer, NetworkPage.objects.filter(pk=network_id))
            .specific()
            .first()
        )
        if scope.network is None:
            raise Http404("No public network has this id.")
        return scope

    def practices(self, scope):
        return BestPracticePage.objects.descendant_of(scope.network)

    def title(self, scope):
        return f"Network Portal: new best practice from {scope.network.title}"

    def link(self, scope):
        return scope.network.url

    def description(self, scope):
        return (
            "Practice against trafficking and modern slavery newly shared in "
            f"{scope.network.title} and its forums."
        )
