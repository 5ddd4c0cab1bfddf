"""
The backend's array scorer gives the answers Whoosh's own matchers give.

Searches are matched and scored with numpy over whole posting lists
(``search.backends.whoosh._Scorer``) rather than by Whoosh one posting at a
time; these tests hold the two side by side on the same index, including an
index of several segments with deleted documents, as publishing leaves it.
"""

import pickle

from wagtail.models import Page
from wagtail.search.query import MATCH_ALL, Fuzzy, Not, Phrase, PlainText

import numpy
import pytest
from whoosh import query as wq

from portal.factories import StandardPageFactory
from search.backends import whoosh

from .test_whoosh_backend import backend, body, index_path, library, rebuild  # noqa: F401

SEARCHES = [
    PlainText("slavery"),
    PlainText("county lines exploitation"),
    PlainText("county lines", operator="and"),
    PlainText("signs car washes slavery"),
    Phrase("county lines"),
    Phrase("modern slavery"),
    PlainText("referral") & Not(PlainText("county")),
    PlainText("slavery") | PlainText("drugs"),
    Fuzzy("slavary"),
]


def whoosh_and_scorer(backend, search):  # noqa: F811 (the fixture's name)
    """Return ``({docnum: score} from Whoosh, the same from the scorer)``."""
    compiler = Page.objects.live().search(search).query_compiler
    store = compiler.bind(backend)
    with store.searcher() as searcher:
        query = compiler.compile_query(searcher)
        allowed = compiler.allowed_documents(searcher, store.cache)
        expected = {
            hit.docnum: hit.score
            for hit in searcher.search(
                query,
                limit=None,
                filter=set(numpy.flatnonzero(allowed).tolist()),
            )
        }
        scorer = whoosh._Scorer(searcher)
        found = dict(scorer.top(query, allowed, None))
        mask, scores = scorer.evaluate(query)
        mask &= allowed & scorer.live()
        evaluated = {int(d): float(scores[d]) for d in numpy.flatnonzero(mask)}
    return expected, found, evaluated


def assert_same(expected, found):
    assert sorted(found) == sorted(expected)
    for docnum, score in expected.items():
        assert found[docnum] == pytest.approx(score, rel=1e-4)


@pytest.mark.parametrize("search", SEARCHES, ids=repr)
def test_matches_and_scores_equal_whooshs(backend, library, search):  # noqa: F811
    expected, found, evaluated = whoosh_and_scorer(backend, search)
    assert expected, "every search here matches something"
    assert sorted(evaluated) == sorted(expected)
    if isinstance(search, (Phrase, Fuzzy)):
        # A phrase is scored as its words are, where it holds, and a fuzzy
        # match as the words it reached; Whoosh counts how often a phrase
        # holds and gives fuzzy matches one score. The matches are the same.
        assert sorted(found) == sorted(expected)
    else:
        assert_same(expected, found)
        assert_same(expected, evaluated)


def test_an_index_of_several_segments_with_deletions(backend, library, tree):  # noqa: F811
    # Each publish after the rebuild commits a segment of its own and
    # deletes the page's earlier document.
    library["county"].save_revision().publish()
    extra = StandardPageFactory(
        parent=tree.home,
        title="County lines and cuckooing",
        slug="cuckooing",
        body=body("County lines gangs take over the homes of vulnerable people."),
    )
    extra.save_revision().publish()
    library["slavery"].delete()
    store = backend.get_index_for_model(Page).store
    with store.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) > 1
        assert searcher.reader().has_deletions()

    for search in [
        PlainText("county lines"),
        PlainText("slavery"),
        Phrase("county lines"),
    ]:
        expected, found, _ = whoosh_and_scorer(backend, search)
        assert sorted(found) == sorted(expected)
    titles = [page.title for page in Page.objects.live().search("county lines")]
    assert titles.count("Spotting county lines") == 1
    assert "County lines and cuckooing" in titles
    assert not Page.objects.search("overview")

    # Pages below a path, from the column's values, as Whoosh finds them.
    compiler = Page.objects.all().search("x").query_compiler
    column = whoosh._column(Page, compiler._get_filterable_field("path")) + "__s"
    with store.searcher() as searcher:
        scorer = whoosh._Scorer(searcher)
        for path in [tree.home.path, tree.west_yorkshire.path, "0009"]:
            below = set(searcher.docs_for_query(wq.Prefix(column, path)))
            assert set(numpy.flatnonzero(scorer._prefix(column, path))) == below
    below_home = Page.objects.live().descendant_of(tree.home, inclusive=True)
    assert below_home.search(MATCH_ALL).count() == below_home.count() > 1


