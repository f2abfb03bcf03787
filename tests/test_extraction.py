"""Text extraction from real office files, in the three languages; hostile files get
a clear reason and never stop anything; the cache spares a second extraction."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from document_files import convert, hostile, pptx_of, scan_pdf, seed

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.documents import extract as extract_module
from eucj_bank.documents.extract import extract, plain_text, word_list


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """DOCX, ODT and PDF of the probation presentation in en, ru and kk, by LibreOffice."""
    out = tmp_path_factory.mktemp("office")
    sources = [seed(lang) for lang in LANGS]
    files = {fmt: dict(zip(LANGS, convert(sources, fmt, out))) for fmt in ("docx", "odt", "pdf")}
    files["pptx"] = {lang: pptx_of(seed(lang).read_text("utf-8"), out / f"{lang}.pptx") for lang in LANGS}
    return files


def _coverage(source: str, pages: list[str]) -> float:
    want = Counter(w.lower() for w in word_list(source))
    got = Counter(w.lower() for w in word_list(" ".join(plain_text(p) for p in pages)))
    return sum(min(n, got[w]) for w, n in want.items()) / sum(want.values())


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf", "pptx"])
@pytest.mark.parametrize("lang", LANGS)
def test_at_least_98_percent_of_the_words_come_out(office, fmt, lang):
    result = extract(office[fmt][lang], fmt, lang, None)
    assert result.kind == "text", result.detail
    coverage = _coverage(seed(lang).read_text("utf-8"), result.pages)
    assert coverage >= 0.98, f"{fmt}/{lang}: {coverage:.2%}"
    assert result.words >= 0.98 * len(word_list(seed(lang).read_text("utf-8")))


def test_pdf_keeps_its_pages_and_pptx_its_slides(office):
    pdf = extract(office["pdf"]["en"], "pdf", "en", None)
    assert pdf.paged and len(pdf.pages) >= 3
    pptx = extract(office["pptx"]["ru"], "pptx", "ru", None)
    slides = -(-len([p for p in seed("ru").read_text("utf-8").splitlines() if p.strip()]) // 4)
    assert len(pptx.headings) == slides and "<ul>" in pptx.pages[0]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_headings_lists_and_tables_survive(tmp_path, fmt):
    html = tmp_path / "structure.html"
    html.write_text("<html><head><meta charset='utf-8'></head><body><h1>Пробация в Казахстане</h1><p>Вступление.</p>"
                    "<h2>Задачи</h2><ul><li>первая задача</li><li>вторая задача</li></ul>"
                    "<table><tr><td>Город</td><td>Число</td></tr><tr><td>Астана</td><td>12</td></tr></table>"
                    "</body></html>", "utf-8")
    [made] = convert([html], {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8"}[fmt], tmp_path,
                     infilter="HTML (StarWriter)", suffix=fmt)
    result = extract(made, fmt, "ru", None)
    assert [(level, text) for level, _, text in result.headings] == [(1, "Пробация в Казахстане"), (2, "Задачи")]
    page = result.pages[0]
    assert re.search(r"<ul>\s*<li[^>]*>(\s*<p[^>]*>)?первая задача", page)
    assert re.search(r"<table>.*Астана.*</table>", page, re.S)


def test_every_block_is_anchored_and_ids_of_the_document_are_dropped(tmp_path):
    md = tmp_path / "doc.md"
    md.write_text('# Title\n\n<p id="__md_content" lang="xx" onclick="x()">Para <script>alert(1)</script></p>\n\n'
                  "- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[js](javascript:alert(1)) [ok](#t-1)\n")
    result = extract(md, "md", "en", None)
    html = result.pages[0]
    assert "__md_content" not in html and "xx" not in html and "script" not in html and "onclick" not in html
    assert "javascript" not in html
    assert re.findall(r'<h1 id="t-1">Title</h1>', html)
    assert re.search(r'<li id="t-\d+">one</li>', html) and re.search(r'<tr id="t-\d+">', html)
    assert result.headings == [(1, "t-1", "Title")]
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"t-\d+", i) for i in ids)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile(folder)


def test_hostile_files_get_their_reason_and_never_raise(corpus):
    folder, expected = corpus
    for name, (reason, detail) in expected.items():
        fmt = name.rsplit(".", 1)[1]
        result = extract(folder / name, fmt, "en", None)
        assert (result.kind, result.reason) == ("unreadable", reason), (name, result)
        assert detail in result.detail, (name, result.detail)
        assert not result.pages


def test_a_scan_is_recognised_and_read_with_ocr_when_tesseract_is_there(tmp_path, monkeypatch):
    pdf = scan_pdf(["Probation officers meet their clients", "Интервизия в службе пробации"], tmp_path / "scan.pdf")
    monkeypatch.setenv("EUCJ_OCR", "off")
    without = extract(pdf, "pdf", "ru", tmp_path / "cache")
    assert without.kind == "scan" and not without.readable and without.words == 0
    monkeypatch.delenv("EUCJ_OCR")
    with_ocr = extract(pdf, "pdf", "ru", tmp_path / "cache")  # not the cached "scan": the key names OCR
    assert with_ocr.kind == "ocr", "tesseract-ocr (with rus, kaz, eng) is installed by install_test_system_deps.sh"
    text = plain_text(with_ocr.pages[0]).lower()
    assert "probation" in text and "интервизия" in text


def test_the_cache_spares_a_second_extraction(office, tmp_path, monkeypatch):
    first = extract(office["docx"]["kk"], "docx", "kk", tmp_path)
    assert len(list(tmp_path.rglob("*.json"))) == 1

    def fail(*args):
        raise AssertionError("extracted again despite the cache")

    monkeypatch.setattr(extract_module, "_extract", fail)
    assert extract(office["docx"]["kk"], "docx", "kk", tmp_path) == first
    # another extractor version misses the cache
    monkeypatch.setattr(extract_module, "EXTRACTOR_VERSION", "test-next")
    with pytest.raises(AssertionError, match="extracted again"):
        extract(office["docx"]["kk"], "docx", "kk", tmp_path)
