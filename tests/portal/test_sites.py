"""
The portal finds a request's site with its own, lighter query; it must
choose exactly the site Wagtail's own lookup chooses.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

import pytest

from portal.sites import site_for_hostname

# Each arrangement of sites: (hostname, port, is the default site).
ARRANGEMENTS = {
    "only the default": [("localhost", 80, True)],
    "default and one more": [("localhost", 80, True), ("west.example", 80, False)],
    "one hostname on two ports": [
        ("localhost", 80, True),
        ("west.example", 80, False),
        ("west.example", 8080, False),
    ],
    "no default": [("west.example", 80, False), ("west.example", 81, False)],
    "the default on another port": [("west.example", 8080, True)],
    "no sites": [],
}
REQUESTS = [
    ("localhost", 80),
    ("localhost", 8000),
    ("west.example", 80),
    ("west.example", 81),
    ("west.example", 8080),
    ("west.example", 9000),
    ("elsewhere.example", 80),
]


def wagtails_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


@pytest.mark.django_db
@pytest.mark.parametrize("arrangement", ARRANGEMENTS)
def test_the_site_chosen_is_the_one_wagtail_chooses(arrangement):
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for hostname, port, default in ARRANGEMENTS[arrangement]:
        Site.objects.create(
            hostname=hostname, port=port, is_default_site=default, root_page=root
        )
    for hostname, port in REQUESTS:
        ours = site_for_hostname(hostname, port)
        assert ours == wagtails_choice(hostname, port), (hostname, port)
        if ours is not None:
            assert ours.root_page == root


@pytest.mark.django_db
def test_a_page_reads_its_site_once_and_wagtail_uses_that_answer(client, tree):
    # The first request also fills Wagtail's cache of the sites' root paths.
    client.get(tree.leeds.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(tree.leeds.url)
    assert response.status_code == 200
    assert "Leeds forum" in response.content.decode()
    site_queries = [q for q in queries if '"wagtailcore_site"' in q["sql"]]
    assert len(site_queries) == 1
    # The plain query, not Wagtail's ranking of the candidates in SQL.
    assert "CASE" not in site_queries[0]["sql"].upper()


@pytest.mark.django_db
def test_an_unknown_host_with_no_default_site_gets_a_404(client, tree):
    Site.objects.update(is_default_site=False)
    response = client.get("/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 404
