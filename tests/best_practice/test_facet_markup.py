"""A filter's options as a screen reader and a browser receive them."""

from django.template.loader import render_to_string

from best_practice.library import Facet, Option


def tags():
    return Facet(
        "tag",
        "Tag",
        [
            Option("car-washes", "car washes", 1),
            Option("nail-bars", "<b>nail</b> & bars", 3, selected=True),
        ],
    )


def test_checkboxes_are_labelled_with_their_count_and_what_it_counts():
    html = render_to_string(
        "best_practice/includes/checkbox_facet.html", {"facet": tags()}
    )
    assert (
        '<input class="govuk-checkboxes__input" id="id_tag_0" name="tag" '
        'type="checkbox" value="car-washes">'
    ) in html
    assert 'for="id_tag_0">car washes <span class="portal-count">(1<span' in html
    assert '<span class="govuk-visually-hidden"> practice</span>)' in html
    assert 'id="id_tag_1" name="tag" type="checkbox" value="nail-bars" checked>' in html
    assert "&lt;b&gt;nail&lt;/b&gt; &amp; bars" in html
    assert "<b>" not in html
    assert '<span class="govuk-visually-hidden"> practices</span>)' in html


def test_checkboxes_count_what_they_are_told_to():
    html = render_to_string(
        "best_practice/includes/checkbox_facet.html",
        {"facet": tags(), "noun": "result"},
    )
    assert "> result</span>" in html
    assert "> results</span>" in html


def test_a_select_indents_networks_and_keeps_the_choice():
    networks = Facet(
        "network",
        "Network",
        [
            Option("1", "National Network", 5, indent=0),
            Option("2", "West Yorkshire", 4, indent=1, selected=True),
            Option("3", "Leeds <forum>", 2, indent=2),
        ],
    )
    html = render_to_string(
        "best_practice/includes/select_facet.html", {"facet": networks}
    )
    assert '<option value="">Any network</option>' in html
    assert '<option value="1">National Network (5)</option>' in html
    assert '<option value="2" selected>&emsp;West Yorkshire (4)</option>' in html
    assert '<option value="3">&emsp;&emsp;Leeds &lt;forum&gt; (2)</option>' in html
