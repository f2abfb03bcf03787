"""Catalogue text is data, never markup: on every generated page, in search, in the browser.

The hostile bank's resource also has its own Markdown text (files/x/text.*.md) with raw
HTML, script, `javascript:` and `data:` links, md_in_html and pymdownx.snippets includes
of the catalogue, an internal resource's file and /etc/passwd: rendered as data, none
of it may run or pull anything in.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from support import ROOT, build_and_package, output_bytes, serve, unzip

FIXTURE = ROOT / "tests/fixtures/hostile_bank/resource_catalog.yaml"
DANGEROUS_TAGS = {"script", "img", "iframe", "svg", "b"}


# What must appear in no output: markup from the catalogue or a resource's text, and
# the text of files a snippet include could pull in (the catalogue itself, the internal
# resource's file, a file outside the repository).
PAYLOADS = (b"<script>window.PWNED", b"<img src=x", b"<svg onload", b"<svg><animate", b"<style>body{background:url(",
            b"<iframe src=javascript", b"<a href=\"javascript:")
# The one iframe the site writes: a reading page's frame of the document's text
# (eucj_bank/site/reading_page.py). Any other iframe in a page is a payload.
OUR_IFRAME = b'<iframe class="eucj-text-frame" name="eucj-text" src="'
# In HTML, attribute-like text is escaped with its quotes (&quot;); XML text keeps quotes, harmlessly.
HTML_PAYLOADS = (b"onerror=\"window.PWNED", b"href=\"javascript:", b"href=\"data:", b"onbegin=\"",
                 b"markdown=\"1\"")
LEAKS = (b"INTERNAL-SECRET-MARKER", b"root:x:0:0", b"Every text field carries markup")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_and_package(tmp_path_factory.mktemp("hostile"), catalogue=FIXTURE)


@pytest.fixture(scope="module")
def site(built):
    return built["site"]


MARKUP = (".html", ".xml", ".svg", ".xhtml")


def test_no_output_holds_a_payload_or_a_leaked_file(built):
    """Every output, zip members and gzip files decompressed. Payloads: in every file a
    browser reads as markup (data files hold the text as JSON/CSV strings, and the
    resource's own Markdown files are downloads as they are). Leaks: everywhere."""
    scanned = 0
    for where, data in output_bytes(built["site"], built["zip"]):
        if where.removesuffix(" (gunzipped)").endswith(MARKUP):
            scanned += 1
            html = ".htm" in where
            for marker in PAYLOADS + (HTML_PAYLOADS if html else ()):
                assert marker not in data, (where, marker)
            assert data.lower().count(b"<iframe") == data.count(OUR_IFRAME) <= 1, where
        for marker in LEAKS:
            assert marker not in data, (where, marker)
    assert scanned > 50


def test_no_csv_cell_is_a_formula(site):
    import csv

    with open(site / "data/catalogue.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    hostile = next(row for row in rows if row["id"] == "hostile")
    assert hostile["authors"].startswith("'=HYPERLINK(") and hostile["activity"] == "'@SUM(1)"
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values()), row


def test_feeds_are_well_formed_xml(site):
    from xml.etree import ElementTree

    for prefix in ("", "ru/", "kk/"):
        ElementTree.parse(site / prefix / "feed.xml")


def test_resource_text_is_rendered_as_inert_data(site):
    html = (site / "resources/hostile.html").read_text("utf-8")
    text = html.split('id="full-text"', 1)[1]
    assert '<h3 id="hostile-text">Hostile text</h3>' in text
    assert "<p>--8&lt;-- &quot;files/secret/internal.txt&quot;</p>" in text or \
        '<p>--8&lt;-- "files/secret/internal.txt"</p>' in text
    assert "<a rel=\"noopener noreferrer\">click me</a>" in text


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_no_page_contains_an_element_from_the_catalogue(site):
    pages = [p for p in site.rglob("*.html")]
    assert any("hostile" in p.name for p in pages)
    for page in pages:
        parser = _Elements()
        parser.feed(page.read_text("utf-8"))
        for tag, attrs in parser.found:
            # Attribute values may hold the text (a meta description); none may run it.
            assert not any(name.startswith("on") and "PWNED" in (v or "") for name, v in attrs.items()), (page, attrs)
            for name in ("href", "src", "action"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (page, tag, attrs)
        text = page.read_text("utf-8")
        for marker in ("<script>window.PWNED", "<img src=x", "<svg onload", "<iframe src=javascript"):
            assert marker not in text, (page, marker)


def test_summary_subset_is_rendered_and_the_rest_is_text(site):
    html = (site / "resources/hostile.html").read_text("utf-8")
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert "&lt;iframe src=javascript:window.PWNED=4&gt;&lt;/iframe&gt;" in html


def test_search_index_holds_the_markup_as_text(site):
    for prefix in ("", "ru/", "kk/"):
        text = (site / prefix / "search/search_index.json").read_text("utf-8")
        assert "<script>window.PWNED" not in text and "<img src=x" not in text


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "ru/", "kk/"])
def test_nothing_runs_in_the_browser(page, site, prefix):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(site) as base:
        page.goto(f"{base}/{prefix}resources/hostile.html")
        page.goto(f"{base}/{prefix}catalogue.html")
        box = page.locator("input[data-md-component='search-query']")
        box.click()
        box.fill("hostile")
        box.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert page.evaluate("window.PWNED") is None
        page.goto(f"{base}/{prefix}resources/hostile.html")
        page.locator("#full-text ~ p a").first.click()
        assert page.evaluate("window.PWNED") is None and dialogs == []


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "ru/", "kk/"])
def test_nothing_runs_from_disk(page, built, tmp_path, prefix):
    """The offline copy, unzipped and opened from file://: the resource page and a search."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    folder = next(unzip(built["zip"], tmp_path).iterdir())
    page.goto((folder / prefix / "resources/hostile.html").as_uri())
    page.wait_for_load_state("load")
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill("hostile")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.evaluate("window.PWNED") is None and dialogs == []
