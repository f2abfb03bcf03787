"""Reading pages: every document readable on the site, in its own language inside the
reader's UI; unreadable files reported, located, without stopping the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from document_files import document_bank
from support import build_site

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.site.ui import t


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    root = tmp_path_factory.mktemp("docbank")
    catalogue = document_bank(root)
    site = root / "site"
    result = build_site(site, catalogue=catalogue)
    assert result.returncode == 0, result.stdout + result.stderr
    return {"root": root, "catalogue": catalogue, "site": site, "log": result.stdout + result.stderr}


def _page(site: Path, lang: str, path: str) -> str:
    return (site / ("" if lang == "en" else lang) / path).read_text("utf-8")


def test_unreadable_files_are_located_warnings_and_the_page_says_so(bank):
    log = bank["log"]
    lines = [line for line in log.splitlines() if "could not be read" in line]
    assert len(lines) == 2, log
    assert re.search(r"resource_catalog\.yaml:\d+:\d+: warning: resources\[3\] 'bad-files': the text of "
                     r"files/bad/page\.pdf could not be read: the file is named \.pdf but its contents are an HTML "
                     r"page - ", log), log
    assert "files/bad/locked.pdf could not be read: the PDF is encrypted" in log
    assert "Traceback" not in log
    for lang in LANGS:
        html = _page(bank["site"], lang, "resources/bad-files.html")
        assert t("text_unreadable", lang, name="page.pdf", reason=t("reason_mismatch", lang)) in html
        assert t("text_unreadable", lang, name="locked.pdf", reason=t("reason_encrypted", lang)) in html
        assert t("read_online", lang) not in html
        assert not (bank["site"] / ("" if lang == "en" else lang) / "read/bad-files--en.html").exists()


def test_a_strict_build_fails_on_an_unreadable_file(bank, tmp_path):
    result = build_site(tmp_path / "site", catalogue=bank["catalogue"], strict=True)
    assert result.returncode != 0
    assert "files/bad/page.pdf could not be read" in result.stdout + result.stderr


def _frame(page: Path, html: str) -> Path:
    """The text's page a reading page shows in its frame."""
    src = re.search(r'<iframe class="eucj-text-frame" name="eucj-text" src="([^"]+)"', html).group(1)
    return (page.parent / src).resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_each_document_has_a_reading_page_in_its_language_inside_the_ui_language(bank, lang):
    site = bank["site"]
    resource = _page(site, lang, "resources/mission-office.html")
    links = re.findall(r'<a class="eucj-read-online" href="([^"]+--(\w+)\.html)">([^<]+)</a>', resource)
    assert sorted(link[1] for link in links) == ["en", "kk", "ru"]
    assert {link[2] for link in links} == {t("read_online", lang)}
    for href, file_lang, _ in links:
        page = (site / ("" if lang == "en" else lang) / "resources" / href).resolve()
        html = page.read_text("utf-8")
        assert f'<html lang="{lang}"' in html
        # the title once, in the text's language (Material adds its own h1 to a page without one)
        assert re.findall(r"<h1[^>]*>", html) == [f'<h1 lang="{file_lang}">'], re.findall(r"<h1[^>]*>[^<]*", html)
        # the text: its one stored page, in the frame, in the file's language
        text_page = _frame(page, html)
        assert text_page == site / "texts" / f"mission-office--{file_lang}.html"
        assert re.search(rf'<iframe class="eucj-text-frame" [^>]*lang="{file_lang}" title="'
                         rf'{re.escape(t("reading_text_label", lang))}"', html)
        text = text_page.read_text("utf-8")
        assert f'<html lang="{file_lang}">' in text and '<main class="eucj-document">' in text
        words = int(re.search(r"(\d[\d\u00a0]*)", re.search(r'eucj-reading-facts">([^<]+)', html).group(1))
                    .group(1).replace("\u00a0", ""))
        assert words > 1000
        # the original is one click away, relative to the site root; so is the text alone
        original = re.search(r'<a href="([^"]+)" download hreflang="' + file_lang, html).group(1)
        assert (page.parent / original).resolve().is_file()
        alone = re.search(r'<a href="([^"]+)" hreflang="' + file_lang + '">' + re.escape(t("reading_text_alone", lang)),
                          html).group(1)
        assert (page.parent / alone).resolve() == text_page
        if file_lang == "kk":  # the PDF: its page numbers, in the text's language
            assert t("reading_page_label", "kk", number=2) in text and 'id="page-2"' in text
        assert "eucj-reading.css" in html and "eucj-reading.js" in html and "eucj-text.css" in text


def test_each_text_is_stored_once_and_no_reading_page_repeats_it(bank):
    site = bank["site"]
    texts = sorted(p.name for p in site.rglob("*.html") if p.parent.name == "texts")
    assert texts == sorted(["mission-office--en.html", "mission-office--ru.html", "mission-office--kk.html",
                            "mission-slides--en.html", "scanned-letter--en.html"])
    assert not any((site / lang / "texts").exists() for lang in ("ru", "kk"))
    # a long passage of each text is in its page only: not in the 3 reading pages, not in the index
    for name in texts:
        body = (site / "texts" / name).read_text("utf-8").split('<main class="eucj-document">')[1]
        passage = max(re.findall(r' id="t-\d+"[^>]*>([^<]{30,})<', body), key=len)[:80]
        holders = [p.relative_to(site).as_posix() for p in site.rglob("*")
                   if p.is_file() and p.suffix in (".html", ".js", ".json") and passage in p.read_text("utf-8")]
        # (the slides are made from the same seed text as the office files)
        assert f"texts/{name}" in holders and all(h.startswith("texts/") for h in holders), (name, holders)


def test_no_script_can_come_from_the_text(bank):
    from eucj_bank.site.text_document import POLICY

    assert "'unsafe-inline'" not in POLICY and "script-src 'self';" in POLICY
    for page in (bank["site"] / "texts").glob("*.html"):
        html = page.read_text("utf-8")
        head, body = html.split("</head>", 1)
        assert head.count(f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">') == 1
        assert head.index("Content-Security-Policy") < head.index("<script")
        assert re.findall(r"<script[^>]*>", html) == ['<script src="../assets/javascripts/eucj-text.js" defer>']
        assert not re.search(r"\son\w+\s*=|javascript:|<(?:iframe|object|embed|style|form)\b", body, re.I), page


def test_contents_lists_link_to_headings_of_the_text(bank):
    page = bank["site"] / "ru" / "read" / "mission-slides--en.html"
    html = page.read_text("utf-8")
    contents = re.search(r'<nav class="eucj-contents".*?</nav>', html, re.S).group(0)
    targets = re.findall(r'href="([^"#]+)#(t-\d+)" target="eucj-text"', contents)
    assert len(targets) >= 5
    assert {src for src, _ in targets} == {"../../texts/mission-slides--en.html"}
    text = _frame(page, html).read_text("utf-8")
    for _, target in targets:
        assert re.search(rf'<h[1-6] id="{target}">', text), target


def test_a_scan_is_labelled_and_read_with_ocr(bank):
    for lang in LANGS:
        resource = _page(bank["site"], lang, "resources/scanned-letter.html")
        assert t("ocr_label", lang) in resource
        reading = _page(bank["site"], lang, "read/scanned-letter--en.html")
        assert t("ocr_label", lang) in reading
        assert "Probation" in (bank["site"] / "texts" / "scanned-letter--en.html").read_text("utf-8")


def test_a_rebuild_reads_the_cache(bank):
    cached = list((bank["root"] / ".cache" / "extract").rglob("*.json"))
    assert len(cached) == 7  # docx, odt, pdf, pptx, scan and the two bad files
