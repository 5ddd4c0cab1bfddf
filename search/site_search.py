"""
The portal's search: one query over every kind of page a visitor may open.

The pages searched start from `portal.visibility.visible_pages`, worked out
from the database on each request, and the backend returns only pages of
that queryset; so results, counts, filter counts, suggestions, "did you
mean" and promotions all leave out what the visitor may not open, and a
change of privacy needs no reindex. The library's taxonomy filters and
their faceted counts come from `best_practice.library`.
"""

import datetime
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.query import Fuzzy
from wagtail.search.utils import normalise_query_string

from best_practice.forms import LibraryFilterForm
from best_practice.library import (
    Facet,
    Library,
    Option,
    count_under_networks,
    network_facet,
    tag_facet,
    taxonomy_facets,
)
from best_practice.models import BestPracticePage, BestPracticePageTag
from portal.pagination import paginate
from portal.visibility import can_view, restriction_labels, visible_pages
from search.backends.whoosh import shared_subqueries
from search.highlight import highlight, page_text, snippet, word_pattern

RESULTS_PER_PAGE = 10
# Fewer results than this, and the page offers a corrected spelling.
FEW_RESULTS = 3
# The practice filters the search page offers, as named by the library.
PRACTICE_FACETS = ("theme", "exploitation", "sector", "outcome", "tag")
# Wagtail stores a page's path as four characters per tree level.
PATH_STEP = 4
# Words shorter than this are not spell-checked: acronyms and "of".
SHORTEST_CORRECTED = 4
FUZZY_PAGES = 10


@dataclass(frozen=True)
class Kind:
    """A kind of page, as the search page names and filters it."""

    slug: str
    label: str
    model: type


@cache
def page_kinds():
    """Return {slug: Kind} for every page type of the portal."""
    kinds = {}
    for model in get_page_models():
        if model is Page:
            continue
        name = model._meta.verbose_name
        kinds[slugify(name)] = Kind(slugify(name), capfirst(name), model)
    return kinds


def kind_for_content_type(content_type_id):
    """Return the Kind of pages of a content type (cached: no query)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return next(kind for kind in page_kinds().values() if kind.model is model)


def kind_of(page):
    """Return the Kind of `page`, specific or not."""
    return kind_for_content_type(page.content_type_id)


def is_filtered(data):
    """Return whether the search's cleaned `data` sets any filter."""
    return any(data.get(name) for name in ("kind", "network", *PRACTICE_FACETS))


def searchable_pages(request):
    """
    Return the live pages `request` may see, the site root excluded.

    Plain `Page`s (Wagtail's welcome page) have no Kind, so are left out.
    """
    return visible_pages(request, Page.objects.filter(depth__gt=1).not_exact_type(Page))


class SearchForm(LibraryFilterForm):
    """
    The search words, the kind of page, and the library's practice filters.

    Built on the library's form so that its filters accept exactly the
    values the visitor may see, with the same messages. Sorting is by
    relevance only, and the network filter covers every kind of page.
    """

    kind = forms.MultipleChoiceField(
        label="Type of content",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose a type of content from the list."},
    )

    def __init__(self, library, *args, **kwargs):
        super().__init__(library, *args, **kwargs)
        for name in ("sort", "evidence", "organisation"):
            del self.fields[name]
        self.fields["q"].label = "Search the portal"
        self.fields["kind"].choices = [
            (kind.slug, kind.label) for kind in page_kinds().values()
        ]

    def clean_q(self):
        # Only runs of spaces are tidied: quotes mark phrases (search.queries).
        return " ".join(self.cleaned_data["q"].split())


class PracticeFacets(Library):
    """
    The library's practice filters and counts, for the practices a site
    search matched. Networks are filtered over every kind of page by the
    search itself, and contributing organisations are not offered.
    """

    def conditions(self, data):
        """Return {filter name: Q on practices} for the practice filters set."""
        return {
            name: condition
            for name, condition in self._filters(data).items()
            if name in PRACTICE_FACETS
        }

    def counted(self, practices, query, data):
        """
        Return the practice filters with their counts: the practices of
        `practices` that `query` matches, with every practice filter set
        except the one counted.

        Counted by the search index over the results it already holds: in
        the database, each count needed the matched practices' keys sent
        back to it, thousands of them on a broad search.
        """
        counts = self._counter(practices, query, self.conditions(data))
        facets = taxonomy_facets(counts, data, PRACTICE_FACETS)
        tag_counts = counts("tag", "tags")
        chosen = data.get("tag")
        # Only tags with a count are shown, so only those are loaded.
        tags = (
            BestPracticePageTag.tag_model()
            .objects.filter(pk__in=[*tag_counts, *([chosen.pk] if chosen else [])])
            .order_by("name")
            .values_list("pk", "slug", "name", named=True)
        )
        facets.append(tag_facet(tags, tag_counts, data))
        return facets


@dataclass
class Hit:
    """One result as the template shows it."""

    page: object
    kind: Kind
    title: str
    snippet: str
    network: object = None
    restriction: str = ""
    labels: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    date_label: str = ""
    # The date as the <time> element's machine-readable value, and as shown.
    date_iso: str = ""
    date_text: str = ""


