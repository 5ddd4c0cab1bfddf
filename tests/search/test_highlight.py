"""The snippet under each search result: the page's text, as a reader sees it."""

from best_practice.models import BestPracticePage
from search.highlight import SNIPPET_LENGTH, page_text, snippet, word_pattern


def practice(**fields):
    """An unsaved practice (Wagtail looks its page type up when making it)."""
    return BestPracticePage(title="A practice", **fields)


def test_page_text_drops_tags_and_shows_characters_once(db):
    page = practice(
        summary="Checks at car washes",
        problem="<p>Workers &amp; managers<br/>were <b>afraid</b> to speak &lt;at all&gt;.</p>",
    )
    assert page_text(page).startswith(
        "Checks at car washes Workers & managers were afraid to speak <at all>."
    )


def test_snippet_escapes_what_page_text_unescaped():
    text = "Workers & managers <script>alert(1)</script> at car washes"
    shown = snippet(text, word_pattern(["car"]))
    assert "&amp; managers &lt;script&gt;" in shown
    assert "<mark>car</mark>" in shown
    assert "<script>" not in shown


def test_a_long_text_is_cut_around_the_first_match():
    text = " ".join(["before"] * 100 + ["cuckooing"] + ["after"] * 100)
    shown = snippet(text, word_pattern(["cuckooing"]))
    assert shown.startswith("…before")
    assert shown.endswith("…")
    assert "<mark>cuckooing</mark>" in shown
    visible = shown.replace("<mark>", "").replace("</mark>", "")
    assert len(visible) <= SNIPPET_LENGTH + 1


def test_a_short_text_is_shown_whole():
    assert snippet("Nail bar visits", word_pattern(["nail"])) == (
        "<mark>Nail</mark> bar visits"
    )
    assert snippet("Nail bar visits", None) == "Nail bar visits"


def test_a_text_one_character_too_long_ends_in_an_ellipsis():
    text = "x" * SNIPPET_LENGTH
    assert snippet(text, None) == text
    shown = snippet(text + "y", None)
    assert shown == "x" * (SNIPPET_LENGTH - 1) + "…"


def test_accents_typed_as_two_characters_count_as_one():
    # "é" as "e" and a combining accent, as some keyboards and pastes send it.
    text = "Caf" + "e\u0301" + " visits " + "x" * (SNIPPET_LENGTH - 12)
    assert len(text) == SNIPPET_LENGTH + 1
    assert snippet(text, None).startswith("Café visits")
    assert not snippet(text, None).endswith("…")
