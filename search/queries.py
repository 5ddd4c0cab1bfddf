"""
Turn what a reader typed into a search query, widened by the glossary.

Words are searched as words: quotes mark a phrase, and nothing else the
reader types (brackets, AND/OR, field:value, SQL, markup) has a meaning. The
search backend ranks pages matching more of the words first, so a long
question still finds the pages that answer part of it.
"""

import re
from dataclasses import dataclass, field

from wagtail.search.query import And, Boost, Or, Phrase, PlainText

from whoosh.analysis import STOP_WORDS

from search.models import GlossaryTerm, normalise_words

# Curly quotes count as quotes: phones type them.
QUOTES = re.compile(r"[\"“”„]")
WORD = re.compile(r"\w+(?:['’-]\w+)*")
TYPED_WORDS_BOOST = 3.0
# Plural endings a glossary form still matches with ("nail bars").
PLURAL = r"(?:e?s)?"


@dataclass
class Expansion:
    """A glossary term found in a query, and the other forms searched too."""

    term: GlossaryTerm
    found: str
    added: list = field(default_factory=list)


@dataclass
class ParsedQuery:
    """What a reader typed, as a backend query and the words to highlight."""

    text: str
    query: object = None
    expansions: list = field(default_factory=list)

    @property
    def added_forms(self):
        return [form for expansion in self.expansions for form in expansion.added]

    @property
    def highlight_words(self):
        """Return the words and phrases a snippet should mark."""
        words = [
            word
            for word in WORD.findall(self.text)
            if word.casefold() not in STOP_WORDS
        ]
        return [*words, *self.added_forms]


def parse(text, glossary=None):
    """
    Return a ParsedQuery for `text`, or one whose `query` is None if
    `text` holds nothing to search for.

    `glossary` is the list of GlossaryTerm to widen the query with (all of
    them by default).
    """
    text = " ".join(text.split())
    query = _words_and_phrases(text)
    if query is None:
        return ParsedQuery(text)
    if glossary is None:
        glossary = list(GlossaryTerm.objects.all())
    expansions = find_terms(text, glossary)
    added = [Phrase(form) for expansion in expansions for form in expansion.added]
    if added:
        # The words typed count for more than the glossary's other forms, so
        # a page using the reader's own term comes first.
        query = Or([Boost(query, TYPED_WORDS_BOOST), *added])
    return ParsedQuery(text, query, expansions)


def _words_and_phrases(text):
    if not WORD.search(text):
        return None
    parts = QUOTES.split(text)
    if len(parts) % 2 == 0:
        # An unmatched quote: the words after it are plain words.
        parts[-2:] = [" ".join(parts[-2:])]
    plain = " ".join(part for part in parts[0::2] if part.strip())
    phrases = [Phrase(part.strip()) for part in parts[1::2] if part.strip()]
    if not plain and not phrases:
        return None
    if not phrases:
        return PlainText(plain, operator="or")
    if plain:
        # The phrases must match; the other words rank what does.
        return And([*phrases, PlainText(plain, operator="or")])
    return phrases[0] if len(phrases) == 1 else And(phrases)


def find_terms(text, glossary):
    """
    Return an Expansion for each glossary term `text` mentions, in any of
    its forms, with the term's other forms to search for as well.
    """
    normalised = normalise_words(text)
    expansions = []
    for term in glossary:
        forms = term.forms()
        found = next((form for form in forms if _mentions(normalised, form)), None)
        if found is None:
            continue
        added = [
            form
            for form in forms
            if form is not found and not _mentions(normalised, form)
        ]
        if added:
            expansions.append(Expansion(term, found, added))
    return expansions


def _mentions(normalised_text, form):
    pattern = rf"(?<!\w){re.escape(normalise_words(form))}{PLURAL}(?!\w)"
    return re.search(pattern, normalised_text) is not None
