"""
The options of a filter, rendered in Python.

A filter can offer a hundred values (tags, networks), each with a label and
a count. As template markup, each option cost the search page about 25
microseconds, so the filters took as long to render as the search took to
run; built here, each costs a few. The markup is the same GOV.UK markup, and
every value is escaped by format_html.
"""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

CHECKED = mark_safe(" checked")
SELECTED = mark_safe(" selected")
# Networks are indented to show the tree: national, regional, district.
INDENTS = {1: mark_safe("&emsp;"), 2: mark_safe("&emsp;&emsp;")}


@register.simple_tag
def checkbox_options(facet, noun):
    """Return a GOV.UK small checkbox for each option of `facet`."""
    return format_html_join(
        "\n",
        '<div class="govuk-checkboxes__item">'
        '<input class="govuk-checkboxes__input" id="id_{0}_{1}" name="{0}" '
        'type="checkbox" value="{2}"{3}>'
        '<label class="govuk-label govuk-checkboxes__label" for="id_{0}_{1}">{4} '
        '<span class="portal-count">({5}<span class="govuk-visually-hidden"> '
        "{6}</span>)</span></label></div>",
        (
            (
                facet.name,
                number,
                option.value,
                CHECKED if option.selected else "",
                option.label,
                option.count,
                noun if option.count == 1 else f"{noun}s",
            )
            for number, option in enumerate(facet.options)
        ),
    )


@register.simple_tag
def select_options(facet):
    """Return an <option> for each option of `facet`, networks indented."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{}{} ({})</option>',
        (
            (
                option.value,
                SELECTED if option.selected else "",
                INDENTS.get(option.indent, ""),
                option.label,
                option.count,
            )
            for option in facet.options
        ),
    )
