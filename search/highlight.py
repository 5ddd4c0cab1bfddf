"""
Snippets of a page's text around the words a reader searched for.

Everything is escaped before it is marked up, so text from pages or from the
query (markup, scripts, quotes) is shown as text; the only markup added is
<mark> around matched words.
"""

import html
import re
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.utils.safestring import mark_safe

from modelsearch.index import SearchField

SNIPPET_LENGTH = 240
# Endings dropped so that "washes" also marks "wash" and "trafficked"
# marks "trafficking"; the search backend stems likewise.
ENDINGS = ("ing", "ed", "es", "s")
# Words shorter than this are not marked: "a", "of" and "in" are everywhere.
SHORTEST_MARKED = 2
# A tag of the stored rich text. Its text is escaped again before it is
# shown, so this only needs to drop tags, not to make markup safe: Django's
# strip_tags parses the HTML, which took a quarter of a search page's
# results.
TAG = re.compile(r"<[^>]*>")
# Added where a snippet is cut short, at either end.
ELLIPSIS = "…"


def page_text(page):
    """
    Return the plain text of `page`'s own searchable fields, summary first.

    `page` is a specific page. Related objects are left out, so this makes
    no database queries.
    """
    parts = [getattr(page, "summary", "") or ""]
    for search_field in page.get_search_fields():
        if not isinstance(search_field, SearchField):
            continue
        name = search_field.field_name
        if name in ("title", "summary"):
            continue
        value = getattr(page, name, None)
        if not value:
            continue
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist:
            # Wagtail also indexes methods and properties by name.
            model_field = None
        if hasattr(model_field, "stream_block"):
            value = " ".join(model_field.stream_block.get_searchable_content(value))
        parts.append(html.unescape(TAG.sub(" ", str(value))))
    return " ".join(" ".join(parts).split())


def stem(word):
    word = word.casefold()
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def word_pattern(words):
    """Return a regex matching any of `words` (or phrases) at a word start."""
    stems = sorted(
        {
            stem(word)
            for word in words
            if len(re.sub(r"\W", "", word)) >= SHORTEST_MARKED
        },
        key=len,
        reverse=True,
    )
    if not stems:
        return None
    alternatives = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in stems)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text, pattern):
    """Return `text` escaped, with the matches of `pattern` in <mark>."""
    # html.escape escapes what Django's escape does, without its check for
    # lazy strings: a page of results escapes a hundred pieces of text.
    if pattern is None:
        return mark_safe(html.escape(text))  # noqa: S308 (escaped)
    out = []
    position = 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[position : match.start()]))
        out.append(f"<mark>{html.escape(match.group(0))}</mark>")
        position = match.end()
    out.append(html.escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 (every part is escaped above)


def snippet(text, pattern, length=SNIPPET_LENGTH):
    """
    Return about `length` characters of `text` around its first match,
    escaped and highlighted; the start of `text` if nothing matches.
    """
    match = pattern.search(text) if pattern else None
    start = 0
    if match is not None and match.start() >= length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
        length -= 1
    excerpt = shortened(text[start : start + length + 1], length)
    return highlight(f"{ELLIPSIS}{excerpt}" if start else excerpt, pattern)


def shortened(text, length):
    """
    Return `text` if it has at most `length` characters, else its first
    `length` - 1 and an ellipsis. Django's Truncator does the same with a
    translated ellipsis, looking at every character, which took a third of
    a page of results' time.
    """
    text = unicodedata.normalize("NFC", text)
    if len(text) <= length:
        return text
    return text[: length - 1] + ELLIPSIS
