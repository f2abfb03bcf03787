"""Per-language sitemaps: well-formed, every address real, and none of Material's requests fails."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

import pytest

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


def test_every_sitemap_lists_real_pages_with_their_translations(shipped):
    site = shipped["site"]
    sitemaps = sorted(site.rglob("sitemap.xml"))
    assert {p.relative_to(site).as_posix() for p in sitemaps} >= {"sitemap.xml", "ru/sitemap.xml", "kk/sitemap.xml",
                                                                 "resources/sitemap.xml", "kk/resources/sitemap.xml"}
    for path in sitemaps:
        root = ET.parse(path).getroot()
        assert root.tag == f"{{{NS['s']}}}urlset"
        for url in root.findall("s:url", NS):
            # A relative address resolves against the sitemap's own address (its folder),
            # and a sitemap may list only the addresses below its folder.
            loc = url.find("s:loc", NS).text
            assert not loc.startswith(("/", "..")) and (path.parent / loc).is_file(), (path, loc)
            langs = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert set(langs) == {"en", "ru", "kk"}
            assert all((path.parent / href).resolve().is_file() for href in langs.values()), (path, langs)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    assert "None" not in (site / "sitemap.xml").read_text("utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_no_request_fails_when_reading(page, served_site, lang):
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    for name in ("index.html", "catalogue.html", "resources/epr-checklist.html", "browse/topic.html"):
        page.goto(f"{served_site}{LANG_ROOT[lang]}{name}")
        page.wait_for_load_state("networkidle")
    assert not failed
