"""Real document files for the tests: the shipped seed texts (and their Russian and
Kazakh translations) converted by LibreOffice, a PPTX and a scan made with the same
libraries the site reads them with, and a corpus of hostile files."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from support import ROOT

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SEEDS = {"en": "files/probation-mission-findings-presentation/probation-mission-report-presentation.txt",
         "ru": "files/probation-mission-findings-presentation/probation-mission-report-presentation.ru.txt",
         "kk": "files/probation-mission-findings-presentation/probation-mission-report-presentation.kk.txt"}


def convert(sources: list[Path], fmt: str, outdir: Path, *, infilter: str = "", suffix: str = "") -> list[Path]:
    """LibreOffice headless `--convert-to`, as an editor's office suite would save them
    (`fmt` may name the export filter: "docx:MS Word 2007 XML"; then `suffix` is "docx")."""
    if SOFFICE is None:
        pytest.fail("LibreOffice is not installed: scripts/install_test_system_deps.sh installs "
                    "libreoffice-writer-nogui; without it there are no real DOCX/ODT/PDF files to test")
    profile = outdir / "lo-profile"
    filters = [f"--infilter={infilter}"] if infilter else []
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *filters,
                             "--convert-to", fmt, "--outdir", str(outdir), *map(str, sources)],
                            capture_output=True, text=True, timeout=300)
    out = [outdir / f"{src.stem}.{suffix or fmt}" for src in sources]
    missing = [p for p in out if not p.is_file()]
    assert not missing, f"LibreOffice did not write {missing}: {result.stdout}{result.stderr}"
    return out


def pptx_of(text: str, path: Path) -> Path:
    from pptx import Presentation

    deck = Presentation()
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    for start in range(0, len(paragraphs), 4):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = paragraphs[start][:60]
        body = slide.placeholders[1].text_frame
        body.text = paragraphs[start]
        for para in paragraphs[start + 1:start + 4]:
            body.add_paragraph().text = para
    deck.save(path)
    return path


def scan_pdf(lines: list[str], path: Path) -> Path:
    """A PDF holding one page image with `lines` on it: what a scanner produces."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    image = Image.new("RGB", (1700, 2200), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((120, 150 + n * 80), line, fill="black", font=font)
    image.save(path, "PDF", resolution=200)
    return path


def hostile(folder: Path) -> dict[str, tuple[str, str]]:
    """file name -> (the reason key, a phrase of the expected detail)."""
    from pypdf import PdfWriter

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.pdf").write_bytes(b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    writer.write(folder / "locked.pdf")
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    long = PdfWriter()
    for _ in range(600):
        long.add_blank_page(100, 100)
    long.write(folder / "long.pdf")
    (folder / "letter.docx").write_text("Dear colleagues, this is not a Word file.")
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))
    with zipfile.ZipFile(folder / "crowd.odt", "w") as z:
        z.writestr("content.xml", "<x/>")
        for n in range(2_100):
            z.writestr(f"Pictures/{n}.png", b"")
    with zipfile.ZipFile(folder / "plain-zip.pptx", "w") as z:
        z.writestr("readme.txt", "just a zip")
    buf = io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500)
    (folder / "old-word.docx").write_bytes(buf.getvalue())
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    return {
        "page.pdf": ("mismatch", "named .pdf but its contents are an HTML page"),
        "locked.pdf": ("encrypted", "the PDF is encrypted"),
        "damaged.pdf": ("corrupt", "the PDF could not be parsed"),
        "long.pdf": ("too_large", "the PDF has 600 pages, more than the 500"),
        "letter.docx": ("mismatch", "named .docx but its contents are something else"),
        "bomb.docx": ("too_large", "(a zip bomb?)"),
        "crowd.odt": ("too_large", "the archive has 2101 members, more than 2000"),
        "plain-zip.pptx": ("mismatch", "the zip has no ppt/presentation.xml"),
        "old-word.docx": ("mismatch", "an old Office (OLE) file"),
        "binary.txt": ("mismatch", "the file is binary"),
    }


def seed(lang: str) -> Path:
    return ROOT / SEEDS[lang]


def _entry(rid: str, title: str, files: list[tuple[str, str, str]]) -> str:
    listed = "\n".join(f"      - {{path: {path}, lang: {lang}, format: {fmt}}}" for path, lang, fmt in files)
    return f"""  - id: {rid}
    type: mission-report
    title: {{en: "{title}", ru: "{title} (ru)", kk: "{title} (kk)"}}
    summary: {{en: "A document of the test bank.", ru: "Документ тестового банка.", kk: "Сынақ банкінің құжаты."}}
    date: "2019-06"
    agencies: [mia-probation]
    topics: [probation]
    audience: [probation-officers]
    licence: eucj-project
    availability: in-bank
    files:
{listed}
"""


def document_bank(root: Path, *, with_hostile: bool = True) -> Path:
    """A catalogue whose files are real office files (LibreOffice) in three languages,
    a PPTX, a scan and, with `with_hostile`, two files that cannot be read."""
    files = root / "files"
    office = files / "mission"
    office.mkdir(parents=True)
    sources = []
    for lang in ("en", "ru", "kk"):
        src = office / f"mission.{lang}.txt"
        src.write_text(seed(lang).read_text("utf-8"), "utf-8")
        sources.append(src)
    docx = convert(sources[:1], "docx", office)[0]
    odt = convert(sources[1:2], "odt", office)[0]
    pdf = convert(sources[2:], "pdf", office)[0]
    for src in sources:
        src.unlink()
    (office / "lo-profile").exists() and shutil.rmtree(office / "lo-profile")
    slides = files / "slides"
    slides.mkdir()
    pptx_of(seed("en").read_text("utf-8"), slides / "slides.en.pptx")
    scans = files / "scan"
    scans.mkdir()
    scan_pdf(["Probation officers meet their clients"], scans / "scan.en.pdf")
    entries = [
        _entry("mission-office", "Mission in office formats",
               [(f"files/mission/{p.name}", lang, p.suffix[1:]) for p, lang in ((docx, "en"), (odt, "ru"), (pdf, "kk"))]),
        _entry("mission-slides", "Mission slides", [("files/slides/slides.en.pptx", "en", "pptx")]),
        _entry("scanned-letter", "Scanned letter", [("files/scan/scan.en.pdf", "en", "pdf")]),
    ]
    if with_hostile:
        bad = files / "bad"
        bad.mkdir()
        hostile(bad)
        entries.append(_entry("bad-files", "Bad files", [("files/bad/page.pdf", "en", "pdf"),
                                                          ("files/bad/locked.pdf", "ru", "pdf")]))
    catalogue = root / "resource_catalog.yaml"
    catalogue.write_text("resources:\n" + "\n".join(entries), "utf-8")
    return catalogue
