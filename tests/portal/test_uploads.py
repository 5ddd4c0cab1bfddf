"""
Uploads through the Wagtail admin: only real documents of the allowed kinds,
within the size limit, and images within the pixel limit; documents served
through the serve view, as attachments unless they are PDFs.
"""

import json

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest

from portal.factories import UserFactory
from portal.uploads import DOCUMENT_FORMATS
from tests.portal import sample_files
from tests.portal.sample_files import GENUINE_DOCUMENTS, HTML, PDF
from tests.signing_in import sign_in_with_second_factor

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def media_root(settings, tmp_path):
    """A media folder of the test's own, so leftover files can be counted."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(tree, client, media_root):
    """A network editor, signed in: editors may add documents and images."""
    user = UserFactory(username="leeds-editor", groups=[tree.leeds.editors_group])
    sign_in_with_second_factor(client, user)
    return user


def stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()]


def add_document(client, name, content, title="Referral pathway"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": 1,
        },
    )


def add_documents(client, name, content):
    """Upload through the multiple-upload page, as its drop zone does."""
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    return json.loads(response.content)


def test_every_allowed_extension_has_a_check_of_its_contents(settings):
    assert sorted(settings.WAGTAILDOCS_EXTENSIONS) == sorted(DOCUMENT_FORMATS)
    assert sorted(GENUINE_DOCUMENTS) == sorted(DOCUMENT_FORMATS)


@pytest.mark.django_db
@pytest.mark.parametrize("extension", list(GENUINE_DOCUMENTS))
def test_genuine_documents_of_every_allowed_kind_are_saved(
    client, editor, media_root, extension
):
    name, content = GENUINE_DOCUMENTS[extension]
    response = add_document(client, name, content)

    assert response.status_code == 302, response.context["form"].errors
    document = Document.objects.get(title="Referral pathway")
    assert document.file_extension == extension
    assert document.file.read() == content
    assert len(stored_files(media_root)) == 1


# File name, contents, and what the form error must say about them.
REFUSED_DOCUMENTS = {
    "web page renamed .pdf": (
        "minutes.pdf",
        HTML,
        "“minutes.pdf” is not a real PDF: its contents are a web page (HTML).",
    ),
    "plain ZIP renamed .docx": (
        "minutes.docx",
        sample_files.zip_archive([("minutes.txt", "Minutes")]),
        "“minutes.docx” is not a real Word document: its contents are a .zip file",
    ),
    "Word document renamed .xlsx": (
        "figures.xlsx",
        GENUINE_DOCUMENTS["docx"][1],
        "“figures.xlsx” is not a real Excel workbook: its contents are a .docx file",
    ),
    "macro-enabled Word document named .docx": (
        "pathway.docx",
        sample_files.office_open_xml(
            "docx", "application/vnd.ms-word.document.macroEnabled.main+xml"
        ),
        "“pathway.docx” is not a real Word document",
    ),
    "spreadsheet renamed .odt": (
        "pathway.odt",
        sample_files.open_document("spreadsheet"),
        "“pathway.odt” is not a real OpenDocument text",
    ),
    "web page renamed .doc": (
        "pathway.doc",
        HTML,
        "“pathway.doc” is not a real Word document: its contents are a web page",
    ),
    "Excel 97 workbook renamed .doc": (
        "pathway.doc",
        sample_files.ole_compound_file("Workbook"),
        "“pathway.doc” is not a real Word document",
    ),
    "script in a text file": (
        "notes.txt",
        b"Notes\n<script src=https://evil.example/x.js></script>\n",
        "“notes.txt” is not a real plain text file: its contents are a web page",
    ),
    "image renamed .csv": (
        "figures.csv",
        sample_files.png(),
        "“figures.csv” is not a real CSV file: its contents are a .png file "
        "(image/png).",
    ),
    "web page": (
        "pathway.html",
        HTML,
        "“pathway.html” cannot be uploaded: documents must be one of pdf, doc, "
        "docx, xls, xlsx, ppt, pptx, odt, ods, odp, csv, txt.",
    ),
    "SVG image": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "“logo.svg” cannot be uploaded: documents must be one of",
    ),
    "program": (
        "setup.exe",
        b"MZ\x90\x00" + bytes(200),
        "“setup.exe” cannot be uploaded: documents must be one of",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(REFUSED_DOCUMENTS))
def test_refused_documents_get_a_clear_error_and_leave_nothing_behind(
    client, editor, media_root, kind
):
    name, content, message = REFUSED_DOCUMENTS[kind]
    response = add_document(client, name, content)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1, errors
    assert errors[0].startswith(message)
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_multiple_upload_refuses_a_disguised_file_and_saves_a_real_one(
    client, editor, media_root
):
    refused = add_documents(client, "minutes.pdf", HTML)
    assert refused["success"] is False
    assert "is not a real PDF" in refused["error_message"]
    assert not Document.objects.exists()
    assert stored_files(media_root) == []

    saved = add_documents(client, *GENUINE_DOCUMENTS["odt"])
    assert saved["success"] is True
    assert Document.objects.get().file_extension == "odt"


@pytest.mark.django_db
def test_documents_over_the_size_limit_are_refused(
    client, editor, media_root, settings
):
    too_big = PDF + b"%" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE - len(PDF) + 1)
    response = add_document(client, "annual-report.pdf", too_big)

    assert response.status_code == 200
    assert (
        "This file is too big (20.0\xa0MB). Maximum filesize 20.0\xa0MB."
        in (response.context["form"].errors["file"])
    )
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_replacing_a_file_is_checked_too(client, editor, media_root):
    document = Document.objects.create(
        title="Pathway",
        file=ContentFile(PDF, name="pathway.pdf"),
        uploaded_by_user=editor,
    )
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Pathway",
            "file": SimpleUploadedFile("pathway.pdf", HTML),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "is not a real PDF" in response.content.decode()
    document.refresh_from_db()
    assert document.file.read() == PDF


@pytest.mark.django_db
def test_editing_only_the_title_keeps_the_stored_file(client, editor, media_root):
    document = Document.objects.create(
        title="Pathway",
        file=ContentFile(PDF, name="pathway.pdf"),
        uploaded_by_user=editor,
    )
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Referral pathway", "collection": 1},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Referral pathway"


# Serving ----------------------------------------------------------------


def upload_and_fetch(client, extension):
    name, content = GENUINE_DOCUMENTS[extension]
    assert add_document(client, name, content, title=name).status_code == 302
    document = Document.objects.get(title=name)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    return document, response


@pytest.mark.django_db
@pytest.mark.parametrize("extension", ["docx", "xlsx", "odt", "csv", "txt"])
def test_documents_other_than_pdf_download_as_attachments(
    client, editor, media_root, extension
):
    document, response = upload_and_fetch(client, extension)
    assert document.url.startswith("/documents/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_pdfs_open_in_the_browser(client, editor, media_root):
    document, response = upload_and_fetch(client, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.django_db
def test_the_media_folder_is_not_served_by_the_portal(client, editor, media_root):
    """Only the serve view, which checks privacy, hands documents out."""
    document, _ = upload_and_fetch(client, "pdf")
    assert (media_root / document.file.name).is_file()
    direct = client.get(f"/media/{document.file.name}")
    assert direct.status_code == 404


# Images -----------------------------------------------------------------


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Map", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.django_db
def test_images_within_the_pixel_limit_are_saved(client, editor, media_root):
    response = add_image(client, "map.png", sample_files.png(800, 600))
    assert response.status_code == 302
    assert Image.objects.get(title="Map").width == 800


@pytest.mark.django_db
def test_images_over_the_pixel_limit_are_refused(client, editor, media_root):
    # 8,000 × 6,000 is 48 megapixels, over the 40 allowed, in a file of a few KB.
    huge = sample_files.png(8000, 6000)
    response = add_image(client, "map.png", huge)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == [
        "This file has too many pixels (48000000). Maximum pixels 40000000."
    ]
    assert not Image.objects.exists()
    assert stored_files(media_root) == []

    multiple = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("map.png", huge), "collection": 1},
    )
    assert json.loads(multiple.content)["success"] is False
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_a_web_page_renamed_as_an_image_is_refused(client, editor, media_root):
    response = add_image(client, "map.png", HTML)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()
    assert stored_files(media_root) == []
