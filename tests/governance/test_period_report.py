"""
Every figure of the period report is a count of the records behind it:
a district's records count toward its region, records on the first and
last days of the period count, and those a day outside do not.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import Adoption, BestPracticePage
from events.factories import EventPageFactory
from events.models import Course
from network.governance.factories import (
    ActionPlanActionFactory,
    AwardFactory,
    FundFactory,
    MeetingPageFactory,
)
from network.governance.models import ActionProgressUpdate, RAGStatus, Strand
from network.governance.reports import FIGURES
from tests.governance.conftest import at, report_url
from tests.signing_in import sign_in_with_second_factor
from tests.training.conftest import delivered

# Quarter 1 of 2024-25, and the days either side of it.
FIRST = datetime.date(2024, 4, 1)
LAST = datetime.date(2024, 6, 30)
BEFORE = datetime.date(2024, 3, 31)
AFTER = datetime.date(2024, 7, 1)
QUARTER = {"period": "q-2024-1"}


@pytest.fixture
def records(tree):
    """
    The same records in Leeds (a district), West Yorkshire (its region) and
    North East (another region), on the period's first and last days and
    on the days just outside it. Returns what West Yorkshire's report
    should count for Q1 2024-25.
    """
    course = Course.objects.create(title="Spotting the signs")
    fund = FundFactory(network=tree.west_yorkshire, total=Decimal("100000"))
    ne_fund = FundFactory(network=tree.north_east, total=Decimal("100000"))
    organisation = tree.charity
    expected = dict.fromkeys((key for key, _ in FIGURES), 0)
    expected["awarded"] = Decimal(0)
    for network in (tree.leeds, tree.west_yorkshire, tree.north_east):
        counts = network != tree.north_east
        for day in (BEFORE, FIRST, LAST, AFTER):
            inside = counts and FIRST <= day <= LAST
            slug = f"{network.slug}-{day:%Y%m%d}"
            EventPageFactory(
                parent=network,
                slug=f"event-{slug}",
                start=at(day),
                end=at(day, 15),
                attended_count=12,
            )
            MeetingPageFactory(parent=network, slug=f"meeting-{slug}", start=at(day))
            delivered(network, course, day, 4, 3)
            practice = BestPracticePageFactory(
                parent=network, slug=f"practice-{slug}", last_reviewed=day
            )
            BestPracticePage.objects.filter(pk=practice.pk).update(
                first_published_at=at(day)
            )
            Adoption.objects.create(
                practice=practice, organisation=organisation, adopted_on=day
            )
            action = ActionPlanActionFactory(
                network=network, strand=Strand.PREVENT, title=f"Action {slug}"
            )
            ActionProgressUpdate.objects.create(action=action, date=day, note="Done")
            AwardFactory(
                fund=fund if counts else ne_fund,
                recipient=organisation,
                amount=Decimal("250.50"),
                awarded_on=day,
            )
            if inside:
                for key, amount in [
                    ("events", 1),
                    ("attendance", 12),
                    ("meetings", 1),
                    ("people_trained", 7),
                    ("training_sessions", 1),
                    ("practices_published", 1),
                    ("practices_reviewed", 1),
                    ("practices_adopted", 1),
                    ("plan_updates", 1),
                    ("awards", 1),
                    ("awarded", Decimal("250.50")),
                ]:
                    expected[key] += amount
    # A cancelled event on the first day was not held.
    EventPageFactory(
        parent=tree.leeds,
        slug="cancelled",
        start=at(FIRST),
        end=at(FIRST, 15),
        status="cancelled",
        cancellation_reason="The venue flooded.",
    )
    return expected


def report_context(client, network, **params):
    response = client.get(report_url(network, **params))
    assert response.status_code == 200
    return response.context


def test_each_figure_counts_the_records_of_the_region_and_its_districts(
    client, tree, records, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    report = report_context(client, tree.west_yorkshire, **QUARTER)["report"]
    assert report.first == FIRST and report.last == LAST
    assert report.totals.figures == records
    # Leeds alone: its own half of everything.
    leeds_row = next(row for row in report.rows if row.network == tree.leeds)
    assert leeds_row.figures["events"] == 2
    assert leeds_row.figures["people_trained"] == 14
    # Awards count toward the network whose fund made them: West Yorkshire's.
    assert leeds_row.figures["awarded"] == 0


def test_the_district_report_leaves_its_region_out(client, tree, records, coordinator):
    sign_in_with_second_factor(client, coordinator)
    report = report_context(client, tree.leeds, **QUARTER)["report"]
    assert report.totals.figures["meetings"] == 2
    assert report.totals.figures["training_sessions"] == 2
    assert [row.network for row in report.rows] == [tree.leeds]


def test_chosen_dates_include_both_end_days(client, tree, records, coordinator):
    sign_in_with_second_factor(client, coordinator)
    report = report_context(
        client,
        tree.west_yorkshire,
        period="dates",
        start=LAST.isoformat(),
        end=AFTER.isoformat(),
    )["report"]
    # Leeds and West Yorkshire, on each of the two days.
    assert report.totals.figures["events"] == 4
    assert report.totals.figures["awarded"] == Decimal("1002.00")


def test_the_financial_year_runs_april_to_march(client, tree, records, coordinator):
    sign_in_with_second_factor(client, coordinator)
    report = report_context(client, tree.west_yorkshire, period="fy-2023")["report"]
    assert (report.first, report.last) == (
        datetime.date(2023, 4, 1),
        datetime.date(2024, 3, 31),
    )
    # Only the 31 March records of Leeds and West Yorkshire.
    assert report.totals.figures["practices_adopted"] == 2


def test_the_page_shows_each_figure_in_the_summary_and_the_charts(
    client, tree, records, coordinator
):
    sign_in_with_second_factor(client, coordinator)
    response = client.get(report_url(tree.west_yorkshire, **QUARTER))
    html = response.content.decode()
    assert "Full report" in html
    assert "£1,002" in html
    for label, value in response.context["figures"]:
        assert f">{label}</dt>" in html
        assert f">{value}</span>" in html
    titles = [chart.title for chart in response.context["charts"]]
    assert "Events held by network" in titles
    for chart in response.context["charts"]:
        # Every chart has its table with the same figures.
        assert f'id="caption-{chart.key}"' in html


def test_the_csv_has_the_figures_of_the_page(client, tree, records, coordinator):
    sign_in_with_second_factor(client, coordinator)
    page = client.get(report_url(tree.west_yorkshire, **QUARTER)).context
    response = client.get(
        f"/reports/period.csv?network={tree.west_yorkshire.pk}&period=q-2024-1"
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header = rows.index(["Network", *(label for _, label in FIGURES)])
    by_network = {row[0]: row[1:] for row in rows[header + 1 : header + 4]}
    for row in page["report"].rows:
        assert by_network[row.network.title] == [
            f"{row.figures[key]:.2f}" if key == "awarded" else str(row.figures[key])
            for key, _ in FIGURES
        ]
    strands = rows.index(
        [
            "Strand",
            "Actions",
            "Overdue",
            "Complete",
            "On track",
            "At risk",
            "Off track",
            "Updates in the period",
        ]
    )
    prevent = next(row for row in rows[strands:] if row[0] == "Prevent")
    shown = next(row for row in page["strands"] if row.label == "Prevent")
    assert prevent[1] == str(shown.actions) == "8"
    assert prevent[-1] == str(shown.updates) == "4"


def test_restricted_pages_count_only_for_those_who_may_open_them(
    client, tree, records, coordinator, personas
):
    BestPracticePageFactory(
        parent=tree.leeds,
        slug="police-only",
        handling=BestPracticePage.Handling.POLICE,
        last_reviewed=FIRST,
    )
    expected_full = records["practices_reviewed"] + 1
    sign_in_with_second_factor(client, coordinator)
    full = report_context(client, tree.west_yorkshire, **QUARTER)["report"]
    assert full.full and full.totals.figures["practices_reviewed"] == expected_full
    for persona, counted in [
        ("anonymous", False),
        ("partner", False),
        ("police", True),
        ("superuser", True),
    ]:
        client.logout()
        if personas[persona]:
            sign_in_with_second_factor(client, personas[persona])
        report = report_context(client, tree.west_yorkshire, **QUARTER)["report"]
        assert report.totals.figures["practices_reviewed"] == (
            expected_full if counted else records["practices_reviewed"]
        ), persona


def test_another_networks_coordinator_gets_the_public_summary(
    client, tree, records, north_east_coordinator
):
    sign_in_with_second_factor(client, north_east_coordinator)
    response = client.get(report_url(tree.west_yorkshire, **QUARTER))
    assert not response.context["report"].full
    assert "Public summary" in response.content.decode()
    assert "Overdue actions" not in response.content.decode()


def test_overdue_is_worked_out_from_the_due_date(client, tree, coordinator):
    today = datetime.date.today()
    ActionPlanActionFactory(
        network=tree.leeds, due_date=today - datetime.timedelta(days=1)
    )
    ActionPlanActionFactory(
        network=tree.leeds,
        due_date=today - datetime.timedelta(days=1),
        status=RAGStatus.COMPLETE,
    )
    ActionPlanActionFactory(network=tree.leeds, due_date=today, status=RAGStatus.AMBER)
    sign_in_with_second_factor(client, coordinator)
    context = report_context(client, tree.west_yorkshire, **QUARTER)
    assert context["plan_total"] == (
        3,
        [("overdue", 1), ("complete", 1), ("at risk", 1)],
    )
    assert len(context["overdue"]) == 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Choose a period."),
        ({"period": "q-1999-1"}, "Choose a period from the list."),
        ({"period": "dates"}, "Enter a start date, an end date or both."),
        (
            {"period": "dates", "start": "2024-04-01"},
            "Enter the last day of the period.",
        ),
        (
            {"period": "dates", "start": "2024-04-01", "end": "2024-03-01"},
            "The end date must be on or after the start date.",
        ),
        (
            {"period": "dates", "start": "1 April", "end": "2024-05-01"},
            "Enter the date as YYYY-MM-DD",
        ),
    ],
)
def test_a_bad_period_gets_a_message_and_no_report(client, tree, params, message):
    response = client.get(report_url(tree.west_yorkshire, **params))
    assert response.status_code == 200
    assert response.context["report"] is None
    html = response.content.decode()
    assert message in html
    assert "<title>Error:" in html
    csv_response = client.get(
        f"/reports/period.csv?network={tree.west_yorkshire.pk}&"
        + "&".join(f"{k}={v}" for k, v in params.items())
    )
    assert csv_response.status_code == 400
    assert message in csv_response.content.decode()


def test_a_network_the_visitor_cannot_see_is_refused(client, tree):
    from tests.conftest import restrict

    restrict(tree.north_east)
    response = client.get(report_url(tree.north_east, **QUARTER))
    assert response.context["report"] is None
    assert "Choose a network from the list." in response.content.decode()
