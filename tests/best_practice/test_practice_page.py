"""A practice page and its print view, as readers of each persona see them."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import (
    BestPracticeDocument,
    BestPracticePage,
    RecognitionBadge,
)
from network.models import NetworkSignpost
from tests.best_practice.test_library import PERSONAS, SEES_PARTNERS, build_library
from tests.signing_in import sign_in_with_second_factor


@pytest.fixture
def library(tree):
    return build_library(tree)


def get_as(client, personas, persona, url):
    if personas[persona] is not None:
        sign_in_with_second_factor(client, personas[persona])
    return client.get(url)


@pytest.mark.django_db
def test_page_shows_labels_with_plain_english_explanations(client, library):
    html = client.get(library.car_wash.url).content.decode()
    assert "Car wash welfare checks" in html
    assert "Worked" in html
    assert BestPracticePage.OUTCOME_EXPLANATIONS["worked"] in html
    assert "Independently evaluated" in html
    assert "Someone independent of it evaluated it." in html
    assert "Anyone may read and share this practice." in html
    assert "Yorkshire Constabulary" in html
    assert "Modern slavery coordinator" in html


@pytest.mark.django_db
def test_did_not_work_is_shown_as_plainly_as_success(client, library):
    html = client.get(library.nail_bar.url).content.decode()
    assert 'govuk-tag--red">Did not work</strong>' in html
    assert "so others can learn from it" in html


@pytest.mark.django_db
def test_review_dates_are_shown_to_readers(client, library):
    html = client.get(library.car_wash.url).content.decode()
    assert 'Last reviewed <time datetime="2025-01-10">10 January 2025</time>' in html
    assert "· Next review due" in html
    assert "10 January 2026" in html


@pytest.mark.django_db
def test_overdue_review_is_flagged(client, tree):
    practice = BestPracticePageFactory(
        parent=tree.leeds,
        last_reviewed=datetime.date(2020, 1, 1),
        next_review_due=datetime.date(2021, 1, 1),
    )
    assert "Review overdue" in client.get(practice.url).content.decode()


@pytest.mark.django_db
def test_marking_is_shown_to_those_who_may_read_it(client, personas, library):
    client.force_login(personas["partner"])
    html = client.get(library.partners.url).content.decode()
    assert "Partners only" in html
    assert "Do not share it outside the partnership." in html


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_restricted_practice_and_its_print_view_are_closed_to_others(
    client, personas, library, persona
):
    for url in (library.partners.url, library.partners.url + "print/"):
        response = get_as(client, personas, persona, url)
        html = response.content.decode()
        if persona in SEES_PARTNERS:
            assert response.status_code == 200
            assert "Partners briefing pack" in html
        else:
            assert response.status_code in (302, 403, 404)
            assert "Partners briefing pack" not in html


@pytest.mark.django_db
def test_content_warning_comes_before_the_content(client, tree):
    practice = BestPracticePageFactory(
        parent=tree.leeds,
        content_warning="Describes sexual exploitation of children",
        lived_experience=True,
    )
    html = client.get(practice.url).content.decode()
    warning = html.index("Content warning: Describes sexual exploitation of children")
    assert warning < html.index("The problem")
    assert warning < html.index(practice.summary)
    assert "Co-produced with people with lived experience" in html


@pytest.mark.django_db
def test_recognition_badges_are_shown(client, library):
    badge = RecognitionBadge.objects.first()
    library.car_wash.recognition.set([badge])
    library.car_wash.save()
    assert badge.name in client.get(library.car_wash.url).content.decode()


@pytest.mark.django_db
def test_documents_show_their_type_and_size(client, library):
    document = Document.objects.create(title="Evaluation report")
    document.file.save("evaluation.pdf", ContentFile(b"x" * 2048))
    document.file_size = 2048
    document.save()
    BestPracticeDocument.objects.create(page=library.car_wash, document=document)
    html = client.get(library.car_wash.url).content.decode()
    assert "Evaluation report" in html
    assert "PDF, 2.0\xa0KB" in html


@pytest.mark.django_db
def test_tags_and_themes_link_to_the_library(client, library):
    html = client.get(library.car_wash.url).content.decode()
    assert 'href="/best-practice/tags/car-washes/"' in html
    assert 'href="/best-practice/?theme=victim-identification"' in html


@pytest.mark.django_db
def test_local_signposts_of_the_network_and_those_above(client, library, tree):
    NetworkSignpost.objects.create(
        network=tree.west_yorkshire,
        title="West Yorkshire safeguarding hub",
        phone="0113 000 0000",
    )
    NetworkSignpost.objects.create(
        network=tree.national,
        title="Modern Slavery Helpline",
        phone="08000 121 700",
    )
    NetworkSignpost.objects.create(
        network=tree.north_east, title="North East hub", phone="0191 000 0000"
    )
    html = client.get(library.nail_bar.url).content.decode()
    assert "Where to get help locally" in html
    assert html.index("West Yorkshire safeguarding hub") < html.index(
        "Modern Slavery Helpline"
    )
    assert 'href="tel:08000121700"' in html
    assert "North East hub" not in html


@pytest.mark.django_db
def test_no_signposts_no_section(client, library):
    assert (
        "Where to get help locally"
        not in client.get(library.car_wash.url).content.decode()
    )


@pytest.mark.django_db
def test_print_view_is_a_one_page_summary(client, library):
    response = client.get(library.car_wash.url + "print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Printable summary: Car wash welfare checks" in html
    assert "What to do" in html
    assert "Partners trained staff" in html
    assert "Outcome: <strong>Worked</strong>" in html
    assert "practice@network.example.org" in html
    assert "http://testserver" + library.car_wash.url in html
    assert '<meta name="robots" content="noindex">' in html
    # The sections a printed summary leaves out.
    assert "Adopted by" not in html
    assert "The problem" not in html


@pytest.mark.django_db
def test_print_view_of_a_draft_is_not_found(client, tree):
    practice = BestPracticePageFactory(parent=tree.leeds, live=False)
    assert client.get(practice.url + "print/").status_code == 404
