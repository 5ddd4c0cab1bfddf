"""
What an uploaded document must really be, judged by its contents.

Wagtail refuses an extension missing from WAGTAILDOCS_EXTENSIONS and a file
over WAGTAILDOCS_MAX_UPLOAD_SIZE, but a name proves nothing about what a
file holds: a web page renamed `minutes.pdf` passes both checks, and its
scripts would run if a browser ever opened it from the portal's address.
So every allowed extension has a test of the contents here, and a file
that fails it is refused with a message that says what the file really is.

Office Open XML and OpenDocument files are ZIP archives, and so is any ZIP
renamed `.docx`: those are recognised by the part that names the document
type inside the archive, not by the ZIP signature. Legacy Office files are
OLE compound files, recognised by the stream that holds the document.
"""

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError

import filetype
import olefile

# Enough of the start of a file to recognise every format named here.
HEAD_SIZE = 8192
# The type-naming parts of an archive are a few hundred bytes; a larger one
# is not a document this portal wants to decompress to find out.
MAX_TYPE_PART_SIZE = 1024 * 1024

# Markup a browser would render or run. `\b` keeps "<header>" and similar
# words in plain text from counting.
MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DocumentFormat:
    """An allowed kind of document: what to call it, and how to recognise it."""

    name: str
    is_valid: Callable[[BinaryIO], bool]


def is_pdf(file):
    # The header may follow a UTF-8 byte order mark, as filetype allows too.
    return file.read(HEAD_SIZE).removeprefix(b"\xef\xbb\xbf").startswith(b"%PDF-")


def ole_with_stream(*stream_names):
    """Recognise a legacy Office file by the stream that holds its document."""

    def is_valid(file):
        if not olefile.isOleFile(file):
            return False
        file.seek(0)
        try:
            with olefile.OleFileIO(file) as ole:
                return any(ole.exists(name) for name in stream_names)
        except Exception:
            # olefile raises errors of many kinds on a damaged or crafted
            # file; none of them is a document that can be read.
            return False

    return is_valid


def archive_part(file, part_name):
    """Return the bytes of `part_name` in the ZIP archive `file`, or None."""
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo(part_name)
            if info.file_size > MAX_TYPE_PART_SIZE:
                return None
            return archive.read(info)
    except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError):
        # RuntimeError: the part is encrypted.
        return None
    except (OSError, EOFError, ValueError, NotImplementedError):
        # A damaged archive, or one compressed in a way Python cannot read.
        return None


def office_open_xml(main_content_type):
    """
    Recognise a .docx, .xlsx or .pptx by the content type of its main part.

    [Content_Types].xml names it; a macro-enabled document or a template
    names another, and is refused under the ordinary extension.
    """
    declaration = f'ContentType="{main_content_type}"'.encode()

    def is_valid(file):
        content_types = archive_part(file, "[Content_Types].xml")
        return content_types is not None and declaration in content_types

    return is_valid


def open_document(mimetype):
    """Recognise an OpenDocument file by its `mimetype` entry."""

    def is_valid(file):
        return archive_part(file, "mimetype") == mimetype.encode()

    return is_valid


def decode_text(data):
    """Return `data` as text, or None if it is not text in a usual encoding."""
    if b"\x00" in data:
        return None
    # UTF-8 first; then Windows-1252, which spreadsheet programs on Windows
    # still write CSV in, and which leaves a few bytes undefined.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def is_plain_text(file):
    # The whole file is read: markup can start anywhere in it, and text
    # files are kept small by the upload size limit.
    data = file.read()
    return decode_text(data) is not None and not MARKUP.search(data)


OOXML = "application/vnd.openxmlformats-officedocument"
OPENDOCUMENT = "application/vnd.oasis.opendocument"

# Keep in step with WAGTAILDOCS_EXTENSIONS in the settings: an extension
# missing here is refused whatever the settings say, as nothing here could
# vouch for its contents.
DOCUMENT_FORMATS = {
    "pdf": DocumentFormat("PDF", is_pdf),
    "doc": DocumentFormat("Word document", ole_with_stream("WordDocument")),
    "docx": DocumentFormat(
        "Word document", office_open_xml(f"{OOXML}.wordprocessingml.document.main+xml")
    ),
    "xls": DocumentFormat("Excel workbook", ole_with_stream("Workbook", "Book")),
    "xlsx": DocumentFormat(
        "Excel workbook", office_open_xml(f"{OOXML}.spreadsheetml.sheet.main+xml")
    ),
    "ppt": DocumentFormat(
        "PowerPoint presentation", ole_with_stream("PowerPoint Document")
    ),
    "pptx": DocumentFormat(
        "PowerPoint presentation",
        office_open_xml(f"{OOXML}.presentationml.presentation.main+xml"),
    ),
    "odt": DocumentFormat("OpenDocument text", open_document(f"{OPENDOCUMENT}.text")),
    "ods": DocumentFormat(
        "OpenDocument spreadsheet", open_document(f"{OPENDOCUMENT}.spreadsheet")
    ),
    "odp": DocumentFormat(
        "OpenDocument presentation", open_document(f"{OPENDOCUMENT}.presentation")
    ),
    "csv": DocumentFormat("CSV file", is_plain_text),
    "txt": DocumentFormat("plain text file", is_plain_text),
}


def describe_contents(head):
    """Say what the start of a file shows it to be, or return None."""
    if MARKUP.search(head):
        return "a web page (HTML)"
    kind = filetype.guess(head)
    if kind is not None:
        return f"a .{kind.extension} file ({kind.mime})"
    return None


def check_document_file(file):
    """
    Raise ValidationError unless `file` holds what its extension says.

    `file` is an uploaded file; it is read from the start and left at the
    start for whatever saves it next.
    """
    name = file.name or ""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    document_format = DOCUMENT_FORMATS.get(extension)
    if document_format is None:
        raise ValidationError(
            "“%(name)s” cannot be uploaded: documents must be one of %(allowed)s.",
            code="document_type_not_allowed",
            params={"name": name, "allowed": ", ".join(DOCUMENT_FORMATS)},
        )
    try:
        file.seek(0)
        valid = document_format.is_valid(file)
        file.seek(0)
        head = file.read(HEAD_SIZE)
    finally:
        file.seek(0)
    if valid:
        return
    contents = describe_contents(head)
    message = "“%(name)s” is not a real %(kind)s: "
    message += (
        "its contents are %(contents)s."
        if contents
        else "its contents do not match the .%(extension)s extension."
    )
    message += " Save the document in the format its name says, and upload it again."
    raise ValidationError(
        message,
        code="document_contents_mismatch",
        params={
            "name": name,
            "kind": document_format.name,
            "contents": contents,
            "extension": extension,
        },
    )
