"""
Small but genuine files of every kind an editor may upload, built in memory.

Each is what the desktop program writes at its smallest: the structure a
reader (or the upload check) looks at is real, the content is a line.
"""

import io
import struct
import zipfile

import openpyxl
from PIL import Image

PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n"
    b"trailer <</Root 1 0 R>>\n"
    b"%%EOF\n"
)

HTML = (
    b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
)

OOXML = "application/vnd.openxmlformats-officedocument"
OOXML_PARTS = {
    "docx": ("word/document.xml", f"{OOXML}.wordprocessingml.document.main+xml"),
    "pptx": ("ppt/presentation.xml", f"{OOXML}.presentationml.presentation.main+xml"),
}


def zip_archive(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            # OpenDocument asks for its `mimetype` entry uncompressed.
            compression = zipfile.ZIP_STORED if name == "mimetype" else None
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def office_open_xml(extension, main_content_type=None):
    """A .docx or .pptx: content types, relationships and the main part."""
    part, content_type = OOXML_PARTS[extension]
    content_type = main_content_type or content_type
    return zip_archive(
        [
            (
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types">'
                '<Default Extension="rels" ContentType="application/'
                'vnd.openxmlformats-package.relationships+xml"/>'
                f'<Override PartName="/{part}" ContentType="{content_type}"/>'
                "</Types>",
            ),
            (
                "_rels/.rels",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                '2006/relationships"><Relationship Id="rId1" Type="http://'
                "schemas.openxmlformats.org/officeDocument/2006/relationships/"
                f'officeDocument" Target="{part}"/></Relationships>',
            ),
            (part, "<document>Referral pathway</document>"),
        ]
    )


def xlsx():
    """A workbook written by openpyxl, as a spreadsheet program would."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["Referrals", 12])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def open_document(kind):
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    return zip_archive(
        [
            ("mimetype", mimetype),
            (
                "META-INF/manifest.xml",
                '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                f'<manifest:file-entry manifest:full-path="/" '
                f'manifest:media-type="{mimetype}"/></manifest:manifest>',
            ),
            ("content.xml", "<office:document-content/>"),
        ]
    )


def ole_compound_file(stream_name):
    """
    An OLE compound file (version 3) holding one stream, as Office 97-2003
    writes .doc, .xls and .ppt files: a header, one FAT sector, one
    directory sector and the stream's eight sectors.
    """
    sector = 512
    free, end_of_chain, fat_sector, no_stream = (
        0xFFFFFFFF,
        0xFFFFFFFE,
        0xFFFFFFFD,
        0xFFFFFFFF,
    )
    stream = b"Referral pathway ".ljust(8 * sector, b".")  # above the mini cutoff
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack(
        "<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0
    )
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = [fat_sector, end_of_chain, *range(3, 10), end_of_chain]
    fat += [free] * (sector // 4 - len(fat))

    def entry(name, kind, child, start, size):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", no_stream, no_stream, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    directory = (
        entry("Root Entry", 5, 1, end_of_chain, 0)
        + entry(stream_name, 2, no_stream, 2, len(stream))
        + entry("", 0, no_stream, 0, 0) * 2
    )
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + stream


def png(width=40, height=30):
    buffer = io.BytesIO()
    # One colour in palette mode keeps even a huge image a few kilobytes.
    Image.new("P", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


# What an editor uploads: file name and contents, one of each allowed kind.
GENUINE_DOCUMENTS = {
    "pdf": ("pathway.pdf", PDF),
    "doc": ("pathway.doc", ole_compound_file("WordDocument")),
    "docx": ("pathway.docx", office_open_xml("docx")),
    "xls": ("figures.xls", ole_compound_file("Workbook")),
    "xlsx": ("figures.xlsx", xlsx()),
    "ppt": ("briefing.ppt", ole_compound_file("PowerPoint Document")),
    "pptx": ("briefing.pptx", office_open_xml("pptx")),
    "odt": ("pathway.odt", open_document("text")),
    "ods": ("figures.ods", open_document("spreadsheet")),
    "odp": ("briefing.odp", open_document("presentation")),
    "csv": (
        "figures.csv",
        "Force,Referrals\nWest Yorkshire,12\nÎle-de-France,3\n".encode(),
    ),
    "txt": ("notes.txt", "Café meeting notes — Leeds\n".encode("cp1252")),
}
