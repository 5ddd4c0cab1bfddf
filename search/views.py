"""
The search page, its suggestions as you type, and the glossary page.

None of them is cached between requests: what a visitor may see is decided
on every request by portal/visibility.py.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse

from portal.pagination import query_string_without_page
from search.backends.whoosh import SearchIndexUnavailable
from search.models import FailedSearch, GlossaryTerm
from search.queries import parse
from search.site_search import (
    PracticeFacets,
    SearchForm,
    SiteSearch,
    is_filtered,
    kind_of,
    searchable_pages,
)

SUGGESTIONS = 6
SUGGESTED_TERMS = 3
# Suggestions are for the first few words typed; the rest is not looked at.
SUGGEST_MAX_LENGTH = 100
SUGGEST_MIN_LENGTH = 2
# What a suggestion shows and links to: its title, kind and address.
SUGGESTED_PAGE_FIELDS = ("title", "content_type", "path", "depth", "url_path")


def search(request):
    """
    Search every page the visitor may see; filter, page and explain.

    The address holds the whole state (words, filters, page), so a search
    can be shared or bookmarked. Search engines are asked not to index it.
    """
    library = PracticeFacets(request)
    form = SearchForm(library, request.GET)
    context = {
        "form": form,
        "query": "",
        "query_string": query_string_without_page(request),
        "glossary_terms": [],
        "unavailable": False,
    }
    status = 200
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        glossary = list(GlossaryTerm.objects.all())
        parsed = parse(data["q"], glossary)
        context["query"] = parsed.text
        context["filtered"] = is_filtered(data)
        context["glossary_terms"] = terms_named(parsed, glossary)
        if parsed.query is not None:
            try:
                outcome = SiteSearch(request, data, parsed, glossary, library).run()
            except SearchIndexUnavailable:
                context["unavailable"] = True
                status = 503
            else:
                context.update(outcome)
                if not outcome["total"] and not context["filtered"]:
                    FailedSearch.record(parsed.text)
        else:
            context["nothing_to_search"] = True
    response = TemplateResponse(request, "search/search.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    if status == 503:
        response["Retry-After"] = "60"
    return response


def terms_named(parsed, glossary):
    """Return the glossary terms the words name, to define above the results."""
    named = [expansion.term for expansion in parsed.expansions]
    typed = parsed.text.casefold()
    for term in glossary:
        # A term with no other forms widens nothing, but is still defined.
        if term not in named and term.term.casefold() == typed:
            named.append(term)
    return named


def suggest(request):
    """
    Return up to six page titles and glossary terms for the words typed.

    Small JSON for the search box's suggestions; only titles the visitor
    may see. Glossary terms come first, since they are short and public.
    """
    text = " ".join(request.GET.get("q", "")[:SUGGEST_MAX_LENGTH].split())
    suggestions = []
    available = True
    if len(text) >= SUGGEST_MIN_LENGTH:
        terms = GlossaryTerm.objects.filter(term__istartswith=text)[:SUGGESTED_TERMS]
        suggestions = [
            {
                "title": str(term),
                "url": f"/glossary/#{term.slug}",
                "kind": "Glossary",
            }
            for term in terms
        ]
        try:
            pages = list(
                searchable_pages(request)
                .only(*SUGGESTED_PAGE_FIELDS)
                .autocomplete(text)[: SUGGESTIONS - len(suggestions)]
            )
        except SearchIndexUnavailable:
            pages, available = [], False
        suggestions += [
            {
                "title": page.title,
                # Without the request, Wagtail does not look the site up in
                # the database to decide between a relative and a full
                # address: the suggestion is relative when the portal serves
                # one site (as it does), full when several. The lookup was
                # a quarter of the time of a suggestion.
                "url": page.get_url(),
                "kind": kind_of(page).label,
            }
            for page in pages
        ]
    response = JsonResponse(
        {"query": text, "suggestions": suggestions, "available": available}
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def glossary(request):
    """List every glossary term A to Z, each with an anchor to link to."""
    terms = list(GlossaryTerm.objects.all())
    letters = {}
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        letters.setdefault(term.initial, []).append(term)
    alphabet = [(letter, letter in letters) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    if "#" in letters:
        alphabet.insert(0, ("#", True))
    return TemplateResponse(
        request,
        "search/glossary.html",
        {"letters": sorted(letters.items()), "alphabet": alphabet},
    )
