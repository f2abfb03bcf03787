#!/usr/bin/env python3
"""Benchmark search offline: keystroke-to-results in Chromium on a synthetic bank.

Usage: python scripts/benchmark_search.py [N ...]   (default: 1000 resources per language)
Prints, for each N: build time, search index size per language, and the time from a
keystroke to rendered results on each language's home page opened from disk with
the network blocked: "cold" types right after the page loads (the worker still
building the index), "warm" types a second query once results are shown.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from eucj_bank.bench import LANG_ROOT, build_synthetic_site, offline_pages

QUERIES = {"en": ("probation", "assessment"), "ru": ("пробации", "оценки"), "kk": ("пробация", "қызметі")}


def keystroke_to_results(page, query: str) -> float:
    box = page.locator("input[data-md-component='search-query']")
    box.fill(query)
    start = page.evaluate("performance.now()")
    box.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=120000)
    return (page.evaluate("performance.now()") - start) / 1000


def measure(site: Path) -> dict[str, tuple[float, float]]:
    out = {}
    with offline_pages() as new_page:
        for lang, (first, second) in QUERIES.items():
            page = new_page()
            page.goto((site / f"{LANG_ROOT[lang]}index.html").as_uri())
            page.locator("input[data-md-component='search-query']").click()
            out[lang] = (keystroke_to_results(page, first), keystroke_to_results(page, second))
            page.context.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1000])
    args = parser.parse_args(argv)
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            site, seconds = build_synthetic_site(n, Path(tmp))
            print(f"N={n}: build {seconds:.1f} s")
            for lang in QUERIES:
                size = (site / LANG_ROOT[lang] / "search/search_index.json").stat().st_size
                print(f"  {lang}: search index {size / 1e6:.1f} MB")
            for lang, (cold, warm) in measure(site).items():
                print(f"  {lang}: keystroke to results offline: cold {cold:.2f} s, warm {warm:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
