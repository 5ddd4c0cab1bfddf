"""
Period reports: what a network and the networks below it did between two
dates, counted from the records the portal already holds.

Every figure is a count or sum of records dated inside the period, first
and last days included. A network's figures include those of every network
below it, as a regional network reports its district forums' work.

Coordinators of the network (and superusers) get the full report, which
counts restricted pages too; anyone else gets the figures of what they may
open, through portal.visibility like every other listing.
"""

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from best_practice.models import Adoption, BestPracticePage
from events.models import EventPage, EventStatus, Headcount, TrainingRecord
from network.governance.models import (
    ActionPlanAction,
    ActionProgressUpdate,
    Award,
    MeetingPage,
    Strand,
)
from network.governance.models.plans import BUCKETS, summarise
from network.governance.money import pounds
from network.models import NetworkPage
from portal.charts import Bar, Chart
from portal.visibility import filter_visible_related, visible_pages

# (key, label) of the figures each network gets, in the report's order.
FIGURES = [
    ("events", "Events held"),
    ("attendance", "Attendance at events"),
    ("meetings", "Meetings held"),
    ("people_trained", "People trained"),
    ("training_sessions", "Training sessions"),
    ("practices_published", "Practices published"),
    ("practices_reviewed", "Practices reviewed"),
    ("practices_adopted", "Practice adoptions"),
    ("plan_updates", "Action-plan progress updates"),
    ("awards", "Awards made"),
    ("awarded", "Funding awarded"),
]
MONEY_FIGURES = {"awarded"}


@dataclass
class NetworkRow:
    """One network's figures, its own plus those of the networks below it."""

    network: object
    depth: int
    figures: dict = field(default_factory=dict)

    def shown(self, key):
        value = self.figures[key]
        return pounds(value) if key in MONEY_FIGURES else value


@dataclass
class StrandRow:
    """The action plan's figures for one strand of the strategy."""

    strand: str
    label: str
    actions: int = 0
    updates: int = 0
    statuses: dict = field(default_factory=dict)


