"""
Whatever is typed, the search page and the suggestions answer with results
or a helpful message, never an error, and never reflect markup unescaped.
"""

import pytest

from tests.search.search_corpus import indexed_corpus

pytestmark = pytest.mark.django_db

AWKWARD = [
    "",
    "   ",
    "x" * 40_000,
    '"county lines',
    '"county lines"',
    "“nail bar”",
    "(NRM AND [GLAA]) OR {CSE}",
    "NOT cuckooing -county +lines",
    "title:NRM live:false",
    "car* ?ash ~wash^2",
    "🚗🧼 car wash 🙏",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "%00 \\ / \t",
    "a",
]


@pytest.fixture
def corpus(tree, settings, tmp_path):
    return indexed_corpus(tree, settings, tmp_path / "index")


@pytest.mark.parametrize("words", AWKWARD)
def test_search_page_answers_any_input(client, corpus, words):
    response = client.get("/search/", {"q": words, "page": "x"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert (
        "There is a problem" in html
        or "result" in html
        or "Search best practice" in html
    )


@pytest.mark.parametrize("words", AWKWARD)
def test_suggestions_answer_any_input(client, corpus, words):
    response = client.get("/search/suggest/", {"q": words})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json()["suggestions"], list)


def test_too_long_a_search_is_explained(client, corpus):
    response = client.get("/search/", {"q": "x" * 40_000})
    html = response.content.decode()

    assert "Search words must be 200 characters or fewer." in html
    assert "<title>Error: " in html


def test_markup_in_a_search_is_shown_as_text(client, corpus):
    response = client.get("/search/", {"q": "<b>GLAA</b>"})
    html = response.content.decode()

    assert "<b>GLAA</b>" not in html
    assert "&lt;b&gt;GLAA&lt;/b&gt;" in html
    assert "Visiting hand car washes with the <mark>GLAA</mark>" in html


def test_brackets_and_operators_are_just_words(client, corpus):
    response = client.get("/search/", {"q": "(GLAA) AND"})

    assert "Visiting hand car washes with the <mark>GLAA</mark>" in (
        response.content.decode()
    )


def test_a_quoted_phrase_must_match_as_a_phrase(client, corpus):
    phrase = client.get("/search/", {"q": '"minimum GLAA"'}).content.decode()
    words = client.get("/search/", {"q": "minimum GLAA"}).content.decode()

    assert "Visiting" not in phrase.split("results-heading", 1)[1]
    assert "Visiting" in words.split("results-heading", 1)[1]


def test_punctuation_alone_asks_for_words(client, corpus):
    response = client.get("/search/", {"q": "((( ]]] ---"})

    assert response.status_code == 200
    assert "Type at least one word or number" in response.content.decode()
