"""Recording that an organisation adopted a practice, and listing adopters."""

import datetime

from django.utils import timezone

import pytest

from best_practice.factories import AdoptionFactory
from best_practice.models import Adoption
from tests.best_practice.test_library import PERSONAS, SEES_PARTNERS, build_library
from tests.conftest import restrict
from tests.signing_in import sign_in_with_second_factor


@pytest.fixture
def library(tree):
    return build_library(tree)


def adopt_url(practice):
    return practice.url + "adopt/"


def valid_data(organisation, overrides=None):
    data = {
        "organisation": organisation.pk,
        "adopted_on_0": "3",
        "adopted_on_1": "2",
        "adopted_on_2": "2025",
        "note": "We ran it in two towns; the licensing visits found three victims.",
    }
    data.update(overrides or {})
    return data


@pytest.mark.django_db
def test_signed_in_reader_records_an_adoption(client, personas, library, tree):
    client.force_login(personas["signed_in"])
    response = client.get(adopt_url(library.car_wash))
    assert response.status_code == 200
    assert "Record that your organisation adopted this practice" in (
        response.content.decode()
    )
    response = client.post(
        adopt_url(library.car_wash), valid_data(tree.council), follow=True
    )
    html = response.content.decode()
    assert "Leeds Council is now listed as having adopted this practice." in html
    assert "the licensing visits found three victims" in html
    adoption = Adoption.objects.get()
    assert adoption.organisation == tree.council
    assert adoption.adopted_on == datetime.date(2025, 2, 3)
    assert adoption.recorded_by == personas["signed_in"]


@pytest.mark.django_db
def test_anonymous_visitor_is_asked_to_sign_in(client, library, tree):
    html = client.get(library.car_wash.url).content.decode()
    assert "Sign in to record that your organisation adopted this practice" in html
    response = client.post(adopt_url(library.car_wash), valid_data(tree.council))
    assert response.status_code == 302
    assert "/account/sign-in/" in response["Location"]
    assert not Adoption.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["signed_in", "partner", "police"])
def test_adoption_of_a_restricted_practice_needs_its_readers(
    client, personas, library, tree, persona
):
    sign_in_with_second_factor(client, personas[persona])
    response = client.post(adopt_url(library.partners), valid_data(tree.council))
    if persona in SEES_PARTNERS:
        assert response.status_code == 302
        assert Adoption.objects.filter(practice=library.partners).exists()
    else:
        assert response.status_code in (302, 403, 404)
        assert "Partners briefing pack" not in response.content.decode()
        assert not Adoption.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"organisation": ""}, "Choose your organisation"),
        ({"organisation": "999999"}, "Choose your organisation from the list"),
        (
            {"adopted_on_0": "", "adopted_on_1": "", "adopted_on_2": ""},
            "Enter the date your organisation started using it",
        ),
        ({"adopted_on_0": "31", "adopted_on_1": "2"}, "The date must be a real date"),
        ({"adopted_on_2": "2999"}, "The date must be today or in the past"),
        ({"note": "x" * 1001}, "How it went must be 1000 characters or fewer"),
    ],
)
def test_invalid_adoption_is_refused_with_a_clear_message(
    client, personas, library, tree, overrides, message
):
    client.force_login(personas["signed_in"])
    response = client.post(
        adopt_url(library.car_wash), valid_data(tree.council, overrides)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error: " in html
    assert not Adoption.objects.exists()


@pytest.mark.django_db
def test_future_date_is_refused(client, personas, library, tree):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.force_login(personas["signed_in"])
    response = client.post(
        adopt_url(library.car_wash),
        valid_data(
            tree.council,
            {
                "adopted_on_0": str(tomorrow.day),
                "adopted_on_1": str(tomorrow.month),
                "adopted_on_2": str(tomorrow.year),
            },
        ),
    )
    assert "The date must be today or in the past" in response.content.decode()
    assert not Adoption.objects.exists()


@pytest.mark.django_db
def test_one_adoption_per_organisation_per_practice(client, personas, library, tree):
    AdoptionFactory(practice=library.car_wash, organisation=tree.council)
    client.force_login(personas["signed_in"])
    response = client.post(adopt_url(library.car_wash), valid_data(tree.council))
    assert (
        "Leeds Council has already recorded adopting this practice"
        in response.content.decode()
    )
    assert Adoption.objects.count() == 1
    # The same organisation may still adopt another practice.
    response = client.post(adopt_url(library.nail_bar), valid_data(tree.council))
    assert response.status_code == 302
    assert Adoption.objects.count() == 2


@pytest.mark.django_db
def test_only_organisations_the_reader_may_see_are_offered(
    client, personas, library, tree
):
    restrict(tree.charity, "Partners")
    client.force_login(personas["signed_in"])
    html = client.get(adopt_url(library.car_wash)).content.decode()
    assert "Leeds Council" in html
    assert "Safe Harbour Trust" not in html
    response = client.post(adopt_url(library.car_wash), valid_data(tree.charity))
    assert "Choose your organisation from the list" in response.content.decode()
    assert not Adoption.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_page_lists_adopters_the_reader_may_see(
    client, personas, library, tree, persona
):
    AdoptionFactory(
        practice=library.car_wash, organisation=tree.council, note="Worked for us."
    )
    AdoptionFactory(practice=library.car_wash, organisation=tree.charity)
    restrict(tree.charity, "Partners")
    if personas[persona] is not None:
        sign_in_with_second_factor(client, personas[persona])
    html = client.get(library.car_wash.url).content.decode()
    assert "Adopted by" in html
    assert "Leeds Council" in html
    assert "Worked for us." in html
    assert ("Safe Harbour Trust" in html) == (persona in SEES_PARTNERS)