@dataclass
class Promotion:
    """An editor's pick the visitor may see."""

    title: str
    url: str
    description: str
    kind: str = ""


class SiteSearch:
    """
    A search for one request: `run()` returns the current page of results
    with everything the search page shows around them.

    `data` is a valid SearchForm's cleaned data; `parsed` the ParsedQuery of
    its words (search.queries.parse); `glossary` the list of GlossaryTerm.
    Raises SearchIndexUnavailable from the backend when the index cannot be
    read.
    """

    def __init__(self, request, data, parsed, glossary, library):
        self.request = request
        self.data = data
        self.parsed = parsed
        self.glossary = glossary
        self.library = library
        self.base = searchable_pages(request)
        self.conditions = library.conditions(data)
        # The scope's filters the visitor set: "kind", "network", "practice".
        self.filters_set = frozenset(
            name
            for name, value in (
                ("kind", data.get("kind")),
                ("network", data.get("network")),
                ("practice", self.conditions),
            )
            if value
        )
        self._searches = {}

    @cached_property
    def networks(self):
        """
        The networks the visitor may see, for the filter and the results,
        as rows of what those show: reading them as pages took longer.
        """
        return list(
            self.library.networks().values_list(
                "pk", "title", "path", "level", named=True
            )
        )

    # Scopes ------------------------------------------------------------------

    def scope(self, without=()):
        """Return the visible pages narrowed by every filter not in `without`."""
        pages = self.base
        kinds = self.data.get("kind")
        if kinds and "kind" not in without:
            content_types = ContentType.objects.get_for_models(
                *[page_kinds()[slug].model for slug in kinds], for_concrete_models=True
            )
            pages = pages.filter(content_type__in=list(content_types.values()))
        network = self.data.get("network")
        if network and "network" not in without:
            pages = pages.filter(path__startswith=network.path)
        if self.conditions and "practice" not in without:
            practices = BestPracticePage.objects.all()
            for condition in self.conditions.values():
                practices = practices.filter(condition)
            pages = pages.filter(pk__in=practices.values("pk"))
        return pages

    def search(self, without=()):
        """
        Return the search of `scope(without)`. Filters that are not set
        leave the scope as it was, so share its search: without filters,
        the results, their count and every facet are one search.
        """
        applied = self.filters_set - set(without)
        if applied not in self._searches:
            self._searches[applied] = (
                self.scope(without).specific().search(self.parsed.query)
            )
        return self._searches[applied]

    # The search --------------------------------------------------------------

    def run(self):
        promotions, promoted_pks = self.promotions()
        # Picks are shown above the results, so not again among them.
        results = (
            self.scope()
            .exclude(pk__in=promoted_pks)
            .specific()
            .search(self.parsed.query)
            if promoted_pks
            else self.search()
        )
        page_obj = paginate(self.request, results, RESULTS_PER_PAGE)
        hits = self.hits(list(page_obj.object_list))
        total = page_obj.paginator.count + len(promotions)
        outcome = {
            "page_obj": page_obj,
            "hits": hits,
            "total": total,
            "promotions": promotions,
            "expansions": self.parsed.expansions,
            "added_forms": self.parsed.added_forms,
            "kind_facet": None,
            "network_facet": None,
            "practice_facets": [],
            "did_you_mean": "",
        }
        filtered = is_filtered(self.data)
        if total or filtered:
            with shared_subqueries():
                outcome.update(self.facets())
        if total < FEW_RESULTS and not filtered:
            outcome["did_you_mean"] = self.did_you_mean()
        return outcome

    # Results -----------------------------------------------------------------

    def hits(self, pages):
        """Return a Hit for each of `pages`, in a fixed number of queries."""
        pattern = word_pattern(self.parsed.highlight_words)
        labels = restriction_labels(self.request, pages)
        networks = networks_above(pages, self.networks)
        tags = practice_tags(pages)
        hits = []
        for page in pages:
            date_label, date = page_date(page)
            date_iso, date_text = shown_date(date)
            hits.append(
                Hit(
                    page=page,
                    kind=kind_of(page),
                    title=highlight(page.title, pattern),
                    snippet=snippet(page_text(page), pattern),
                    network=networks.get(page.pk),
                    restriction=labels.get(page.pk, ""),
                    labels=choice_labels(page),
                    tags=tags.get(page.pk, []),
                    date_label=date_label,
                    date_iso=date_iso,
                    date_text=date_text,
                )
            )
        return hits

    def promotions(self):
        """
        Return (the editor's picks for these words that the visitor may
        see, the primary keys of their pages).

        Looked up without `Query.get()`, which would store every search.
        Their pages are read after them, and only if there are picks: most
        searches have none, and joining the pages cost them as much again.
        """
        picks = (
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(self.parsed.text)
            )
            .prefetch_related("page")
            .order_by("sort_order", "pk")
        )
        shown, pks = [], []
        for pick in picks:
            if pick.page is None:
                shown.append(
                    Promotion(pick.title, pick.external_link_url, pick.description)
                )
            elif can_view(self.request, pick.page):
                shown.append(
                    Promotion(
                        pick.title,
                        pick.page.get_url(self.request),
                        pick.description,
                        kind_of(pick.page).label,
                    )
                )
                pks.append(pick.page.pk)
        return shown, pks

    # Facets ------------------------------------------------------------------

    def facets(self):
        """Return the kind, network and practice filters with their counts."""
        query = self.parsed.query
        by_type = self.search(without={"kind"}).facet("content_type_id")
        chosen_kinds = set(self.data.get("kind") or ())
        kind_counts = Counter(
            {
                kind_for_content_type(content_type_id).slug: count
                for content_type_id, count in by_type.items()
                if content_type_id
            }
        )
        kind_facet = Facet(
            "kind",
            "Type of content",
            [
                Option(
                    kind.slug,
                    kind.label,
                    kind_counts[kind.slug],
                    kind.slug in chosen_kinds,
                )
                for kind in page_kinds().values()
                if kind_counts[kind.slug] or kind.slug in chosen_kinds
            ],
        )

        # Each match counts towards every network above it.
        networks = self.networks
        counts = count_under_networks(
            self.scope(without={"network"}),
            query,
            networks,
            self.search(without={"network"}),
        )
        networks_offered = only_offered(network_facet(networks, counts, self.data))

        practice_facets = []
        if not chosen_kinds or "best-practice" in chosen_kinds:
            practices = self.library.visible
            network = self.data.get("network")
            if network:
                practices = practices.filter(path__startswith=network.path)
            practice_facets = [
                only_offered(facet)
                for facet in self.library.counted(practices, query, self.data)
            ]
        return {
            "kind_facet": kind_facet,
            "network_facet": networks_offered,
            "practice_facets": [f for f in practice_facets if f.options],
        }

    # Did you mean ------------------------------------------------------------

    def did_you_mean(self):
        """
        Return the words with their misspellings corrected, or "".

        Corrections come only from pages the visitor may see (found by a
        fuzzy search over them) and from the glossary, which is public.
        """
        words = words_of(self.parsed.text)
        checked = [w for w in words if len(w) >= SHORTEST_CORRECTED and w.isalpha()]
        if not checked:
            return ""
        vocabulary = set()
        near = self.base.specific().search(Fuzzy(" ".join(checked)))[:FUZZY_PAGES]
        for page in near:
            vocabulary.update(words_of(f"{page.title} {page_text(page)}"))
        for term in self.glossary:
            vocabulary.update(words_of(" ".join(term.forms())))
        corrected = []
        for word in words:
            if word in checked and word not in vocabulary:
                close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
                corrected.append(close[0] if close else word)
            else:
                corrected.append(word)
        suggestion = " ".join(corrected)
        return suggestion if suggestion != " ".join(words) else ""


