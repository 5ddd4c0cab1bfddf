"""/training/: totals rolled up through the networks, by period, course and sector."""

import pytest

from events.models import Course
from network.models import OrganisationPage
from portal.visibility import PARTNERS_GROUP
from tests.conftest import restrict
from tests.signing_in import sign_in_with_second_factor
from tests.training.conftest import day, delivered


def chart(response, key):
    (found,) = [c for c in response.context["charts"] if c.key == key]
    return {row.label: row.value for row in found.rows}


@pytest.fixture
def sessions(tree, course):
    delivered(tree.leeds, course, day(2024, 5, 1), 10)
    delivered(tree.bradford, course, day(2024, 6, 1), 5)
    delivered(tree.west_yorkshire, course, day(2024, 9, 1), 3)
    delivered(tree.north_east, course, day(2024, 9, 2), 7)


def test_totals_roll_up_through_the_network_hierarchy(
    client, tree, training_page, sessions
):
    response = client.get(training_page.url)
    assert response.context["totals"] == {
        "people": 25,
        "sessions": 4,
        "organisations": 1,
    }
    assert chart(response, "network") == {
        "National Network": 25,
        "West Yorkshire": 18,
        "Leeds forum": 10,
        "Bradford forum": 5,
        "North East": 7,
    }
    # Choosing a network counts it and the networks below it, nothing else.
    response = client.get(training_page.url, {"network": tree.west_yorkshire.pk})
    assert response.context["totals"]["people"] == 18
    assert set(chart(response, "network")) == {
        "West Yorkshire",
        "Leeds forum",
        "Bradford forum",
    }
    html = response.content.decode()
    assert "<svg" in html and "People trained by network: the figures" in html


@pytest.mark.parametrize(
    ("query", "people"),
    [
        ({"period": "fy-2023"}, 1),  # 1 April 2023 to 31 March 2024
        ({"period": "fy-2024"}, 2 + 4 + 8 + 16),
        ({"period": "q-2023-4"}, 1),  # January to March 2024
        ({"period": "q-2024-1"}, 2 + 4),  # April to June 2024
        ({"period": "q-2024-2"}, 8),
        ({"period": "q-2024-4"}, 16),
        ({"period": "dates", "start": "2024-04-01", "end": "2024-07-01"}, 2 + 4 + 8),
        ({"period": "dates", "end": "2024-03-31"}, 1),
    ],
)
def test_periods_split_at_quarter_and_financial_year_boundaries(
    client, tree, course, training_page, query, people
):
    for when, count in (
        (day(2024, 3, 31), 1),
        (day(2024, 4, 1), 2),
        (day(2024, 6, 30), 4),
        (day(2024, 7, 1), 8),
        (day(2025, 3, 31), 16),
    ):
        delivered(tree.leeds, course, when, count)
    response = client.get(training_page.url, query)
    assert response.context["filter_form"].errors == {}
    assert response.context["totals"]["people"] == people


def test_financial_years_are_charted_april_to_march(
    client, tree, course, training_page
):
    delivered(tree.leeds, course, day(2024, 3, 31), 1)
    delivered(tree.leeds, course, day(2024, 4, 1), 2)
    response = client.get(training_page.url)
    assert chart(response, "period") == {"2023–24": 1, "2024–25": 2}
    by_quarter = client.get(training_page.url, {"period": "fy-2024"})
    assert chart(by_quarter, "period") == {"Apr–Jun 2024 (Q1 2024–25)": 2}


def test_by_course_and_by_sector(client, tree, course, training_page):
    other = Course.objects.create(title="County lines awareness")
    delivered(tree.leeds, course, day(2024, 5, 1), 10)
    delivered(
        tree.leeds,
        other,
        day(2024, 5, 2),
        4,
        sector=OrganisationPage.Type.LOCAL_AUTHORITY,
    )
    response = client.get(training_page.url)
    assert chart(response, "course") == {course.title: 10, "County lines awareness": 4}
    assert chart(response, "sector") == {"Police force": 10, "Local authority": 4}
    councils = client.get(training_page.url, {"sector": "local_authority"})
    assert councils.context["totals"]["people"] == 4
    assert chart(councils, "course") == {"County lines awareness": 4}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"period": "dates"}, "Enter a start date, an end date or both."),
        ({"period": "dates", "start": "next Tuesday"}, "Enter the date as YYYY-MM-DD"),
        (
            {"period": "dates", "start": "2024-05-01", "end": "2024-04-01"},
            "The end date must be on or after the start date.",
        ),
        ({"period": "fy-1800"}, "Choose a period from the list."),
        ({"network": "999999"}, "Choose a network from the list."),
    ],
)
def test_bad_filters_are_explained_not_a_crash(client, training_page, query, message):
    response = client.get(training_page.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert response.context["totals"]["people"] == 0


def test_the_public_sees_totals_and_coordinators_the_sessions(
    client, tree, training_page, sessions, coordinator
):
    public = client.get(training_page.url)
    assert "Sessions in your networks" not in public.content.decode()
    sign_in_with_second_factor(client, coordinator)
    response = client.get(training_page.url)
    # West Yorkshire's own sessions, not North East's.
    assert response.context["sessions_count"] == 3
    assert "Sessions in your networks" in response.content.decode()


def test_records_of_a_restricted_network_stay_out_of_public_totals(
    client, tree, course, training_page, personas
):
    delivered(tree.leeds, course, day(2024, 5, 1), 10)
    delivered(tree.north_east, course, day(2024, 5, 1), 7)
    restrict(tree.north_east, PARTNERS_GROUP)
    assert client.get(training_page.url).context["totals"]["people"] == 10
    client.force_login(personas["partner"])
    assert client.get(training_page.url).context["totals"]["people"] == 17


def test_courses_are_listed(client, course, training_page):
    html = client.get(training_page.url + "courses/").content.decode()
    assert course.title in html and "Half a day" in html
