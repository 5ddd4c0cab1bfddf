"""
The search page as a reader uses it: acronyms both ways, results with their
details, filters and counts, promotions, "did you mean", pages of results,
and a clear message when the index is being rebuilt.
"""

import re

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from search.models import GlossaryTerm
from tests.search.search_corpus import indexed_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(tree, settings, tmp_path):
    return indexed_corpus(tree, settings, tmp_path / "index")


def result_titles(response):
    """Return the titles of the results, in order, without highlighting."""
    html = response.content.decode()
    items = re.findall(
        r'<h3 class="govuk-heading-s portal-search-result__title"><a [^>]*>(.*?)</a>',
        html,
    )
    return [re.sub(r"</?mark>", "", item) for item in items]


def text(response):
    """Return the page's main content as plain text."""
    html = response.content.decode()
    main = html[html.index("<main") :]
    words = " ".join(re.sub(r"<[^>]+>", " ", main).split())
    return words.replace(" )", ")").replace("( ", "(")


def test_acronym_finds_pages_that_only_spell_it_out(client, corpus):
    response = client.get("/search/", {"q": "NRM"})

    assert response.status_code == 200
    assert corpus.referral.title in result_titles(response)
    assert corpus.acronym_only.title in result_titles(response)
    assert "Including results for “National Referral Mechanism”" in text(response)


def test_expansion_finds_pages_that_only_use_the_acronym(client, corpus):
    response = client.get("/search/", {"q": "national referral mechanism"})

    assert corpus.acronym_only.title in result_titles(response)
    assert "Including results for “NRM”" in text(response)


def test_synonym_finds_the_term_and_the_definition_comes_first(client, corpus):
    response = client.get("/search/", {"q": "cuckooing"})
    page = text(response)

    assert result_titles(response) == [corpus.cuckooing.title]
    definition = GlossaryTerm.objects.get(term="cuckooing").definition
    assert page.index(definition[:40]) < page.index(corpus.cuckooing.title)
    assert "“home takeover”" in page


def test_each_result_shows_kind_network_labels_date_tags_and_snippet(client, corpus):
    response = client.get("/search/", {"q": "car washes"})
    html = response.content.decode()
    item = html[html.index("portal-search-result__title") :]
    item = item[: item.index("</li>")]

    assert "Visiting <mark>hand car washes</mark> with the GLAA" in item
    assert "Best practice" in item
    assert "Worked" in item
    assert "Bradford forum" in item
    assert "Last reviewed" in item and "<time datetime=" in item
    assert "portal-keyword" in item and "car washes" in item
    assert "Joint visits found workers" in item


def test_restricted_result_is_labelled_for_those_who_may_see_it(
    client, corpus, personas
):
    client.force_login(personas["police"])

    response = client.get("/search/", {"q": "surveillance"})

    assert "Police only" in text(response)


def test_page_is_noindex_and_the_address_holds_the_state(client, corpus):
    response = client.get("/search/", {"q": "NRM", "kind": "best-practice"})
    html = response.content.decode()

    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert 'method="get"' in html
    assert 'value="NRM"' in html
    assert re.search(r'value="best-practice"\s+checked', html) or (
        'value="best-practice" checked' in html
    )


def test_kind_filter_combines_with_the_words(client, corpus):
    everything = client.get("/search/", {"q": "county lines"})
    events = client.get("/search/", {"q": "county lines", "kind": "event"})

    assert corpus.event.title in result_titles(everything)
    assert result_titles(events) == [corpus.event.title]


def test_library_filters_combine_and_count(client, corpus):
    everything = client.get("/search/", {"q": "car washes NRM"})
    response = client.get(
        "/search/", {"q": "car washes NRM", "exploitation": "labour-exploitation"}
    )

    practices = {
        corpus.car_wash.title,
        corpus.referral.title,
        corpus.acronym_only.title,
    }
    assert practices <= set(result_titles(everything))
    assert result_titles(response) == [corpus.car_wash.title]
    assert "Labour exploitation (1 practice)" in text(response)
    assert "Car washes (1 practice)" in text(response)


def test_network_filter_covers_every_kind_below_it(client, corpus, tree):
    response = client.get(
        "/search/", {"q": "county lines NRM", "network": tree.west_yorkshire.pk}
    )

    titles = result_titles(response)
    assert corpus.referral.title in titles
    assert corpus.event.title not in titles  # organised nationally


def test_unknown_filter_value_is_refused_with_a_message(client, corpus):
    response = client.get("/search/", {"q": "NRM", "theme": "no-such-theme"})

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert "Choose a theme from the list." in text(response)
    assert result_titles(response) == []


def test_results_are_paginated(client, corpus, tree):
    from best_practice.factories import BestPracticePageFactory

    for number in range(12):
        BestPracticePageFactory(
            parent=tree.leeds,
            title=f"Bus station outreach {number}",
            slug=f"outreach-{number}",
            summary="Outreach at the bus station.",
        )

    first = client.get("/search/", {"q": "outreach"})
    second = client.get("/search/", {"q": "outreach", "page": 2})

    assert "12 results" in text(first)
    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert 'href="?q=outreach&amp;page=2"' in first.content.decode()
    assert not set(result_titles(first)) & set(result_titles(second))