def only_offered(facet):
    """Keep the options of `facet` that something matches, or that are chosen."""
    facet.options = [o for o in facet.options if o.count or o.selected]
    return facet


def words_of(text):
    return re.findall(r"\w+", text.casefold())


# Result details, for many pages at once --------------------------------------


def networks_above(pages, networks):
    """Return {page pk: the nearest of `networks` above it}."""
    by_path = {network.path: network for network in networks}
    found = {}
    for page in pages:
        for end in range(len(page.path) - PATH_STEP, 0, -PATH_STEP):
            network = by_path.get(page.path[:end])
            if network:
                found[page.pk] = network
                break
    return found


def practice_tags(pages):
    """Return {practice pk: [tag names]} for the practices among `pages`."""
    pks = [page.pk for page in pages if isinstance(page, BestPracticePage)]
    tags = {}
    if pks:
        for practice, name in (
            BestPracticePageTag.objects.filter(content_object_id__in=pks)
            .order_by("tag__name")
            .values_list("content_object_id", "tag__name")
        ):
            tags.setdefault(practice, []).append(name)
    return tags


def page_date(page):
    """Return (what the date is, the date) to show for `page`."""
    start = getattr(page, "start", None)
    if isinstance(start, datetime.datetime):
        return "Event date", start
    last_reviewed = getattr(page, "last_reviewed", None)
    if last_reviewed:
        return "Last reviewed", last_reviewed
    return "Updated", page.last_published_at


def shown_date(value):
    """
    Return (ISO date, date as shown, such as "4 December 2026") of a date
    or datetime in the site's time zone, or ("", "") for none. Written out
    here rather than by the template's date filter, which took a tenth of
    the time to render a page of results.
    """
    if value is None:
        return "", ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.isoformat(), f"{value.day} {MONTHS[value.month]} {value.year}"


# The choice fields a result shows as labels, with GOV.UK tag colours.
LABELLED_CHOICES = ("outcome", "event_type", "organisation_type")


def choice_labels(page):
    """Return the labels of `page`'s kind, such as a practice's outcome."""
    return [
        str(getattr(page, f"get_{name}_display")())
        for name in LABELLED_CHOICES
        if getattr(page, name, None)
    ]
