"""Admin screens for coordinators: vocabularies, adoptions, similar practice."""

from django.urls import reverse

import pytest

from best_practice.factories import AdoptionFactory, BestPracticePageFactory
from best_practice.models import BestPracticePage, Theme
from best_practice.panels import similar_practices
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor


@pytest.fixture
def coordinator(tree):
    return UserFactory(
        username="wy-coordinator", groups=[tree.west_yorkshire.coordinators_group]
    )


@pytest.mark.django_db
def test_coordinator_edits_themes_under_library_vocabularies(tree, client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Library vocabularies" in home

    listing = client.get(reverse("wagtailsnippets_best_practice_theme:list"))
    assert listing.status_code == 200
    response = client.post(
        reverse("wagtailsnippets_best_practice_theme:add"),
        {
            "name": "Supply chains in construction",
            "slug": "supply-chains-construction",
            "description": "",
            "sort_order": 5,
        },
    )
    assert response.status_code == 302
    assert Theme.objects.filter(slug="supply-chains-construction").exists()


@pytest.mark.django_db
def test_theme_search_finds_by_name(tree, client, coordinator):
    Theme.objects.create(name="Victim identification zz", slug="victim-id-zz")
    sign_in_with_second_factor(client, coordinator)
    listing = client.get(
        reverse("wagtailsnippets_best_practice_theme:list"), {"q": "identification"}
    )
    assert "Victim identification zz" in listing.content.decode()


@pytest.mark.django_db
def test_editors_cannot_change_vocabularies(tree, client):
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    sign_in_with_second_factor(client, editor)
    response = client.get(reverse("wagtailsnippets_best_practice_theme:add"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_adoptions_are_listed_but_not_editable(tree, client, coordinator):
    practice = BestPracticePageFactory(parent=tree.leeds, title="Car wash checks")
    adoption = AdoptionFactory(practice=practice, organisation=tree.charity)
    sign_in_with_second_factor(client, coordinator)
    listing = client.get(reverse("wagtailsnippets_best_practice_adoption:list"))
    assert listing.status_code == 200
    assert "Car wash checks" in listing.content.decode()
    edit = client.get(
        reverse("wagtailsnippets_best_practice_adoption:edit", args=[adoption.pk])
    )
    assert edit.status_code in (302, 403)


@pytest.mark.django_db
def test_similar_practice_is_offered_while_editing(
    search_index, tree, client, personas
):
    BestPracticePageFactory(
        parent=tree.leeds,
        title="Car wash inspections with licensing officers",
        summary="Joint visits to hand car washes.",
    )
    BestPracticePageFactory(
        parent=tree.north_east,
        title="Police only car wash intelligence",
        summary="Hand car washes intelligence.",
        handling=BestPracticePage.Handling.POLICE,
    )
    BestPracticePageFactory(
        parent=tree.leeds, title="Training GPs", summary="Health staff training."
    )
    draft = BestPracticePageFactory(
        parent=tree.bradford,
        title="Hand car wash visits",
        summary="Licensing visits to car washes.",
    )

    titles = [page.title for page in similar_practices(draft)]
    assert "Car wash inspections with licensing officers" in titles
    assert "Training GPs" not in titles
    assert "Hand car wash visits" not in titles
    assert len(titles) <= 3

    editor = UserFactory(
        username="bradford-editor", groups=[tree.bradford.editors_group]
    )
    sign_in_with_second_factor(client, editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Similar practice already exists" in html
    assert "Car wash inspections with licensing officers" in html
    assert "Police only car wash intelligence" not in html
