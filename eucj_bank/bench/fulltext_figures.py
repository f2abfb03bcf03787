"""Figures of the document text: build time with the extraction cache cold and warm,
the full-text index per language, and a first full-text query in Chromium from disk
(seconds from the last keystroke to results, bytes of the files it loaded)."""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..catalogue.vocab import LANGS
from ..documents.library import CACHE_DIR as EXTRACT_CACHE
from ..search.fulltext import CACHE_DIR as FULLTEXT_CACHE
from ..search.lunr_index import CACHE_DIR as LUNR_CACHE
from ..site.citation_store import FILE as CITATIONS
from ..site.page_store import FOLDER as PAGE_STORE
from .measure import LANG_ROOT, Figures, build_bank, offline_pages

CACHES = [EXTRACT_CACHE, PAGE_STORE, CITATIONS, FULLTEXT_CACHE, LUNR_CACHE]  # under the catalogue's folder


def build_cold_and_warm(catalogue: Path, site: Path) -> tuple[Figures, float]:
    """Build with no caches, then again with the caches it left: (cold, warm s). Each
    build starts once the disk has what the one before wrote (os.sync): a build writes
    some 500 MB, and the kernel writing the first one out while the second ran made the
    second 5-10 s slower, a figure of the first build and not of a rebuild."""
    for cache in (catalogue.parent / c for c in CACHES):
        cache.unlink() if cache.is_file() else shutil.rmtree(cache, ignore_errors=True)
    os.sync()
    cold = build_bank(catalogue, site)
    os.sync()
    warm = build_bank(catalogue, site)
    return cold, warm.seconds


def fulltext_sizes(site: Path) -> dict[str, dict[str, int]]:
    """Per language: bytes of index.js, of all shards, of its documents' texts (the
    pages under texts/, stored once for all UI languages), shard count and the largest shard."""
    out = {}
    for lang in LANGS:
        folder = site / LANG_ROOT[lang] / "fulltext"
        if not folder.is_dir():
            continue
        shards = [p.stat().st_size for p in (folder / "s").glob("*.js")]
        out[lang] = {"index": (folder / "index.js").stat().st_size, "shards": sum(shards),
                     "texts": sum(p.stat().st_size for p in (site / "texts").glob(f"*--{lang}*.html")),
                     "count": len(shards), "largest": max(shards, default=0)}
    return out


def fulltext_latency(site: Path, queries: dict[str, tuple[str, str]],
                     runs: int = 3) -> dict[str, tuple[float, int, int, list[float], float]]:
    """Per language, the first full-text query of a visit from disk, `runs` visits:
    (median seconds from the last keystroke to the passages shown in the result list,
    bytes of the files the first visit loaded (snippets' text pages included), passages
    shown, every run's seconds, median seconds until their snippets are in too)."""
    out = {}
    with offline_pages() as new_page:
        for lang in LANGS:
            query, times, snippets, loaded_bytes, hits = queries[lang][0], [], [], 0, 0
            for run in range(runs):
                page = new_page()
                page.goto((site / f"{LANG_ROOT[lang]}index.html").as_uri())
                box = page.locator("input[data-md-component='search-query']")
                box.click()
                box.fill(query[:-1])
                start = time.perf_counter()
                box.press_sequentially(query[-1])
                page.wait_for_function(f"() => document.querySelector('[data-md-component=search-result]')"
                                       f".dataset.eucjFulltext === {query!r}", timeout=300000)
                times.append(time.perf_counter() - start)
                page.wait_for_function(f"() => document.querySelector('[data-md-component=search-result]')"
                                       f".dataset.eucjFulltextSnippets === {query!r}", timeout=300000)
                snippets.append(time.perf_counter() - start)
                if run == 0:
                    # performance entries leave out file:// scripts; the loader lists what it added
                    names = page.evaluate("window.eucjFulltext.loaded()")
                    loaded = {Path(unquote(urlsplit(n).path)) for n in names}
                    loaded_bytes = sum(p.stat().st_size for p in loaded if p.is_file())
                    hits = page.locator(".eucj-fulltext-hit").count()
                page.context.close()
            out[lang] = (statistics.median(times), loaded_bytes, hits, times, statistics.median(snippets))
    return out
