"""
The options of a filter, rendered in Python.

A filter can offer a hundred values (tags, networks), each with a label and
a count. As template markup, each option cost the search page about 25
microseconds, so the filters took as long to render as the search took to
run; built here, each costs a few. The markup is the same GOV.UK markup.

Every value is escaped with `html.escape`, which escapes the same five
characters as Django's `escape` without its check for lazy strings on each
call: a page of filters escapes several hundred values.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Networks are indented to show the tree: national, regional, district.
INDENTS = {1: "&emsp;", 2: "&emsp;&emsp;"}


@register.simple_tag
def checkbox_options(facet, noun):
    """Return a GOV.UK small checkbox for each option of `facet`."""
    name = escape(str(facet.name))
    return mark_safe(  # noqa: S308 (every value above is escaped)
        "\n".join(
            '<div class="govuk-checkboxes__item">'
            f'<input class="govuk-checkboxes__input" id="id_{name}_{number}" '
            f'name="{name}" type="checkbox" value="{escape(str(option.value))}"'
            f"{' checked' if option.selected else ''}>"
            f'<label class="govuk-label govuk-checkboxes__label" '
            f'for="id_{name}_{number}">{escape(str(option.label))} '
            f'<span class="portal-count">({int(option.count)}'
            '<span class="govuk-visually-hidden"> '
            f"{escape(str(noun if option.count == 1 else f'{noun}s'))}"
            "</span>)</span></label></div>"
            for number, option in enumerate(facet.options)
        )
    )


@register.simple_tag
def select_options(facet):
    """Return an <option> for each option of `facet`, networks indented."""
    return mark_safe(  # noqa: S308 (every value above is escaped)
        "\n".join(
            f'<option value="{escape(str(option.value))}"'
            f"{' selected' if option.selected else ''}>"
            f"{INDENTS.get(option.indent, '')}{escape(str(option.label))} "
            f"({int(option.count)})</option>"
            for option in facet.options
        )
    )