class PeriodReport:
    """The figures for `network` (with the networks below) from `first` to `last`."""

    def __init__(self, request, network, first, last, full=False, today=None):
        self.request = request
        self.network = network
        self.first = first
        self.last = last
        self.full = full
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        self.networks = list(
            self._pages(
                NetworkPage.objects.descendant_of(network, inclusive=True)
            ).order_by("path")
        )
        self.rows = [
            NetworkRow(item, item.depth - network.depth) for item in self.networks
        ]
        self._collect()

    # What the request may count ------------------------------------------

    def _pages(self, queryset):
        """Live pages of `queryset`; restricted ones only in the full report."""
        return queryset.live() if self.full else visible_pages(self.request, queryset)

    def _related(self, queryset, prefix):
        """Rows whose page (through `prefix`) is live and, in a summary, visible."""
        if self.full:
            return queryset.filter(**{f"{prefix}live": True})
        return filter_visible_related(self.request, queryset, prefix)

    def _in_subtree(self, queryset, prefix=""):
        return queryset.filter(**{f"{prefix}path__startswith": self.network.path})

    def _dated(self, queryset, lookup):
        return queryset.filter(
            **{f"{lookup}__gte": self.first, f"{lookup}__lte": self.last}
        )

    # The records behind each figure -------------------------------------

    def events_held(self):
        """Events that took place in the period (not cancelled or postponed)."""
        events = self._pages(self._in_subtree(EventPage.objects.all()))
        return self._dated(
            events.filter(status=EventStatus.SCHEDULED, start__lte=self.now),
            "start__date",
        )

    def meetings_held(self):
        meetings = self._pages(self._in_subtree(MeetingPage.objects.all()))
        return self._dated(meetings.filter(start__lte=self.now), "start__date")

    def training_records(self):
        records = self._related(
            self._in_subtree(TrainingRecord.objects.all(), "network__"), "network__"
        )
        return self._dated(records, "date")

    def practices(self):
        return self._pages(self._in_subtree(BestPracticePage.objects.all()))

    def practices_published(self):
        return self._dated(self.practices(), "first_published_at__date")

    def practices_reviewed(self):
        return self._dated(self.practices(), "last_reviewed")

    def adoptions(self):
        adoptions = Adoption.objects.filter(practice__in=self.practices())
        return self._dated(adoptions, "adopted_on")

    def plan_actions(self):
        actions = ActionPlanAction.objects.filter(network__in=self.networks)
        return actions.select_related("network", "lead_organisation")

    def plan_updates(self):
        updates = ActionProgressUpdate.objects.filter(action__network__in=self.networks)
        return self._dated(updates, "date")

    def awards(self):
        awards = self._related(
            Award.objects.filter(fund__network__in=self.networks), "recipient__"
        )
        return self._dated(awards, "awarded_on").select_related(
            "fund__network", "recipient"
        )

    # Adding up ------------------------------------------------------------

    def _collect(self):
        events = list(self.events_held().values_list("path", "attended_count"))
        self._add("events", [(path, 1) for path, _ in events])
        self._add("attendance", [(path, count or 0) for path, count in events])
        self._add(
            "meetings",
            [(path, 1) for path in self.meetings_held().values_list("path", flat=True)],
        )
        records = self.training_records()
        self._add(
            "training_sessions",
            [(path, 1) for path in records.values_list("network__path", flat=True)],
        )
        self._add(
            "people_trained",
            Headcount.objects.filter(record__in=records).values_list(
                "record__network__path", "count"
            ),
        )
        for key, queryset in (
            ("practices_published", self.practices_published()),
            ("practices_reviewed", self.practices_reviewed()),
        ):
            self._add(
                key, [(path, 1) for path in queryset.values_list("path", flat=True)]
            )
        self._add(
            "practices_adopted",
            [
                (path, 1)
                for path in self.adoptions().values_list("practice__path", flat=True)
            ],
        )
        self._add(
            "plan_updates",
            [
                (path, 1)
                for path in self.plan_updates().values_list(
                    "action__network__path", flat=True
                )
            ],
        )
        awards = list(self.awards().values_list("fund__network__path", "amount"))
        self._add("awards", [(path, 1) for path, _ in awards])
        self._add("awarded", awards, zero=Decimal(0))

    def _add(self, key, items, zero=0):
        """Set figure `key` on every row from (tree path, value) pairs."""
        items = list(items)
        for row in self.rows:
            row.figures[key] = sum(
                (
                    value or zero
                    for path, value in items
                    if path.startswith(row.network.path)
                ),
                zero,
            )

    @property
    def totals(self):
        """The network's own row: everything in its part of the tree."""
        return self.rows[0]

    def figures(self):
        """Return [(label, shown value)] of the totals, in the report's order."""
        return [(label, self.totals.shown(key)) for key, label in FIGURES]

    @cached_property
    def _actions(self):
        """The plans' actions, read once for the strands, summary and overdue list."""
        return list(self.plan_actions().order_by("due_date", "pk"))

    def overdue_actions(self):
        return [action for action in self._actions if action.is_overdue(self.today)]

    def strands(self):
        """Return a StrandRow per strand of the strategy, status as of today."""
        return self._strands

    @cached_property
    def _strands(self):
        rows = {key: StrandRow(key, label) for key, label in Strand.choices}
        for row in rows.values():
            row.statuses = dict.fromkeys((label for _, label in BUCKETS), 0)
        for action in self._actions:
            row = rows[action.strand]
            row.actions += 1
            label = dict(BUCKETS)[action.bucket(self.today)]
            row.statuses[label] += 1
        for strand in self.plan_updates().values_list("action__strand", flat=True):
            rows[strand].updates += 1
        return list(rows.values())

    def plan_summary(self):
        return summarise(self._actions, self.today)

    def charts(self):
        def by_network(key, count_key=None):
            return [
                Bar(
                    row.network.title,
                    row.figures[key],
                    row.figures[count_key] if count_key else None,
                    depth=row.depth,
                    text=pounds(row.figures[key]) if key in MONEY_FIGURES else "",
                )
                for row in self.rows
            ]

        totals = self.totals.figures
        return [
            Chart(
                "Events held by network",
                "events",
                by_network("events", "attendance"),
                value_heading="Events",
                count_heading="Attendance",
                row_heading="Network",
            ),
            Chart(
                "Meetings held by network",
                "meetings",
                by_network("meetings"),
                value_heading="Meetings",
                row_heading="Network",
            ),
            Chart(
                "People trained by network",
                "training",
                by_network("people_trained", "training_sessions"),
                row_heading="Network",
            ),
            Chart(
                "Best practice in the period",
                "practice",
                [
                    Bar("Published", totals["practices_published"]),
                    Bar("Reviewed", totals["practices_reviewed"]),
                    Bar("Adopted by an organisation", totals["practices_adopted"]),
                ],
                value_heading="Practices",
                row_heading="What happened",
            ),
            Chart(
                "Action plans by strand",
                "strands",
                [Bar(row.label, row.actions, row.updates) for row in self.strands()],
                value_heading="Actions",
                count_heading="Updates in the period",
                row_heading="Strand",
            ),
            Chart(
                "Funding awarded by network",
                "funding",
                by_network("awarded", "awards"),
                value_heading="Amount",
                count_heading="Awards",
                row_heading="Network",
            ),
        ]

    def write_csv(self, out):
        """Write the report's figures: totals, each network, each strand."""
        writer = csv.writer(out)
        writer.writerow(["Period report", self.network.title])
        writer.writerow(["From", self.first.isoformat(), "To", self.last.isoformat()])
        writer.writerow(["Report", "Full" if self.full else "Public summary"])
        writer.writerow([])
        writer.writerow(["Network", *(label for _, label in FIGURES)])
        for row in self.rows:
            writer.writerow(
                [
                    row.network.title,
                    *(
                        f"{row.figures[key]:.2f}"
                        if key in MONEY_FIGURES
                        else row.figures[key]
                        for key, _ in FIGURES
                    ),
                ]
            )
        writer.writerow([])
        strands = self.strands()
        statuses = list(strands[0].statuses) if strands else []
        writer.writerow(
            [
                "Strand",
                "Actions",
                *(s.capitalize() for s in statuses),
                "Updates in the period",
            ]
        )
        for row in strands:
            writer.writerow(
                [row.label, row.actions, *row.statuses.values(), row.updates]
            )


def report_years(today=None):
    """Financial years offered in the form: from the first network's to now."""
    from events.training import financial_year

    today = today or timezone.localdate()
    return range(2014, financial_year(today) + 1)


def this_financial_year(today=None):
    """The period code of the financial year holding `today`."""
    from events.training import financial_year

    return f"fy-{financial_year(today or timezone.localdate())}"
