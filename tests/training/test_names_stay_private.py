"""A name kept for a certificate never reaches a public page, feed, API or index."""

import io

from django.core.management import call_command

from events.models import NamedAttendee
from tests.training.conftest import day, delivered

UNIQUE_NAME = "Quillon Marrowfeather"


def test_an_attendee_name_is_nowhere_public(
    client, search_index, tree, course, training_page, events_index
):
    record = delivered(tree.leeds, course, day(2024, 5, 1), 10)
    NamedAttendee.objects.create(
        record=record,
        name=UNIQUE_NAME,
        email="quillon@example.org",
        organisation_name="Leeds Council",
        consent=True,
    )
    call_command("update_index", verbosity=0, stdout=io.StringIO())

    files = [path for path in search_index.rglob("*") if path.is_file()]
    assert files, "the index was not built"
    for path in files:
        content = path.read_bytes()
        assert b"Marrowfeather" not in content, path
        assert b"marrowfeather" not in content, path

    public = [
        training_page.url,
        training_page.url + "courses/",
        training_page.url + "?period=fy-2024",
        events_index.url,
        "/events/feed.ics",
        f"/events/feed/network/{tree.leeds.pk}.ics",
        "/best-practice/feed/",
        # Searching for the first name must not bring back the surname.
        "/api/v2/pages/?search=Quillon",
        "/api/v2/pages/",
        "/search/?q=Quillon",
        "/sitemap.xml",
    ]
    for url in public:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert b"Marrowfeather" not in response.content, url
