"""
The /training/ pages: totals anyone may read, courses, and for coordinators
the sessions behind the totals, CSV export and import, and the hand-off
from an event's attendance to a training record.

Records count towards a network page; records of a network the request may
not see are left out through portal.visibility, as every listing is.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from events import training
from events.forms import TrainingFilterForm, TrainingImportForm
from events.models import Course, NamedAttendee, TrainingRecord
from events.permissions import managed_networks
from network.models import NetworkPage
from portal.charts import Chart
from portal.visibility import filter_visible_related, visible_pages

SESSIONS_SHOWN = 100


def visible_records(request):
    """Return the records whose network the request may see."""
    return filter_visible_related(request, TrainingRecord.objects.all(), "network__")


def _financial_years(records):
    years = set()
    for year, month in (
        records.annotate(year=ExtractYear("date"), month=ExtractMonth("date"))
        .values_list("year", "month")
        .distinct()
    ):
        years.add(year if month >= 4 else year - 1)
    return years


def _filtered(page, request):
    records = visible_records(request)
    form = TrainingFilterForm(request, _financial_years(records), request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, records.none()
    return form, form.filter(records) if form.is_bound else records


def totals_context(page, request):
    """Totals, charts and tables for /training/; sessions for coordinators."""
    form, records = _filtered(page, request)
    sector = form.cleaned_data.get("sector", "") if form.is_bound else ""
    networks = visible_pages(request, NetworkPage.objects.all()).order_by("path")
    chosen = form.cleaned_data.get("network") if form.is_bound else None
    if chosen is not None:
        networks = networks.filter(path__startswith=chosen.path)
    period = form.cleaned_data.get("period", "") if form.is_bound else ""
    by_quarter = period.startswith(("fy-", "q-"))
    charts = [
        Chart(
            "People trained by network",
            "network",
            training.network_rollup(records, list(networks), sector),
        ),
        Chart(
            "People trained by quarter"
            if by_quarter
            else "People trained by financial year",
            "period",
            training.period_rollup(records, by_quarter, sector),
        ),
        Chart(
            "People trained by course",
            "course",
            training.course_rollup(records, sector),
        ),
        Chart(
            "People trained by sector",
            "sector",
            training.sector_rollup(records, sector),
        ),
    ]
    managed = managed_networks(request.user)
    context = {
        "filter_form": form,
        "totals": training.totals(records, sector),
        "charts": [chart for chart in charts if chart.rows],
        "courses_url": page.url + page.reverse_subpage("courses"),
        "is_coordinator": managed.exists(),
    }
    if context["is_coordinator"]:
        query = request.GET.urlencode()
        sessions = (
            records.filter(network__in=managed)
            .select_related("course", "network")
            .prefetch_related("headcounts")
            .order_by("-date", "-pk")
        )
        context.update(
            sessions=sessions[:SESSIONS_SHOWN],
            sessions_count=sessions.count(),
            export_url=page.url
            + page.reverse_subpage("export")
            + (f"?{query}" if query else ""),
            import_url=page.url + page.reverse_subpage("import_records"),
            admin_url=reverse(TrainingRecord.snippet_viewset.get_url_name("list")),
        )
    return context


def course_list(page, request):
    """/training/courses/: every course, with what it covers."""
    return TemplateResponse(
        request,
        "events/training_courses.html",
        {
            "page": page,
            "courses": Course.objects.select_related("provider").prefetch_related(
                "materials__document"
            ),
            "breadcrumbs": _crumbs(page, "Courses"),
        },
    )


def export_records(page, request):
    """The filtered records as CSV, one row per headcount: coordinators only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    managed = managed_networks(request.user)
    if not managed.exists():
        raise PermissionDenied
    form, records = _filtered(page, request)
    records = records.filter(network__in=managed)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="training-records.csv"'
    training.write_csv(records, response)
    return response


def import_records(page, request):
    """Upload a CSV of past sessions; all rows are saved, or none."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    managed = managed_networks(request.user)
    if not managed.exists():
        raise PermissionDenied
    form = TrainingImportForm(
        request.POST if request.method == "POST" else None, request.FILES or None
    )
    errors = []
    if form.is_bound and form.is_valid():
        result = training.import_csv(form.cleaned_data["file"], list(managed))
        if not result.errors:
            messages.success(
                request,
                f"Imported {result.records} session{'s' if result.records != 1 else ''} "
                f"with {result.people} people.",
            )
            return redirect(page.url)
        errors = result.errors
    return TemplateResponse(
        request,
        "events/training_import.html",
        {
            "page": page,
            "form": form,
            "row_errors": errors,
            "columns": training.CSV_COLUMNS,
            "breadcrumbs": _crumbs(page, "Import records"),
        },
        status=400 if errors else 200,
    )


def save_training_record(event, request, form, walk_ins):
    """
    Turn the event's attendance (and walk-ins) into its training record, or
    refresh it. Return a redirect, or None when the forms have errors.
    """
    if not (form.is_valid() and walk_ins.is_valid()):
        return None
    rows = [
        (
            row["organisation_name"].strip(),
            row["sector"],
            row["role"].strip(),
            row["count"],
        )
        for row in walk_ins.cleaned_data
        if row.get("count")
    ]
    try:
        record, created = training.record_from_event(
            event, form.cleaned_data["course"], rows
        )
    except training.TrainingRecordRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(event.url)
    done = "created" if created else "updated"
    messages.success(
        request, f"Training record {done}: {record.people} people trained."
    )
    return redirect(event.url + event.reverse_subpage("attendance"))


@never_cache
def certificate(request, attendee_id):
    """
    A printable certificate of attendance for one named attendee, for the
    coordinators who manage the record's network (and superusers).

    Anyone else gets a 404 rather than a 403, so that the address does not
    even tell them that a certificate exists. never_cache keeps the name out
    of shared caches; once the name is erased, the certificate is gone too.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attendee = get_object_or_404(
        NamedAttendee.objects.select_related(
            "record__course__provider", "record__network", "record__delivered_by"
        ).filter(record__network__in=managed_networks(request.user)),
        pk=attendee_id,
    )
    record = attendee.record
    response = TemplateResponse(
        request,
        "events/training_certificate.html",
        {
            "attendee": attendee,
            "record": record,
            "course": record.course,
            "delivered_by": record.delivered_by,
            "record_url": reverse(
                TrainingRecord.snippet_viewset.get_url_name("edit"), args=[record.pk]
            ),
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _crumbs(page, last):
    trail = page.get_breadcrumbs(None)
    return [*trail, {"title": last, "url": ""}] if trail else []
