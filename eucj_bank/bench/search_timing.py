"""How fast a synthetic bank's search answers in Chromium from disk (make bench): a first
search of a visit, typed or pasted, and the searches after it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from ..catalogue.vocab import LANGS
from ..search.lunr_pipeline import material_lunr_modules, stop_words
from .measure import LANG_ROOT, offline_pages

# Results shown, or Material's "no match" line: the naive setup finds no page for an
# inflected query such as «оценки» (no stemming of queries), and waiting for a result
# item then either timed out or, racing, caught the previous query's items.
# Results (Material's, or passages of documents: eucj-fulltext.js), or the line saying there are none.
_ANSWERED = """() => document.querySelectorAll('.md-search-result__item, .eucj-fulltext-hit').length > 0
  || document.querySelector('.md-search-result__meta').textContent.trim() ===
     JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"""


def keystroke_to_results(page, query: str) -> float:
    """Seconds from the last keystroke of `query` to its answer: the first rendered result,
    or the line saying there is none."""
    box = page.locator("input[data-md-component='search-query']")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0")
    box.fill(query)
    start = page.evaluate("performance.now()")
    box.press("End")
    page.wait_for_function(_ANSWERED, timeout=300000)
    return (page.evaluate("performance.now()") - start) / 1000


def search_queries(catalogue: Path) -> dict[str, tuple[str, str]]:
    """Per language, two words to search for: the two most frequent words of six letters
    or more in the synthetic titles, as they are written there. Fixed words were only
    found as long as the random texts happened to contain them (a one-line change of a
    docs page once left the naive site without a Russian match at N = 6)."""
    resources = yaml.safe_load(catalogue.read_text(encoding="utf-8"))["resources"]
    queries = {}
    for lang in LANGS:
        stop = stop_words(lang, material_lunr_modules())  # «немесе» finds nothing, in either index
        words = Counter(word for res in resources for word in re.findall(r"\w{6,}", res["title"][lang].lower())
                        if word not in stop)
        ranked = sorted(words, key=lambda word: (-words[word], word))
        queries[lang] = (ranked[0], ranked[1] if len(ranked) > 1 else ranked[0])
    return queries


def search_latency(site: Path, queries: dict[str, tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Per language, from its home page opened from disk: "cold" types right after the
    page loads (the worker still building its index), "warm" types a second query once
    results are shown."""
    out = {}
    with offline_pages() as new_page:
        for lang, (first, second) in queries.items():
            page = new_page()
            page.goto((site / f"{LANG_ROOT[lang]}index.html").as_uri())
            page.locator("input[data-md-component='search-query']").click()
            out[lang] = (keystroke_to_results(page, first), keystroke_to_results(page, second))
            page.context.close()
    return out


LETTER_SECONDS = 0.15  # a fast typist: 80 words a minute


def first_search_from_click(site: Path, queries: dict[str, tuple[str, str]]) -> dict[str, float]:
    """Per language, seconds from the first click into the search box of its home page
    opened from disk to the first query's answer, the query pasted at once: from disk
    the index starts loading with that click, so this includes all of its loading."""
    return _first_search(site, queries, None)


def first_search_typed(site: Path, queries: dict[str, tuple[str, str]]) -> dict[str, float]:
    """Per language, seconds from the last keystroke of the first query of a visit to its
    answer, the query typed as a person types it after clicking into the search box of
    the home page opened from disk (LETTER_SECONDS a letter): the index starts loading
    with that click, and a person is still typing meanwhile."""
    return _first_search(site, queries, LETTER_SECONDS)


def _first_search(site: Path, queries: dict[str, tuple[str, str]], per_letter: float | None) -> dict[str, float]:
    out = {}
    with offline_pages() as new_page:
        for lang, (first, _) in queries.items():
            page = new_page()
            page.goto((site / f"{LANG_ROOT[lang]}index.html").as_uri())
            box = page.locator("input[data-md-component='search-query']")
            box.wait_for()
            start = page.evaluate("performance.now()")
            box.click()
            if per_letter is not None:  # typing: timed from its last keystroke
                page.wait_for_timeout(1000 * per_letter * len(first))
            box.fill(first)
            if per_letter is not None:
                start = page.evaluate("performance.now()")
            box.press("End")
            page.wait_for_function(_ANSWERED, timeout=300000)
            out[lang] = (page.evaluate("performance.now()") - start) / 1000
            page.context.close()
    return out
