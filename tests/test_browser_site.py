"""Real Chromium against the served site and the unzipped offline copy (file://).

Every non-local request is blocked and fails the test (see the `page` fixture).
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS

pytestmark = pytest.mark.browser
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
KAZAKH_LETTERS = set("әғқңөұүһі")


@pytest.fixture(params=["served", "offline"])
def site_url(request, served_site, offline_site) -> str:
    return served_site if request.param == "served" else offline_site


def _title_word(shipped, lang: str) -> tuple[str, str]:
    """A word of some resource's title in `lang`, as rare as possible in that language's index.

    For Kazakh, a word with a letter of the Kazakh alphabet that Russian lacks.
    Returns (word, resource id).
    """
    catalogue = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue
    index = json.loads((shipped["site"] / LANG_ROOT[lang] / "search/search_index.json").read_text("utf-8"))
    counts = Counter(w for doc in index["docs"] for w in set(re.findall(r"\w+", (doc["title"] + " " + doc["text"]).lower())))
    candidates = []
    for res in catalogue.resources:
        title = getattr(res.title, lang)
        if not title:
            continue
        for word in re.findall(r"\w{6,}", title.lower()):
            if lang == "kk" and not KAZAKH_LETTERS & set(word):
                continue
            if counts.get(word):
                candidates.append((counts[word], word, res.id))
    assert candidates, f"no usable {lang} title word"
    _, word, rid = min(candidates)
    return word, rid


def search(page, text: str) -> list[str]:
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill(text)
    box.press("End")  # Material searches on keyup; fill() of Cyrillic sends no key
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    return [h.split("?")[0].split("#")[0] for h in hrefs]  # drop Material's ?h= highlight


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_pages_of_the_language_only(page, site_url, shipped, lang):
    word, rid = _title_word(shipped, lang)
    page.goto(site_url + LANG_ROOT[lang] + "index.html")
    hrefs = search(page, word)
    assert any(h.endswith(f"{LANG_ROOT[lang]}resources/{rid}.html") for h in hrefs), (word, hrefs)
    for href in hrefs:
        rel = href.removeprefix(site_url)
        if lang == "en":
            assert not rel.startswith(("ru/", "kk/")), (word, href)
        else:
            assert rel.startswith(f"{lang}/"), (word, href)
    assert not page.page_errors


@pytest.mark.parametrize("source,target", [("en", "ru"), ("ru", "kk"), ("kk", "en")])
def test_language_switcher_keeps_the_page(page, site_url, source, target):
    rid = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue.resources[0].id
    page.goto(f"{site_url}{LANG_ROOT[source]}resources/{rid}.html")
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_url(f"{site_url}{LANG_ROOT[target]}resources/{rid}.html")
    assert page.url == f"{site_url}{LANG_ROOT[target]}resources/{rid}.html"
    assert page.locator("html").get_attribute("lang") == target
    assert not page.page_errors
