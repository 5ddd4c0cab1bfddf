"""
The privacy rule on every search channel, for each persona.

A police-only practice carries a marker word in its title, summary, body
and tags. The marker must reach exactly the personas who may open the page
(police officers and superusers) through results, counts, filter counts,
suggestions, "did you mean" and promotions; the API answers as an
anonymous visitor for everyone, so it never carries it.
"""

import re

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from tests.conftest import restrict
from tests.search.search_corpus import MARKER, indexed_corpus

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "signed_in", "partner", "police", "superuser"]
MAY_OPEN = {"police", "superuser"}


@pytest.fixture
def corpus(tree, settings, tmp_path):
    return indexed_corpus(tree, settings, tmp_path / "index")


def body(response, query=None):
    """
    Return the page's HTML without highlighting, and without the places
    that repeat what the visitor typed (`query`) back to them.
    """
    html = re.sub(r"</?mark>", "", response.content.decode())
    if query:
        for echo in (f"“{query}”", f'value="{query}"'):
            html = html.replace(echo, "")
    return html


def count_heading(response):
    return re.search(r'id="results-heading"[^>]*>([^<]+)<', body(response)).group(1)


@pytest.mark.parametrize("persona", PERSONAS)
def test_results_and_counts(as_persona, corpus, persona):
    client = as_persona(persona)

    response = client.get("/search/", {"q": MARKER})

    may_open = persona in MAY_OPEN
    assert (MARKER in body(response, MARKER)) is may_open
    expected = "1 result for" if may_open else "0 results for"
    assert count_heading(response).startswith(expected)


@pytest.mark.parametrize("persona", PERSONAS)
def test_filter_counts(as_persona, corpus, persona):
    client = as_persona(persona)

    # Every practice of the corpus has this word in its aim, the secret too.
    html = body(client.get("/search/", {"q": "identify"}))

    may_open = persona in MAY_OPEN
    theme_count = 3 if may_open else 2
    assert re.search(
        rf"Victim identification <span class=\"portal-count\">\({theme_count}<", html
    )
    practices = 5 if may_open else 4
    assert re.search(
        rf"Best practice <span class=\"portal-count\">\({practices}<", html
    )
    assert (f">{MARKER} (1)</option>" in html) is may_open
    assert (MARKER in html) is may_open


@pytest.mark.parametrize("persona", PERSONAS)
def test_suggestions(as_persona, corpus, persona):
    client = as_persona(persona)

    data = client.get("/search/suggest/", {"q": "operation zeph"}).json()

    titles = [suggestion["title"] for suggestion in data["suggestions"]]
    assert (corpus.secret.title in titles) is (persona in MAY_OPEN)
    assert all(MARKER not in title for title in titles) or persona in MAY_OPEN


@pytest.mark.parametrize("persona", PERSONAS)
def test_did_you_mean(as_persona, corpus, persona):
    client = as_persona(persona)

    html = body(client.get("/search/", {"q": "zephyrquarts"}), "zephyrquarts")

    offered = re.search(r"Did you mean <a[^>]*>([^<]+)</a>", html)
    if persona in MAY_OPEN:
        assert offered and offered.group(1) == MARKER
    else:
        assert MARKER not in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_promotions(as_persona, corpus, persona):
    query = Query.objects.create(query_string="surveillance")
    SearchPromotion.objects.create(query=query, page=corpus.secret)
    client = as_persona(persona)

    html = body(client.get("/search/", {"q": "surveillance"}))

    assert ("Recommended" in html) is (persona in MAY_OPEN)
    assert (MARKER in html) is (persona in MAY_OPEN)


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_search_answers_as_an_anonymous_visitor(as_persona, corpus, persona):
    client = as_persona(persona)

    response = client.get("/api/v2/pages/", {"search": MARKER})
    public = client.get("/api/v2/pages/", {"search": "GLAA"})

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0
    assert MARKER not in body(response)
    assert [item["title"] for item in public.json()["items"]] == [corpus.car_wash.title]


def test_privacy_change_takes_effect_without_reindexing(client, corpus):
    assert corpus.car_wash.title in body(client.get("/search/", {"q": "GLAA"}))

    restrict(corpus.car_wash)

    response = client.get("/search/", {"q": "GLAA"})
    suggestions = client.get("/search/suggest/", {"q": "visiting"}).json()
    api = client.get("/api/v2/pages/", {"search": "GLAA"}).json()
    assert corpus.car_wash.title not in body(response)
    assert suggestions["suggestions"] == []
    assert api["meta"]["total_count"] == 0


def test_unpublished_page_leaves_the_results(client, corpus):
    corpus.guidance.unpublish()

    response = client.get("/search/", {"q": "helpline"})

    assert corpus.guidance.title not in response.content.decode()
