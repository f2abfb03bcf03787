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
        article = re.search(r'<article class="eucj-document" lang="(\w+)"[^>]*>(.*?)</article>', html, re.S)
        assert article and article.group(1) == file_lang
        words = int(re.search(r"(\d[\d\u00a0]*)", re.search(r'eucj-reading-facts">([^<]+)', html).group(1))
                    .group(1).replace("\u00a0", ""))
        assert words > 1000
        # the original is one click away, relative to the site root
        original = re.search(r'<a href="([^"]+)" download hreflang="' + file_lang, html).group(1)
        assert (page.parent / original).resolve().is_file()
        if file_lang == "kk":  # the PDF: its page numbers, in the reader's language
            assert t("reading_page_label", lang, number=2) in html and 'id="page-2"' in html
        assert "eucj-reading.css" in html


def test_contents_lists_link_to_headings_of_the_text(bank):
    html = _page(bank["site"], "ru", "read/mission-slides--en.html")
    contents = re.search(r'<nav class="eucj-contents".*?</nav>', html, re.S).group(0)
    targets = re.findall(r'href="#(t-\d+)"', contents)
    assert len(targets) >= 5
    for target in targets:
        assert re.search(rf'<h[2-6] id="{target}">', html), target


def test_a_scan_is_labelled_and_read_with_ocr(bank):
    for lang in LANGS:
        resource = _page(bank["site"], lang, "resources/scanned-letter.html")
        assert t("ocr_label", lang) in resource
        reading = _page(bank["site"], lang, "read/scanned-letter--en.html")
        assert t("ocr_label", lang) in reading and "Probation" in reading


def test_a_rebuild_reads_the_cache(bank):
    cached = list((bank["root"] / ".cache" / "extract").rglob("*.json"))
    assert len(cached) == 7  # docx, odt, pdf, pptx, scan and the two bad files
