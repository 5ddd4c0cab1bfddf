"""
Reader-facing views of the best-practice library.

The page models' `get_context` and their routable routes call these, so
the models stay a description of the content and the request handling
lives here. Each view asks portal/visibility.py what the request may see.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from taggit.models import Tag

from best_practice.forms import AdoptionForm, LibraryFilterForm
from best_practice.library import (
    PRACTICES_PER_PAGE,
    Library,
    Sort,
    practices_shown,
    visible_practices,
)
from best_practice.models import BestPracticePageTag
from portal.pagination import paginate, query_string_without_page
from portal.visibility import can_view, filter_visible_related, visible_pages

LATEST_PRACTICE_COUNT = 5


def library_context(request, index_page):
    """Return the context of the library page: form, facets, results, pages."""
    library = Library(request)
    # Bound even without parameters: every field is optional, so the bare
    # address is a valid, unfiltered search.
    form = LibraryFilterForm(library, request.GET)
    if form.is_valid():
        results, facets = library.search(form.cleaned_data)
    else:
        # Show the filters without the bad value, and no results, so that
        # the error summary is what the visitor reads first.
        results, facets = library.search({})
        results = []
    for facet in facets:
        facet.errors = form.errors.get(facet.name, [])
    page_obj = paginate(request, results, PRACTICES_PER_PAGE)
    practices = practices_shown(request, page_obj.object_list)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    sort_choices = [
        (value, label)
        for value, label in Sort.choices
        if value != Sort.RELEVANCE or query
    ]
    current_sort = (form.cleaned_data.get("sort") if form.is_valid() else "") or (
        Sort.RELEVANCE if query else Sort.NEWEST
    )
    if current_sort == Sort.RELEVANCE and not query:
        current_sort = Sort.NEWEST
    return {
        "filter_form": form,
        "facets": facets,
        "checkbox_facets": [f for f in facets if f.name not in SELECT_FACETS],
        "select_facets": [f for f in facets if f.name in SELECT_FACETS],
        "chosen_facets": [f for f in facets if f.selected],
        "query": query,
        "sort_choices": sort_choices,
        "current_sort": current_sort,
        "page_obj": page_obj,
        "practices": practices,
        "query_string": query_string_without_page(request),
        "filtered": bool(request.GET.keys() - {"page", "sort"}),
    }


# Filters with many values are drop-down lists; the rest are checkboxes.
SELECT_FACETS = {"network", "organisation", "tag"}


def tag_page(request, index_page, slug):
    """
    List the practices with one tag.

    A tag carried only by practices the visitor may not see does not exist
    for them: the answer is the same 404 as for a tag nobody used.
    """
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag")
    practices = visible_practices(request).filter(
        pk__in=BestPracticePageTag.objects.filter(tag=tag).values("content_object_id")
    )
    if not practices.exists():
        raise Http404("No such tag")
    newest = practices.order_by("-first_published_at", "-pk")
    page_obj = paginate(
        request, newest.values_list("pk", flat=True), PRACTICES_PER_PAGE
    )
    return TemplateResponse(
        request,
        "best_practice/tag_page.html",
        {
            "page": index_page,
            "self": index_page,
            "tag": tag,
            "breadcrumbs": [
                *index_page.get_breadcrumbs(request),
                {"title": f"Tagged “{tag.name}”", "url": request.path},
            ],
            "page_obj": page_obj,
            "practices": practices_shown(request, page_obj.object_list),
            "query_string": query_string_without_page(request),
            "library_filter_url": f"{index_page.url}?tag={tag.slug}",
        },
    )


class PracticeDetails:
    """
    What a practice page shows beyond its own fields, worked out once.

    Shared by the page and its print view, so both agree on what a visitor
    may see of the organisations, adopters and signposts around it.
    """

    def __init__(self, request, practice):
        self.request = request
        self.practice = practice

    @cached_property
    def network(self):
        return self.practice.network

    def visible_organisations(self, relation):
        return visible_pages(self.request, relation.all()).order_by("title")

    @cached_property
    def contributing_organisations(self):
        return list(
            self.visible_organisations(self.practice.contributing_organisations)
        )

    @cached_property
    def partners(self):
        return list(self.visible_organisations(self.practice.partners))

    @cached_property
    def adoptions(self):
        return list(
            filter_visible_related(
                self.request,
                self.practice.adoptions.select_related("organisation"),
                "organisation__",
            )
        )

    @cached_property
    def documents(self):
        return [
            item.document
            for item in self.practice.documents.select_related("document").order_by(
                "sort_order"
            )
        ]

    @cached_property
    def signposts(self):
        return self.practice.local_signposts()

    def context(self):
        practice = self.practice
        return {
            "network": self.network,
            "contributing_organisations": self.contributing_organisations,
            "partner_organisations": self.partners,
            "adoptions": self.adoptions,
            "documents": self.documents,
            "signposts": self.signposts,
            "practice_tags": practice.tags.order_by("name"),
            "print_url": practice.url + practice.reverse_subpage("print"),
            "adopt_url": practice.url + practice.reverse_subpage("adopt"),
            "library_url": library_url(self.request),
        }


def library_url(request):
    from best_practice.models import BestPracticeIndexPage

    library = visible_pages(request, BestPracticeIndexPage.objects.all()).first()
    return library.url if library else ""


def print_view(request, practice):
    """A one-page summary of a practice to print, for officers on shift."""
    context = practice.get_context(request)
    context["page_address"] = request.build_absolute_uri(practice.url)
    return TemplateResponse(request, "best_practice/best_practice_print.html", context)


def adopt_view(request, practice):
    """
    Show and handle the form to record an adoption.

    Anonymous visitors are sent to sign in first. The record is saved in one
    transaction, and the database's unique constraint is the last word when
    two people record the same organisation at once.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view(request, practice):
        raise Http404("No such practice")
    form = AdoptionForm(request, practice, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                adoption = form.save()
        except IntegrityError:
            form.add_error(
                "organisation",
                f"{form.cleaned_data['organisation'].title} has already recorded "
                "adopting this practice",
            )
        else:
            messages.success(
                request,
                f"{adoption.organisation.title} is now listed as having adopted "
                "this practice.",
            )
            return redirect(practice.url + "#adopted-by")
    context = practice.get_context(request)
    context["form"] = form
    context["breadcrumbs"] = [
        *context["breadcrumbs"],
        {"title": "Record adoption", "url": request.path},
    ]
    return TemplateResponse(request, "best_practice/adoption_form.html", context)


def latest_practice(request, under=None, limit=LATEST_PRACTICE_COUNT):
    """Return the newest practices the request may see, optionally under a page."""
    newest = visible_practices(request).order_by("-first_published_at", "-pk")
    if under is not None:
        newest = newest.descendant_of(under)
    # Adoptions are counted for the few shown only: counting them before
    # taking the newest counted every practice in the library.
    return practices_shown(request, newest.values_list("pk", flat=True)[:limit])


def contributions(request, organisation):
    """Return the practices `organisation` contributed that the request may see."""
    return practices_shown(
        request,
        visible_practices(request)
        .filter(contributing_organisations=organisation)
        .order_by("-first_published_at", "-pk"),
    )
