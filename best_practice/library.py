"""
The library's filters, the counts beside them, and the order of results.

Everything here starts from the practices the visitor may see
(`portal.visibility.visible_pages`), so a restricted practice never shows
through a result, a count or an option in a filter. Counts are faceted: the
count beside a value is how many results there would be if the visitor also
ticked it, given the text query and every *other* filter.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Q, TextChoices, Value

from wagtail.search.query import MATCH_ALL

from best_practice.models import (
    Adoption,
    BestPracticePage,
    BestPracticePageTag,
    ExploitationType,
    Sector,
    Theme,
)
from network.models import NetworkPage, OrganisationPage
from portal.visibility import filter_visible_related, hidden_q, visible_pages
from search.backends.whoosh import SearchIndexUnavailable, shared_subqueries
from search.fallback import ranked_keys

PRACTICES_PER_PAGE = 10
# Long enough for any real question, short enough to keep the search cheap.
QUERY_MAX_LENGTH = 200
# Wagtail stores a page's path as four characters per tree level.
PATH_STEP = 4


class Sort(TextChoices):
    NEWEST = "newest", "Newest first"
    REVIEWED = "reviewed", "Recently reviewed"
    TITLE = "title", "A to Z"
    RELEVANCE = "relevance", "Best match"


ORDERINGS = {
    Sort.NEWEST: ("-first_published_at", "-pk"),
    Sort.REVIEWED: ("-last_reviewed", "title"),
    Sort.TITLE: ("title", "pk"),
}

# The filters backed by a controlled vocabulary, in the order shown:
# (address parameter, legend, vocabulary model, field on the practice).
VOCABULARY_FACETS = [
    ("theme", "Theme", Theme, "themes"),
    ("exploitation", "Type of exploitation", ExploitationType, "exploitation_types"),
    ("sector", "Sector", Sector, "sectors"),
]
# The filters backed by a choice on the practice itself.
CHOICE_FACETS = [
    ("outcome", "Outcome", BestPracticePage.Outcome, "outcome"),
    ("evidence", "Evidence", BestPracticePage.EvidenceStage, "evidence_stage"),
]


@dataclass
class Option:
    """One value of a filter, as the template shows it."""

    value: str
    label: str
    count: int = 0
    selected: bool = False
    indent: int = 0


@dataclass
class Facet:
    """One filter with its options and their counts."""

    name: str
    legend: str
    options: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


def visible_practices(request):
    """Return the live practices the request may see."""
    return visible_pages(request, BestPracticePage.objects.all())


def visible_organisation_condition(request, prefix):
    """Return a Q keeping rows whose organisation (through `prefix`) may be seen."""
    condition = Q(**{f"{prefix}live": True})
    hidden = hidden_q(request, prefix)
    return condition & ~hidden if hidden else condition


def count_adoptions(request, practices):
    """
    Set `adoption_count` on each of `practices` (a list): adopters the
    request may see. One query for the practices shown, where annotating
    the whole listing counted adoptions for every practice in the library.
    """
    counts = dict(
        Adoption.objects.filter(practice__in=[practice.pk for practice in practices])
        .filter(visible_organisation_condition(request, "organisation__"))
        .values_list("practice")
        .annotate(n=Count("organisation", distinct=True))
        .order_by()
    )
    for practice in practices:
        practice.adoption_count = counts.get(practice.pk, 0)
    return practices


def attach_networks(practices):
    """
    Set `listing_network` on each practice to the network it sits under.

    One query for the whole list rather than one `get_parent()` per card.
    The parent is visible whenever the practice is, since a restriction on
    a network also covers everything below it.
    """
    parent_paths = {practice.path[:-PATH_STEP] for practice in practices}
    networks = {
        network.path: network
        for network in NetworkPage.objects.filter(path__in=parent_paths)
    }
    for practice in practices:
        practice.listing_network = networks.get(practice.path[:-PATH_STEP])
    return practices


class Library:
    """
    The filter options the visitor may use, and the results for a choice.

    `options()` gives the values a filter form may accept. `search()` takes
    the form's cleaned data and returns the ordered results and the facets
    with their counts.
    """

    def __init__(self, request):
        self.request = request
        self.visible = visible_practices(request)

    # Options offered ---------------------------------------------------------

    def networks(self):
        """
        The networks the visitor may see, in tree order, with only what a
        filter and a result show: a network page's other fields (its
        stream fields above all) took longer to load than the networks'
        counts took to count.
        """
        return (
            visible_pages(self.request, NetworkPage.objects.all())
            .order_by("path")
            .only("title", "path", "depth", "url_path", "level")
        )

    # The filter form looks one value up in these (by slug or key): each asks
    # whether *that* value has a visible practice, where a list of every
    # visible practice's values took longer than the rest of the page.

    def organisations(self):
        """Visible organisations that contributed at least one visible practice."""
        contributed = filter_visible_related(
            self.request,
            BestPracticePage.contributing_organisations.through.objects.filter(
                organisationpage=OuterRef("pk")
            ),
            "bestpracticepage__",
        )
        return (
            visible_pages(self.request, OrganisationPage.objects.all())
            .filter(Exists(contributed))
            .order_by("title")
        )

    def tags(self):
        """Tags on at least one visible practice; others are not even named."""
        tagged = filter_visible_related(
            self.request,
            BestPracticePageTag.objects.filter(tag=OuterRef("pk")),
            "content_object__",
        )
        return (
            BestPracticePageTag.tag_model()
            .objects.filter(Exists(tagged))
            .order_by("name")
        )

    # Results -----------------------------------------------------------------

    def search(self, data):
        """
        Return (ordered results, facets) for the cleaned filter `data`.

        The results are the list of practice keys in order (by relevance,
        the search backend's order, which the database cannot reproduce);
        `practices_shown()` loads a page of them. Listing every key in one
        query, then loading ten practices, was faster than counting in the
        database and then ordering whole rows for one page.
        """
        query = data.get("q") or ""
        ranking = None
        if query:
            # The backend only ranks; the database decides what may be seen,
            # so a stale index entry cannot bring back a restricted page.
            ranking = {
                pk: position
                for position, pk in enumerate(ranked_keys(self.visible, query))
            }

        filters = self._filters(data)
        try:
            with shared_subqueries():
                facets = self._indexed_facets(query, filters, data)
        except SearchIndexUnavailable:
            matched = self.visible
            if ranking is not None:
                matched = matched.filter(pk__in=list(ranking))
            facets = self._facets(matched, filters, data)

        results = self.visible
        for condition in filters.values():
            results = results.filter(condition)
        sort = data.get("sort") or Sort.NEWEST
        if sort == Sort.RELEVANCE and ranking is None:
            sort = Sort.NEWEST
        if sort == Sort.RELEVANCE:
            kept = set(results.values_list("pk", flat=True))
            return [pk for pk in ranking if pk in kept], facets
        ordered = results.order_by(*ORDERINGS[sort]).values_list("pk", flat=True)
        if ranking is None:
            return list(ordered), facets
        # Kept in Python rather than sent back as thousands of keys: Django
        # took longer preparing such a list than the database took to order
        # every practice.
        return [pk for pk in ordered if pk in ranking], facets

    def _counter(self, practices, query, filters):
        """
        Return count(filter name, field, key=int): {value: practices} among
        `practices` matching `query`, with every filter set but the one
        counted, as the search index counts them.
        """

        # Filters that are not set count over the same search (every filter
        # set), so they share its results: one search, not one per filter.
        searches = {}

        def count(name, field_name, key=int):
            applied = tuple(other for other in filters if other != name)
            if applied not in searches:
                narrowed = practices
                for other in applied:
                    narrowed = narrowed.filter(filters[other])
                searches[applied] = narrowed.search(query)
            counted = searches[applied].facet(field_name)
            return {key(value): n for value, n in counted.items() if value is not None}

        return count

    def _indexed_facets(self, text, filters, data):
        """
        The facets counted by the search index over the results it holds.
        Counting them in the database cost more than everything else on
        the page together, with thousands of practices.
        """
        query = text or MATCH_ALL
        count = self._counter(self.visible, query, filters)
        facets = taxonomy_facets(count, data)
        others = self.visible
        for name, condition in filters.items():
            if name != "network":
                others = others.filter(condition)
        networks = list(self.networks())
        network_counts = count_under_networks(others, query, networks)
        facets.append(network_facet(networks, network_counts, data))
        # Offered: the organisations with a visible practice, whatever the
        # other filters; counted: those within them.
        contributors = self.visible.search(MATCH_ALL).facet(
            "contributing_organisations"
        )
        organisations = (
            visible_pages(self.request, OrganisationPage.objects.all())
            .filter(pk__in=[int(pk) for pk in contributors if pk is not None])
            .order_by("title")
        )
        facets.append(
            organisation_facet(
                organisations, count("organisation", "contributing_organisations"), data
            )
        )
        tag_counts = count("tag", "tags")
        tagged = self.visible.search(MATCH_ALL).facet("tags")
        tags = (
            BestPracticePageTag.tag_model()
            .objects.filter(pk__in=[int(pk) for pk in tagged if pk is not None])
            .order_by("name")
        )
        facets.append(tag_facet(tags, tag_counts, data))
        return facets

    def _filters(self, data):
        """Return {filter name: Q} for every filter the visitor set."""
        filters = {}
        for name, _legend, _model, field_name in VOCABULARY_FACETS:
            terms = data.get(name)
            if terms:
                filters[name] = Q(
                    pk__in=BestPracticePage.objects.filter(
                        **{f"{field_name}__in": terms}
                    ).values("pk")
                )
        for name, _legend, _choices, field_name in CHOICE_FACETS:
            if data.get(name):
                filters[name] = Q(**{f"{field_name}__in": data[name]})
        if data.get("network"):
            filters["network"] = Q(path__startswith=data["network"].path)
        if data.get("organisation"):
            filters["organisation"] = Q(
                pk__in=BestPracticePage.objects.filter(
                    contributing_organisations=data["organisation"]
                ).values("pk")
            )
        if data.get("tag"):
            filters["tag"] = Q(
                pk__in=BestPracticePageTag.objects.filter(tag=data["tag"]).values(
                    "content_object_id"
                )
            )
        return filters

    def _others(self, matched, filters, name):
        """Return `matched` narrowed by every filter except `name`."""
        for other, condition in filters.items():
            if other != name:
                matched = matched.filter(condition)
        return matched.values("pk")

    def _facets(self, matched, filters, data):
        facets = []
        terms = vocabulary_terms()
        for name, legend, model, field_name in VOCABULARY_FACETS:
            through = BestPracticePage._meta.get_field(field_name).remote_field.through
            practice_column = f"{BestPracticePage._meta.model_name}_id"
            term_column = f"{model._meta.model_name}_id"
            counts = dict(
                through.objects.filter(
                    **{f"{practice_column}__in": self._others(matched, filters, name)}
                )
                .values_list(term_column)
                .annotate(n=Count(practice_column))
                .order_by()
            )
            facets.append(vocabulary_facet(name, legend, terms[model], counts, data))
        for name, legend, choices, field_name in CHOICE_FACETS:
            counts = dict(
                BestPracticePage.objects.filter(
                    pk__in=self._others(matched, filters, name)
                )
                .values_list(field_name)
                .annotate(n=Count("pk"))
                .order_by()
            )
            facets.append(choice_facet(name, legend, choices, counts, data))
        facets.append(self._network_facet(matched, filters, data))
        facets.append(self._organisation_facet(matched, filters, data))
        facets.append(self._tag_facet(matched, filters, data))
        return facets

    def _network_facet(self, matched, filters, data):
        # A network's count includes the practice of its child networks:
        # count by path prefix over one list of paths.
        paths = list(
            BestPracticePage.objects.filter(
                pk__in=self._others(matched, filters, "network")
            ).values_list("path", flat=True)
        )
        networks = list(self.networks())
        counts = {
            network.pk: sum(1 for path in paths if path.startswith(network.path))
            for network in networks
        }
        return network_facet(networks, counts, data)

    def _organisation_facet(self, matched, filters, data):
        through = BestPracticePage._meta.get_field(
            "contributing_organisations"
        ).remote_field.through
        counts = dict(
            through.objects.filter(
                bestpracticepage_id__in=self._others(matched, filters, "organisation")
            )
            .values_list("organisationpage_id")
            .annotate(n=Count("bestpracticepage_id"))
            .order_by()
        )
        return organisation_facet(self.organisations(), counts, data)

    def _tag_facet(self, matched, filters, data):
        counts = dict(
            BestPracticePageTag.objects.filter(
                content_object_id__in=self._others(matched, filters, "tag")
            )
            .values_list("tag_id")
            .annotate(n=Count("content_object_id"))
            .order_by()
        )
        return tag_facet(self.tags(), counts, data)


# Facets from counts, however they were counted --------------------------------


def taxonomy_facets(count, data, names=None):
    """
    Return the vocabulary and choice facets (those in `names`, default
    all), counted by `count(name, field, key)` as `Library._counter` does.
    """
    terms = vocabulary_terms()
    facets = [
        vocabulary_facet(name, legend, terms[model], count(name, field_name), data)
        for name, legend, model, field_name in VOCABULARY_FACETS
        if names is None or name in names
    ]
    facets += [
        choice_facet(name, legend, choices, count(name, field_name, str), data)
        for name, legend, choices, field_name in CHOICE_FACETS
        if names is None or name in names
    ]
    return facets


class Term(NamedTuple):
    """A term of a vocabulary, as a filter offers it."""

    pk: int
    slug: str
    name: str


def vocabulary_terms():
    """
    Return {vocabulary model: [Term, ...]} for every vocabulary, each in
    its own order (sort order, then name), read in one query: the filters
    offer every term, and a query per vocabulary took longer than counting.
    """
    models = [model for _name, _legend, model, _field in VOCABULARY_FACETS]
    first, *others = [
        model.objects.annotate(vocabulary=Value(number))
        .values_list("vocabulary", "sort_order", "name", "pk", "slug")
        .order_by()
        for number, model in enumerate(models)
    ]
    rows = first.union(*others, all=True).order_by("vocabulary", "sort_order", "name")
    terms = {model: [] for model in models}
    for number, _sort_order, name, pk, slug in rows:
        terms[models[number]].append(Term(pk, slug, name))
    return terms


def vocabulary_facet(name, legend, terms, counts, data):
    """
    Return the facet of a vocabulary of `terms` (see vocabulary_terms());
    `counts` is {term pk: practices}.
    """
    chosen = {term.pk for term in data.get(name) or ()}
    return Facet(
        name,
        legend,
        [
            Option(term.slug, term.name, counts.get(term.pk, 0), term.pk in chosen)
            for term in terms
        ],
    )


def choice_facet(name, legend, choices, counts, data):
    """Return the facet of a choice field; `counts` is {value: practices}."""
    chosen = set(data.get(name) or ())
    return Facet(
        name,
        legend,
        [
            Option(value, label, counts.get(value, 0), value in chosen)
            for value, label in choices.choices
        ],
    )


def count_under_networks(pages, query, networks, results=None):
    """
    Return {network pk: how many of `pages` match `query` under it}, child
    networks included; `results` is that search if it was made already.

    The portal's backend counts every network's path prefix over one
    search. Another backend (Wagtail's database backend can be chosen in
    the settings) counts network by network, since listing every match's
    path means decoding thousands of them.
    """
    if results is None:
        results = pages.search(query)
    if hasattr(results, "prefix_counts"):
        counts = results.prefix_counts("path", [network.path for network in networks])
        return {network.pk: counts[network.path] for network in networks}
    return {
        network.pk: pages.filter(path__startswith=network.path).search(query).count()
        for network in networks
    }


def network_facet(networks, counts, data):
    """Return the network facet; `counts` is {network pk: practices}."""
    chosen = data.get("network")
    return Facet(
        "network",
        "Network",
        [
            Option(
                str(network.pk),
                network.title,
                counts.get(network.pk, 0),
                bool(chosen and chosen.pk == network.pk),
                indent=network_indent(network),
            )
            for network in networks
        ],
    )


def organisation_facet(organisations, counts, data):
    """Return the contributors' facet; `counts` is {organisation pk: practices}."""
    chosen = data.get("organisation")
    return Facet(
        "organisation",
        "Contributing organisation",
        [
            Option(
                str(organisation.pk),
                organisation.title,
                counts.get(organisation.pk, 0),
                bool(chosen and chosen.pk == organisation.pk),
            )
            for organisation in organisations
        ],
    )


def practices_shown(request, items):
    """
    Return the practices of one page of results: `items` is a slice of a
    practice queryset or of a list of practice keys in order. Each carries
    its adoption count and network.
    """
    items = list(items)
    if items and not isinstance(items[0], BestPracticePage):
        loaded = BestPracticePage.objects.in_bulk(items)
        items = [loaded[pk] for pk in items if pk in loaded]
    return attach_networks(count_adoptions(request, items))


def tag_facet(tags, counts, data):
    """Return the facet of `tags`; `counts` is {tag pk: practices}."""
    chosen = data.get("tag")
    return Facet(
        "tag",
        "Tag",
        [
            Option(
                tag.slug,
                tag.name,
                counts.get(tag.pk, 0),
                bool(chosen and chosen.pk == tag.pk),
            )
            for tag in tags
        ],
    )


def network_indent(network):
    """Return how far to indent a network in a list: 0 national, 1, 2."""
    return {"national": 0, "regional": 1, "district": 2}.get(network.level, 0)
