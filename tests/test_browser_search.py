"""Search in real Chromium: inflected queries find other forms, per language, served and from disk.

A fixture catalogue with known texts; each query is typed in a different form than
the page's text. Material appends '*' to every term and lunr skips the stemmer for
wildcard terms; eucj_bank/search/search_worker.js makes such queries stem (see there).
"""

from __future__ import annotations

import pytest
from support import ROOT, build_and_package, serve, unzip

pytestmark = pytest.mark.browser
FIXTURE = ROOT / "tests/fixtures/search_bank/resource_catalog.yaml"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}

# (language, query, the page it must find) - the query's words differ in form from the text
INFLECTED = [
    ("kk", "пробация қызметі", "probation-service-guide"),  # text: Пробация қызметінің
    ("kk", "тәуекелін", "risk-assessment-manual"),  # text: Тәуекелді, тәуекелін... stem тәуекел
    ("kk", "істерді", "court-statistics"),  # text: істер
    ("ru", "оценки", "risk-assessment-manual"),  # text: Оценка рисков
    ("ru", "статистики", "court-statistics"),  # text: статистика
    ("ru", "statistics", "court-statistics"),  # a Latin word on a Russian page (the id)
    ("en", "assessments", "risk-assessment-manual"),  # text: assessment
    ("en", "supervising", "probation-service-guide"),  # text: supervise
]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("search")
    built = build_and_package(out, catalogue=FIXTURE)
    unpacked = unzip(built["zip"], out / "unzipped") / "eucj-resource-bank"
    with serve(built["site"]) as base:
        yield {"served": base + "/", "offline": unpacked.as_uri() + "/"}


@pytest.fixture(params=["served", "offline"])
def base(request, search_site):
    return search_site[request.param]


def results(page, base: str, lang: str, query: str) -> list[str]:
    page.goto(f"{base}{LANG_ROOT[lang]}index.html")
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup; fill() of Cyrillic sends no key
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/^(Initializing|Type|Инициализация|Начните|Іздеу дайындалуда|Іздеу үшін)/.test(m.textContent.trim()); }",
        timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    return [h.removeprefix(base).split("?")[0].split("#")[0] for h in hrefs]


@pytest.mark.parametrize("lang,query,rid", INFLECTED, ids=[f"{lang}-{q}" for lang, q, _ in INFLECTED])
def test_inflected_query_finds_the_page(page, base, lang, query, rid):
    found = results(page, base, lang, query)
    assert f"{LANG_ROOT[lang]}resources/{rid}.html" in found, found
    assert not page.page_errors


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_prefix_search_still_works_while_typing(page, base, lang):
    prefix = {"en": "assess", "ru": "оцен", "kk": "тәуек"}[lang]
    assert f"{LANG_ROOT[lang]}resources/risk-assessment-manual.html" in results(page, base, lang, prefix)


@pytest.mark.parametrize("lang,query", [("kk", "оценки"), ("ru", "тәуекел"), ("en", "оценка"), ("en", "тәуекел")])
def test_a_word_of_another_language_finds_nothing(page, base, lang, query):
    assert results(page, base, lang, query) == []


@pytest.mark.parametrize("lang,query", [("kk", "assessment"), ("ru", "assessment"), ("kk", "статистика"),
                                        ("en", "сот")])
def test_results_are_only_pages_of_the_language(page, base, lang, query):
    for href in results(page, base, lang, query):
        assert href.startswith(LANG_ROOT[lang]) and (lang != "en" or not href.startswith(("ru/", "kk/"))), href
