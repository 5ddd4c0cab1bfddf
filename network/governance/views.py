"""
The period report (/reports/period/), its CSV, and what a network page shows
of its governance: meetings, action plan and links to the reports.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from events.permissions import managed_networks
from network.governance.forms import PeriodReportForm
from network.governance.models import (
    ActionPlanAction,
    FundingPage,
    MeetingPage,
    Strand,
)
from network.governance.models.plans import summarise
from network.governance.reports import PeriodReport, this_financial_year
from network.models import NetworkPage
from portal.visibility import visible_pages

MEETINGS_SHOWN = 5


def may_see_full_report(user, network):
    """Coordinators of the network or of one above it, and superusers."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or managed_networks(user).filter(pk=network.pk).exists()


def _report(request):
    """Return (form, report); the report is None until the form is valid."""
    form = PeriodReportForm(request, request.GET or None)
    if not (form.is_bound and form.is_valid()):
        return form, None
    network = form.cleaned_data["network"]
    first, last = form.dates()
    full = may_see_full_report(request.user, network)
    return form, PeriodReport(request, network, first, last, full=full)


def period_report(request):
    form, report = _report(request)
    context = {
        "filter_form": form,
        "report": report,
        "breadcrumbs": [
            {"title": "Home", "url": "/"},
            {"title": "Period report", "url": ""},
        ],
    }
    if report is not None:
        context.update(
            figures=report.figures(),
            charts=report.charts(),
            strands=report.strands(),
            plan_total=report.plan_summary(),
            csv_url=reverse("governance:period-report-csv")
            + "?"
            + request.GET.urlencode(),
        )
        if report.full:
            context.update(
                meetings=report.meetings_held().order_by("start"),
                awards=report.awards().order_by("awarded_on", "pk"),
                overdue=report.overdue_actions(),
            )
    return TemplateResponse(request, "governance/period_report.html", context)


def period_report_csv(request):
    form, report = _report(request)
    if report is None:
        problems = [str(error) for errors in form.errors.values() for error in errors]
        return HttpResponseBadRequest(
            "The report could not be made: "
            + (" ".join(problems) or "choose a network and a period."),
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"period-report-{slugify(report.network.title)}-{report.first}-{report.last}"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    report.write_csv(response)
    return response


def network_governance(request, network):
    """Return the meetings, action plan and report links a network page shows."""
    now = timezone.now()
    meetings = visible_pages(request, MeetingPage.objects.child_of(network))
    actions = list(
        ActionPlanAction.objects.filter(network=network)
        .select_related("lead_organisation")
        .prefetch_related("updates")
    )
    plan = [
        (label, [action for action in actions if action.strand == key])
        for key, label in Strand.choices
    ]
    context = {
        "upcoming_meetings": meetings.filter(start__gte=now).order_by("start")[
            :MEETINGS_SHOWN
        ],
        "past_meetings": meetings.filter(start__lt=now).order_by("-start")[
            :MEETINGS_SHOWN
        ],
        "action_plan": [(label, items) for label, items in plan if items],
        "report_url": reverse("governance:period-report")
        + f"?network={network.pk}&period={this_financial_year()}",
        "funding_page": visible_pages(
            request, FundingPage.objects.child_of(network)
        ).first(),
    }
    children = list(visible_pages(request, NetworkPage.objects.child_of(network)))
    if children:
        below = visible_pages(
            request, NetworkPage.objects.descendant_of(network)
        ).values_list("pk", flat=True)
        total, statuses = summarise(
            ActionPlanAction.objects.filter(network__in=list(below))
        )
        context["plan_rollup"] = {
            "networks": len(children),
            "networks_label": "regional network"
            if network.level == NetworkPage.Level.NATIONAL
            else "district forum",
            "actions": total,
            "statuses": statuses,
        }
    return context
