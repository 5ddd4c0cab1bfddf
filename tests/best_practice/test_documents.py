"""Documents of restricted practices reach only people who may read the practice."""

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model

import pytest

from best_practice.factories import BestPracticePageFactory
from best_practice.models import BestPracticeDocument, BestPracticePage
from portal.factories import UserFactory
from tests.signing_in import sign_in_with_second_factor

Document = get_document_model()


def attach(practice, title="Referral form"):
    document = Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 referral form", name="referral.pdf")
    )
    BestPracticeDocument.objects.create(page=practice, document=document)
    return document


def download(client, user, document):
    if user is not None:
        sign_in_with_second_factor(client, user)
    return client.get(document.url)


@pytest.mark.django_db
def test_police_only_document_is_for_the_police(tree, client, personas):
    practice = BestPracticePageFactory(
        parent=tree.leeds, handling=BestPracticePage.Handling.POLICE
    )
    document = attach(practice)

    anonymous = download(client, None, document)
    assert anonymous.status_code == 302
    assert "/account/sign-in/" in anonymous["Location"]
    assert download(client, personas["partner"], document).status_code == 403
    client.logout()
    police = download(client, personas["police"], document)
    assert police.status_code == 200
    assert b"referral form" in b"".join(police.streaming_content)


@pytest.mark.django_db
def test_public_practice_documents_are_public(tree, client):
    document = attach(BestPracticePageFactory(parent=tree.leeds))
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_draft_only_documents_are_for_its_editors(tree, client, personas):
    draft = BestPracticePageFactory(parent=tree.leeds, live=False)
    document = attach(draft)
    assert download(client, personas["police"], document).status_code == 403
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    client.logout()
    assert download(client, editor, document).status_code == 200


@pytest.mark.django_db
def test_marked_title_is_refused_at_upload_with_a_clear_message(tree, client):
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    sign_in_with_second_factor(client, editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Operation plan OFFICIAL-SENSITIVE",
            "file": ContentFile(b"plan", name="plan.pdf"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "Remove the protective marking" in response.content.decode()
    assert not Document.objects.filter(title__contains="SENSITIVE").exists()


@pytest.mark.django_db
def test_plain_title_uploads(tree, client):
    editor = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    sign_in_with_second_factor(client, editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Referral pathway leaflet",
            "file": ContentFile(b"%PDF-1.4 leaflet", name="leaflet.pdf"),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Referral pathway leaflet").exists()