def test_promotion_shows_first_and_is_not_repeated(client, corpus):
    query = Query.objects.create(query_string="referral help")
    SearchPromotion.objects.create(
        query=query, page=corpus.guidance, description="Start here."
    )

    response = client.get("/search/", {"q": "Referral  HELP"})
    page = text(response)

    organic = result_titles(response)
    assert corpus.guidance.title not in organic
    assert page.count(corpus.guidance.title) == 1
    assert page.index("Recommended") < page.index(corpus.guidance.title)
    assert page.index(corpus.guidance.title) < page.index(organic[0])
    assert "Start here." in page


def test_searching_does_not_store_the_words_as_wagtail_queries(client, corpus):
    client.get("/search/", {"q": "county lines"})

    assert not Query.objects.exists()


def test_did_you_mean_offers_a_correct_spelling(client, corpus):
    # Only the misspelt word: the tree's generated text may hold common
    # words such as "hand" or "car", which would find enough to need no hint.
    response = client.get("/search/", {"q": "takeovres"})

    assert "Did you mean" in text(response)
    assert 'href="?q=takeovers"' in response.content.decode()


def test_no_did_you_mean_when_the_words_are_right(client, corpus):
    response = client.get("/search/", {"q": "county lines"})

    assert "Did you mean" not in text(response)


def test_nothing_found_gives_advice(client, corpus):
    response = client.get("/search/", {"q": "xylophone"})

    assert response.status_code == 200
    assert "0 results for “xylophone”" in text(response)
    assert "check the spelling" in text(response)


def test_results_cost_a_fixed_number_of_queries(
    client, corpus, tree, django_assert_max_num_queries
):
    from best_practice.factories import BestPracticePageFactory

    for number in range(10):
        BestPracticePageFactory(
            parent=tree.leeds,
            title=f"Outreach {number}",
            slug=f"outreach-{number}",
            summary="Outreach.",
            tags=[f"tag {number}"],
        )
    client.get("/search/", {"q": "outreach"})  # warm the content type cache

    # 14 when written: the restrictions, glossary, picks, results and their
    # details, the filters' names, the site and its menu and footer.
    with django_assert_max_num_queries(16):
        response = client.get("/search/", {"q": "outreach"})
    assert len(result_titles(response)) == 10


def test_index_being_rebuilt_gives_a_friendly_page(client, tree, settings, tmp_path):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(tmp_path / "never-built"),
            "AUTO_UPDATE": False,
        }
    }

    response = client.get("/search/", {"q": "NRM"})

    assert response.status_code == 503
    assert "Search is being rebuilt" in text(response)
    # The glossary comes from the database, so it still answers.
    assert "National Referral Mechanism" in text(response)
    assert client.get("/glossary/").status_code == 200
    assert client.get("/").status_code == 200


def test_damaged_index_gives_the_same_friendly_page(client, tree, settings, tmp_path):
    path = tmp_path / "damaged"
    path.mkdir()
    (path / "wagtailcore_page.current").write_text("../../elsewhere")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(path),
            "AUTO_UPDATE": False,
        }
    }

    response = client.get("/search/", {"q": "NRM"})
    suggestions = client.get("/search/suggest/", {"q": "NRM"})

    assert response.status_code == 503
    assert "Search is being rebuilt" in text(response)
    assert suggestions.status_code == 200
    assert suggestions.json()["available"] is False


def test_empty_search_explains_what_to_do(client, tree):
    response = client.get("/search/")

    assert response.status_code == 200
    assert "Search best practice, events" in text(response)


def test_header_search_box_points_here(client, tree):
    html = client.get("/").content.decode()

    assert re.search(r'<form class="portal-search" action="/search/"', html)


def test_glossary_lists_terms_a_to_z_with_anchors(client, db):
    response = client.get("/glossary/")
    html = response.content.decode()

    assert response.status_code == 200
    assert GlossaryTerm.objects.count() >= 40
    assert 'id="nrm"' in html
    assert 'href="#letter-N"' in html
    terms = re.findall(
        r'<dt class="govuk-heading-s portal-glossary__term">([^<]+)', html
    )
    assert [t.strip().casefold() for t in terms] == sorted(
        t.strip().casefold() for t in terms
    )
    assert "National Referral Mechanism" in html


def test_suggestions_cost_three_queries(client, corpus, django_assert_max_num_queries):
    client.get("/search/suggest/", {"q": "visiting"})  # warm the content types

    # The glossary terms, the restrictions, and the pages suggested.
    with django_assert_max_num_queries(3):
        response = client.get("/search/suggest/", {"q": "visiting"})
    assert [s["title"] for s in response.json()["suggestions"]] == [
        corpus.car_wash.title
    ]


def test_suggestions_are_small_json_with_titles_and_terms(client, corpus):
    response = client.get("/search/suggest/", {"q": "NR"})
    data = response.json()

    assert response.status_code == 200
    assert data["suggestions"][0]["title"] == "NRM (National Referral Mechanism)"
    assert data["suggestions"][0]["url"] == "/glossary/#nrm"

    pages = client.get("/search/suggest/", {"q": "visiting car"}).json()
    assert pages["suggestions"] == [
        {
            "title": corpus.car_wash.title,
            "url": corpus.car_wash.url,
            "kind": "Best practice",
        }
    ]
