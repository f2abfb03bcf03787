"""Internal resources: no trace in a public build; a copy that includes them says so on every page.

The fixture's internal resource carries the marker ZQ7MARK in every field that holds
text (titles, summaries, authors, activity, holder note, link, file names and contents,
checklist); its public twin carries PUBCTRL in the same places, which shows the scan
finds what is there.
"""

from __future__ import annotations

import re

import pytest
from support import ROOT, build_and_package, output_bytes

from eucj_bank.catalogue.text import escape
from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.site.ui import t

FIXTURE = ROOT / "tests/fixtures/internal_bank/resource_catalog.yaml"
INTERNAL_PROFILE = ROOT / "tests/fixtures/profiles/internal-copy.yml"
HARVESTED_PROFILE = ROOT / "tests/fixtures/profiles/harvested-copy.yml"  # has an address: OAI repository too
INTERNAL_ID = "sealed-memo-4417"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


@pytest.fixture(scope="module")
def public_build(tmp_path_factory):
    return build_and_package(tmp_path_factory.mktemp("public"), catalogue=FIXTURE)


@pytest.fixture(scope="module")
def internal_build(tmp_path_factory):
    return build_and_package(tmp_path_factory.mktemp("internal"), catalogue=FIXTURE, profile=INTERNAL_PROFILE,
                             zip_name="internal-copy-offline.zip")


def _found(build: dict, needle: str) -> list[str]:
    needle = needle.lower().encode("utf-8")
    return sorted({where for where, data in output_bytes(build["site"], build["zip"]) if needle in data.lower()})


def test_public_build_holds_no_trace_of_the_internal_resource(public_build):
    assert _found(public_build, "ZQ7MARK") == []
    assert _found(public_build, INTERNAL_ID) == []


def test_harvested_copy_holds_no_trace_of_the_internal_resource(tmp_path_factory):
    build = build_and_package(tmp_path_factory.mktemp("harvested"), catalogue=FIXTURE, profile=HARVESTED_PROFILE,
                              zip_name="harvested-copy-offline.zip")
    assert _found(build, "ZQ7MARK") == []
    assert _found(build, INTERNAL_ID) == []
    assert "data/oai-static-repository.xml" in _found(build, "PUBCTRL")


def test_the_scan_finds_what_is_there(public_build):
    found = _found(public_build, "PUBCTRL")
    for expected in ("resources/public-guide.html", "ru/resources/public-guide.html", "kk/catalogue.html",
                     "search/search_index.json", "kk/search/search_index.js",
                     "files/public-guide/pubctrl-guide.en.txt", "SHA256SUMS.txt", "data/cite/public-guide.bib",
                     "data/cite/public-guide.ris", "data/cite/public-guide.json", "data/catalogue.bib",
                     "data/catalogue.ris", "data/catalogue.csl.json"):
        assert expected in found, (expected, found)
    assert any(where.startswith("eucj-resource-bank-offline.zip:") for where in found)


def test_a_copy_with_internal_resources_publishes_them(internal_build):
    site = internal_build["site"]
    for lang in LANGS:
        html = (site / f"{LANG_ROOT[lang]}resources/{INTERNAL_ID}.html").read_text("utf-8")
        assert "ZQ7MARK-holder" in html and "ZQ7MARK-question" in html
    assert (site / "files" / INTERNAL_ID / "zq7mark-annex.ru.txt").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_of_an_internal_copy_says_it_is_internal(internal_build, lang):
    site = internal_build["site"]
    banner = t("internal_copy_banner", lang)
    # texts/ holds each document's text once, in the document's language (next test)
    others = [site / code for code in LANGS if code != "en"] + [site / "texts"]
    pages = [p for p in (site / LANG_ROOT[lang]).rglob("*.html")
             if lang != "en" or not any(p.is_relative_to(o) for o in others)]
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text("utf-8")
        assert f'<html lang="{lang}"' in html, page
        banner_html = re.search(r'<p class="eucj-internal-banner"><strong>(.*?)</strong></p>', html)
        assert banner_html and banner_html.group(1) == banner.replace("'", "&#39;"), page
        assert '<meta name="robots" content="noindex, nofollow">' in html, page


def test_the_text_pages_of_an_internal_copy_say_it_is_internal_in_their_language(internal_build):
    texts = sorted((internal_build["site"] / "texts").glob("*.html"))
    assert any(INTERNAL_ID in p.name for p in texts)
    for page in texts:
        html = page.read_text("utf-8")
        lang = re.search(r'<html lang="(\w+)"', html).group(1)
        assert page.stem.endswith(f"--{lang}")
        banner = escape(t("internal_copy_banner", lang))
        assert f'<p class="eucj-internal-banner"><strong>{banner}</strong></p>' in html, page
        assert '<meta name="robots" content="noindex, nofollow">' in html, page


def test_internal_copy_says_so_in_its_how_to_open_text(internal_build):
    text = (internal_build["site"] / "HOW-TO-OPEN.txt").read_text("utf-8")
    for lang in LANGS:
        assert t("how_to_open_internal", lang) in text


def test_a_public_copy_has_no_internal_banner(public_build):
    for page in public_build["site"].rglob("*.html"):
        html = page.read_text("utf-8")
        assert "eucj-internal-banner" not in html and "noindex" not in html, page
