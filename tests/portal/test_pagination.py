"""Long listings page with a handful of numbered links, however long they are."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from portal.pagination import paginate

PER_PAGE = 10
ITEMS = list(range(1000))  # 100 pages


def page_links(number):
    request = RequestFactory().get("/search/", {"q": "nrm", "page": number})
    page_obj = paginate(request, ITEMS, PER_PAGE)
    html = render_to_string(
        "components/pagination.html", {"page_obj": page_obj, "query_string": "q=nrm"}
    )
    return page_obj, html


def test_a_middle_page_links_the_ends_and_its_neighbours_only():
    page_obj, html = page_links(50)
    ellipsis = page_obj.ellipsis
    assert page_obj.numbered_links == [1, ellipsis, 49, 50, 51, ellipsis, 100]
    assert html.count('class="govuk-pagination__item') == 7
    assert 'href="?q=nrm&amp;page=100" aria-label="Page 100"' in html
    assert 'aria-label="Page 50" aria-current="page"' in html
    assert 'aria-label="Page 48"' not in html


def test_the_first_page_has_no_previous_link_and_a_next_one():
    page_obj, html = page_links(1)
    assert page_obj.numbered_links[:2] == [1, 2]
    assert 'rel="prev"' not in html
    assert 'href="?q=nrm&amp;page=2" rel="next"' in html


def test_a_page_past_the_end_shows_the_last_page():
    page_obj, html = page_links(1000)
    assert page_obj.number == 100
    assert 'aria-label="Page 100" aria-current="page"' in html
    assert 'rel="next"' not in html
