"""Catalogue text is data, never markup: on every generated page, in search, in the browser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from support import ROOT, build_site, serve

FIXTURE = ROOT / "tests/fixtures/hostile_bank/resource_catalog.yaml"
DANGEROUS_TAGS = {"script", "img", "iframe", "svg", "b"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile") / "site"
    result = build_site(out, catalogue=FIXTURE)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


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
    with serve(site) as base:
        page.goto(f"{base}/{prefix}resources/hostile.html")
        page.goto(f"{base}/{prefix}catalogue.html")
        box = page.locator("input[data-md-component='search-query']")
        box.click()
        box.fill("hostile")
        box.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert page.evaluate("window.PWNED") is None
