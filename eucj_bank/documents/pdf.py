"""PDF: the text layer with pypdf, page by page; pages without text are a scan, read
with Tesseract when it is installed (pypdfium2 renders the page images).

pypdf returns a page's text as lines, a wrapped paragraph's lines included; a line
closes a paragraph when it ends a sentence or is clearly shorter than the page's
long lines. An isolated short line without final punctuation is taken for a heading,
as in plain text, so that a PDF's reading page gets a contents list.
"""

from __future__ import annotations

import html
import io
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .sniff import Unreadable

MAX_PAGES = 500  # a PDF of more pages is refused with a message: its reading page would be unusable
MAX_OCR_PAGES = 60
SCAN_CHARS_PER_PAGE = 25  # below this on average, the PDF has no real text layer
TESSERACT_LANG = {"en": "eng", "ru": "rus+eng", "kk": "kaz+rus+eng"}


def read_pdf(data: bytes, lang: str) -> tuple[list[str], str]:
    """The HTML of each page, and how the text was got: "text", "ocr" or "scan"."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ("EOF marker not found"); the outcome is reported once, located.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Unreadable("encrypted", "the PDF is encrypted (password protected)")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise Unreadable("too_large", f"the PDF has {count} pages, more than the {MAX_PAGES} the site reads")
        texts = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        raise Unreadable("corrupt", f"the PDF could not be parsed ({type(exc).__name__}: {exc})"[:300]) from None
    if count and sum(len(t.strip()) for t in texts) / count >= SCAN_CHARS_PER_PAGE:
        return [page_html(text) for text in texts], "text"
    ocr = ocr_pages(data, lang)
    if ocr is None:
        return ["" for _ in texts], "scan"
    return [page_html(text) for text in ocr], "ocr"


def page_html(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    longest = max((len(line) for line in lines), default=0)
    out: list[str] = []
    para: list[str] = []

    def close() -> None:
        if para:
            out.append(f"<p>{html.escape(' '.join(para))}</p>")
            para.clear()

    for i, line in enumerate(lines):
        if not line:
            close()
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _short(line) and not para and not _short(nxt) and len(line) < 0.7 * longest and line[0].isupper():
            out.append(f"<h2>{html.escape(line)}</h2>")
            continue
        if line[0] in "•●▪◦-–":  # a bullet starts a new paragraph
            close()
        para.append(line)
        if line[-1] in ".!?:;»”" or len(line) < 0.6 * longest:
            close()
    close()
    return "\n".join(out)


def _short(line: str) -> bool:
    return 0 < len(line) <= 80 and len(line.split()) <= 10 and line[-1] not in ".,;:!?…»\"”)-•"


def tesseract() -> str | None:
    """Tesseract's path, unless absent or switched off (EUCJ_OCR=off, for a quick build)."""
    return None if os.environ.get("EUCJ_OCR") == "off" else shutil.which("tesseract")


def ocr_pages(data: bytes, lang: str) -> list[str] | None:
    """Each page's text read by Tesseract, or None when it is not available."""
    program = tesseract()
    if program is None:
        return None
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(min(len(pdf), MAX_OCR_PAGES)):
            image = pdf[number].render(scale=200 / 72).to_pil()
            png = Path(tmp) / f"{number}.png"
            image.save(png)
            result = subprocess.run([program, str(png), "stdout", "-l", TESSERACT_LANG.get(lang, "eng")],
                                    capture_output=True, timeout=120, check=False)
            texts.append(result.stdout.decode("utf-8", "replace"))
    pdf.close()
    return texts
