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
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eucj_bank.synthetic import generate_catalogue

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {"en": ("probation", "assessment"), "ru": ("пробации", "оценки"), "kk": ("пробация", "қызметі")}
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"]


def build(n: int, work: Path) -> tuple[Path, float]:
    catalogue = generate_catalogue(n, work / "catalogue", ROOT)
    site = work / "site"
    env = dict(os.environ, EUCJ_CATALOGUE=str(catalogue), NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
    return site, time.perf_counter() - start


def keystroke_to_results(page, url: str, query: str) -> float:
    box = page.locator("input[data-md-component='search-query']")
    box.fill(query)
    start = page.evaluate("performance.now()")
    box.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=120000)
    return (page.evaluate("performance.now()") - start) / 1000


def measure(site: Path) -> dict[str, tuple[float, float]]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for lang, (first, second) in QUERIES.items():
            context = browser.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page = context.new_page()
            page.goto((site / f"{LANG_ROOT[lang]}index.html").as_uri())
            page.locator("input[data-md-component='search-query']").click()
            cold = keystroke_to_results(page, page.url, first)
            warm = keystroke_to_results(page, page.url, second)
            out[lang] = (cold, warm)
            context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1000])
    args = parser.parse_args(argv)
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            site, seconds = build(n, Path(tmp))
            print(f"N={n}: build {seconds:.1f} s")
            for lang in QUERIES:
                size = (site / LANG_ROOT[lang] / "search/search_index.json").stat().st_size
                print(f"  {lang}: search index {size / 1e6:.1f} MB")
            for lang, (cold, warm) in measure(site).items():
                print(f"  {lang}: keystroke to results offline: cold {cold:.2f} s, warm {warm:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
