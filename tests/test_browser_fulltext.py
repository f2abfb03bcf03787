"""Full-text search in real Chromium, served and from disk, in each language: a word
that occurs only in a document's body finds its resource, with a snippet linking to
the passage of the reading page; nothing leaks across languages; reading pages'
contents lists work."""

from __future__ import annotations

import re

import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue

pytestmark = pytest.mark.browser
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
RID = "probation-mission-findings-presentation"
# (language, query, a form of the word as the text has it): each word is in the body of
# the probation presentation only, in no title or summary; the query is another form.
BODY_ONLY = [
    ("en", "psychopathologies", "psychopathology"),
    ("ru", "когнитивный", "когнитивн"),
    ("kk", "нашақорлықтың", "нашақорлық"),
]


@pytest.fixture(params=["served", "offline"])
def base(request, served_site, offline_site):
    return {"served": served_site, "offline": offline_site}[request.param]


def fulltext(page, base: str, lang: str, query: str) -> list[dict]:
    page.goto(f"{base}{LANG_ROOT[lang]}index.html")
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill(query)
    # the last search started (120 ms after the last input) has rendered, or found nothing
    page.wait_for_timeout(400)
    page.wait_for_function("() => !document.querySelector('.eucj-fulltext') || "
                           "document.querySelector('.eucj-fulltext').dataset.query === "
                           + repr(query), timeout=15000)
    return page.eval_on_selector_all(
        ".eucj-fulltext-hit a", "els => els.map(e => ({href: e.href, title: e.querySelector('h1').textContent,"
        " snippet: e.querySelector('p').textContent, lang: e.querySelector('p').lang}))")


def test_the_words_are_in_the_body_only():
    catalogue = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue
    for lang, query, form in BODY_ONLY:
        metadata = " ".join(r.title.get(lang)[0] + " " + r.summary.get(lang)[0] for r in catalogue.resources).lower()
        assert form not in metadata and query not in metadata, (lang, form)


@pytest.mark.parametrize("lang,query,form", BODY_ONLY, ids=[q for _, q, _ in BODY_ONLY])
def test_a_word_of_the_body_finds_the_resource_and_links_to_the_passage(page, base, lang, query, form):
    hits = fulltext(page, base, lang, query)
    assert len(hits) == 1, hits
    hit = hits[0]
    assert f"{LANG_ROOT[lang]}read/{RID}--{lang}.html#t-" in hit["href"]
    assert form in hit["snippet"].lower() and hit["lang"] == lang
    page.goto(hit["href"])
    target = page.locator(":target")
    assert form in target.text_content().lower()
    assert page.locator(f"article.eucj-document[lang='{lang}']").count() == 1
    assert not page.page_errors


@pytest.mark.parametrize("lang,query", [("kk", "psychopathology"), ("ru", "нашақорлық"), ("en", "когнитивный"),
                                        ("en", "нашақорлық"), ("kk", "когнитивный")])
def test_a_word_of_another_languages_documents_finds_nothing(page, base, lang, query):
    assert fulltext(page, base, lang, query) == []


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_contents_list_of_a_reading_page_goes_to_its_headings(page, base, lang):
    page.goto(f"{base}{LANG_ROOT[lang]}read/eucj-strategy-2018--{lang}.html")
    links = page.locator(".eucj-contents a")
    assert links.count() >= 5
    last = links.nth(links.count() - 1)
    text = last.text_content()
    last.click()
    anchor = re.search(r"#(t-\d+)$", page.url).group(1)
    heading = page.locator(f"[id='{anchor}']")
    assert heading.text_content() == text and heading.evaluate("e => /^H[2-6]$/.test(e.tagName)")
    assert heading.evaluate("e => e.closest('article').lang") == lang
    assert not page.page_errors
