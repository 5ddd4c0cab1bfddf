"""The library at /best-practice/: search, filters, counts, sorting and tag pages."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

import pytest

from best_practice.factories import (
    AdoptionFactory,
    BestPracticeIndexPageFactory,
    BestPracticePageFactory,
)
from best_practice.library import PRACTICES_PER_PAGE, vocabulary_terms
from best_practice.models import BestPracticePage, ExploitationType, Sector, Theme
from network.factories import OrganisationPageFactory
from tests.signing_in import sign_in_with_second_factor

PERSONAS = ["anonymous", "signed_in", "partner", "police", "superuser"]
# Who may see the partners-only and the police-only practice.
SEES_PARTNERS = {"partner", "police", "superuser"}
SEES_POLICE = {"police", "superuser"}


@dataclass
class Library:
    index: object
    car_wash: object
    nail_bar: object
    referral: object
    partners: object
    police: object


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def build_library(tree):
    """
    Five practices across the networks of the `tree` fixture:

    West Yorkshire: car wash checks (public, worked, tag "car washes")
    Leeds forum: nail bar outreach (public, did not work, tag "nail bars")
    North East: referral pilot (public, promising, no theme)
    North East: partners briefing pack (partners only, tag "hidden partners tag")
    Bradford forum: police op (police only, tag "car washes")
    """
    identification = Theme.objects.get(slug="victim-identification")
    prevention = Theme.objects.get(slug="prevention")
    labour = ExploitationType.objects.get(slug="labour-exploitation")
    sexual = ExploitationType.objects.get(slug="sexual-exploitation")
    car_washes = Sector.objects.get(slug="car-washes")
    nail_bars = Sector.objects.get(slug="nail-bars-and-beauty")
    index = BestPracticeIndexPageFactory(parent=tree.home)
    car_wash = BestPracticePageFactory(
        parent=tree.west_yorkshire,
        title="Car wash welfare checks",
        slug="car-wash-welfare-checks",
        summary="Licensing officers and police visit hand car washes together.",
        first_published_at=days_ago(30),
        last_reviewed=datetime.date(2025, 1, 10),
        outcome=BestPracticePage.Outcome.WORKED,
        evidence_stage=BestPracticePage.EvidenceStage.INDEPENDENT,
        themes=[identification],
        exploitation_types=[labour],
        sectors=[car_washes],
        contributing_organisations=[tree.police_force],
        tags=["car washes"],
    )
    nail_bar = BestPracticePageFactory(
        parent=tree.leeds,
        title="Nail bar outreach",
        slug="nail-bar-outreach",
        summary="Outreach workers visited nail bars with leaflets in Vietnamese.",
        first_published_at=days_ago(10),
        last_reviewed=datetime.date(2024, 6, 1),
        outcome=BestPracticePage.Outcome.DID_NOT_WORK,
        evidence_stage=BestPracticePage.EvidenceStage.LOCAL,
        themes=[prevention, identification],
        exploitation_types=[labour, sexual],
        sectors=[nail_bars],
        contributing_organisations=[tree.council],
        tags=["nail bars"],
    )
    referral = BestPracticePageFactory(
        parent=tree.north_east,
        title="Referral mechanism pilot",
        slug="referral-mechanism-pilot",
        summary="A single referral form for all North East partners.",
        first_published_at=days_ago(20),
        last_reviewed=datetime.date(2025, 3, 1),
        outcome=BestPracticePage.Outcome.PROMISING,
        evidence_stage=BestPracticePage.EvidenceStage.UNTESTED,
        contributing_organisations=[tree.charity],
    )
    partners = BestPracticePageFactory(
        parent=tree.north_east,
        title="Partners briefing pack",
        slug="partners-briefing-pack",
        summary="A briefing pack on car wash exploitation for partners.",
        first_published_at=days_ago(1),
        handling=BestPracticePage.Handling.PARTNERS,
        themes=[identification],
        exploitation_types=[labour],
        sectors=[car_washes],
        contributing_organisations=[tree.charity],
        tags=["hidden partners tag"],
    )
    police = BestPracticePageFactory(
        parent=tree.bradford,
        title="Police car wash operation",
        slug="police-car-wash-operation",
        summary="How a force planned a day of action at car washes.",
        first_published_at=days_ago(2),
        handling=BestPracticePage.Handling.POLICE,
        themes=[identification],
        exploitation_types=[labour],
        sectors=[car_washes],
        contributing_organisations=[tree.police_force],
        tags=["car washes"],
    )
    return Library(index, car_wash, nail_bar, referral, partners, police)


@pytest.fixture
def library(tree):
    return build_library(tree)


def get_as(client, personas, persona, url, data=None):
    user = personas[persona]
    if user is not None:
        sign_in_with_second_factor(client, user)
    return client.get(url, data or {})


def listed(response):
    return [practice.title for practice in response.context["practices"]]


def option_count(html, name, value):
    """Return the count shown beside one filter value, or None if not offered."""
    pattern = (
        rf'name="{name}" type="checkbox" value="{re.escape(value)}"[^>]*>\s*'
        rf"<label[^>]*>[^<]*<span[^>]*>\((\d+)"
    )
    match = re.search(pattern, html)
    if match:
        return int(match.group(1))
    match = re.search(
        rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)</option>', html
    )
    return int(match.group(1)) if match else None


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_library_lists_only_what_the_visitor_may_see(
    client, personas, library, persona
):
    response = get_as(client, personas, persona, "/best-practice/")
    assert response.status_code == 200
    expected = {
        "Car wash welfare checks",
        "Nail bar outreach",
        "Referral mechanism pilot",
    }
    if persona in SEES_PARTNERS:
        expected.add("Partners briefing pack")
    if persona in SEES_POLICE:
        expected.add("Police car wash operation")
    assert set(listed(response)) == expected
    html = response.content.decode()
    assert f"{len(expected)} practices" in html
    if persona not in SEES_PARTNERS:
        assert "Partners briefing pack" not in html
        assert "hidden partners tag" not in html
    if persona not in SEES_POLICE:
        assert "Police car wash operation" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_counts_beside_filters_count_only_what_the_visitor_may_see(
    client, personas, library, tree, persona
):
    html = get_as(client, personas, persona, "/best-practice/").content.decode()
    hidden_too = (persona in SEES_PARTNERS) + (persona in SEES_POLICE)
    # Car wash checks and nail bar outreach, plus the restricted ones.
    assert option_count(html, "theme", "victim-identification") == 2 + hidden_too
    assert option_count(html, "sector", "car-washes") == 1 + hidden_too
    assert option_count(html, "outcome", "worked") == 1 + hidden_too
    assert option_count(html, "network", str(tree.north_east.pk)) == 1 + (
        persona in SEES_PARTNERS
    )
    assert option_count(html, "organisation", str(tree.charity.pk)) == 1 + (
        persona in SEES_PARTNERS
    )
    assert option_count(html, "tag", "car-washes") == 1 + (persona in SEES_POLICE)
    tag_offered = option_count(html, "tag", "hidden-partners-tag") is not None
    assert tag_offered == (persona in SEES_PARTNERS)


@pytest.mark.django_db
def test_each_filter_narrows_the_list(client, library, tree):
    cases = [
        ({"theme": "prevention"}, ["Nail bar outreach"]),
        ({"exploitation": "sexual-exploitation"}, ["Nail bar outreach"]),
        ({"sector": "car-washes"}, ["Car wash welfare checks"]),
        ({"outcome": "did_not_work"}, ["Nail bar outreach"]),
        ({"evidence": "untested"}, ["Referral mechanism pilot"]),
        ({"organisation": tree.charity.pk}, ["Referral mechanism pilot"]),
        ({"tag": "nail-bars"}, ["Nail bar outreach"]),
        ({"network": tree.leeds.pk}, ["Nail bar outreach"]),
    ]
    for query, expected in cases:
        response = client.get("/best-practice/", query)
        assert listed(response) == expected, query


@pytest.mark.django_db
def test_network_filter_includes_its_child_networks(client, library, tree):
    response = client.get("/best-practice/", {"network": tree.west_yorkshire.pk})
    assert listed(response) == ["Nail bar outreach", "Car wash welfare checks"]
    html = response.content.decode()
    assert option_count(html, "network", str(tree.west_yorkshire.pk)) == 2
    assert option_count(html, "network", str(tree.national.pk)) == 3


@pytest.mark.django_db
def test_values_of_one_filter_widen_and_other_filters_narrow(client, library):
    response = client.get(
        "/best-practice/",
        {"outcome": ["worked", "promising"], "theme": "victim-identification"},
    )
    assert listed(response) == ["Car wash welfare checks"]
    html = response.content.decode()
    # Counts beside outcome values assume the theme chosen, and vice versa.
    assert option_count(html, "outcome", "did_not_work") == 1
    assert option_count(html, "outcome", "promising") == 0
    assert option_count(html, "theme", "victim-identification") == 1
    assert option_count(html, "theme", "prevention") == 0


@pytest.mark.django_db
def test_text_query_combines_with_filters(search_index, client, library):
    response = client.get("/best-practice/", {"q": "car wash"})
    assert "Car wash welfare checks" in listed(response)
    assert "Nail bar outreach" not in listed(response)
    response = client.get(
        "/best-practice/", {"q": "car wash", "outcome": "did_not_work"}
    )
    assert listed(response) == []
    assert "No practice matches this search" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "signed_in"])
def test_search_never_finds_restricted_practice(
    search_index, client, personas, library, persona
):
    response = get_as(
        client, personas, persona, "/best-practice/", {"q": "briefing pack"}
    )
    assert listed(response) == []
    assert "Partners briefing pack" not in response.content.decode()


@pytest.mark.django_db
def test_sort_orders(client, library):
    newest = listed(client.get("/best-practice/"))
    assert newest == [
        "Nail bar outreach",
        "Referral mechanism pilot",
        "Car wash welfare checks",
    ]
    assert listed(client.get("/best-practice/", {"sort": "title"})) == sorted(newest)
    assert listed(client.get("/best-practice/", {"sort": "reviewed"})) == [
        "Referral mechanism pilot",
        "Car wash welfare checks",
        "Nail bar outreach",
    ]


@pytest.mark.django_db
def test_relevance_is_offered_only_with_a_query(search_index, client, library):
    html = client.get("/best-practice/").content.decode()
    assert "Best match" not in html
    response = client.get("/best-practice/", {"q": "nail bar"})
    html = response.content.decode()
    assert '<option value="relevance" selected>Best match</option>' in html
    assert listed(response)[0] == "Nail bar outreach"


@pytest.mark.django_db
def test_filter_state_is_kept_in_the_address(client, library, tree):
    response = client.get(
        "/best-practice/",
        {
            "theme": "victim-identification",
            "network": tree.west_yorkshire.pk,
            "q": "car",
        },
    )
    html = response.content.decode()
    assert 'value="victim-identification" checked' in html
    assert f'<option value="{tree.west_yorkshire.pk}" selected>' in html
    assert 'value="car"' in html
    assert "Theme:</span> Victim identification" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"theme": "no-such-theme"}, "Choose a theme from the list."),
        ({"outcome": "brilliant"}, "Choose an outcome from the list."),
        ({"network": "abc"}, "Choose a network from the list."),
        ({"network": "999999"}, "Choose a network from the list."),
        ({"organisation": "<script>"}, "Choose an organisation from the list."),
        ({"tag": "hidden-partners-tag"}, "Choose a tag from the list."),
        ({"sort": "random"}, "Choose how to sort from the list."),
        ({"q": "x" * 201}, "Search words must be 200 characters or fewer."),
    ],
)
def test_bad_input_gives_a_clear_message_not_an_error(client, library, query, message):
    response = client.get("/best-practice/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error: " in html
    assert listed(response) == []


@pytest.mark.django_db
def test_a_hidden_tag_is_refused_like_an_unknown_one(client, personas, library):
    """An anonymous visitor cannot tell a restricted tag from a made-up one."""
    hidden = client.get("/best-practice/", {"tag": "hidden-partners-tag"})
    unknown = client.get("/best-practice/", {"tag": "made-up-tag"})
    assert hidden.context["filter_form"].errors == unknown.context["filter_form"].errors
    client.force_login(personas["partner"])
    response = client.get("/best-practice/", {"tag": "hidden-partners-tag"})
    assert listed(response) == ["Partners briefing pack"]


@pytest.mark.django_db
def test_a_hidden_contributor_is_refused_like_an_unknown_one(
    client, personas, library, tree
):
    """An organisation known only for restricted practice is not offered."""
    hidden = OrganisationPageFactory(parent=tree.north_east, title="Quiet partner")
    library.partners.contributing_organisations.add(hidden)
    library.partners.save()
    refused = client.get("/best-practice/", {"organisation": hidden.pk})
    unknown = client.get("/best-practice/", {"organisation": 999_999})
    assert refused.context["filter_form"].errors == (
        unknown.context["filter_form"].errors
    )
    assert "Quiet partner" not in refused.content.decode()
    client.force_login(personas["partner"])
    response = client.get("/best-practice/", {"organisation": hidden.pk})
    assert listed(response) == ["Partners briefing pack"]


@pytest.mark.django_db
def test_pagination_and_bad_page_numbers(client, library, tree):
    for number in range(PRACTICES_PER_PAGE):
        BestPracticePageFactory(
            parent=tree.north_east,
            title=f"Extra practice {number:02}",
            slug=f"extra-{number}",
            first_published_at=days_ago(100 + number),
        )
    first = client.get("/best-practice/")
    assert len(listed(first)) == PRACTICES_PER_PAGE
    assert 'aria-label="Pagination"' in first.content.decode()
    second = client.get("/best-practice/", {"page": 2, "sort": "title"})
    assert second.context["page_obj"].number == 2
    assert 'href="?sort=title&amp;page=1"' in second.content.decode()
    for bad in ("x", "999", "-1"):
        assert client.get("/best-practice/", {"page": bad}).status_code == 200


@pytest.mark.django_db
def test_empty_library_has_an_empty_state(client, tree):
    BestPracticeIndexPageFactory(parent=tree.home)
    html = client.get("/best-practice/").content.decode()
    assert "The library is empty for now" in html


@pytest.mark.django_db
def test_cards_show_outcome_network_and_adoption_count(client, library, tree):
    AdoptionFactory(practice=library.car_wash, organisation=tree.council)
    AdoptionFactory(practice=library.car_wash, organisation=tree.charity)
    html = client.get("/best-practice/").content.decode()
    assert "Adopted by 2 organisations" in html
    assert "Did not work" in html
    assert (
        'Leeds forum · Last reviewed <time datetime="2024-06-01">1 June 2024</time>'
        in html
    )


@pytest.mark.django_db
def test_adoption_count_leaves_out_adopters_the_visitor_may_not_see(
    client, personas, library, tree
):
    from tests.conftest import restrict

    AdoptionFactory(practice=library.car_wash, organisation=tree.charity)
    restrict(tree.charity, "Partners")
    html = client.get("/best-practice/").content.decode()
    assert "Adopted by" not in html
    client.force_login(personas["partner"])
    assert "Adopted by 1 organisation" in client.get("/best-practice/").content.decode()


@pytest.mark.django_db
def test_library_keeps_to_a_handful_of_queries(
    search_index, client, library, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        client.get(
            "/best-practice/",
            {"q": "car", "theme": "victim-identification", "outcome": "worked"},
        )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_tag_pages_list_only_what_the_visitor_may_see(
    client, personas, library, persona
):
    response = get_as(client, personas, persona, "/best-practice/tags/car-washes/")
    assert response.status_code == 200
    expected = ["Car wash welfare checks"]
    if persona in SEES_POLICE:
        expected.insert(0, "Police car wash operation")
    assert listed(response) == expected
    assert "Tagged “car washes”" in response.content.decode()

    hidden = get_as(
        client, personas, persona, "/best-practice/tags/hidden-partners-tag/"
    )
    assert hidden.status_code == (200 if persona in SEES_PARTNERS else 404)


@pytest.mark.django_db
def test_unknown_tag_page_is_not_found(client, library):
    assert client.get("/best-practice/tags/no-such-tag/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_network_and_home_pages_show_latest_visible_practice(
    client, personas, library, tree, persona
):
    html = get_as(client, personas, persona, tree.west_yorkshire.url).content.decode()
    assert "Car wash welfare checks" in html
    assert "Nail bar outreach" in html  # from its Leeds forum
    assert "Referral mechanism pilot" not in html  # North East
    assert ("Police car wash operation" in html) == (persona in SEES_POLICE)
    home = get_as(client, personas, persona, "/").content.decode()
    assert "Referral mechanism pilot" in home
    assert ("Partners briefing pack" in home) == (persona in SEES_PARTNERS)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_organisation_page_lists_its_visible_contributions(
    client, personas, library, tree, persona
):
    html = get_as(client, personas, persona, tree.charity.url).content.decode()
    assert "Referral mechanism pilot" in html
    assert ("Partners briefing pack" in html) == (persona in SEES_PARTNERS)


@pytest.mark.django_db
def test_words_still_find_practices_while_the_index_is_missing(
    missing_search_index, client, library
):
    # The library answers from the database instead of failing.
    response = client.get("/best-practice/", {"q": "nail bar"})
    assert response.status_code == 200
    assert "Nail bar outreach" in listed(response)
    assert "Car wash welfare checks" not in listed(response)


@pytest.mark.django_db
def test_every_vocabulary_is_read_in_its_own_order_in_one_query(
    django_assert_num_queries,
):
    Theme.objects.create(name="Zebra crossings", slug="zebra", sort_order=0)
    Theme.objects.create(name="Aardvarks", slug="aardvarks", sort_order=99)
    Sector.objects.create(name="Zoos", slug="zoos", sort_order=0)
    with django_assert_num_queries(1):
        terms = vocabulary_terms()
    for model in (Theme, ExploitationType, Sector):
        assert [(term.pk, term.slug, term.name) for term in terms[model]] == list(
            model.objects.values_list("pk", "slug", "name")
        )
    themes = [term.name for term in terms[Theme]]
    # The sort order comes before the name.
    assert themes.index("Zebra crossings") < themes.index("Aardvarks")
    assert themes[-1] == "Aardvarks"
    assert "Zoos" in [term.name for term in terms[Sector]]