def test_first_results_are_the_best_of_all(backend, library):  # noqa: F811
    compiler = Page.objects.live().search("county lines slavery").query_compiler
    store = compiler.bind(backend)
    with store.searcher() as searcher:
        query = compiler.compile_query(searcher)
        scorer = whoosh._Scorer(searcher)
        everything = scorer.top(query, None, None)
        assert scorer.top(query, None, 2) == everything[:2]
        scores = [score for _, score in everything]
        assert scores == sorted(scores, reverse=True)


def phrase_titles(text):
    return sorted(page.title for page in Page.objects.live().search(Phrase(text)))


def test_phrases_are_answered_the_same_from_the_cache_and_after_it_is_full(
    backend,  # noqa: F811
    library,  # noqa: F811
    monkeypatch,
):
    fresh = {text: phrase_titles(text) for text in ("county lines", "modern slavery")}
    assert fresh["county lines"], "the phrase matches something"
    # Answered again from the searcher's kept matches, and after it forgot them.
    assert {text: phrase_titles(text) for text in fresh} == fresh
    backend.get_index_for_model(Page).store.cache["scorer"].forget_searches()
    assert {text: phrase_titles(text) for text in fresh} == fresh
    # A cache with room for one phrase at a time keeps dropping the oldest;
    # every answer is still the phrase's own.
    monkeypatch.setattr(whoosh, "PHRASE_CACHE_BYTES", 1)
    for _ in range(2):
        assert {text: phrase_titles(text) for text in fresh} == fresh


class OneByOne:
    """A matcher offering only Whoosh's public matcher interface."""

    def __init__(self, matcher):
        self.matcher = matcher

    def is_active(self):
        return self.matcher.is_active()

    def id(self):
        return self.matcher.id()

    def weight(self):
        return self.matcher.weight()

    def next(self):
        return self.matcher.next()


def test_postings_read_by_block_equal_postings_read_one_by_one(backend, library):  # noqa: F811
    store = backend.get_index_for_model(Page).store
    with store.searcher() as searcher:
        reader = searcher.reader()
        columns = [n for n in reader.indexed_field_names() if n.endswith("__t")]
        checked = 0
        for column in columns:
            for text in reader.lexicon(column):
                ids, weights = whoosh._read_postings(reader.postings(column, text))
                plain = whoosh._read_postings(OneByOne(reader.postings(column, text)))
                assert ids.tolist() == plain[0].tolist()
                assert weights.tolist() == plain[1].tolist()
                assert len(ids) == reader.doc_frequency(column, text)
                checked += 1
        assert checked > 50


def test_queries_it_does_not_know_are_answered_by_whoosh(backend, library):  # noqa: F811
    store = backend.get_index_for_model(Page).store
    with store.searcher() as searcher:
        scorer = whoosh._Scorer(searcher)
        prefix = wq.Prefix("title__t", "slave")
        mask, scores = scorer.evaluate(prefix)
        assert set(numpy.flatnonzero(mask).tolist()) == set(
            searcher.docs_for_query(prefix)
        )
        assert mask.any() and not scores.any()


@pytest.mark.parametrize("language", ["en", "fr", None])
def test_the_one_pass_analyser_yields_what_the_filter_chain_yields(language):
    text = (
        "The Modern Slavery Act 2015: victims of trafficking, cuckooing and "
        "'county lines' — référé à la GLAA; e.g. N.R.M. referrals, 24/7 help. "
        "Ils ont été exploités dans des lavages de voitures."
    )
    fast = whoosh._TextAnalyzer(language)
    chain = whoosh._text_analyzer(language)
    for mode in ("index", "query"):
        for start in (0, 7):
            expected = [
                (t.text, t.pos)
                for t in chain(text, positions=True, mode=mode, start_pos=start)
            ]
            found = [
                (t.text, t.pos)
                for t in fast(text, positions=True, mode=mode, start_pos=start)
            ]
            assert found == expected
    # The schema, and so the analyser, is pickled into the index.
    assert pickle.loads(pickle.dumps(fast)) == fast  # noqa: S301 (our own bytes)
