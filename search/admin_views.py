"""
The failed-search report: what readers searched for and did not find.

Coordinators see each set of words with how often it failed over the kept
90 days, and can add it to a glossary term as a synonym in one step, so
the next search for those words finds the term's pages.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from best_practice.wagtail_hooks import is_coordinator
from search.models import FAILED_WORDS_MAX_LENGTH, FailedSearch, GlossaryTerm

ROWS_PER_PAGE = 50


class CoordinatorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FailedSearchReportView(
    CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView
):
    """The words that found nothing, most frequent first."""

    template_name = "search/admin/failed_searches.html"
    page_title = "Searches that found nothing"
    header_icon = "search"
    breadcrumbs_items = []

    def get_page_subtitle(self):
        return "Last 90 days"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = (
            FailedSearch.objects.values("words")
            .annotate(total=Sum("count"), last_day=Max("day"))
            .order_by("-total", "words")
        )
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "rows": page,
                "terms": GlossaryTerm.objects.only("pk", "term", "expansion"),
                "add_url": reverse("search_add_synonym"),
            }
        )
        return context


class SynonymForm(forms.Form):
    words = forms.CharField(max_length=FAILED_WORDS_MAX_LENGTH)
    term = forms.ModelChoiceField(
        queryset=GlossaryTerm.objects.all(),
        error_messages={
            "required": "Choose the glossary term to add the words to.",
            "invalid_choice": "Choose a glossary term from the list.",
        },
    )


class AddSynonymView(CoordinatorsOnlyMixin, View):
    """Add failed words to a glossary term as a synonym (POST only)."""

    http_method_names = ["post"]

    def post(self, request):
        form = SynonymForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect("search_failed_searches")
        words, term = form.cleaned_data["words"], form.cleaned_data["term"]
        if term.add_synonym(words):
            messages.success(
                request,
                f"“{words}” is now a synonym of {term.term}: searches for it "
                f"also find pages about {term.term}.",
            )
        else:
            messages.info(request, f"{term.term} already has “{words}”.")
        # Dealt with: the words leave the report.
        FailedSearch.objects.filter(words=words).delete()
        return redirect("search_failed_searches")
