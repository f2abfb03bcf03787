"""DOCX and PDF files for the synthetic catalogue, so that a benchmark extracts what a
real bank holds, not only plain text.

- DOCX: the Office Open XML parts Word writes (content types, relationships, the
  document with Heading1 and list paragraphs), zipped; mammoth reads it as it reads
  Word's own files.
- PDF: written by pypdfium2 (PDFium, the library the site renders pages with), one
  text object per line in the standard Helvetica font, 60 lines a page. A standard
  font holds Latin letters only, so the synthetic PDFs are the English files; a
  Cyrillic PDF needs an embedded font (LibreOffice's, in tests/test_extraction.py).
"""

from __future__ import annotations

import ctypes
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(paragraphs: list[str], path: Path) -> None:
    """Every eighth paragraph a heading (its first words), the rest body text."""
    body = []
    for n, text in enumerate(paragraphs):
        if n % 8 == 0:
            heading = " ".join(text.split()[:6]).rstrip(".,;:")
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{escape(heading)}</w:t></w:r></w:p>')
        body.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)


def write_pdf(paragraphs: list[str], path: Path) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    lines = [line for para in paragraphs for line in [*textwrap.wrap(para, 95), ""]]
    pdf = pdfium.PdfDocument.new()
    for start in range(0, len(lines), 60):
        page = pdf.new_page(595, 842)
        for n, line in enumerate(lines[start:start + 60]):
            if not line:
                continue
            obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 10.0)
            text = (line + "\0").encode("utf-16-le")
            buffer = ctypes.create_string_buffer(text, len(text))
            raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 50, 800 - 12 * n)
            raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(str(path))
    pdf.close()
